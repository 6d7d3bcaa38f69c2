using SalesKpi.Calculators;

namespace SalesKpi.Tests.Engine;

/// <summary>
/// A sample of cycle days kept as a histogram must give exactly the value of the sorted sample — mean, median,
/// percentiles, size — however it was built: added one by one, merged in pieces, spread widely (sparse), or read from
/// a window of counts.
/// </summary>
public sealed class DayHistogramTests
{
    [Theory]
    [InlineData(1, 1, 0, 10)]
    [InlineData(2, 2, 0, 10)]
    [InlineData(3, 7, -3, 400)]
    [InlineData(4, 500, 0, 180)]
    [InlineData(5, 300, -100_000, 100_000)]
    [InlineData(6, 1_000, 5, 6)]
    public void Value_RandomSamples_IsTheSortedSamplesValue(int seed, int size, int min, int max)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, size).Select(_ => random.Next(min, max)).ToArray();
        var expected = KpiValue.Durations(values.Select(v => (decimal)v), "empty");

        var oneByOne = new DayHistogram();
        foreach (var v in values)
        {
            oneByOne.Add(v);
        }

        var merged = new DayHistogram();
        foreach (var chunk in values.Chunk(Math.Max(1, size / 3)))
        {
            var part = new DayHistogram();
            foreach (var v in chunk)
            {
                part.Add(v);
            }

            merged.Merge(part);
        }

        Assert.Equal(expected, KpiValue.Durations(new DaySample(oneByOne), "empty"));
        Assert.Equal(expected, KpiValue.Durations(new DaySample(merged), "empty"));
        if (max - min < 10_000)
        {
            var window = new int[max - min + 4];
            foreach (var v in values)
            {
                window[v - min + 2]++;
            }

            Assert.Equal(expected, KpiValue.Durations(new DaySample(window, 0, window.Length, min - 2), "empty"));
            Assert.Equal(expected, KpiValue.Durations(new DaySample(DayHistogram.FromWindow(min - 2, window)), "empty"));
        }
    }

    [Fact]
    public void Value_Empty_IsUndefinedWithTheReason()
    {
        Assert.Equal(KpiValue.Durations([], "no deals"), KpiValue.Durations(new DaySample(new DayHistogram()), "no deals"));
        Assert.Equal(KpiValue.Durations([], "no deals"), KpiValue.Durations(default(DaySample), "no deals"));
    }
}
