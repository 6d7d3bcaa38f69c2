using NodaTime;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

public partial class KpiEvaluatorTests
{
    /// <summary>A user's own money KPI: deals closed, with their total value converted into the reporting currency.</summary>
    private static readonly MeasureKpiCalculator BookedDeals = new("booked-deals", KpiMeasure.CountWithAmount(KpiRecords.Deals));

    private static readonly LocalDate March31 = new(2025, 3, 31);
    private static readonly LocalDate April1 = new(2025, 4, 1);

    [Fact]
    public void Evaluate_ReportingCurrencyWithRates_ConvertsEachAmountAtItsEventsLocalDate()
    {
        // EUR -> USD is 1.10 on March 31 and 1.20 on April 1. A deal closed at 23:30 New York time on March 31 is
        // 2025-04-01T03:30Z: in New York its date is March 31, so it converts at 1.10 and belongs to March.
        var rates = new FakeExchangeRates().With(Currency.EUR, Currency.USD, March31, 1.10m).With(Currency.EUR, Currency.USD, April1, 1.20m);
        var lateInNewYork = Local("America/New_York", 2025, 3, 31, 23, 30);
        var data = SalesData.Create(deals: [Deal("r1", lateInNewYork, Eur(1_000m)), Deal("r1", Mar(10), Usd(500m))]);
        var settings = KpiSettings.Default.WithZone("America/New_York").WithReportingCurrency(Currency.USD, rates);

        var value = BookedDeals.Evaluate(data, March2025, settings);

        // 1,000 EUR x 1.10 + 500 USD (no conversion needed) = 1,600 USD.
        Assert.Equal(KpiValue.Count(2, Usd(1_600m)), value);
        Assert.Equal([(Currency.EUR, March31)], rates.Asked);
    }

    [Fact]
    public void Evaluate_SameDealInUtc_ConvertsAtTheUtcDate()
    {
        var rates = new FakeExchangeRates().With(Currency.EUR, Currency.USD, March31, 1.10m).With(Currency.EUR, Currency.USD, April1, 1.20m);
        var data = SalesData.Create(deals: [Deal("r1", Local("America/New_York", 2025, 3, 31, 23, 30), Eur(1_000m))]);
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, rates);

        var value = BookedDeals.Evaluate(data, April2025, settings);

        // In UTC the deal closed on April 1: it belongs to April and converts at 1.20: 1,200 USD.
        Assert.Equal(KpiValue.Count(1, Usd(1_200m)), value);
    }

    [Fact]
    public void Evaluate_FixedRateDate_ConvertsEveryAmountAtThatDate()
    {
        var rates = new FakeExchangeRates().With(Currency.EUR, Currency.USD, new LocalDate(2025, 1, 1), 1.05m);
        var data = SalesData.Create(deals: [Deal("r1", Mar(3), Eur(100m)), Deal("r1", Mar(30), Eur(300m))]);
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, rates, new LocalDate(2025, 1, 1));

        var value = BookedDeals.Evaluate(data, March2025, settings);

        // (100 + 300) EUR x 1.05 = 420 USD.
        Assert.Equal(Usd(420m), value.Amount);
    }

    [Fact]
    public void Evaluate_AmountWithNoRate_IsCountedAsUnpricedAndLeftOut()
    {
        var rates = new FakeExchangeRates().With(Currency.EUR, Currency.USD, March2025, 1.10m);
        var data = SalesData.Create(deals: [Deal("r1", Mar(3), Eur(1_000m)), Deal("r1", Mar(4), Gbp(700m)), Deal("r1", Mar(5), Usd(5m))]);
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, rates);

        var value = BookedDeals.Evaluate(data, March2025, settings);

        // 3 deals; amount 1,000 x 1.10 + 5 = 1,105 USD; the 700 GBP has no rate: unpriced, not summed as if USD.
        Assert.Equal(3m, value.Value);
        Assert.Equal(Usd(1_105m), value.Amount);
        Assert.Equal(1, value.UnpricedCount);
        Assert.Equal("3 (1,105.00 USD) [1 unpriced]", value.ToString());
    }

    [Fact]
    public void CostPerLead_SpendInAnotherCurrencyWithNoRate_IsUnpricedAndLeftOutOfTheNumerator()
    {
        var rates = new FakeExchangeRates().With(Currency.EUR, Currency.USD, March2025, 1.10m);
        var data = SalesData.Create(
            spend: [Spend("web", March2025, Eur(1_000m)), Spend("events", March2025, Gbp(700m))],
            leads: [.. Times(11, i => Lead(Mar(1 + i)))]);
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, rates);

        var value = Kpis.CostPerLead.Evaluate(data, March2025, settings);

        // 1,000 EUR x 1.10 = 1,100 USD; the GBP spend cannot be priced. 1,100 / 11 leads = 100 USD, 1 unpriced.
        Assert.Equal(100m, value.Value);
        Assert.Equal(1_100m, value.Numerator);
        Assert.Equal(Currency.USD, value.Currency);
        Assert.Equal(1, value.UnpricedCount);
    }

    [Fact]
    public void CostPerLead_MixedCurrenciesWithoutReportingCurrency_ThrowsNamingBoth()
    {
        var data = SalesData.Create(
            spend: [Spend("web", March2025, Usd(100m)), Spend("events", March2025, Eur(100m))],
            leads: [Lead(Mar(3))]);

        var error = Assert.Throws<InvalidOperationException>(() => Kpis.CostPerLead.Evaluate(data, March2025));

        Assert.Contains("USD", error.Message, StringComparison.Ordinal);
        Assert.Contains("EUR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ReportingCurrencyWithoutRates_ThrowsNamingBothCurrencies()
    {
        var data = SalesData.Create(deals: [Deal("r1", Mar(3), Eur(100m))]);
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD);

        var error = Assert.Throws<InvalidOperationException>(() => BookedDeals.Evaluate(data, March2025, settings));

        Assert.Contains("EUR", error.Message, StringComparison.Ordinal);
        Assert.Contains("USD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OneCurrencyWithoutReportingCurrency_ReportsInThatCurrency()
    {
        var data = SalesData.Create(deals: [Deal("r1", Mar(3), Eur(100m)), Deal("r1", Mar(4), Eur(50m))]);

        Assert.Equal(KpiValue.Count(2, Eur(150m)), BookedDeals.Evaluate(data, March2025));
    }
}
