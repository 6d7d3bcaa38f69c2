using System.Numerics;
using System.Runtime.InteropServices;
using SalesKpi.Reporting;

namespace SalesKpi.Engine;

/// <summary>
/// A sample of whole numbers of days kept as a histogram: its memory grows with the spread of the values, not with
/// their number, and two histograms merge exactly. Mean, median and percentiles are those of the sorted sample.
/// </summary>
internal sealed class DayHistogram
{
    // Dense counts for values in [_min, _min + _counts.Length); past MaxDenseSpan, a dictionary.
    private const int MaxDenseSpan = 1 << 16;
    private int[] _counts = [];
    private int _min;
    private Dictionary<int, long>? _sparse;

    /// <summary>Gets the number of values.</summary>
    public long Count { get; private set; }

    /// <summary>Gets the sum of the values.</summary>
    public long Sum { get; private set; }

    /// <summary>Gets whether the counts are kept in one dense array (false once the spread needed a dictionary).</summary>
    public bool IsDense => _sparse is null;

    /// <summary>Gets the values the dense array has room for: from <c>Min</c>, <c>Length</c> of them (0 when sparse or empty).</summary>
    public (int Min, int Length) DenseWindow => (_counts.Length == 0 ? 0 : _min, _counts.Length);

    /// <summary>Returns the histogram of dense counts of the values from <paramref name="min"/> on.</summary>
    public static DayHistogram FromWindow(int min, ReadOnlySpan<int> counts)
    {
        var first = counts.IndexOfAnyExcept(0);
        var last = counts.LastIndexOfAnyExcept(0);
        var histogram = new DayHistogram();
        if (first < 0)
        {
            return histogram;
        }

        histogram._min = min + first;
        histogram._counts = counts[first..(last + 1)].ToArray();
        for (var i = first; i <= last; i++)
        {
            histogram.Count += counts[i];
            histogram.Sum += (long)(min + i) * counts[i];
        }

        return histogram;
    }

    public void Add(int days)
    {
        Count++;
        Sum += days;
        var index = (uint)(days - _min);
        if (index < (uint)_counts.Length && _sparse is null)
        {
            _counts[index]++;
            return;
        }

        Put(days, 1);
    }

    /// <summary>Adds <paramref name="count"/> occurrences of a value.</summary>
    public void Add(int days, long count)
    {
        if (count == 0)
        {
            return;
        }

        Count += count;
        Sum += days * count;
        Put(days, count);
    }

    public void Merge(DayHistogram other)
    {
        if (other.Count == 0)
        {
            return;
        }

        if (other._sparse is not null || _sparse is not null || WouldOverflow(other) || !Cover(other._min, other._min + other._counts.Length - 1))
        {
            foreach (var (days, count) in other.Ascending())
            {
                Add(days, count);
            }

            return;
        }

        var mine = _counts.AsSpan(other._min - _min, other._counts.Length);
        for (var i = 0; i < mine.Length; i++)
        {
            mine[i] += other._counts[i];
        }

        Count += other.Count;
        Sum += other.Sum;
    }

    /// <summary>Returns the values at the given ranks (0-based) of the sorted sample, in one pass.</summary>
    /// <param name="ranks">The ranks, each below <see cref="Count"/>, in any order.</param>
    /// <param name="values">Receives the value at each rank.</param>
    public void ValuesAt(ReadOnlySpan<long> ranks, Span<int> values)
    {
        if (_sparse is null)
        {
            ValuesAt(_counts, _min, ranks, values);
        }
        else
        {
            ValuesAt(Ascending(), ranks, values);
        }
    }

    /// <summary>Returns the values at ranks (in any order) of the sample of dense counts of the values from <paramref name="min"/> on.</summary>
    public static void ValuesAt(ReadOnlySpan<int> counts, int min, ReadOnlySpan<long> ranks, Span<int> values)
    {
        Span<int> order = stackalloc int[ranks.Length];
        Ascending(ranks, order);

        // One tight pass: each rank (ascending, each below the number of values) is reached by adding counts until
        // more values than the rank are seen; the value is the last count's.
        var i = 0;
        long seen = 0;
        foreach (var r in order)
        {
            var rank = ranks[r];
            while (seen <= rank)
            {
                seen += counts[i++];
            }

            values[r] = min + i - 1;
        }
    }

    /// <summary>Returns the number of values and their sum, of the dense counts of the values from <paramref name="min"/> on.</summary>
    public static (long Count, long Sum) CountAndSum(ReadOnlySpan<int> counts, int min)
    {
        long count = 0, offsets = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && counts.Length >= Vector<int>.Count)
        {
            // In lanes of int, a vector at a time: a cell has fewer than 2^31 values (they are records of one collection),
            // so the lanes' counts add up exactly; their offsets × counts do too while values × counters stay below 2^31,
            // which the count says before the offsets are summed.
            var whole = counts.Length - (counts.Length % Vector<int>.Count);
            var vectors = MemoryMarshal.Cast<int, Vector<int>>(counts[..whole]);
            var lanes = Vector<int>.Zero;
            foreach (var v in vectors)
            {
                lanes += v;
            }

            long counted = Vector.Sum(lanes);
            if (counted * whole <= int.MaxValue)
            {
                var index = Vector<int>.Indices;
                var step = new Vector<int>(Vector<int>.Count);
                var weighted = Vector<int>.Zero;
                foreach (var v in vectors)
                {
                    weighted += v * index;
                    index += step;
                }

                count = counted;
                offsets = Vector.Sum(weighted);
                i = whole;
            }
        }

        for (; i < counts.Length; i++)
        {
            count += counts[i];
            offsets += (long)i * counts[i];
        }

        return (count, (min * count) + offsets);
    }

    private static void ValuesAt(IEnumerable<(int Days, long Count)> ascending, ReadOnlySpan<long> ranks, Span<int> values)
    {
        Span<int> order = stackalloc int[ranks.Length];
        Ascending(ranks, order);
        var next = 0;
        long seen = 0;
        foreach (var (days, count) in ascending)
        {
            seen += count;
            while (next < order.Length && ranks[order[next]] < seen)
            {
                values[order[next++]] = days;
            }

            if (next == order.Length)
            {
                break;
            }
        }
    }

    /// <summary>Returns the indexes of the ranks in ascending order of rank (an insertion sort: there are a handful).</summary>
    private static void Ascending(ReadOnlySpan<long> ranks, Span<int> order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            var j = i;
            while (j > 0 && ranks[order[j - 1]] > ranks[i])
            {
                order[j] = order[j - 1];
                j--;
            }

            order[j] = i;
        }
    }

    /// <summary>Returns the distinct values in ascending order with their counts.</summary>
    public IEnumerable<(int Days, long Count)> Ascending()
    {
        if (_sparse is not null)
        {
            foreach (var key in _sparse.Keys.Order())
            {
                yield return (key, _sparse[key]);
            }

            yield break;
        }

        for (var i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] != 0)
            {
                yield return (_min + i, _counts[i]);
            }
        }
    }

    /// <summary>Returns true when adding the other's dense counts to these would overflow a count (billions of one value).</summary>
    private bool WouldOverflow(DayHistogram other)
    {
        for (var i = 0; i < other._counts.Length; i++)
        {
            var days = (long)other._min + i;
            var index = days - _min;
            if (index >= 0 && index < _counts.Length && (long)_counts[index] + other._counts[i] > int.MaxValue)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Makes the dense counts cover [low, high], when the span allows it; false once the histogram is (or must become) sparse.</summary>
    private bool Cover(long low, long high)
    {
        if (_sparse is not null)
        {
            return false;
        }

        if (_counts.Length == 0)
        {
            var length = (int)Math.Min(MaxDenseSpan, Math.Max(64, high - low + 1));
            if (high - low + 1 > length)
            {
                return false;
            }

            _min = (int)low;
            _counts = new int[length];
            return true;
        }

        if (low >= _min && high < (long)_min + _counts.Length)
        {
            return true;
        }

        long newMin = Math.Min(_min, low);
        long newMax = Math.Max((long)_min + _counts.Length - 1, high);
        var span = newMax - newMin + 1;
        if (span > MaxDenseSpan)
        {
            return false;
        }

        var grown = (int)Math.Min(MaxDenseSpan, Math.Max(span, 2L * _counts.Length));
        if (low < _min)
        {
            newMin = newMax - grown + 1; // the room to spare goes where the array grew
        }

        var counts = new int[grown];
        Array.Copy(_counts, 0, counts, _min - newMin, _counts.Length);
        _counts = counts;
        _min = (int)newMin;
        return true;
    }

    private void Put(int days, long count)
    {
        if (Cover(days, days))
        {
            var index = days - _min;
            if (_counts[index] + count <= int.MaxValue)
            {
                _counts[index] += (int)count;
                return;
            }
        }

        if (_sparse is null)
        {
            _sparse = [];
            for (var i = 0; i < _counts.Length; i++)
            {
                if (_counts[i] != 0)
                {
                    _sparse[_min + i] = _counts[i];
                }
            }

            _counts = [];
        }

        _sparse[days] = _sparse.GetValueOrDefault(days) + count;
    }
}

/// <summary>
/// A sample of whole days as a <see cref="KpiValue"/> needs it — size, sum and the values at given ranks — over a
/// <see cref="DayHistogram"/> or over a window of dense counts, without copying either.
/// </summary>
internal readonly struct DaySample
{
    private readonly DayHistogram? _histogram;
    private readonly int[]? _window;
    private readonly int _start;
    private readonly int _length;
    private readonly int _min;

    public DaySample(DayHistogram histogram)
    {
        _histogram = histogram;
        Count = histogram.Count;
        Sum = histogram.Sum;
    }

    /// <summary>Initializes a sample of the dense counts <c>window[start..start + length]</c> of the values from <paramref name="min"/> on.</summary>
    public DaySample(int[] window, int start, int length, int min)
    {
        _window = window;
        _start = start;
        _length = length;
        _min = min;
        (Count, Sum) = DayHistogram.CountAndSum(window.AsSpan(start, length), min);
    }

    /// <summary>Gets the number of values (0 for the default, empty sample).</summary>
    public long Count { get; }

    /// <summary>Gets the sum of the values.</summary>
    public long Sum { get; }

    /// <summary>Writes the values at ranks (in any order), each below <see cref="Count"/>.</summary>
    public void ValuesAt(ReadOnlySpan<long> ranks, Span<int> values)
    {
        if (_histogram is not null)
        {
            _histogram.ValuesAt(ranks, values);
        }
        else
        {
            DayHistogram.ValuesAt(_window.AsSpan(_start, _length), _min, ranks, values);
        }
    }
}
