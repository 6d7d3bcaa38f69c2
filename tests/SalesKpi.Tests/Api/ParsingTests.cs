using System.Globalization;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Reps;

namespace SalesKpi.Tests.Api;

/// <summary>
/// The text forms of the value types — the identifiers, <see cref="Currency"/> and <see cref="Money"/> — through
/// <see cref="IParsable{TSelf}"/>, <see cref="ISpanParsable{TSelf}"/> and <see cref="ISpanFormattable"/>, the
/// interfaces ASP.NET Core binds route and query-string values with and string interpolation formats with.
/// </summary>
public sealed class ParsingTests
{
    /// <summary>Text that is not an amount of money, each for its own reason.</summary>
    public static TheoryData<string> MalformedMoney =>
    [
        "1250.00",                             // no currency
        "1250.00 eur",                         // a code is upper case
        "1250.00 EURO",                        // not a code
        "1250.00 ABC",                         // three letters, but not ISO 4217
        "1250.00  EUR",                        // two spaces: the amount ends with one
        " 1250.00 EUR",                        // white space before
        "1250.00 EUR ",                        // white space after
        "EUR 1250.00",                         // the code comes last
        " EUR",                                // no amount
        "abc EUR",                             // not a number
        "1e3 EUR",                             // no exponent
        "(5.00) EUR",                          // no accounting parentheses
        "5.00- EUR",                           // no trailing sign
        "1,25 EUR",                            // a decimal comma is not a thousands separator: not 125
        "1,2,3 EUR",                           // separators out of place
        "12,34.00 EUR",                        // separators out of place
        "79228162514264337593543950336 EUR",   // decimal.MaxValue + 1
        "0.00000000000000000000000000001 EUR", // 29 decimals: a decimal holds 28, and would round this to 0
    ];

    [Fact]
    public void Identifiers_ParseOfToString_RoundTrips()
    {
        AssertRoundTrips(new RepId("rep-42"), "rep-42");
        AssertRoundTrips(new TeamId("team north"), "team north");
        AssertRoundTrips(new LeadId("lead/7"), "lead/7");
        AssertRoundTrips(new OpportunityId("opp-ü"), "opp-ü");
        AssertRoundTrips(new DealId("D-1"), "D-1");
        AssertRoundTrips(new ActivityId("a:9"), "a:9");
        AssertRoundTrips(new AccountId(" acme "), " acme ");
    }

    [Fact]
    public void Identifiers_GenericParse_ReadsEachType()
    {
        Assert.Equal(new RepId("r1"), P<RepId>("r1"));
        Assert.Equal(new TeamId("t1"), P<TeamId>("t1"));
        Assert.Equal(new LeadId("l1"), P<LeadId>("l1"));
        Assert.Equal(new OpportunityId("o1"), P<OpportunityId>("o1"));
        Assert.Equal(new DealId("d1"), P<DealId>("d1"));
        Assert.Equal(new ActivityId("a1"), P<ActivityId>("a1"));
        Assert.Equal(new AccountId("acme"), P<AccountId>("acme"));
        Assert.Equal(Currency.EUR, P<Currency>("EUR"));
        Assert.Equal(new Money(1_250m, Currency.EUR), P<Money>("1,250.00 EUR"));
    }

    [Fact]
    public void Identifiers_TryParseNullOrBlank_ReturnFalseAndTheDefault()
    {
        AssertRefusesBlank<RepId>();
        AssertRefusesBlank<TeamId>();
        AssertRefusesBlank<LeadId>();
        AssertRefusesBlank<OpportunityId>();
        AssertRefusesBlank<DealId>();
        AssertRefusesBlank<ActivityId>();
        AssertRefusesBlank<AccountId>();
    }

    [Fact]
    public void Identifier_Parse_KeepsTheTextAsItIs()
    {
        // The constructor's rule: not trimmed, not case-folded; only blank text is refused.
        Assert.Equal(" Rep 1 ", RepId.Parse(" Rep 1 ", null).Value);
        Assert.Equal("x", DealId.Parse("x".AsSpan(), CultureInfo.InvariantCulture).Value);
    }

    [Fact]
    public void Identifier_ParseBlank_ThrowsFormatException()
    {
        var e = Assert.Throws<FormatException>(() => RepId.Parse(" ", null));
        Assert.Equal("An identifier (RepId) must not be empty or white space.", e.Message);
        Assert.Throws<FormatException>(() => OpportunityId.Parse(ReadOnlySpan<char>.Empty, null));
        Assert.Throws<ArgumentNullException>("s", () => AccountId.Parse(null!, null));
    }

    [Fact]
    public void Identifier_TryFormat_ReturnsFalseWhenTheDestinationIsTooSmall()
    {
        var id = new LeadId("lead-1");
        var buffer = new char[6];

        Assert.False(id.TryFormat(buffer.AsSpan(0, 5), out var tooFew, default, null));
        Assert.Equal(0, tooFew);
        Assert.True(id.TryFormat(buffer, out var written, default, null));
        Assert.Equal("lead-1", new string(buffer, 0, written));
    }

    [Fact]
    public void Identifier_FormatStringAndProvider_AreIgnored()
    {
        var id = new DealId("D-7");

        Assert.Equal("D-7", id.ToString("N2", new NumberFormatInfo { NumberDecimalSeparator = "," }));
        Assert.Equal("[D-7]", string.Create(CultureInfo.InvariantCulture, $"[{id:X}]"));
    }

    [Fact]
    public void Currency_ParseOfToString_RoundTrips()
    {
        AssertRoundTrips(Currency.EUR, "EUR");
        AssertRoundTrips(new Currency("JPY"), "JPY");
        AssertRoundTrips(Currency.None, "XXX");
    }

    [Theory]
    [InlineData("")]
    [InlineData("eur")]
    [InlineData(" EUR")]
    [InlineData("EURO")]
    [InlineData("ABC")]
    [InlineData("E")]
    public void Currency_TryParseNotACode_ReturnsFalse(string text)
    {
        Assert.False(Currency.TryParse(text, null, out var result));
        Assert.Equal(Currency.None, result);
        Assert.False(Currency.TryParse(text.AsSpan(), null, out _));
        var e = Assert.Throws<FormatException>(() => Currency.Parse(text, null));
        Assert.StartsWith($"'{text}' is not an ISO 4217 currency code", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Currency_TryParseNull_ReturnsFalse()
    {
        Assert.False(Currency.TryParse(null, null, out _));
        Assert.Throws<ArgumentNullException>("s", () => Currency.Parse(null!, null));
    }

    [Fact]
    public void Currency_TryFormat_ReturnsFalseWhenTheDestinationIsTooSmall()
    {
        Span<char> buffer = stackalloc char[3];

        Assert.False(Currency.GBP.TryFormat(buffer[..2], out var tooFew, default, null));
        Assert.Equal(0, tooFew);
        Assert.True(Currency.GBP.TryFormat(buffer, out var written, "C", CultureInfo.InvariantCulture));
        Assert.Equal("GBP", buffer[..written].ToString());
    }

    [Theory]
    [InlineData("1250", "EUR", "1,250.00 EUR")]
    [InlineData("-0.125", "USD", "-0.125 USD")]
    [InlineData("0.5", "GBP", "0.50 GBP")]
    [InlineData("1234567.891", "JPY", "1,234,567.891 JPY")]
    [InlineData("0", "XXX", "0.00 XXX")]
    [InlineData("79228162514264337593543950335", "USD", "79,228,162,514,264,337,593,543,950,335.00 USD")] // decimal.MaxValue
    [InlineData("-0.0000000000000000000000000001", "EUR", "-0.0000000000000000000000000001 EUR")] // the smallest step, 28 decimals
    public void Money_ParseOfToString_RoundTripsEveryDigit(string amount, string code, string expected)
    {
        var money = new Money(decimal.Parse(amount, CultureInfo.InvariantCulture), new Currency(code));

        AssertRoundTrips(money, expected);
        Assert.Equal(money.Amount, Money.Parse(expected, null).Amount);
    }

    [Fact]
    public void Money_Parse_AcceptsTheAmountWithoutThousandsSeparators()
    {
        var parsed = Money.Parse("1250.5 EUR", null);

        Assert.Equal(new Money(1_250.5m, Currency.EUR), parsed);
        Assert.Equal("1,250.50 EUR", parsed.ToString());
        Assert.Equal(new Money(7m, Currency.USD), Money.Parse("+7 USD", null));
    }

    [Theory]
    [MemberData(nameof(MalformedMoney))]
    public void Money_TryParseMalformed_ReturnsFalse(string text)
    {
        Assert.False(Money.TryParse(text, null, out var result));
        Assert.Equal(default, result);
        Assert.False(Money.TryParse(text.AsSpan(), CultureInfo.InvariantCulture, out _));
        var e = Assert.Throws<FormatException>(() => Money.Parse(text, null));
        Assert.StartsWith($"'{text}' is not an amount of money: ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Money_TryParseNullOrBlank_ReturnsFalse(string? text)
    {
        Assert.False(Money.TryParse(text, null, out _));
    }

    [Fact]
    public void Money_ParseMessage_SaysWhatIsWrong()
    {
        Assert.Equal(
            "'1,25 EUR' is not an amount of money: its thousands separators are not where formatting puts them.",
            Assert.Throws<FormatException>(() => Money.Parse("1,25 EUR", null)).Message);
        Assert.Equal(
            "'0.00000000000000000000000000001 EUR' is not an amount of money: it has more digits than a decimal holds.",
            Assert.Throws<FormatException>(() => Money.Parse("0.00000000000000000000000000001 EUR", null)).Message);
        Assert.Throws<ArgumentNullException>("s", () => Money.Parse(null!, null));
    }

    [Fact]
    public void Money_WithAProvider_FormatsAndParsesInItsNumberFormat()
    {
        // A decimal comma and a dot between thousands, as in German, without relying on the machine's culture data.
        var german = new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };
        var money = new Money(1_250.5m, Currency.EUR);

        Assert.Equal("1.250,50 EUR", money.ToString(null, german));
        Assert.Equal(money, Money.Parse("1.250,50 EUR", german));
        Assert.Equal(money, Money.Parse("1250,5 EUR", german));
        // In that format "1,25" is one and a quarter, not 125.
        Assert.Equal(new Money(1.25m, Currency.EUR), Money.Parse("1,25 EUR", german));
        Assert.False(Money.TryParse("1.25 EUR", german, out _)); // a dot there groups thousands: 1.250 would be 1250
    }

    [Fact]
    public void Money_WithoutAProvider_IsInvariantWhateverTheCurrentCulture()
    {
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = comma;
        try
        {
            var money = new Money(1_250.5m, Currency.EUR);

            Assert.Equal("1,250.50 EUR", money.ToString());
            Assert.Equal("1,250.50 EUR", $"{money}");
            Assert.Equal(money, Money.Parse("1,250.50 EUR", null));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Money_FormatString_AppliesToTheAmount()
    {
        var money = new Money(1_250.4m, Currency.EUR);

        Assert.Equal("1,250 EUR", money.ToString("N0", null));
        Assert.Equal("Total: 1250.400 EUR", string.Create(CultureInfo.InvariantCulture, $"Total: {money:0.000}"));
        Assert.Equal("1,250.40 EUR", money.ToString(string.Empty, null));
    }

    [Fact]
    public void Money_TryFormat_ReturnsFalseWhenTheDestinationIsTooSmall()
    {
        var money = new Money(1_250m, Currency.EUR); // "1,250.00 EUR": 12 characters
        var buffer = new char[12];

        Assert.False(money.TryFormat(buffer.AsSpan(0, 11), out var oneShort, default, null));
        Assert.Equal(0, oneShort);
        Assert.False(money.TryFormat(buffer.AsSpan(0, 8), out var amountOnly, default, null)); // room for "1,250.00" alone
        Assert.Equal(0, amountOnly);
        Assert.False(money.TryFormat(buffer.AsSpan(0, 3), out _, default, null));
        Assert.True(money.TryFormat(buffer, out var written, default, null));
        Assert.Equal("1,250.00 EUR", new string(buffer, 0, written));
    }

    /// <summary>Parses through the generic constraint alone, as a model binder or a configuration reader does.</summary>
    private static T P<T>(string s)
        where T : IParsable<T> => T.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>
    /// Asserts that <paramref name="value"/> is written as <paramref name="expected"/> by every formatting path —
    /// ToString, IFormattable, TryFormat, interpolation — and read back as an equal value by every parsing path.
    /// </summary>
    private static void AssertRoundTrips<T>(T value, string expected)
        where T : ISpanParsable<T>, ISpanFormattable, IEquatable<T>
    {
        Assert.Equal(expected, value.ToString());
        Assert.Equal(expected, value.ToString(null, CultureInfo.InvariantCulture));
        Assert.Equal(expected, $"{value}");
        var buffer = new char[expected.Length];
        Assert.True(value.TryFormat(buffer, out var written, default, null));
        Assert.Equal(expected, new string(buffer, 0, written));

        Assert.Equal(value, T.Parse(expected, null));
        Assert.Equal(value, T.Parse(expected.AsSpan(), null));
        Assert.True(T.TryParse(expected, null, out var parsed));
        Assert.Equal(value, parsed);
        Assert.True(T.TryParse(expected.AsSpan(), null, out var fromSpan));
        Assert.Equal(value, fromSpan);
        Assert.Equal(expected, T.Parse(value.ToString()!, null).ToString());
    }

    private static void AssertRefusesBlank<T>()
        where T : struct, ISpanParsable<T>
    {
        foreach (var blank in new[] { null, string.Empty, " ", "\t\r\n" })
        {
            Assert.False(T.TryParse(blank, null, out var result));
            Assert.Equal(default, result);
            Assert.False(T.TryParse(blank.AsSpan(), null, out _));
        }
    }
}
