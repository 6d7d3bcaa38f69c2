using System.Collections.Immutable;
using System.Globalization;
using SalesKpi.Utility;

namespace SalesKpi.Pipeline;

/// <summary>
/// One line of a pipeline waterfall: how many opportunities (or changes) it holds, and their amounts, one per currency,
/// never converted.
/// </summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class PipelineFlow
{
    internal PipelineFlow(long count, ImmutableArray<Money> amounts)
    {
        Count = count;
        Amounts = amounts;
    }

    /// <summary>Gets the number of opportunities of a stock or of events of a flow; for <see cref="PipelineFlowKind.Increased"/>
    /// and <see cref="PipelineFlowKind.Decreased"/>, the number of amount changes (outside the count identity).</summary>
    public long Count { get; }

    /// <summary>Gets the amounts, one per currency met, in the order of the currency codes; a currency is listed once the
    /// line holds an amount in it, even one that sums to zero.</summary>
    public ImmutableArray<Money> Amounts { get; }

    /// <summary>Returns the amount in one currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount; zero in <paramref name="currency"/> when the line has none in it.</returns>
    public Money AmountIn(Currency currency)
    {
        foreach (var amount in Amounts)
        {
            if (amount.Currency == currency)
            {
                return amount;
            }
        }

        return Money.Zero(currency);
    }

    /// <summary>Returns the count and the amounts, such as <c>2: 1,500.00 EUR, 3,000.00 USD</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        Count.ToString(CultureInfo.InvariantCulture) + (Amounts.IsEmpty ? string.Empty : ": " + string.Join(", ", Amounts.Select(a => a.ToString(null, CultureInfo.InvariantCulture))));

    /// <summary>The mutable sum of one line while a waterfall is computed.</summary>
    internal sealed class Builder
    {
        private readonly SortedDictionary<string, Money> _amounts = new(StringComparer.Ordinal);

        public long Count { get; private set; }

        public void Add(Money amount, long count = 1)
        {
            Count += count;
            var code = amount.Currency.Code;
            _amounts[code] = _amounts.TryGetValue(code, out var sum) ? sum + amount : amount;
        }

        public void Merge(Builder other)
        {
            Preconditions.CheckNotNull(other);
            Count += other.Count;
            foreach (var amount in other._amounts.Values)
            {
                Add(amount, 0);
            }
        }

        public PipelineFlow ToFlow() => new(Count, [.. _amounts.Values]);
    }
}
