using NodaTime;

namespace SalesKpi.Tests.Calculators;

/// <summary>
/// An exchange-rate provider with a table of rates by currency pair and date; a pair or date not in the table has no
/// rate. It records every date it was asked about, so a test can see which rate date the engine used.
/// </summary>
internal sealed class FakeExchangeRates : IExchangeRateProvider
{
    private readonly Dictionary<(Currency Source, Currency Target, LocalDate Date), decimal> _rates = [];
    private readonly List<(Currency Source, LocalDate Date)> _asked = [];

    public IReadOnlyList<(Currency Source, LocalDate Date)> Asked
    {
        get
        {
            lock (_asked)
            {
                return [.. _asked];
            }
        }
    }

    public FakeExchangeRates With(Currency source, Currency target, LocalDate date, decimal rate)
    {
        _rates[(source, target, date)] = rate;
        return this;
    }

    /// <summary>Adds one rate for every day of <paramref name="dates"/>.</summary>
    public FakeExchangeRates With(Currency source, Currency target, DateInterval dates, decimal rate)
    {
        foreach (var date in dates)
        {
            _rates[(source, target, date)] = rate;
        }

        return this;
    }

    public bool TryGetRate(Currency source, Currency target, LocalDate rateDate, out decimal rate)
    {
        lock (_asked)
        {
            _asked.Add((source, rateDate));
        }

        return _rates.TryGetValue((source, target, rateDate), out rate);
    }
}
