using System.Text.Json.Serialization;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Reporting;
using SalesKpi.Reps;

namespace SalesKpi.Serialization;

/// <summary>
/// The source-generated serialization metadata of SalesKpi's public value types, for Native AOT and trimmed apps:
/// <c>JsonSerializer.Serialize(report, SalesKpiJsonContext.Default.KpiReport)</c>, or add
/// <see cref="JsonSerializerContext"/> <c>Default</c> to <c>JsonSerializerOptions.TypeInfoResolverChain</c> (ASP.NET Core:
/// <c>ConfigureHttpJsonOptions</c>).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter), typeof(DateIntervalJsonConverter)])]
[JsonSerializable(typeof(KpiReport))]
[JsonSerializable(typeof(KpiValue))]
[JsonSerializable(typeof(PeerComparison))]
[JsonSerializable(typeof(KpiTrend))]
[JsonSerializable(typeof(KpiTargetResult))]
[JsonSerializable(typeof(KpiPeriod))]
[JsonSerializable(typeof(WorkingDayCalendar))]
[JsonSerializable(typeof(Planning.ActivityPlan))]
[JsonSerializable(typeof(Planning.MagicNumberResult))]
[JsonSerializable(typeof(Planning.PlanInput))]
[JsonSerializable(typeof(Pipeline.PipelineWaterfallReport))]
[JsonSerializable(typeof(Pipeline.PipelineWaterfall))]
[JsonSerializable(typeof(Planning.ForecastAccuracyResult))]
[JsonSerializable(typeof(Planning.ForecastAccuracy))]
[JsonSerializable(typeof(Planning.ForecastErrorSummary))]
[JsonSerializable(typeof(Planning.ForecastSubmission))]
[JsonSerializable(typeof(System.Collections.Immutable.ImmutableArray<Planning.AttainmentProjection>))]
[JsonSerializable(typeof(Planning.AttainmentProjection))]
[JsonSerializable(typeof(Money))]
[JsonSerializable(typeof(Currency))]
[JsonSerializable(typeof(RepId))]
[JsonSerializable(typeof(TeamId))]
[JsonSerializable(typeof(LeadId))]
[JsonSerializable(typeof(OpportunityId))]
[JsonSerializable(typeof(DealId))]
[JsonSerializable(typeof(ActivityId))]
[JsonSerializable(typeof(AccountId))]
public sealed partial class SalesKpiJsonContext : JsonSerializerContext;
