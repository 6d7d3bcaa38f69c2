using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

public partial class KpiCalculatorExtensionsTests
{
    [Fact]
    public void DividedBy_BuiltInOverCustom_IsARatioKpiPerGroup()
    {
        var data = SalesData.Create(activities:
        [
            .. Times(9, i => Call("r1", Mar(1 + i))), .. Times(2, i => Demo("r1", Mar(1 + i))),
            .. Times(2, i => Call("r2", Mar(1 + i))),
        ]);
        var callsPerDemo = Kpis.Calls.DividedBy(Demos, "calls-per-demo");

        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(March2025, [callsPerDemo], KpiGrouping.ByRep));

        // r1: 9 calls / 2 demos = 4.5; r2 gave no demo.
        Assert.Equal(4.5m, report.Get("calls-per-demo", "r1").Value);
        Assert.Equal(9m, report.Get("calls-per-demo", "r1").Numerator);
        Assert.Equal(2m, report.Get("calls-per-demo", "r1").Denominator);
        Assert.False(report.Get("calls-per-demo", "r2").IsDefined);
        Assert.Equal("demos is zero", report.Get("calls-per-demo", "r2").UndefinedReason);
        Assert.Equal("calls / demos", callsPerDemo.Description);
    }

    [Fact]
    public void DividedBy_MoneyOverACount_IsMoneyPerUnit_MoneyOverMoney_IsARatio_BothCountingUnpricedAmounts()
    {
        // March, USD reporting with no rates: 1,000 USD and 3,000 USD new business, 500 EUR renewal (unpriced).
        // Revenue per deal won: 4,000 USD / 3 deals, unpriced 1 (revenue) + 1 (deals won counts deals and sums their
        // value, so it carries the unpriced one too) = 2: a derived ratio adds its components' unpriced counts.
        // Revenue over renewal revenue: the renewals' only amount is unpriced, so the divisor is undefined.
        // Revenue over new-business revenue: 4,000 / 4,000 = 1, unpriced 1 (revenue) + 0 = 1.
        var data = SalesData.Create(deals:
        [
            Deal("r1", Mar(2), TestUtilities.TestData.Usd(1_000m)), Deal("r1", Mar(3), TestUtilities.TestData.Usd(3_000m)),
            Deal("r1", Mar(4), TestUtilities.TestData.Eur(500m), Deals.DealKind.Renewal),
        ]);
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, new FakeExchangeRates());
        var perDeal = Kpis.Revenue.DividedBy(Kpis.DealsWon, "revenue-per-deal");
        var overNew = Kpis.Revenue.DividedBy(Kpis.Revenue.Where(KpiFilter.DealKind(Deals.DealKind.NewBusiness), "new-revenue"), "revenue-over-new");
        var overRenewals = Kpis.Revenue.DividedBy(Kpis.Revenue.Where(KpiFilter.DealKind(Deals.DealKind.Renewal), "renewal-revenue"), "revenue-over-renewals");

        var report = new KpiEvaluator(settings).Evaluate(data, new KpiQuery(March2025, [perDeal, overNew, overRenewals]));

        Assert.Equal(KpiUnit.Money, perDeal.Unit);
        Assert.Equal(KpiValue.MoneyRatio(TestUtilities.TestData.Usd(4_000m), 3m, "deals-won is zero", unpricedCount: 2), report.Get("revenue-per-deal"));
        Assert.Equal(KpiUnit.Ratio, overNew.Unit);
        Assert.Equal(1m, report.Get("revenue-over-new").Value);
        Assert.Equal(1, report.Get("revenue-over-new").UnpricedCount);
        Assert.False(report.Get("revenue-over-renewals").IsDefined);
    }

    [Fact]
    public void DividedBy_CustomOverBuiltIn_BucketsByMonth()
    {
        var data = SalesData.Create(activities:
        [
            .. Times(3, i => Demo("r1", Mar(1 + i))), .. Times(4, i => Meeting("r1", Mar(1 + i))),
            .. Times(1, i => Demo("r1", Apr(1 + i))), .. Times(4, i => Meeting("r1", Apr(1 + i))),
        ]);
        var demosPerMeeting = Demos.DividedBy(Kpis.Meetings, "demos-per-meeting");

        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(Dates(2025, 3, 1, 2025, 4, 30), [demosPerMeeting], per: PeriodUnit.Month));

        // March: 3 demos / 4 meetings = 0.75; April: 1 / 4 = 0.25.
        Assert.Equal(0.75m, report.Get("demos-per-meeting", periodIndex: 0).Value);
        Assert.Equal(0.25m, report.Get("demos-per-meeting", periodIndex: 1).Value);
    }

    [Fact]
    public void DividedBy_UndefinedComponent_IsUndefinedNamingIt()
    {
        var ratio = Kpis.CallToMeetingRate.DividedBy(Demos, "rate-per-demo");

        var value = ratio.Evaluate(SalesData.Create(activities: [Demo("r1", Mar(3))]), March2025);

        Assert.False(value.IsDefined);
        Assert.Equal("call-to-meeting-rate is undefined: calls is zero", value.UndefinedReason);
    }
}
