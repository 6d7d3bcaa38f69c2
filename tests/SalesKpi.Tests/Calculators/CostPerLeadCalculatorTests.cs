using SalesKpi.BuiltIn;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

/// <summary><c>cost-per-lead</c> and <c>cost-per-sql</c>: spend pro-rated by days over leads created or qualified.</summary>
public class CostPerLeadCalculatorTests
{
    /// <summary>
    /// Spend and leads of March and April 2025, in USD:
    /// <code>
    /// web       3,100 over Mar 15 - Apr 14 (31 days): March has 17 of them -> 3,100 x 17/31 = 1,700; April 14 -> 1,400
    /// referral    600 over Mar 1 - Mar 31: all in March
    /// March: web 17 leads (4 qualified), referral 3 leads (1 qualified); April: web 7 leads (2 qualified)
    /// </code>
    /// </summary>
    private static SalesData MarchAndApril() => SalesData.Create(
        spend:
        [
            Spend("web", Dates(2025, 3, 15, 2025, 4, 14), Usd(3_100m)),
            Spend("referral", March2025, Usd(600m)),
        ],
        leads:
        [
            .. Enumerable.Range(0, 17).Select(i => Lead(Mar(1 + i), "web", "r1", qualifiedAt: i < 4 ? Mar(20) : null)),
            .. Enumerable.Range(0, 3).Select(i => Lead(Mar(1 + i), "referral", "r2", qualifiedAt: i < 1 ? Mar(21) : null)),
            .. Enumerable.Range(0, 7).Select(i => Lead(Apr(1 + i), "web", "r1", qualifiedAt: i < 2 ? Apr(20) : null)),
        ]);

    [Fact]
    public void CostPerLead_SpendStraddlingTheMonth_ChargesMarchItsShareOfDays()
    {
        var value = Kpis.CostPerLead.Evaluate(MarchAndApril(), March2025);

        // Spend in March: web 1,700 (17 of 31 days) + referral 600 = 2,300; leads created in March: 17 + 3 = 20.
        // 2,300 / 20 = 115 USD per lead.
        Assert.Equal(115m, value.Value);
        Assert.Equal(Currency.USD, value.Currency);
        Assert.Equal(2_300m, value.Numerator);
        Assert.Equal(20m, value.Denominator);
        Assert.Equal(KpiUnit.Money, value.Unit);
    }

    [Fact]
    public void CostPerLead_PerMonth_ChargesEachMonthItsDaysOfTheStraddlingSpend()
    {
        var report = Kpis.CostPerLead.Evaluate(MarchAndApril(), Dates(2025, 3, 1, 2025, 4, 30), KpiGrouping.None, PeriodUnit.Month);

        // March: 2,300 / 20 = 115. April: web's other 14 days, 3,100 x 14/31 = 1,400, / 7 April leads = 200.
        Assert.Equal(115m, report.Get(KpiIds.CostPerLead, periodIndex: 0).Value);
        Assert.Equal(200m, report.Get(KpiIds.CostPerLead, periodIndex: 1).Value);
        Assert.Equal(1_400m, report.Get(KpiIds.CostPerLead, periodIndex: 1).Numerator);
    }

    [Fact]
    public void CostPerLead_RangeShorterThanTheSpend_ChargesTheDaysOfTheRangeOnly()
    {
        var data = SalesData.Create(spend: [Spend("web", March2025, Usd(3_100m))], leads: [Lead(Mar(20)), Lead(Mar(21))]);

        var value = Kpis.CostPerLead.Evaluate(data, Dates(2025, 3, 20, 2025, 3, 29));

        // The range covers 10 of the spend's 31 days: 3,100 x 10/31 = 1,000; / 2 leads = 500.
        Assert.Equal(500m, value.Value);
        Assert.Equal(1_000m, value.Numerator);
    }

    [Fact]
    public void CostPerLead_SharesOfThirds_AreRoundedToTenPlacesAndAddUpToTheWhole()
    {
        var data = SalesData.Create(
            spend: [Spend("web", Dates(2025, 3, 31, 2025, 4, 2), Usd(100m))],
            leads: [Lead(Mar(31)), Lead(Apr(1))]);

        var report = Kpis.CostPerLead.Evaluate(data, Dates(2025, 3, 1, 2025, 4, 30), KpiGrouping.None, PeriodUnit.Month);

        // 100 over 3 days: March gets 1 day = 33.3333333333, April 2 days = 66.6666666667 (10 places); sum 100.
        var march = report.Get(KpiIds.CostPerLead, periodIndex: 0);
        var april = report.Get(KpiIds.CostPerLead, periodIndex: 1);
        Assert.Equal(33.3333333333m, march.Numerator);
        Assert.Equal(66.6666666667m, april.Numerator);
        Assert.Equal(100m, march.Numerator + april.Numerator);
    }

    /// <summary>
    /// The rate date of spend was documented two ways: <see cref="KpiSettings"/> said "the first day of a spend record",
    /// the code and docs/kpis.md use the first day of the part of the record in the period. The docs now agree with the
    /// code; this pins it: each share converts at its own first day, so monthly shares of one record may convert at
    /// different rates and their sum differs from the same dates evaluated as one period.
    /// </summary>
    [Fact]
    public void CostPerLead_StraddlingSpendInAnotherCurrency_ConvertsEachShareAtItsFirstDayInThePeriod()
    {
        // 3,100 EUR over Mar 15 - Apr 14. EUR -> USD is 1.10 on March 15 and 1.20 on April 1.
        var rates = new FakeExchangeRates()
            .With(Currency.EUR, Currency.USD, new NodaTime.LocalDate(2025, 3, 15), 1.10m)
            .With(Currency.EUR, Currency.USD, new NodaTime.LocalDate(2025, 4, 1), 1.20m);
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD, rates);
        var data = SalesData.Create(spend: [Spend("web", Dates(2025, 3, 15, 2025, 4, 14), Eur(3_100m))], leads: [Lead(Mar(20)), Lead(Apr(2))]);
        var marchAndApril = Dates(2025, 3, 1, 2025, 4, 30);

        var monthly = Kpis.CostPerLead.Evaluate(data, marchAndApril, KpiGrouping.None, PeriodUnit.Month, settings);
        var whole = Kpis.CostPerLead.Evaluate(data, marchAndApril, settings);

        // March: 1,700 EUR x 1.10 (March 15) = 1,870 USD; April: 1,400 EUR x 1.20 (April 1) = 1,680 USD.
        // As one period the whole record converts at March 15: 3,100 x 1.10 = 3,410 USD, not 1,870 + 1,680 = 3,550.
        Assert.Equal(1_870m, monthly.Get(KpiIds.CostPerLead, periodIndex: 0).Numerator);
        Assert.Equal(1_680m, monthly.Get(KpiIds.CostPerLead, periodIndex: 1).Numerator);
        Assert.Equal(3_410m, whole.Numerator);
    }

    [Fact]
    public void CostPerLead_SpendButNoLeads_IsUndefinedWithReason()
    {
        var data = SalesData.Create(spend: [Spend("web", March2025, Usd(500m))], leads: [Lead(Apr(1))]);

        var value = Kpis.CostPerLead.Evaluate(data, March2025);

        Assert.False(value.IsDefined);
        Assert.Equal("no leads created in the period", value.UndefinedReason);
        Assert.Equal(500m, value.Numerator);
        Assert.Equal(0m, value.Denominator);
    }

    [Fact]
    public void CostPerLead_GroupedBySource_DividesEachChannelsSpendByItsOwnLeads()
    {
        var report = Kpis.CostPerLead.Evaluate(MarchAndApril(), March2025, KpiGrouping.BySource);

        // web: 1,700 / 17 = 100; referral: 600 / 3 = 200.
        Assert.Equal<string>(["referral", "web"], report.Groups);
        Assert.Equal(100m, report.Get(KpiIds.CostPerLead, "web").Value);
        Assert.Equal(200m, report.Get(KpiIds.CostPerLead, "referral").Value);
    }

    [Fact]
    public void CostPerLead_FilteredBySource_KeepsThatChannelsSpendAndLeads()
    {
        var webCost = Kpis.CostPerLead.Where(KpiFilter.Source("web"), "web-cost-per-lead");

        var value = webCost.Evaluate(MarchAndApril(), March2025);

        // The filter keeps web's spend (1,700 in March) and web's leads (17): 100, as in the by-source report.
        Assert.Equal(100m, value.Value);
        Assert.Equal(1_700m, value.Numerator);
    }

    [Fact]
    public void CostPerLead_ChannelWithLeadsButNoSpend_CostsZero()
    {
        var data = SalesData.Create(spend: [Spend("web", March2025, Usd(100m))], leads: [Lead(Mar(1), "web"), Lead(Mar(2), "organic")]);
        var settings = KpiSettings.Default.WithReportingCurrency(Currency.USD);

        var report = Kpis.CostPerLead.Evaluate(data, March2025, KpiGrouping.BySource, settings: settings);

        // organic: 0 spent / 1 lead = 0 USD (a free channel); web: 100 / 1 = 100 USD.
        Assert.Equal(KpiValue.MoneyRatio(Usd(0m), 1m), report.Get(KpiIds.CostPerLead, "organic"));
        Assert.Equal(KpiValue.MoneyRatio(Usd(100m), 1m), report.Get(KpiIds.CostPerLead, "web"));
    }

    [Theory]
    [InlineData(KpiIds.CostPerLead, "rep")]
    [InlineData(KpiIds.CostPerSql, "rep")]
    [InlineData(KpiIds.CostPerLead, "team")]
    [InlineData(KpiIds.CostPerSql, "team")]
    public void CostPerLead_GroupedByRepOrTeam_IsUndefinedBecauseSpendHasNoRep(string id, string dimension)
    {
        Assert.True(Kpis.TryGet(id, out var kpi));
        var data = MarchAndApril().WithRoster(Roster(("r1", "east"), ("r2", "west")));
        var grouping = dimension == "rep" ? KpiGrouping.ByRep : KpiGrouping.ByTeam;

        var report = new KpiEvaluator().Evaluate(data, new KpiQuery(March2025, [kpi, Kpis.NewLeads], grouping));

        // The leads split by rep, the spend cannot: every group's cost is undefined, with the reason; new-leads is not.
        Assert.NotEmpty(report.Groups);
        foreach (var group in report.Groups)
        {
            var value = report.Get(id, group);
            Assert.False(value.IsDefined);
            Assert.Equal($"{id} reads spend, which cannot be grouped by {dimension}", value.UndefinedReason);
            Assert.True(report.Get(KpiIds.NewLeads, group).IsDefined);
        }
    }

    [Fact]
    public void CostPerSql_SpendStraddlingTheMonth_IsMarchSpendOverLeadsQualifiedInMarch()
    {
        var value = Kpis.CostPerSql.Evaluate(MarchAndApril(), March2025);

        // 2,300 spent in March / 5 leads qualified in March (web 4 + referral 1) = 460 USD per SQL.
        Assert.Equal(460m, value.Value);
        Assert.Equal(2_300m, value.Numerator);
        Assert.Equal(5m, value.Denominator);
    }

    [Fact]
    public void CostPerSql_DecidedByQualifiedAt_CountsAFebruaryLeadQualifiedInMarch()
    {
        var data = SalesData.Create(
            spend: [Spend("web", March2025, Usd(900m))],
            leads: [Lead(Feb(10), qualifiedAt: Mar(3)), Lead(Mar(10), qualifiedAt: Mar(11)), Lead(Mar(12), qualifiedAt: Apr(1)), Lead(Mar(13))]);

        var value = Kpis.CostPerSql.Evaluate(data, March2025);

        // SQLs of March: the February lead qualified Mar 3 and the Mar 10 lead = 2; 900 / 2 = 450.
        Assert.Equal(450m, value.Value);
    }

    [Fact]
    public void CostPerSql_NoLeadsQualified_IsUndefinedWithReason()
    {
        var data = SalesData.Create(spend: [Spend("web", March2025, Usd(900m))], leads: [Lead(Mar(10))]);

        var value = Kpis.CostPerSql.Evaluate(data, March2025);

        Assert.False(value.IsDefined);
        Assert.Equal("no leads qualified in the period", value.UndefinedReason);
    }

    [Fact]
    public void CostPerSql_GroupedBySource_DividesEachChannelsSpendByItsOwnSqls()
    {
        var report = Kpis.CostPerSql.Evaluate(MarchAndApril(), March2025, KpiGrouping.BySource);

        // web: 1,700 / 4 = 425; referral: 600 / 1 = 600.
        Assert.Equal(425m, report.Get(KpiIds.CostPerSql, "web").Value);
        Assert.Equal(600m, report.Get(KpiIds.CostPerSql, "referral").Value);
    }

    [Fact]
    public void Constructor_Basis_ChoosesTheIdAndTheLowerIsBetterDirection()
    {
        var perLead = new CostPerLeadCalculator();
        var perSql = new CostPerLeadCalculator(CostPerLeadBasis.SalesQualifiedLeads);

        Assert.Equal(KpiIds.CostPerLead, perLead.Id);
        Assert.Equal(KpiIds.CostPerSql, perSql.Id);
        Assert.Equal(KpiDirection.LowerIsBetter, perLead.Direction);
        Assert.Throws<ArgumentOutOfRangeException>("basis", () => new CostPerLeadCalculator((CostPerLeadBasis)7));
    }

    [Fact]
    public void Constructor_OwnId_IsKeptAndTheBasisStillDecidesTheRest()
    {
        var perSql = new CostPerLeadCalculator(CostPerLeadBasis.SalesQualifiedLeads, "cost-per-qualified-lead");

        Assert.Equal("cost-per-qualified-lead", perSql.Id);
        Assert.Equal("marketing spend / sales-qualified leads", perSql.Description);
    }

    [Fact]
    public void DescriptionAndComponents_NameTheSpendAndTheLeadsOfTheBasis()
    {
        var perLead = new CostPerLeadCalculator();
        var perSql = new CostPerLeadCalculator(CostPerLeadBasis.SalesQualifiedLeads);

        Assert.Equal("marketing spend / new leads", perLead.Description);
        Assert.Equal("marketing spend / sales-qualified leads", perSql.Description);
        // The spend part carries the KPI's own id; the leads part is the built-in count, which the columnar scan counts.
        Assert.Equal(["cost-per-lead", KpiIds.NewLeads], perLead.Components.Select(c => c.Id));
        Assert.Equal(["cost-per-sql", KpiIds.SqlCount], perSql.Components.Select(c => c.Id));
        Assert.Same(Kpis.NewLeads, perLead.Components[1]);
        Assert.Same(Kpis.SqlCount, perSql.Components[1]);
    }
}
