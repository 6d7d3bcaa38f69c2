using SalesKpi.Engine;
using SalesKpi.Reporting;
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

    [Fact]
    public void Merge_DenseHistogramsTooFarApartForOneArray_KeepsEveryValue()
    {
        // 0..2 and 100,000..100,001 span 100,002 days, more than one dense array may (65,536): the merge must fall back
        // to adding value by value instead of copying counts into a window that cannot hold them.
        var near = Histogram((0, 1), (1, 1), (2, 1));
        var far = Histogram((100_000, 1), (100_001, 1));

        near.Merge(far);

        Assert.Equal([(0, 1L), (1, 1L), (2, 1L), (100_000, 1L), (100_001, 1L)], near.Ascending());
        Assert.Equal(5, near.Count);
        Assert.Equal(0 + 1 + 2 + 100_000 + 100_001, near.Sum);
    }

    [Fact]
    public void Merge_CountAboveIntMaxValueAtTheStartOfTheArray_KeepsTheExactCount()
    {
        // Dense counts are ints. Day 1,000 occurs int.MaxValue times in one histogram and once in the other; both arrays
        // start at day 1,000. The merged count, int.MaxValue + 1 = 2,147,483,648, must not wrap around.
        var many = Histogram((1_000, int.MaxValue));

        many.Merge(Histogram((1_000, 1)));

        Assert.Equal([(1_000, 2_147_483_648L)], many.Ascending());
        Assert.Equal(2_147_483_648L, many.Count);
        Assert.Equal(2_147_483_648L * 1_000, many.Sum);
    }

    [Fact]
    public void Merge_CountAboveIntMaxValueInsideTheArray_KeepsTheExactCount()
    {
        // As above, but the overflowing day (1,001) is the second of both arrays (both start at 1,000 with one value):
        // 1,001 occurs int.MaxValue + 1 = 2,147,483,648 times, 1,000 twice; count 2,147,483,650.
        var many = Histogram((1_000, 1), (1_001, int.MaxValue));

        many.Merge(Histogram((1_000, 1), (1_001, 1)));

        Assert.Equal([(1_000, 2L), (1_001, 2_147_483_648L)], many.Ascending());
        Assert.Equal(2_147_483_650L, many.Count);
        Assert.Equal((2 * 1_000) + (2_147_483_648L * 1_001), many.Sum);
    }

    [Fact]
    public void Add_FirstValue_OpensADenseWindowOf64DaysFromIt()
    {
        var histogram = Histogram((1_000, 1));

        Assert.True(histogram.IsDense);
        Assert.Equal((1_000, 64), histogram.DenseWindow);
    }

    [Fact]
    public void Add_ValueAboveTheWindow_DoublesItUpwards()
    {
        // Window 0..63; day 100 needs 0..100 (101 days): the array doubles to 128 days, the room to spare above.
        var histogram = Histogram((0, 1), (100, 1));

        Assert.True(histogram.IsDense);
        Assert.Equal((0, 128), histogram.DenseWindow);
        Assert.Equal([(0, 1L), (100, 1L)], histogram.Ascending());
    }

    [Fact]
    public void Add_ValueBelowTheWindow_DoublesItDownwards()
    {
        // Window 0..63; day -10 needs -10..63 (74 days): 128 days, the room to spare below, so from 63 - 128 + 1 = -64.
        var histogram = Histogram((0, 1), (-10, 1));

        Assert.True(histogram.IsDense);
        Assert.Equal((-64, 128), histogram.DenseWindow);
        Assert.Equal([(-10, 1L), (0, 1L)], histogram.Ascending());
    }

    [Fact]
    public void Add_FarValueWithinTheDenseLimit_GrowsToExactlyTheSpan()
    {
        // Window 0..63; day 65,535 needs 0..65,535: 65,536 days, exactly the most one array holds.
        var histogram = Histogram((0, 1), (65_535, 1));

        Assert.True(histogram.IsDense);
        Assert.Equal((0, 65_536), histogram.DenseWindow);
    }

    [Fact]
    public void Add_ValuesSpreadBeyondTheDenseLimit_GoSparseAndKeepEveryValue()
    {
        // 0..65,536 is 65,537 days, one more than an array holds: the counts move to a dictionary.
        var histogram = Histogram((0, 2), (65_536, 3));

        Assert.False(histogram.IsDense);
        Assert.Equal((0, 0), histogram.DenseWindow);
        Assert.Equal([(0, 2L), (65_536, 3L)], histogram.Ascending());
        Assert.Equal(5, histogram.Count);
        Assert.Equal(3L * 65_536, histogram.Sum);
    }

    [Fact]
    public void Add_CountAboveIntMaxValueForOneValue_GoesSparseWithTheExactCount()
    {
        // int.MaxValue + 1 occurrences of day 5 do not fit an int count.
        var histogram = Histogram((5, int.MaxValue));
        Assert.True(histogram.IsDense);

        histogram.Add(5, 1);

        Assert.False(histogram.IsDense);
        Assert.Equal([(5, 2_147_483_648L)], histogram.Ascending());
    }

    [Fact]
    public void Merge_IntoEmpty_TakesTheOthersWindowAndStaysDense()
    {
        var empty = new DayHistogram();

        empty.Merge(Histogram((7, 1), (9, 2)));

        Assert.True(empty.IsDense);
        Assert.Equal((7, 64), empty.DenseWindow);
        Assert.Equal([(7, 1L), (9, 2L)], empty.Ascending());
    }

    [Fact]
    public void Merge_OverlappingDenseHistograms_AddsCountsAndStaysDense()
    {
        var histogram = Histogram((0, 1), (3, 1));

        histogram.Merge(Histogram((3, 2), (5, 1)));

        Assert.True(histogram.IsDense);
        Assert.Equal([(0, 1L), (3, 3L), (5, 1L)], histogram.Ascending());
        Assert.Equal(5, histogram.Count);
        Assert.Equal(0 + (3 * 3) + 5, histogram.Sum);
    }

    [Fact]
    public void ValuesAt_RanksInDescendingOrder_GivesEachRanksValue()
    {
        // Sorted sample 1, 2, 2, 9: rank 3 is 9, rank 1 is 2, rank 0 is 1, whatever order they are asked in; the same
        // with 100,000 in place of 9, which makes the histogram sparse.
        long[] ranks = [3, 1, 0];
        var dense = Histogram((1, 1), (2, 2), (9, 1));
        var values = new int[3];
        dense.ValuesAt(ranks, values);
        Assert.Equal([9, 2, 1], values);

        var sparse = Histogram((1, 1), (2, 2), (100_000, 1));
        var sparseValues = new int[3];
        sparse.ValuesAt(ranks, sparseValues);
        Assert.False(sparse.IsDense);
        Assert.Equal([100_000, 2, 1], sparseValues);
    }

    [Fact]
    public void Value_MoreObservationsThanAnIntCounts_ThrowsInsteadOfANegativeSampleSize()
    {
        // KpiValue.SampleSize is an int: a sample of int.MaxValue + 1 days must not be reported with a wrapped size.
        var histogram = Histogram((5, int.MaxValue), (6, 1));

        Assert.Throws<OverflowException>(() => KpiValue.Durations(new DaySample(histogram), "empty"));
    }

    [Fact]
    public void FromWindow_CountsFromTheFirstSlot_KeepsTheFirstValue()
    {
        // Counts of days 10, 11, 12: three 10s and one 12; the window is trimmed to 10..12.
        var histogram = DayHistogram.FromWindow(10, [3, 0, 1]);

        Assert.Equal([(10, 3L), (12, 1L)], histogram.Ascending());
        Assert.Equal(4, histogram.Count);
        Assert.Equal((3 * 10) + 12, histogram.Sum);
        Assert.Equal((10, 3), histogram.DenseWindow);
    }

    [Fact]
    public void FromWindow_NoCounts_IsEmpty()
    {
        var histogram = DayHistogram.FromWindow(10, [0, 0]);

        Assert.Equal(0, histogram.Count);
        Assert.Empty(histogram.Ascending());
        Assert.Equal((0, 0), histogram.DenseWindow);
    }

    [Fact]
    public void AddOrMerge_Nothing_LeavesTheHistogramAsItWas()
    {
        // Adding a value zero times, or merging an empty histogram, must not even open or move the dense window.
        var empty = new DayHistogram();
        empty.Add(5, 0);
        empty.Merge(new DayHistogram());
        Assert.Equal((0, 0), empty.DenseWindow);
        Assert.Equal(0, empty.Count);

        var one = Histogram((7, 1));
        one.Merge(new DayHistogram());
        Assert.Equal((7, 64), one.DenseWindow);
        Assert.Equal([(7, 1L)], one.Ascending());
    }

    private static DayHistogram Histogram(params (int Days, long Count)[] values)
    {
        var histogram = new DayHistogram();
        foreach (var (days, count) in values)
        {
            histogram.Add(days, count);
        }

        return histogram;
    }
}
