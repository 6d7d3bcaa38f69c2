using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Calculators;

/// <summary>Money totals refuse to add currencies they cannot convert, and say what to configure.</summary>
public sealed class MoneyTotalTests
{
    private static MoneyTotal Total(KpiSettings settings) =>
        new KpiCalculatorContext(settings, SalesData.Create([], [], [], [], [], CreateRoster())).CreateMoneyTotal();

    [Fact]
    public void Add_TwoCurrenciesWithNoReportingCurrency_AsksForOneAndForRates()
    {
        var total = Total(KpiSettings.Default);
        total.Add(Usd(1m), January.Start);

        var e = Assert.Throws<InvalidOperationException>(() => total.Add(Eur(1m), January.Start));
        Assert.Equal("Cannot sum amounts in EUR and USD: set a reporting currency and an exchange-rate provider in KpiSettings.", e.Message);
    }

    [Fact]
    public void Add_TwoCurrencies_NamesThemInTheOrderOfTheirCodes_WhicheverCameFirst()
    {
        // The engines and partitions sum records in different orders: the message must not depend on it.
        var eurFirst = Total(KpiSettings.Default);
        eurFirst.Add(Eur(1m), January.Start);
        var usdFirst = Total(KpiSettings.Default);
        usdFirst.Add(Usd(1m), January.Start);

        var a = Assert.Throws<InvalidOperationException>(() => eurFirst.Add(Usd(1m), January.Start));
        var b = Assert.Throws<InvalidOperationException>(() => usdFirst.Add(Eur(1m), January.Start));
        Assert.StartsWith("Cannot sum amounts in EUR and USD:", a.Message, StringComparison.Ordinal);
        Assert.Equal(a.Message, b.Message);
    }

    [Fact]
    public void Add_AnotherCurrencyThanTheReportingOneWithNoRates_AsksForRates()
    {
        var total = Total(KpiSettings.Default.WithReportingCurrency(Currency.USD));

        var e = Assert.Throws<InvalidOperationException>(() => total.Add(Eur(1m), January.Start));
        Assert.Equal("Cannot report an amount in EUR in USD: no exchange-rate provider is configured in KpiSettings.", e.Message);
    }

    [Fact]
    public void Merge_TotalsInTwoCurrencies_Refused_OneCurrency_Added()
    {
        var usd = Total(KpiSettings.Default);
        usd.Add(Usd(2m), January.Start);
        var eur = Total(KpiSettings.Default);
        eur.Add(Eur(3m), January.Start);
        var moreUsd = Total(KpiSettings.Default);
        moreUsd.Add(Usd(5m), January.Start);

        var e = Assert.Throws<InvalidOperationException>(() => usd.Merge(eur));
        Assert.Equal("Cannot sum amounts in EUR and USD: set a reporting currency and an exchange-rate provider in KpiSettings.", e.Message);
        usd.Merge(moreUsd);
        Assert.Equal((7m, 2L), (usd.Amount, usd.Count));
    }
}
