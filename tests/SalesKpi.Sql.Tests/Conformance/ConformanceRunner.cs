using System.Text;
using SalesKpi.Reporting;

namespace SalesKpi.Sql.Tests.Conformance;

/// <summary>Runs every query of the suite over one data set in one zone, in memory and through a database, and compares the reports.</summary>
public static class ConformanceRunner
{
    private const int ShownPerQuery = 8;

    /// <summary>
    /// Gets the built-in KPIs the database computes when the records are not grouped: every built-in that reads records
    /// through a measure. (A KPI made of others — call-to-meeting-rate, the growths — is computed from these parts.)
    /// </summary>
    public static IReadOnlyList<string> PushedBuiltInIds { get; } =
    [
        KpiIds.Calls, KpiIds.EmailsSent, KpiIds.Meetings, KpiIds.Conversations, KpiIds.CrmUsage, KpiIds.SalesToolUsage,
        KpiIds.EmailDeliveryRate, KpiIds.EmailOpenRate, KpiIds.EmailReplyRate, KpiIds.PositiveReplyRate, KpiIds.MeetingToDealRate,
        KpiIds.NewLeads, KpiIds.SqlCount, KpiIds.LeadToOpportunityRate, KpiIds.NewOpportunities, KpiIds.CloseRate,
        KpiIds.DealsWon, KpiIds.Revenue, KpiIds.AverageDealSize, KpiIds.SalesCycleLength,
        KpiIds.NextAppointmentRate,
        KpiIds.DealsLost,
    ];

    /// <summary>Gets the built-in KPIs computed in memory: each accumulates whole records (stage histories, open
    /// opportunities at a period's end, contract terms, spend pro-rated by day).</summary>
    public static IReadOnlyList<string> InMemoryBuiltInIds { get; } =
    [
        KpiIds.CostPerLead, KpiIds.CostPerSql, KpiIds.QualifiedPipeline, KpiIds.StageConversion, KpiIds.TimeInStage, KpiIds.WeightedPipeline,
        KpiIds.CustomerRetentionRate, KpiIds.NetRevenueRetention, 
        KpiIds.CustomerAcquisitionCost, KpiIds.LeadResponseTime, KpiIds.LeadResponseTimeP90, KpiIds.LeadResponseSla, KpiIds.EmailsPerContact,
        KpiIds.LostReasonRate, KpiIds.OpenDealAge, KpiIds.StalledDeals, KpiIds.StalledDealRate,
        // The parts of sales-velocity and saas-magic-number.
        "open-opportunities", "recurring-revenue", "sales-and-marketing-spend",
    ];

    /// <summary>Evaluates every query in memory and over the source, and fails naming each query whose reports differ.</summary>
    public static async Task AssertConformsAsync(SqlKpiSource source, ConformanceDataSet dataSet, string zone)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(dataSet);
        var evaluator = new KpiEvaluator(dataSet.Settings(zone));
        var failures = new StringBuilder();
        var failed = 0;
        var queries = ConformanceQueries.For(dataSet).ToList();
        foreach (var (name, query) in queries)
        {
            var expected = evaluator.Evaluate(dataSet.Data, query);
            var actual = await evaluator.EvaluateAsync(source, query);
            var differences = ReportComparison.Differences(expected, actual);
            if (differences.Count > 0)
            {
                failed++;
                failures.AppendLine($"{name}: {differences.Count} difference(s) in {expected.Rows.Length} rows");
                foreach (var difference in differences.Take(ShownPerQuery))
                {
                    failures.Append("    ").AppendLine(difference);
                }
            }
        }

        if (failed > 0)
        {
            Assert.Fail($"{source} differs from memory on {dataSet} in {zone} in {failed} of {queries.Count} queries:{Environment.NewLine}{failures}");
        }
    }

    /// <summary>Asserts that the plans push most KPIs down, so that the comparison is of the SQL and not of memory with itself.</summary>
    public static async Task AssertPushedDownAsync(SqlKpiSource source, ConformanceDataSet dataSet, string zone)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(dataSet);
        var evaluator = new KpiEvaluator(dataSet.Settings(zone));
        var builtIns = await evaluator.ExplainAsync(source, new KpiQuery(dataSet.Range, Kpis.All, KpiGrouping.None, PeriodUnit.Month));
        var custom = await evaluator.ExplainAsync(source, new KpiQuery(dataSet.Range, ConformanceQueries.Custom, KpiGrouping.None, PeriodUnit.Month));

        Assert.Equal(PushedBuiltInIds.Order(StringComparer.Ordinal), builtIns.PushedDown.Order(StringComparer.Ordinal));
        Assert.Equal(InMemoryBuiltInIds.Order(StringComparer.Ordinal), builtIns.InMemory.Select(k => k.Key).Order(StringComparer.Ordinal));

        Assert.Equal(ConformanceQueries.PushedCustomIds.Order(StringComparer.Ordinal), custom.PushedDown.Order(StringComparer.Ordinal));
        Assert.Equal(ConformanceQueries.InMemoryCustomIds.Order(StringComparer.Ordinal), custom.InMemory.Select(k => k.Key).Order(StringComparer.Ordinal));
        Assert.NotEmpty(builtIns.Statements);
        Assert.All(builtIns.Statements.Concat(custom.Statements), s => Assert.Contains("GROUP BY", s.Sql, StringComparison.Ordinal));
    }
}
