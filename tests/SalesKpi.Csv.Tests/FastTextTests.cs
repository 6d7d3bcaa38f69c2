using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SalesKpi.Csv.Tests;

/// <summary>
/// <see cref="FastText"/> accepts only what the general parsers accept, and gives their value: random text built from
/// the pieces of ISO values (digits, separators, offsets, fractions, out-of-range fields) and hand-picked edges.
/// </summary>
public class FastTextTests
{
    private static readonly OffsetDateTimePattern Seconds = OffsetDateTimePattern.ExtendedIso;
    private static readonly OffsetDateTimePattern Minutes = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>");

    [Theory]
    [InlineData("2026-03-01T09:15:00Z", true)]
    [InlineData("2026-03-01T12:15:00+03:00", true)]
    [InlineData("2026-03-01T12:15:00-03:30", true)]
    [InlineData("2026-03-01T09:15Z", true)]
    [InlineData("2026-03-01T09:15:00.5Z", true)]
    [InlineData("2026-03-01T09:15:00.123456789Z", true)]
    [InlineData("2024-02-29T23:59:59Z", true)]
    [InlineData("2025-02-29T00:00:00Z", false)]
    [InlineData("2026-03-01T24:00:00Z", false)]
    [InlineData("2026-03-01T09:60:00Z", false)]
    [InlineData("2026-03-01T09:15:60Z", false)]
    [InlineData("2026-03-01T09:15:00.1234567890Z", false)]
    [InlineData("2026-03-01T09:15:00.Z", false)]
    [InlineData("2026-03-01T09:15:00", false)]
    [InlineData("2026-03-01t09:15:00Z", false)]
    [InlineData("2026-03-01T09:15:00z", false)]
    [InlineData("0001-01-01T00:00:00Z", false)]
    [InlineData("9999-12-31T23:00:00-05:00", false)]
    [InlineData("2026-03-01T09:15:00+18:00", false)]
    [InlineData("2026-03-01T09:15:00+03", false)]
    public void TryParseInstant_Edges_AgreeWithNodaTime(string text, bool fast)
    {
        Assert.Equal(fast, FastText.TryParseInstant(text, out var instant));
        if (fast)
        {
            Assert.Equal(General(text), instant);
        }
    }

    [Fact]
    public void TryParseInstant_RandomText_AcceptsOnlyWhatNodaTimeAcceptsWithTheSameInstant()
    {
        var random = new Random(18);
        var accepted = 0;
        for (var n = 0; n < 200_000; n++)
        {
            var text = RandomInstantText(random);
            if (FastText.TryParseInstant(text, out var instant))
            {
                accepted++;
                Assert.True(General(text) == instant, $"'{text}': fast {instant}, NodaTime {General(text)?.ToString() ?? "refuses it"}");
            }
        }

        // The generator is built to hit the fast path often; a test that accepts nothing proves nothing.
        Assert.InRange(accepted, 20_000, 200_000);
    }

    [Fact]
    public void TryParseDate_RandomText_AcceptsOnlyWhatNodaTimeAcceptsWithTheSameDate()
    {
        var random = new Random(19);
        var accepted = 0;
        for (var n = 0; n < 100_000; n++)
        {
            var text = $"{Pick(random, "2026", "0001", "9999", "1900", "2000", "2024", "2023", "12345", "abcd")}-{Number(random, 0, 14)}-{Number(random, 0, 32)}";
            if (FastText.TryParseDate(text, out var date))
            {
                accepted++;
                var general = LocalDatePattern.Iso.Parse(text);
                Assert.True(general.Success && general.Value == date, $"'{text}': fast {date}");
            }
        }

        Assert.InRange(accepted, 10_000, 100_000);
    }

    [Fact]
    public void TryParseAmount_RandomText_AcceptsOnlyWhatDecimalParseAcceptsWithTheSameValueAndScale()
    {
        var random = new Random(20);
        var accepted = 0;
        for (var n = 0; n < 200_000; n++)
        {
            var length = random.Next(1, 22);
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = random.Next(12) switch { 0 => '.', 1 => Pick(random, "-", "+", "e", " ", ",")[0], _ => (char)('0' + random.Next(10)) };
            }

            var text = new string(chars);
            if (FastText.TryParseAmount(text, out var amount))
            {
                accepted++;
                Assert.True(decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var general), $"'{text}': fast {amount}, decimal refuses it");
                Assert.Equal(general.ToString(CultureInfo.InvariantCulture), amount.ToString(CultureInfo.InvariantCulture));
            }
        }

        Assert.InRange(accepted, 20_000, 200_000);
    }

    private static Instant? General(string text)
    {
        var result = Seconds.Parse(text);
        if (!result.Success)
        {
            result = Minutes.Parse(text);
        }

        return result.Success ? result.Value.ToInstant() : null;
    }

    private static string RandomInstantText(Random random)
    {
        var date = $"{Pick(random, "2026", "1970", "2024", "0002", "9998", "0001", "9999", "1600", "2100")}-{Number(random, 0, 13)}-{Number(random, 0, 32)}";
        var time = $"{Number(random, 0, 25)}:{Number(random, 0, 61)}";
        var seconds = random.Next(4) switch
        {
            0 => string.Empty,
            1 => ":" + Number(random, 0, 61),
            2 => ":" + Number(random, 0, 60) + "." + new string('7', random.Next(0, 11)),
            _ => ":" + Number(random, 0, 60) + "." + random.Next(1_000_000).ToString(CultureInfo.InvariantCulture),
        };
        var offset = random.Next(5) switch
        {
            0 or 1 => "Z",
            2 => $"+{Number(random, 0, 19)}:{Number(random, 0, 61)}",
            3 => $"-{Number(random, 0, 19)}:{Number(random, 0, 61)}",
            _ => Pick(random, "", "z", "+03", "+0300", " Z"),
        };
        return date + Pick(random, "T", "T", "T", "t", " ") + time + seconds + offset;
    }

    private static string Number(Random random, int from, int to) => random.Next(from, to).ToString("00", CultureInfo.InvariantCulture);

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];
}
