using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SalesKpi.Opportunities;
using SalesKpi.Pipeline;
using SalesKpi.Reporting;
using SalesKpi.Reps;
using SalesKpi.Serialization;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Pipeline;

public sealed class PipelineJsonAndSnapshotTests
{
    private static readonly DateInterval Q2 = new(new LocalDate(2025, 4, 1), new LocalDate(2025, 6, 30));

    [Fact]
    public void WaterfallReport_SerializesWithTheSourceGeneratedContextAndByReflection()
    {
        var report = new PipelineWaterfallCalculator().Evaluate(WaterfallExample.Data(), WaterfallExample.April, KpiGrouping.ByRep, window: PipelineWindow.Fixed(Q2));

        foreach (var (json, name) in new (string, Func<string, string>)[]
        {
            (JsonSerializer.Serialize(report, SalesKpiJsonContext.Default.PipelineWaterfallReport), JsonNamingPolicy.CamelCase.ConvertName),
            (JsonSerializer.Serialize(report), n => n),
        })
        {
            var node = JsonNode.Parse(json)!;
            Assert.Equal("2025-04-01", (string)node[name("Range")]!["from"]!);
            Assert.Equal("2025-04-01..2025-06-30", (string)node[name("Window")]!);
            Assert.Equal("rep", (string)node[name("GroupBy")]!);
            Assert.Equal(["r01", "r02"], node[name("Groups")]!.AsArray().Select(g => (string)g!).ToArray());
            var r01 = node[name("Waterfalls")]![0]!;
            Assert.Equal("2025-04-01..2025-04-30", (string)r01[name("Period")]!["label"]!);
            Assert.Equal("r01", (string)r01[name("Group")]!);
            Assert.Equal("2025-06-30", (string)r01[name("Window")]!["to"]!);

            // r01 under the Q2 window: opening O1 1,000 + O2 2,000 + O3 3,000 (due May 31: in Q2) = 3 for 6,000 USD.
            Assert.Equal(3, (long)r01[name("Opening")]![name("Count")]!);
            Assert.Equal(6_000m, (decimal)r01[name("Opening")]![name("Amounts")]![0]!["value"]!);
            Assert.Equal("USD", (string)r01[name("Opening")]![name("Amounts")]![0]!["currency"]!);
        }
    }

    [Fact]
    public void Waterfall_UnboundedWindow_WritesNull()
    {
        var waterfall = new PipelineWaterfallCalculator().Evaluate(WaterfallExample.Data(), WaterfallExample.April, window: PipelineWindow.All).Get();

        var node = JsonNode.Parse(JsonSerializer.Serialize(waterfall, SalesKpiJsonContext.Default.PipelineWaterfall))!.AsObject();

        Assert.True(node.ContainsKey("window"));
        Assert.Null(node["window"]);
        Assert.Equal(["period", "group", "window", "opening", "created", "increased", "decreased", "pulledIn", "slippedOut", "won", "lost", "closing"], node.Select(p => p.Key).ToArray());
    }

    [Fact]
    public void PipelineWindow_ReadsBackFromJson()
    {
        var json = JsonSerializer.Serialize(PipelineWindow.Enclosing(PeriodUnit.FiscalQuarter));

        Assert.Equal("\"fiscal-quarter\"", json);
        Assert.Equal(PipelineWindow.Enclosing(PeriodUnit.FiscalQuarter), JsonSerializer.Deserialize<PipelineWindow>(json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PipelineWindow>("\"year\""));
    }

    [Fact]
    public void EvaluateAsOf_WeightedPipelineOfQ2AsOfEachMonthStart_AsWorkedByHand()
    {
        var data = SalesData.Create(opportunities:
        [
            // A: 10,000 USD due Jun 15, Proposal (0.5), Negotiation (0.7) from May 10.
            new Opportunity(new OpportunityId("A"), new AccountId("acme"), new RepId("r01"), Instant.FromUtc(2025, 3, 1, 9, 0), TestData.Usd(10_000m),
                stageHistory: [new StageEntry(OpportunityStage.Proposal, Instant.FromUtc(2025, 3, 1, 9, 0)), new StageEntry(OpportunityStage.Negotiation, Instant.FromUtc(2025, 5, 10, 9, 0))],
                expectedClose: new LocalDate(2025, 6, 15)),

            // B: created Apr 10, 4,000 USD due May 20 in Proposal (0.5), won May 25.
            new Opportunity(new OpportunityId("B"), new AccountId("acme"), new RepId("r01"), Instant.FromUtc(2025, 4, 10, 9, 0), TestData.Usd(4_000m), OpportunityStatus.Won, Instant.FromUtc(2025, 5, 25, 9, 0),
                stageHistory: [new StageEntry(OpportunityStage.Proposal, Instant.FromUtc(2025, 4, 10, 9, 0))],
                expectedClose: new LocalDate(2025, 5, 20)),

            // C: 2,000 USD in Qualification (0.2) due Apr 30, moved to Jul 15 on May 5.
            new Opportunity(new OpportunityId("C"), new AccountId("acme"), new RepId("r02"), Instant.FromUtc(2025, 2, 1, 9, 0), TestData.Usd(2_000m),
                stageHistory: [new StageEntry(OpportunityStage.Qualification, Instant.FromUtc(2025, 2, 1, 9, 0))],
                expectedClose: new LocalDate(2025, 4, 30))
                .WithChange(new OpportunityChange(Instant.FromUtc(2025, 5, 5, 9, 0), expectedClose: new LocalDate(2025, 7, 15))),
        ]);

        var q2 = Q2;

        // <snippet:pipeline-as-of>
        var evaluator = new KpiEvaluator();
        KpiValue asOfMay1 = Kpis.WeightedPipeline.Evaluate(data.AsOf(Instant.FromUtc(2025, 5, 1, 0, 0)), q2);

        // The weighted pipeline of Q2 as of the start of each month of Q2: one trend per group.
        ImmutableArray<KpiTrend> snapshots = evaluator.EvaluateAsOf(data, Kpis.WeightedPipeline, q2, snapshots: q2, every: PeriodUnit.Month);
        // </snippet:pipeline-as-of>

        Assert.Equal(7_400m, asOfMay1.Value);
        var trend = Assert.Single(snapshots);

        // As of Apr 1: A 0.5 × 10,000 + C 0.2 × 2,000 = 5,400 (B not yet created).
        // As of May 1: A 5,000 + B 0.5 × 4,000 + C 400 = 7,400; change (7,400 − 5,400) / 5,400 = 0.370370….
        // As of Jun 1: A 0.7 × 10,000 = 7,000 (B won, C due in July); change (7,000 − 7,400) / 7,400 = −0.054054….
        Assert.Equal(["2025-04", "2025-05", "2025-06"], trend.Points.Select(p => p.Period.Label).ToArray());
        Assert.Equal([5_400m, 7_400m, 7_000m], trend.Points.Select(p => p.Value.Value!.Value).ToArray());
        Assert.False(trend.Points[0].Change.IsDefined);
        Assert.Equal(0.370370m, Math.Round(trend.Points[1].Change.Value!.Value, 6));
        Assert.Equal(-0.054054m, Math.Round(trend.Points[2].Change.Value!.Value, 6));
        Assert.Equal(Instant.FromUtc(2025, 5, 1, 0, 0), trend.Points[1].Period.Start);
    }

    [Fact]
    public void EvaluateAsOf_AGroupWithNoRecordsYet_IsUndefinedThere()
    {
        // r03's only opportunity is created on Apr 3: as of Apr 1 00:00 r03 has no record at all, so no row; as of Apr 7
        // 00:00 (the second week's start) its April count is 1.
        var o10 = new Opportunity(new OpportunityId("O10"), new AccountId("acme"), new RepId("r03"), Instant.FromUtc(2025, 4, 3, 10, 0), TestData.Usd(100m), expectedClose: new LocalDate(2025, 4, 20));
        // (O5, in EUR then USD, is left out: new-opportunities sums the amounts, which cannot mix currencies unconverted.)
        var data = SalesData.Create(opportunities: [.. WaterfallExample.Opportunities().Where(o => o.Id != new OpportunityId("O5")), o10], roster: TestData.CreateRoster());

        var trends = new KpiEvaluator().EvaluateAsOf(data, Kpis.NewOpportunities, WaterfallExample.April, new DateInterval(new LocalDate(2025, 4, 1), new LocalDate(2025, 4, 8)), PeriodUnit.Week, KpiGrouping.ByRep);

        var r03 = Assert.Single(trends, t => t.Group == "r03");
        Assert.False(r03.Points[0].Value.IsDefined);
        Assert.Contains("has no records as of 2025-04-01T00:00:00Z", r03.Points[0].Value.UndefinedReason, StringComparison.Ordinal);
        Assert.Equal(1m, r03.Points[1].Value.Value);
        Assert.Equal(Instant.FromUtc(2025, 4, 7, 0, 0), r03.Points[1].Period.Start);
    }

    [Fact]
    public void AddSalesKpi_RegistersTheWaterfallCalculatorWithTheSettings()
    {
        var services = new ServiceCollection();
        services.AddSalesKpi(kpi => kpi.ConfigureSettings(s => s.TimeZone = "Europe/Istanbul"));
        using var provider = services.BuildServiceProvider();

        var calculator = provider.GetRequiredService<PipelineWaterfallCalculator>();

        Assert.Same(provider.GetRequiredService<KpiSettings>(), calculator.Settings);
        Assert.Equal("Europe/Istanbul", calculator.Settings.Zone.Id);
    }
}
