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
    /// <summary>Gets the rate that converts one unit of <paramref name="from"/> into <paramref name="to"/> on a date.</summary>
    /// <param name="from">The currency of the amount.</param>
    /// <param name="to">The reporting currency.</param>
    /// <param name="date">The rate date (by default, the date of the event the amount belongs to).</param>
    /// <param name="rate">The number of <paramref name="to"/> units one <paramref name="from"/> unit is worth.</param>
    /// <returns>True when a rate is known; false when the amount must be reported as unpriced.</returns>
    bool TryGetRate(Currency from, Currency to, LocalDate date, out decimal rate);
}
