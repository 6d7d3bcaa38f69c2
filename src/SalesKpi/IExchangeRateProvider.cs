using NodaTime;

namespace SalesKpi;

/// <summary>
/// Supplies exchange rates so that amounts in several currencies can be reported in one currency.
/// </summary>
/// <remarks>
/// <para>Implementations must be safe to call from several threads at once.</para>
/// </remarks>
public interface IExchangeRateProvider
{
    /// <summary>Gets the rate that converts one unit of <paramref name="source"/> into <paramref name="target"/> on a date.</summary>
    /// <param name="source">The currency of the amount.</param>
    /// <param name="target">The reporting currency.</param>
    /// <param name="rateDate">The rate date (by default, the date of the event the amount belongs to).</param>
    /// <param name="rate">The number of <paramref name="target"/> units one <paramref name="source"/> unit is worth; greater than
    /// zero (evaluation fails with <see cref="System.InvalidOperationException"/> naming the provider, the currencies and the date
    /// otherwise).</param>
    /// <returns>True when a rate is known; false when the amount must be reported as unpriced.</returns>
    bool TryGetRate(Currency source, Currency target, LocalDate rateDate, out decimal rate);
}
