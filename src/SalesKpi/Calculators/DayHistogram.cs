namespace SalesKpi.Calculators;

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

    public void Add(int days)
    {
        Count++;
        Sum += days;
        if (_sparse is not null)
        {
            _sparse[days] = _sparse.GetValueOrDefault(days) + 1;
            return;
        }

        var index = days - _min;
        if ((uint)index < (uint)_counts.Length)
        {
            _counts[index]++;
            return;
        }

        AddSlow(days, 1);
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
        AddSlow(days, count);
    }

    public void Merge(DayHistogram other)
    {
        if (other._sparse is not null)
        {
            foreach (var (days, count) in other._sparse)
            {
                Add(days, count);
            }

            return;
        }

        for (var i = 0; i < other._counts.Length; i++)
        {
            Add(other._min + i, other._counts[i]);
        }
    }

    /// <summary>Returns the sample as a <see cref="KpiUnit.Days"/> value, exactly as <see cref="KpiValue.Durations(IEnumerable{decimal}, string)"/> would from the sorted values.</summary>
    public KpiValue ToValue(string emptyReason) => KpiValue.Durations(this, emptyReason);

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

    private void AddSlow(int days, long count)
    {
        if (_sparse is null)
        {
            if (_counts.Length == 0)
            {
                _min = days;
                _counts = new int[16];
            }

            var index = (long)days - _min;
            if (index < 0 || index >= _counts.Length)
            {
                long newMin = Math.Min(_min, days);
                long newMax = Math.Max((long)_min + _counts.Length - 1, days);
                var span = newMax - newMin + 1;
                if (span <= MaxDenseSpan)
                {
                    var length = (int)Math.Min(MaxDenseSpan, Math.Max(span, 2L * _counts.Length));
                    if (days < _min)
                    {
                        newMin = newMax - length + 1; // the room to spare goes where the array grew
                    }

                    var counts = new int[length];
                    Array.Copy(_counts, 0, counts, _min - newMin, _counts.Length);
                    _counts = counts;
                    _min = (int)newMin;
                    index = (long)days - _min;
                }
                else
                {
                    index = -1;
                }
            }

            if (index >= 0 && _counts[index] + count <= int.MaxValue)
            {
                _counts[index] += (int)count;
                return;
            }

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
