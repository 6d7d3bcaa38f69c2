using System.Text;

namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>Bugs the hostile-input suite found, each kept as the test that showed it.</summary>
public class RegressionTests
{
    [Fact]
    public void Regression_Import_InvalidUtf8SilentlyBecameReplacementCharacters()
    {
        // A Latin-1 file used to import under every mode with "Jos\uFFFD" as the name: the é was lost without a word.
        // "r1,Jos" is 6 characters, so the 0xE9 is column 7 of line 2.
        var outcome = ByteSource.Run("reps.csv", Encoding.Latin1.GetBytes("id,name,team\nr1,José,north\n"), CsvErrorMode.Report);

        var rejection = Assert.IsType<CsvImportException>(outcome.Error).Rejection!;
        Assert.Equal("mem/reps.csv:2:7: the file is not valid UTF-8: the bytes 0xE9 here are not a UTF-8 character (a Latin-1 or Windows-1252 file? save it as UTF-8)", rejection.ToString());
    }

    [Fact]
    public void Regression_Import_AmountAboveDecimalMaxValueWasCalledNotANumber()
    {
        // 79228162514264337593543950336 is decimal.MaxValue + 1: a well-formed number, too large, which the message used to
        // call "not an amount; write a number with '.' as the decimal separator". "O1,acme,r1,2025-01-10T09:00:00Z," is
        // 32 characters, so the amount is column 33.
        var text = "id,account,owner,created_at,amount,currency,status,closed_at,lead_id,expected_close\nO1,acme,r1,2025-01-10T09:00:00Z,79228162514264337593543950336,USD,open,,,\n";

        var rejection = ByteSource.Fails("opportunities.csv", ByteSource.Utf8(text));

        Assert.Equal("mem/opportunities.csv:2:33: amount: the amount 79228162514264337593543950336 is too large; an amount is at most 1000000000000000000 (10^18), so that no sum of amounts overflows", rejection.ToString());
    }

    [Fact]
    public void Regression_Import_MillionCharacterBadValueMadeAMegabyteMessage()
    {
        // An unknown status of a million 'x's used to be quoted whole: a 1 MB rejection printed to the terminal.
        // "O1,acme,r1,2025-01-10T09:00:00Z,10,USD," is 39 characters, so the status is column 40.
        var text = "id,account,owner,created_at,amount,currency,status\nO1,acme,r1,2025-01-10T09:00:00Z,10,USD," + new string('x', 1_000_000) + "\n";

        var rejection = ByteSource.Fails("opportunities.csv", ByteSource.Utf8(text));

        Assert.Equal($"mem/opportunities.csv:2:40: status: unknown status '{new string('x', 60)}… (1,000,000 characters)'; use open, won or lost", rejection.ToString());
    }

    [Fact]
    public void Regression_Import_TimestampPastTheEndOfTheCalendar_CrashedWithOverflowException()
    {
        // 9999-12-31T23:00:00-05:00 is 10000-01-01T04:00:00Z: OffsetDateTime.ToInstant() threw OverflowException, which
        // escaped even OnError=Report. "L1," is 3 characters, so created_at is column 4.
        var text = "id,created_at,owner,source,qualified_at,converted_at\nL1,9999-12-31T23:00:00-05:00,,web,,\n";

        var outcome = ByteSource.Run("leads.csv", ByteSource.Utf8(text), CsvErrorMode.Report);

        Assert.Null(outcome.Error);
        Assert.Equal(
            "mem/leads.csv:2:4: created_at: '9999-12-31T23:00:00-05:00' is past the end of the calendar: an instant is at most 9999-12-31T23:59:59Z",
            Assert.Single(outcome.Result!.Rejections).ToString());
    }
}
