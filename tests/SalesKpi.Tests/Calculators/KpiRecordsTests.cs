using NodaTime;
using SalesKpi.Activities;
using SalesKpi.BuiltIn;
using SalesKpi.Deals;
using SalesKpi.Engine;
using SalesKpi.Extensibility;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Calculators;

/// <summary>
/// The building blocks of custom measures and filters: the descriptions a user reads in messages and reports, the
/// record each condition keeps, and (white-box) the declarative conditions the columnar engine plans with.
/// </summary>
public sealed class KpiRecordsTests
{
    public static TheoryData<string, string> RecordSets() => new()
    {
        { KpiRecords.Activities.Description, "activities by occurred at" },
        { KpiRecords.LeadsCreated.Description, "leads by created at" },
        { KpiRecords.LeadsQualified.Description, "leads by qualified at" },
        { KpiRecords.LeadsConverted.Description, "leads by converted at" },
        { KpiRecords.OpportunitiesCreated.Description, "opportunities by created at" },
        { KpiRecords.OpportunitiesClosed.Description, "opportunities by closed at" },
        { KpiRecords.OpportunitiesWon.Description, "opportunities by closed at (won)" },
        { KpiRecords.Deals.Description, "deals by closed at" },
        { KpiRecords.Activities.OfKind(SalesActivityKind.Call, SalesActivityKind.Email).Description, "activities by occurred at of kind call or email" },
        { KpiRecords.Activities.WithOutcomes(ActivityOutcomes.Connected).ToString(), "activities by occurred at with outcome connected" },
        { KpiRecords.LeadsCreated.FromSource("web", "event").Description, "leads by created at from web or event" },
        { KpiRecords.LeadsCreated.Qualified().Converted().Description, "leads by created at qualified converted" },
        { KpiRecords.OpportunitiesClosed.WithStatus(OpportunityStatus.Won, OpportunityStatus.Lost).Description, "opportunities by closed at with status won or lost" },
        { KpiRecords.Deals.OfKind(DealKind.Renewal, DealKind.AddOn).Description, "deals by closed at of kind renewal or add-on" },
    };

    [Theory]
    [MemberData(nameof(RecordSets))]
    public void Description_NamesTheCollectionTimestampAndEachCondition(string actual, string expected) => Assert.Equal(expected, actual);

    public static TheoryData<string, string> Measures() => new()
    {
        { KpiMeasure.Count(KpiRecords.Deals).Description, "count of deals by closed at" },
        { KpiMeasure.CountWithAmount(KpiRecords.Deals).Description, "count and amount of deals by closed at" },
        { KpiMeasure.Total(KpiRecords.OpportunitiesWon).Description, "total amount of opportunities by closed at (won)" },
        { KpiMeasure.Average(KpiRecords.Deals, "no deals").Description, "mean amount of deals by closed at" },
        { KpiMeasure.Share(KpiRecords.LeadsCreated, KpiRecords.LeadsCreated.Qualified(), "no leads").Description, "share of leads by created at that are leads by created at qualified" },
        { KpiMeasure.Share(KpiRecords.Deals, KpiRecords.Deals.OfKind(DealKind.Renewal), "no deals", byAmount: true).ToString(), "share of deals by closed at that are deals by closed at of kind renewal (by amount)" },
        { KpiMeasure.Ratio(KpiRecords.Activities, KpiRecords.Deals, "no deals").Description, "activities by occurred at per deals by closed at" },
        { KpiMeasure.CycleDays(KpiRecords.OpportunitiesClosed, "none").Description, "days from created to closed of opportunities by closed at" },
        { KpiInput.Leads(l => l.CreatedAt, "creation").Description, "leads by creation" },
        { KpiInput.Opportunities(o => o.CreatedAt, "creation").Description, "opportunities by creation" },
        { KpiInput.OpportunitiesByDate(_ => null, "expected close").Description, "opportunities by expected close" },
        { KpiInput.OpportunitiesAlive().Description, "opportunities from created to closed" },
        { KpiInput.Deals(d => d.ClosedAt, "signing").Description, "deals by signing" },
        { KpiInput.DealTerms().Description, "deals by contract term" },
        { KpiInput.Activities(a => a.OccurredAt, "logging").ToString(), "activities by logging" },
        { KpiInput.Spend().Description, "spend by its dates" },
        { KpiRecords.Deals.Where<Deal>(d => d.Value.Amount > 1_000_000m, "over a million").Description, "deals by closed at over a million" },
        { new RecordRatioCalculator<Deal>("renewal-share", KpiInput.Deals(d => d.ClosedAt, "closing"), _ => true, d => d.Kind == DealKind.Renewal, description: "renewals among deals").Description, "renewals among deals" },
    };

    [Theory]
    [MemberData(nameof(Measures))]
    public void Description_OfMeasuresAndInputs_SaysWhatIsMeasuredOnWhichRecords(string actual, string expected) => Assert.Equal(expected, actual);

    [Fact]
    public void Streams_ReadEachCollectionByItsTimestamp_DescribedAsTheRecordSetsAre()
    {
        string[] expected =
        [
            "activities by occurred at", "leads by created at", "leads by qualified at", "leads by converted at",
            "opportunities by created at", "opportunities by closed at", "opportunities by closed at (won)", "deals by closed at",
        ];
        Assert.Equal(expected, Enum.GetValues<KpiStream>().Select(s => KpiStreams.Input(s).Description));
    }

    [Fact]
    public void OpportunitiesWon_PlacesAWonOpportunityByItsClose_AndNoOtherAtAll()
    {
        var won = CreateOpportunity(status: OpportunityStatus.Won, closedAt: T3);
        var lost = CreateOpportunity(status: OpportunityStatus.Lost, closedAt: T3);
        Assert.Equal(T3, KpiStreams.InstantOf(KpiStream.OpportunitiesWon, won));
        Assert.Null(KpiStreams.InstantOf(KpiStream.OpportunitiesWon, lost));
        Assert.Equal(T3, KpiStreams.InstantOf(KpiStream.OpportunitiesClosed, lost));
    }

    [Fact]
    public void DealTerms_SpanTheTermWidenedByADayEitherSide()
    {
        // A term of 1 March to 31 March 2025 -> 28 February to 1 April, so that the customer counts as active on the
        // day before the term starts and the day after it ends (retention compares the first and last days of a period).
        var deal = CreateDeal(term: new DateInterval(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31)));
        Assert.Equal((new LocalDate(2025, 2, 28), (LocalDate?)new LocalDate(2025, 4, 1)), KpiInput.DealTerms().Span!(deal, KpiSettings.Default));
        Assert.Null(KpiInput.DealTerms().Span!(CreateDeal(), KpiSettings.Default));
    }

    [Fact]
    public void Measure_Slots_AreOneCounterSumOrDaySamplePerComponentOfThatKind()
    {
        var share = KpiMeasure.Share(KpiRecords.LeadsCreated, KpiRecords.LeadsCreated.Qualified(), "no leads");
        var byAmount = KpiMeasure.Share(KpiRecords.Deals, KpiRecords.Deals.OfKind(DealKind.Renewal), "no deals", byAmount: true);
        var cycle = KpiMeasure.CycleDays(KpiRecords.OpportunitiesClosed, "none");
        Assert.Equal((2, 0, 0), (share.CountSlots, share.SumSlots, share.DaySlots));
        Assert.Equal((0, 2, 0), (byAmount.CountSlots, byAmount.SumSlots, byAmount.DaySlots));
        Assert.Equal((0, 0, 1), (cycle.CountSlots, cycle.SumSlots, cycle.DaySlots));
    }

    [Fact]
    public void DealsOfKind_CountsOnlyThoseKinds()
    {
        // Deals in January: two renewals, one add-on, one new business -> renewals 2, renewals or add-ons 3.
        var data = SalesData.Create(
            [],
            [],
            [CreateDeal(id: "D-1", kind: DealKind.Renewal), CreateDeal(id: "D-2", kind: DealKind.Renewal), CreateDeal(id: "D-3", kind: DealKind.AddOn), CreateDeal(id: "D-4")],
            [],
            [],
            CreateRoster());
        var renewals = new MeasureKpiCalculator("renewals", KpiMeasure.Count(KpiRecords.Deals.OfKind(DealKind.Renewal)));
        var either = new MeasureKpiCalculator("renewals-or-add-ons", KpiMeasure.Count(KpiRecords.Deals.OfKind(DealKind.Renewal, DealKind.AddOn)));
        var evaluator = new KpiEvaluator();
        Assert.Equal(2m, evaluator.Evaluate(renewals, data, January).Value);
        Assert.Equal(3m, evaluator.Evaluate(either, data, January).Value);
    }

    public static TheoryData<string, string> Filters() => new()
    {
        { KpiFilter.Leads(_ => true).Description, "leads" },
        { KpiFilter.Opportunities(_ => true).Description, "opportunities" },
        { KpiFilter.Deals(_ => true).Description, "deals" },
        { KpiFilter.Activities(_ => true).Description, "activities" },
        { KpiFilter.Spend(_ => true).Description, "spend" },
        { KpiFilter.DealKind(DealKind.WinBack).Description, "deal kind win-back" },
        { KpiFilter.Source("web").Description, "source web" },
        { KpiFilter.Source("web").And(KpiFilter.DealKind(DealKind.Renewal)).ToString(), "source web and deal kind renewal" },
        { Kpis.Revenue.Where(KpiFilter.DealKind(DealKind.Renewal), "renewal-revenue").Description, Kpis.Revenue.Description + " (deal kind renewal)" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void FilterDescription_SaysWhatItKeeps(string actual, string expected) => Assert.Equal(expected, actual);

    [Fact]
    public void FilterCondition_NoRuleForACollection_KeepsAllOfIt()
    {
        Assert.True(KpiFilter.Leads(_ => true).TryGetCondition(KpiRecordType.Activities, out var condition));
        Assert.Same(RecordCondition.All, condition);
        Assert.True(KpiFilter.DealKind(DealKind.Renewal).TryGetCondition(KpiRecordType.Spend, out condition));
        Assert.Same(RecordCondition.All, condition);
    }

    [Theory]
    [InlineData(KpiRecordType.Leads)]
    [InlineData(KpiRecordType.Opportunities)]
    [InlineData(KpiRecordType.Deals)]
    [InlineData(KpiRecordType.Activities)]
    [InlineData(KpiRecordType.Spend)]
    public void FilterCondition_ACallersPredicate_NeedsTheRecordItself(KpiRecordType type)
    {
        var filter = type switch
        {
            KpiRecordType.Leads => KpiFilter.Leads(_ => true),
            KpiRecordType.Opportunities => KpiFilter.Opportunities(_ => true),
            KpiRecordType.Deals => KpiFilter.Deals(_ => true),
            KpiRecordType.Activities => KpiFilter.Activities(_ => true),
            _ => KpiFilter.Spend(_ => true),
        };
        Assert.False(filter.TryGetCondition(type, out _));
    }

    [Fact]
    public void FilterCondition_DealKind_IsDeclarativeOnDeals()
    {
        Assert.True(KpiFilter.DealKind(DealKind.Renewal).TryGetCondition(KpiRecordType.Deals, out var condition));
        Assert.Equal([false, false, true, false], Enum.GetValues<DealKind>().Select(k => condition.Deal!(k)));
    }

    [Fact]
    public void FilterCondition_And_CombinesDeclarativeRulesAndKeepsEitherSidesAlone()
    {
        // Renewal and add-on: no deal is both. Either order of a declarative rule and a predicate on another collection
        // keeps the declarative rule; two rules on one collection of which one is a predicate need the record.
        Assert.True(KpiFilter.DealKind(DealKind.Renewal).And(KpiFilter.DealKind(DealKind.AddOn)).TryGetCondition(KpiRecordType.Deals, out var none));
        Assert.DoesNotContain(true, Enum.GetValues<DealKind>().Select(k => none.Deal!(k)));
        Assert.True(KpiFilter.DealKind(DealKind.Renewal).And(KpiFilter.DealKind(DealKind.Renewal)).TryGetCondition(KpiRecordType.Deals, out var renewal));
        Assert.True(renewal.Deal!(DealKind.Renewal));

        Assert.True(KpiFilter.DealKind(DealKind.Renewal).And(KpiFilter.Leads(_ => true)).TryGetCondition(KpiRecordType.Deals, out var mine));
        Assert.Equal([false, false, true, false], Enum.GetValues<DealKind>().Select(k => mine.Deal!(k)));
        Assert.True(KpiFilter.Leads(_ => true).And(KpiFilter.DealKind(DealKind.Renewal)).TryGetCondition(KpiRecordType.Deals, out var theirs));
        Assert.Equal([false, false, true, false], Enum.GetValues<DealKind>().Select(k => theirs.Deal!(k)));
        Assert.False(KpiFilter.DealKind(DealKind.Renewal).And(KpiFilter.Leads(_ => true)).TryGetCondition(KpiRecordType.Leads, out _));

        Assert.False(KpiFilter.DealKind(DealKind.Renewal).And(KpiFilter.Deals(_ => true)).TryGetCondition(KpiRecordType.Deals, out _));
        Assert.False(KpiFilter.Deals(_ => true).And(KpiFilter.DealKind(DealKind.Renewal)).TryGetCondition(KpiRecordType.Deals, out _));
    }

    [Fact]
    public void FilterAnd_KeepsARecordOnlyWhenBothSidesDo()
    {
        var renewal = CreateDeal(kind: DealKind.Renewal);
        var bigRenewal = CreateDeal(kind: DealKind.Renewal, value: Usd(5_000m));
        var filter = KpiFilter.DealKind(DealKind.Renewal).And(KpiFilter.Deals(d => d.Value.Amount > 1_000m));
        var keep = filter.PredicateFor<Deal>()!;
        var data = SalesData.Create([], [], [renewal, bigRenewal], [], [], CreateRoster());
        Assert.False(keep(renewal, data));
        Assert.True(keep(bigRenewal, data));
        Assert.False(keep(CreateDeal(kind: DealKind.AddOn, value: Usd(5_000m)), data));
        Assert.NotNull(KpiFilter.Spend(_ => true).PredicateFor<SalesKpi.Marketing.MarketingSpend>());
    }
}
