namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>Hostile values in well-formed files: formula-like text kept verbatim, numbers too large for an amount.</summary>
public class ContentTests
{
    private const string OpportunitiesHeader = "id,account,owner,created_at,amount,currency,status,closed_at,lead_id,expected_close\n";

    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    public void Import_FormulaLikeText_IsKeptVerbatimAsData(string formula)
    {
        // Quoted so that the CR and the quotes are data; the importer neither strips nor neutralises anything.
        var cell = "\"" + formula.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var result = ByteSource.Succeeds("reps.csv", ByteSource.Utf8($"id,name,team\n{cell},{cell},{cell}\n"));

        var rep = result.Data.Roster.Reps.Single();
        Assert.Equal((formula, formula, formula), (rep.Id.Value, rep.Name, rep.Team.Value));
    }

    [Fact]
    public void Import_FormulaLikeSourceAndAccount_AreKeptVerbatim()
    {
        var result = MemorySource.Import(
            CsvErrorMode.Fail,
            ("leads.csv", "id,created_at,owner,source,qualified_at,converted_at\n@SUM(1),2025-01-06T09:00:00Z,,=cmd|' /C calc'!A0,,\n"),
            ("opportunities.csv", OpportunitiesHeader + "O1,-2+3,+1+1,2025-01-10T09:00:00Z,10,USD,open,,@SUM(1),\n"));

        Assert.Equal(("@SUM(1)", "=cmd|' /C calc'!A0"), (result.Data.Leads.Single().Id.Value, result.Data.Leads.Single().Source));
        var opportunity = result.Data.Opportunities.Single();
        Assert.Equal(("-2+3", "+1+1", "@SUM(1)"), (opportunity.Account.Value, opportunity.Owner.Value, opportunity.Lead!.Value.Value));
    }

    [Theory]
    [InlineData("1e40")]
    [InlineData("1E5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("∞")]
    [InlineData("0x10")]
    [InlineData("1,000.00")]
    [InlineData("12 000")]
    public void Import_AmountNotAPlainDecimal_FailsNamingTheAmountColumn(string amount)
    {
        // "amount" is the fifth field: "O1,acme,r1,2025-01-10T09:00:00Z," is 32 characters, so it starts at column 33.
        var rejection = AmountRejection(amount);

        Assert.Equal(("mem/opportunities.csv", 2L, 33, "amount"), (rejection.File, rejection.Line, rejection.Column, rejection.Field));
        Assert.Contains("is not an amount", rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("79228162514264337593543950336")] // decimal.MaxValue + 1
    [InlineData("100000000000000000000000000000000000000000")]
    [InlineData("99999999999999999999999999999999999999999999999999.5")]
    [InlineData("79228162514264337593543950335")] // decimal.MaxValue: two of them would overflow a sum
    [InlineData("1000000000000000000.01")] // just above the largest amount, 10^18
    public void Import_AmountAboveTheLargestAmount_FailsNamingTheColumnAndTheLimit(string amount)
    {
        var rejection = AmountRejection(amount);

        Assert.Equal((2L, 33, "amount"), (rejection.Line, rejection.Column, rejection.Field));
        Assert.Contains($"the amount {amount} is too large; an amount is at most 1000000000000000000 (10^18)", rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-79228162514264337593543950336")]
    [InlineData("-1")]
    public void Import_NegativeAmountOfAnySize_IsCalledNegative(string amount)
    {
        var rejection = AmountRejection(amount);

        Assert.Equal((2L, 33, "amount", $"the amount {amount} is negative"), (rejection.Line, rejection.Column, rejection.Field, rejection.Reason));
    }

    [Fact]
    public void Import_TheLargestAmount_IsKeptExactly()
    {
        var result = Import("1000000000000000000.00");

        Assert.Equal(1_000_000_000_000_000_000m, result.Data.Opportunities.Single().Amount.Amount);
    }

    [Fact]
    public void Import_AmountWithMoreDigitsThanADecimalHolds_IsRoundedToTwentyEightSignificantDigits()
    {
        // 0.1 followed by 40 ones: a decimal keeps 28 digits after the point, rounding the rest (...111|111 rounds down).
        var result = Import("0." + new string('1', 40));

        Assert.Equal(0.1111111111111111111111111111m, result.Data.Opportunities.Single().Amount.Amount);
    }

    private static CsvImportResult Import(string amount) =>
        ByteSource.Succeeds("opportunities.csv", ByteSource.Utf8(OpportunitiesHeader + $"O1,acme,r1,2025-01-10T09:00:00Z,{amount},USD,open,,,\n"));

    private static CsvRejection AmountRejection(string amount) =>
        ByteSource.Fails("opportunities.csv", ByteSource.Utf8(OpportunitiesHeader + $"O1,acme,r1,2025-01-10T09:00:00Z,\"{amount}\",USD,open,,,\n"));
}
