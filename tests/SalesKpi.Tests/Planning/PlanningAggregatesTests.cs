using NodaTime;
using SalesKpi.BuiltIn;
using SalesKpi.Deals;
using SalesKpi.Engine;
using SalesKpi.Extensibility;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Tests.Calculators;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Planning;

/// <summary>
/// The internal aggregates behind pipeline coverage and the SaaS magic number (white-box): what each takes from a
/// record at the edges of a period, how partial accumulators merge, and the arguments they refuse.
/// </summary>
public sealed class PlanningAggregatesTests
{
    private static readonly KpiPeriod JanuaryPeriod = PeriodPlan.Create(January, PeriodUnit.Month, KpiSettings.Default, includePrevious: false).Periods[0];

    private static readonly Instant EndOfJanuary = Instant.FromUtc(2025, 2, 1, 0, 0);

    private static KpiCalculatorContext Context(KpiSettings? settings = null) =>
        new(settings ?? KpiSettings.Default, SalesData.Create([], [], [], [], [], CreateRoster()));

    [Fact]
    public void OpenOpportunities_AreThoseCreatedBeforeTheEndAndNotClosedBeforeIt_MergedAcrossPartitions()
    {
        // Open (100), closed exactly at the end (200: still open during the period), created exactly at the end (400: not
        // yet), closed before the end (800). Open at the end: 100 + 200 = 300 USD in 2 opportunities; with a second
        // partition holding one more open one (1,000): 3 and 1,300.
        var kpi = new OpenOpportunitiesCalculator();
        var a = kpi.CreateAccumulator(Context());
        a.Add(CreateOpportunity(id: "O-1", amount: Usd(100m)), JanuaryPeriod);
        a.Add(CreateOpportunity(id: "O-2", amount: Usd(200m), status: OpportunityStatus.Won, closedAt: EndOfJanuary), JanuaryPeriod);
        a.Add(CreateOpportunity(id: "O-3", amount: Usd(400m), createdAt: EndOfJanuary), JanuaryPeriod);
        a.Add(CreateOpportunity(id: "O-4", amount: Usd(800m), status: OpportunityStatus.Lost, closedAt: T2), JanuaryPeriod);
        Assert.Equal((2m, 300m), (a.GetValue().Value!.Value, a.GetValue().Amount!.Value.Amount));

        var b = kpi.CreateAccumulator(Context());
        b.Add(CreateOpportunity(id: "O-5", amount: Usd(1_000m)), JanuaryPeriod);
        a.Merge(b);
        Assert.Equal((3m, 1_300m), (a.GetValue().Value!.Value, a.GetValue().Amount!.Value.Amount));
        Assert.Null(kpi.CreateAccumulator(Context()).GetValue().Amount);
        Assert.Equal("opportunities open at the end of the period", kpi.Description);
    }

    [Fact]
    public void PipelineExpectedToClose_SumsTheOpenOnesByExpectedCloseDate_MergedAcrossPartitions()
    {
        var kpi = new PipelineExpectedToCloseCalculator();
        var open = CreateOpportunity(id: "O-1", amount: Usd(100m), expectedClose: new LocalDate(2025, 1, 20));
        var won = CreateOpportunity(id: "O-2", amount: Usd(200m), status: OpportunityStatus.Won, closedAt: T2, expectedClose: new LocalDate(2025, 1, 20));
        Assert.Equal(new LocalDate(2025, 1, 20), ((KpiInput<Opportunity>)kpi.Inputs[0]).Span!(open, KpiSettings.Default)!.Value.Start);
        Assert.Null(((KpiInput<Opportunity>)kpi.Inputs[0]).Span!(won, KpiSettings.Default));

        var a = kpi.CreateAccumulator(Context());
        a.Add(open, JanuaryPeriod);
        var b = kpi.CreateAccumulator(Context());
        b.Add(CreateOpportunity(id: "O-3", amount: Usd(50m), expectedClose: new LocalDate(2025, 1, 31)), JanuaryPeriod);
        a.Merge(b);
        Assert.Equal(KpiValue.FromMoney(Usd(150m)), a.GetValue());
        Assert.Equal("amount of the open opportunities expected to close in the period", kpi.Description);
        Assert.Equal("opportunities by expected close date", kpi.Inputs[0].Description);
    }

    [Theory]
    [InlineData(2025, 1, 15, 2025, 3, 10, "561.2903225807")] // Jan 17/31 × 300 = 164.5161290323, Feb 300, Mar 10/31 × 300 = 96.7741935484
    [InlineData(2025, 1, 15, 2025, 3, 1, "474.1935483871")] // Jan 164.5161290323, Feb 300, Mar 1/31 × 300 = 9.6774193548
    [InlineData(2025, 2, 1, 2025, 2, 28, "300")] // the whole of February
    [InlineData(2024, 6, 1, 2025, 1, 1, "9.6774193548")] // only 1 January is in the period
    [InlineData(2025, 3, 31, 2025, 12, 31, "9.6774193548")] // only 31 March
    public void RecurringRevenue_Earned_ProRatesEachMonthByTheDaysTheTermCovers(int y1, int m1, int d1, int y2, int m2, int d2, string expected)
    {
        var period = new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31));
        var term = new DateInterval(new LocalDate(y1, m1, d1), new LocalDate(y2, m2, d2));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), RecurringRevenueCalculator.Earned(300m, term, period));
    }

    [Fact]
    public void RecurringRevenue_TermsTouchingThePeriod_CountTheirDaysInIt_ConvertedAtTheFirstDayEarned()
    {
        // Monthly 310 EUR at 2 USD per EUR. Ending on 1 January: 1/31 × 310 = 10 EUR = 20 USD, converted on 1 January.
        // Starting on 31 January: 10 EUR = 20 USD, converted on 31 January. Ending on 31 December: nothing.
        var rates = new FakeExchangeRates().With(Currency.EUR, Currency.USD, January, 2m);
        var kpi = new RecurringRevenueCalculator();
        var a = kpi.CreateAccumulator(Context(KpiSettings.Default.WithReportingCurrency(Currency.USD, rates)));
        a.Add(Recurring("D-1", new LocalDate(2024, 12, 1), new LocalDate(2025, 1, 1)), JanuaryPeriod);
        a.Add(Recurring("D-2", new LocalDate(2024, 11, 1), new LocalDate(2024, 12, 31)), JanuaryPeriod);
        var b = kpi.CreateAccumulator(Context(KpiSettings.Default.WithReportingCurrency(Currency.USD, rates)));
        b.Add(Recurring("D-3", new LocalDate(2025, 1, 31), new LocalDate(2025, 6, 30)), JanuaryPeriod);
        a.Merge(b);

        Assert.Equal(KpiValue.FromMoney(Usd(40m)), a.GetValue());
        Assert.Equal([(Currency.EUR, new LocalDate(2025, 1, 1)), (Currency.EUR, new LocalDate(2025, 1, 31))], rates.Asked);
    }

    [Fact]
    public void SalesAndMarketingSpend_ProRatesEachRecordByDays_MergedAcrossPartitions()
    {
        // 620 USD over 1-31 January and 280 USD over 15 January - 11 February (28 days, 17 in January: 170 USD).
        var kpi = new SalesAndMarketingSpendCalculator();
        var a = kpi.CreateAccumulator(Context());
        a.Add(new MarketingSpend("web", January, Usd(620m)), JanuaryPeriod);
        var b = kpi.CreateAccumulator(Context());
        b.Add(new MarketingSpend("events", new DateInterval(new LocalDate(2025, 1, 15), new LocalDate(2025, 2, 11)), Usd(280m)), JanuaryPeriod);
        a.Merge(b);
        Assert.Equal(KpiValue.FromMoney(Usd(790m)), a.GetValue());
        Assert.Equal("sales and marketing spend in the period, pro-rated by days", kpi.Description);
        Assert.Equal("recurring revenue earned in the period, pro-rated by the days of each month the contract term covers", new RecurringRevenueCalculator().Description);
    }

    [Fact]
    public void Aggregates_RefuseNullArguments_NamingThem()
    {
        AggregateKpiCalculator[] kpis = [new OpenOpportunitiesCalculator(), new PipelineExpectedToCloseCalculator(), new RecurringRevenueCalculator(), new SalesAndMarketingSpendCalculator()];
        foreach (var kpi in kpis)
        {
            Assert.Throws<ArgumentNullException>("context", () => kpi.CreateAccumulator(null!));
            Assert.Throws<ArgumentNullException>("other", () => kpi.CreateAccumulator(Context()).Merge(null!));
        }

        Assert.Throws<ArgumentNullException>("opportunity", () => kpis[0].CreateAccumulator(Context()).Add((Opportunity)null!, JanuaryPeriod));
        Assert.Throws<ArgumentNullException>("period", () => kpis[0].CreateAccumulator(Context()).Add(CreateOpportunity(), null!));
        Assert.Throws<ArgumentNullException>("opportunity", () => kpis[1].CreateAccumulator(Context()).Add((Opportunity)null!, JanuaryPeriod));
        Assert.Throws<ArgumentNullException>("period", () => kpis[1].CreateAccumulator(Context()).Add(CreateOpportunity(expectedClose: new LocalDate(2025, 1, 2)), null!));
        Assert.Throws<ArgumentNullException>("deal", () => kpis[2].CreateAccumulator(Context()).Add((Deal)null!, JanuaryPeriod));
        Assert.Throws<ArgumentNullException>("period", () => kpis[2].CreateAccumulator(Context()).Add(Recurring("D-1", new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 2)), null!));
        Assert.Throws<ArgumentNullException>("spend", () => kpis[3].CreateAccumulator(Context()).Add((MarketingSpend)null!, JanuaryPeriod));
        Assert.Throws<ArgumentNullException>("period", () => kpis[3].CreateAccumulator(Context()).Add(CreateSpend(), null!));
    }

    private static Deal Recurring(string id, LocalDate start, LocalDate end) =>
        CreateDeal(id: id, kind: DealKind.Renewal, value: Eur(1_000m), term: new DateInterval(start, end), recurringMonthly: Eur(310m));
}
