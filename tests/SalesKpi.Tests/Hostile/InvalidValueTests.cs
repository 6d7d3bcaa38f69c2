using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.BuiltIn;
using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Planning;
using SalesKpi.Reporting;
using SalesKpi.Reps;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Hostile;

/// <summary>
/// The invalid-value half of the hostile-input suite (issue #8): every invalid value the spec names (SPEC.md sections
/// 3 and 9) is refused at once with the exact exception type, and the exception names the bad thing — its
/// <see cref="ArgumentException.ParamName"/> for an argument, the setting in the message for an options class.
/// </summary>
public sealed class InvalidValueTests
{
    private static readonly Instant Created = TestData.T0;

    private static readonly Instant Earlier = TestData.BeforeT0;

    /// <summary>
    /// The cases: what is refused, the exception type (exactly), the parameter it names (null for an
    /// <see cref="InvalidOperationException"/>) and a fragment of the message that says what is wrong.
    /// </summary>
    private static readonly Dictionary<string, Case> Cases = AllCases().ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>Gets the case names as theory data, one test per case.</summary>
    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    private static Case[] AllCases() =>
    [
        // Every id type: empty and white space (SPEC.md section 3: ids are non-empty strings).
        .. IdCases("AccountId", v => new AccountId(v)),
        .. IdCases("LeadId", v => new LeadId(v)),
        .. IdCases("OpportunityId", v => new OpportunityId(v)),
        .. IdCases("DealId", v => new DealId(v)),
        .. IdCases("ActivityId", v => new ActivityId(v)),
        .. IdCases("RepId", v => new RepId(v)),
        .. IdCases("TeamId", v => new TeamId(v)),
        .. IdCases("SalesActivityKind", v => new SalesActivityKind(v), "name"),
        .. IdCases("OpportunityStage", v => new OpportunityStage(v), "name"),
        new("default AccountId in an opportunity", typeof(ArgumentException), "account", "default value", () => new Opportunity(new OpportunityId("O-1"), default, new RepId("r01"), Created, TestData.Usd(1m), OpportunityStatus.Open)),
        new("default RepId in a deal", typeof(ArgumentException), "owner", "default value", () => new Deal(new DealId("D-1"), new AccountId("acme"), default, Created, TestData.Usd(1m), DealKind.NewBusiness)),

        // KPI ids are kebab-case (SPEC.md section 4).
        new("KPI id empty", typeof(ArgumentException), "id", "empty", () => new CloseRateCalculator(new CloseRateOptions { Id = "" })),
        new("KPI id not kebab-case", typeof(ArgumentException), "id", "Close_Rate", () => new CloseRateCalculator(new CloseRateOptions { Id = "Close_Rate" })),

        // Other names that must not be blank: no record can match or carry a blank one.
        new("blank lead source", typeof(ArgumentException), "source", "empty or white space", () => TestData.CreateLead(source: " ")),
        new("blank rep name", typeof(ArgumentException), "name", "empty or white space", () => TestData.CreateRep(name: "")),
        new("blank activity tool", typeof(ArgumentException), "tool", "empty or white space", () => TestData.CreateActivity(tool: " ")),
        new("blank grouping dimension", typeof(ArgumentException), "dimension", "empty or white space", () => KpiGrouping.Custom(" ", leads: l => l.Source)),
        new("blank source filter", typeof(ArgumentException), "source", "empty or white space", () => KpiFilter.Source(" ")),
        new("blank source in a record set", typeof(ArgumentException), "sources", "empty or white space", () => KpiRecords.LeadsCreated.FromSource("web", "")),
        new("null source in a record set", typeof(ArgumentNullException), "sources", "A source is null.", () => KpiRecords.LeadsCreated.FromSource("web", null!)),
        new("null first source in a record set", typeof(ArgumentNullException), "sources", "A source is null.", () => KpiRecords.LeadsCreated.FromSource(null!, "web")),
        new("no source in a record set", typeof(ArgumentException), "sources", "Give at least one source.", () => KpiRecords.LeadsCreated.FromSource()),
        new("no activity kind in a record set", typeof(ArgumentException), "kinds", "Give at least one kind.", () => KpiRecords.Activities.OfKind(Array.Empty<SalesActivityKind>())),
        new("default activity kind in a record set", typeof(ArgumentException), "kinds", "A kind is the default value", () => KpiRecords.Activities.OfKind(SalesActivityKind.Call, default)),
        new("unknown outcome flags in a record set", typeof(ArgumentOutOfRangeException), "outcomes", "Unknown outcome flags.", () => KpiRecords.Activities.WithOutcomes((ActivityOutcomes)64)),
        new("no status in a record set", typeof(ArgumentException), "statuses", "Give at least one status.", () => KpiRecords.OpportunitiesClosed.WithStatus()),
        new("unknown status in a record set", typeof(ArgumentOutOfRangeException), "statuses", "Unknown opportunity status.", () => KpiRecords.OpportunitiesClosed.WithStatus(OpportunityStatus.Won, (OpportunityStatus)9)),
        new("no deal kind in a record set", typeof(ArgumentException), "kinds", "Give at least one kind.", () => KpiRecords.Deals.OfKind(Array.Empty<DealKind>())),
        new("unknown deal kind in a record set", typeof(ArgumentOutOfRangeException), "kinds", "Unknown deal kind.", () => KpiRecords.Deals.OfKind((DealKind)9)),

        // A condition of one collection on another's records (the message names both).
        new("activity kinds of leads", typeof(InvalidOperationException), null, "leads by created at are not activities; this condition applies to activities only.", () => KpiRecords.LeadsCreated.OfKind(SalesActivityKind.Call)),
        new("outcomes of deals", typeof(InvalidOperationException), null, "deals by closed at are not activities", () => KpiRecords.Deals.WithOutcomes(ActivityOutcomes.Connected)),
        new("activity predicate on opportunities", typeof(InvalidOperationException), null, "opportunities by created at are not activities", () => KpiRecords.OpportunitiesCreated.Where((_, _) => true, "any")),
        new("sources of activities", typeof(InvalidOperationException), null, "activities by occurred at are not leads; this condition applies to leads only.", () => KpiRecords.Activities.FromSource("web")),
        new("qualified deals", typeof(InvalidOperationException), null, "deals by closed at are not leads", () => KpiRecords.Deals.Qualified()),
        new("converted opportunities", typeof(InvalidOperationException), null, "opportunities by closed at are not leads", () => KpiRecords.OpportunitiesClosed.Converted()),
        new("status of leads", typeof(InvalidOperationException), null, "leads by created at are not opportunities; this condition applies to opportunities only.", () => KpiRecords.LeadsCreated.WithStatus(OpportunityStatus.Won)),
        new("deal kinds of activities", typeof(InvalidOperationException), null, "activities by occurred at are not deals; this condition applies to deals only.", () => KpiRecords.Activities.OfKind(DealKind.Renewal)),

        // Measures that cannot be taken of the records given.
        new("share of another timestamp's records", typeof(ArgumentException), "subset", "The subset (leads by qualified at) must read the population's records (leads by created at).", () => KpiMeasure.Share(KpiRecords.LeadsCreated, KpiRecords.LeadsQualified, "no leads")),
        new("share by amount of leads", typeof(ArgumentException), "byAmount", "leads by created at have no amount; amounts are measured on opportunities and deals.", () => KpiMeasure.Share(KpiRecords.LeadsCreated, KpiRecords.LeadsCreated.Qualified(), "no leads", byAmount: true)),
        new("ratio of one collection by two timestamps", typeof(ArgumentException), "denominator", "A measure reads each collection by one timestamp; leads by qualified at and leads by created at are placed by different ones.", () => KpiMeasure.Ratio(KpiRecords.LeadsQualified, KpiRecords.LeadsCreated, "no leads")),
        new("cycle days of deals", typeof(ArgumentException), "opportunities", "Cycle days are measured on opportunities, not on deals by closed at.", () => KpiMeasure.CycleDays(KpiRecords.Deals, "none")),
        new("total of activities", typeof(ArgumentException), "records", "activities by occurred at have no amount", () => KpiMeasure.Total(KpiRecords.Activities)),
        new("average of leads", typeof(ArgumentException), "records", "leads by created at have no amount", () => KpiMeasure.Average(KpiRecords.LeadsCreated, "no leads")),

        // Options of the built-in KPI calculators: undefined enum values, default stages, probabilities outside [0, 1].
        new("unknown close-rate basis", typeof(ArgumentOutOfRangeException), "options.Basis", "Unknown close-rate basis.", () => new CloseRateCalculator(new CloseRateOptions { Basis = (CloseRateBasis)9 })),
        new("unknown close-rate population", typeof(ArgumentOutOfRangeException), "options.Population", "Unknown close-rate population.", () => new CloseRateCalculator(new CloseRateOptions { Population = (CloseRatePopulation)9 })),
        new("unknown cost-per-lead basis", typeof(ArgumentOutOfRangeException), "basis", "Unknown basis.", () => new CostPerLeadCalculator((CostPerLeadBasis)9)),
        new("unknown time-in-stage mode", typeof(ArgumentOutOfRangeException), "options.Mode", "Unknown mode.", () => new TimeInStageCalculator(new TimeInStageOptions { Mode = (TimeInStageMode)9 })),
        new("default stage for time in stage", typeof(ArgumentException), "options.Stage", "The stage is the default value; create it from a name.", () => new TimeInStageCalculator(new TimeInStageOptions { Stage = default })),
        new("default stage in a stage entry", typeof(ArgumentException), "stage", "The stage is the default value; create it from a name.", () => new StageEntry(default, TestData.T0)),
        new("default probability above 1", typeof(ArgumentOutOfRangeException), "options.DefaultProbability", "The default probability must be between 0 and 1.", () => new WeightedPipelineCalculator(new WeightedPipelineOptions { DefaultProbability = 1.01m })),
        new("default probability below 0", typeof(ArgumentOutOfRangeException), "options.DefaultProbability", "The default probability must be between 0 and 1.", () => new WeightedPipelineCalculator(new WeightedPipelineOptions { DefaultProbability = -0.01m })),
        new("stage conversion from a stage not in the order", typeof(ArgumentException), "options.From", "Stage 'FirstAppointment' is not in the stage order.", () => new StageConversionCalculator(new StageConversionOptions { StageOrder = [OpportunityStage.Prospecting, OpportunityStage.Proposal] })),
        new("stage conversion to a stage not in the order", typeof(ArgumentException), "options.To", "Stage 'Proposal' is not in the stage order.", () => new StageConversionCalculator(new StageConversionOptions { StageOrder = [OpportunityStage.FirstAppointment, OpportunityStage.Negotiation] })),
        new("stage conversion to an earlier stage", typeof(ArgumentException), "options.To", "Stage 'Qualification' must come after 'Proposal' in the stage order.", () => new StageConversionCalculator(new StageConversionOptions { From = OpportunityStage.Proposal, To = OpportunityStage.Qualification })),
        new("stage conversion to the same stage", typeof(ArgumentException), "options.To", "Stage 'Proposal' must come after 'Proposal' in the stage order.", () => new StageConversionCalculator(new StageConversionOptions { From = OpportunityStage.Proposal, To = OpportunityStage.Proposal })),
        new("unknown stage-conversion mode", typeof(ArgumentOutOfRangeException), "options.Mode", "Unknown mode.", () => new StageConversionCalculator(new StageConversionOptions { Mode = (StageConversionMode)9 })),
        new("stage conversion window of zero days", typeof(ArgumentOutOfRangeException), "options.Window", "The window must be a positive number of days", () => new StageConversionCalculator(new StageConversionOptions { Window = Period.Zero })),
        new("stage conversion window of negative days", typeof(ArgumentOutOfRangeException), "options.Window", "The window must be a positive number of days", () => new StageConversionCalculator(new StageConversionOptions { Window = Period.FromDays(-1) })),
        new("stage conversion window with a negative unit", typeof(ArgumentOutOfRangeException), "options.Window", "The window must be a positive number of days", () => new StageConversionCalculator(new StageConversionOptions { Window = Period.FromMonths(1) - Period.FromDays(3) })),
        new("stage conversion window in hours", typeof(ArgumentOutOfRangeException), "options.Window", "The window must be a positive number of days", () => new StageConversionCalculator(new StageConversionOptions { Window = Period.FromHours(36) })),
        new("qualifying stage not in the order", typeof(ArgumentException), "options.QualifyingStage", "Stage 'Proposal' is not in the stage order.", () => new QualifiedPipelineCalculator(new QualifiedPipelineOptions { QualifyingStage = OpportunityStage.Proposal, StageOrder = [OpportunityStage.Prospecting] })),
        new("stage probability above 1", typeof(ArgumentOutOfRangeException), "options.Probabilities", "The probability of stage 'Proposal' must be between 0 and 1.", () => new WeightedPipelineCalculator(new WeightedPipelineOptions { Probabilities = new Dictionary<OpportunityStage, decimal> { [OpportunityStage.Proposal] = 1.01m } })),
        new("stage probability below 0", typeof(ArgumentOutOfRangeException), "options.Probabilities", "The probability of stage 'Negotiation' must be between 0 and 1.", () => new WeightedPipelineCalculator(new WeightedPipelineOptions { Probabilities = new Dictionary<OpportunityStage, decimal> { [OpportunityStage.Negotiation] = -0.01m } })),
        new("null rep in a roster", typeof(ArgumentNullException), "reps", "Rep 1 is null.", () => new Roster([TestData.CreateRep("r01"), null!])),

        // Queries, catalogs, reports and targets.
        new("unknown period unit", typeof(ArgumentOutOfRangeException), "per", "Unknown period unit.", () => new KpiQuery(TestData.January, [Kpis.Calls], KpiGrouping.None, (PeriodUnit)99)),
        new("null KPI in a query", typeof(ArgumentNullException), "kpis", "KPI 1 is null.", () => new KpiQuery(TestData.January, [Kpis.Calls, null!])),
        new("null KPI in a catalog", typeof(ArgumentNullException), "kpis", "KPI 1 is null.", () => new KpiCatalog([Kpis.Calls, null!])),
        new("unknown target comparison", typeof(ArgumentOutOfRangeException), "comparison", "Unknown comparison.", () => new KpiTarget("close-rate", 0.5m, (TargetComparison)9)),
        new("exchange rates without a reporting currency in options", typeof(InvalidOperationException), null, "SalesKpi setting ReportingCurrency: exchange rates are configured, so a reporting currency to convert into is required.", () => new KpiSettingsOptions(KpiSettings.Default.WithReportingCurrency(Currency.USD, new Calculators.FakeExchangeRates())) { ReportingCurrency = null }.ToSettings()),
        new("week start None in options, message", typeof(InvalidOperationException), null, "'None' is not a day of the week (Monday to Sunday).", () => new KpiSettingsOptions { FirstDayOfWeek = IsoDayOfWeek.None }.ToSettings()),
        new("unknown KPI direction", typeof(ArgumentOutOfRangeException), "direction", "Unknown direction.", () => new MeasureKpiCalculator("big-deals", KpiMeasure.Count(KpiRecords.Deals), direction: (KpiDirection)9)),
        new("derived KPI with no component", typeof(ArgumentException), "components", "A derived KPI needs at least one component.", () => new Derived([], c => c.Current(0))),
        new("derived KPI with a null component", typeof(ArgumentNullException), "components", "Component 1 is null.", () => new Derived([Kpis.Calls, null!], c => c.Current(0))),
        new("derived KPI reading a component past the last", typeof(ArgumentOutOfRangeException), "component", "Not a component index.", () => EvaluateDerived(c => c.Current(1))),
        new("derived KPI reading component -1", typeof(ArgumentOutOfRangeException), "component", "Not a component index.", () => EvaluateDerived(c => c.Current(-1))),
        new("derived KPI reading a previous component past the last", typeof(ArgumentOutOfRangeException), "component", "Not a component index.", () => EvaluateDerived(c => c.Previous(1) ?? c.Current(0))),
        new("derived KPI reading previous component -1", typeof(ArgumentOutOfRangeException), "component", "Not a component index.", () => EvaluateDerived(c => c.Previous(-1) ?? c.Current(0))),
        new("KPI declaring a null input", typeof(InvalidOperationException), null, "KPI 'bad-inputs' declares a null input.", () => EvaluateKpi(new BadInputs([null!]))),
        new("KPI declaring two inputs of one collection", typeof(InvalidOperationException), null, "KPI 'bad-inputs' declares two inputs of Deals; a KPI reads each collection through one input.", () => EvaluateKpi(new BadInputs([KpiInput.DealTerms(), KpiInput.Deals(d => d.ClosedAt, "closing")]))),
        new("KPI declaring no inputs", typeof(InvalidOperationException), null, "KPI 'bad-inputs' declares no inputs (Inputs is null).", () => EvaluateKpi(new BadInputs(null))),
        new("KPI not in a report", typeof(ArgumentException), "kpiId", "No KPI has the id 'revenue' in the report. Its ids are: calls.", () => EmptyReport().Get("revenue")),
        new("group not in a report", typeof(ArgumentException), "group", "Group 'r99' is not in the report.", () => EmptyReport().Get(KpiIds.Calls, "r99")),

        // Currency codes: three upper-case letters of ISO 4217.
        .. new[] { "", "US", "usd", "US1", "ABCD", "XYZ" }.Select(bad =>
            new Case($"currency code '{bad}'", typeof(ArgumentException), "code", $"'{bad}' is not an ISO 4217 currency code", () => new Currency(bad))),
        new("reporting currency code in options", typeof(InvalidOperationException), null, "SalesKpi setting ReportingCurrency: 'usd' is not an ISO 4217", () => new KpiSettingsOptions { ReportingCurrency = "usd" }.ToSettings()),

        // Timestamps out of order (SPEC.md section 3).
        new("opportunity closed before created", typeof(ArgumentException), "closedAt", "cannot close", () => TestData.CreateOpportunity(status: OpportunityStatus.Won, closedAt: Earlier)),
        new("open opportunity with a close date", typeof(ArgumentException), "closedAt", "open opportunity has no close date", () => TestData.CreateOpportunity(closedAt: TestData.T1)),
        new("won opportunity without a close date", typeof(ArgumentException), "closedAt", "needs a close date", () => TestData.CreateOpportunity(status: OpportunityStatus.Won)),
        new("stage entered before the opportunity was created", typeof(ArgumentException), "stageHistory", "before the opportunity was created", () => TestData.CreateOpportunity(stageHistory: [new StageEntry(OpportunityStage.Proposal, Earlier)])),
        new("stage history out of order", typeof(ArgumentException), "stageHistory", "chronological order", () => TestData.CreateOpportunity(stageHistory: [new StageEntry(OpportunityStage.Proposal, TestData.T2), new StageEntry(OpportunityStage.Negotiation, TestData.T1)])),
        new("lead qualified before created", typeof(ArgumentException), "qualifiedAt", "cannot be qualified", () => TestData.CreateLead(qualifiedAt: Earlier)),
        new("lead converted before created", typeof(ArgumentException), "convertedAt", "cannot be converted", () => TestData.CreateLead(convertedAt: Earlier)),

        // Negative money where the domain forbids it (SPEC.md section 3).
        new("negative deal value", typeof(ArgumentOutOfRangeException), "value", "must not be negative", () => TestData.CreateDeal(value: TestData.Usd(-0.01m))),
        new("negative recurring monthly amount", typeof(ArgumentOutOfRangeException), "recurringMonthly", "must not be negative", () => TestData.CreateDeal(term: TestData.Year2025, recurringMonthly: TestData.Usd(-1m))),
        new("negative marketing spend", typeof(ArgumentOutOfRangeException), "amount", "must not be negative", () => TestData.CreateSpend(amount: TestData.Usd(-1m))),
        new("blank spend channel", typeof(ArgumentException), "channel", "empty", () => TestData.CreateSpend(channel: " ")),

        // Time zones: an unknown id is refused by the settings and by the options bound from configuration.
        new("unknown time zone in settings", typeof(ArgumentException), "zoneId", "'Mars/Olympus' is not a known time zone", () => KpiSettings.Default.WithZone("Mars/Olympus")),
        new("unknown time zone in options", typeof(InvalidOperationException), null, "SalesKpi setting TimeZone: 'Mars/Olympus' is not a known time zone", () => new KpiSettingsOptions { TimeZone = "Mars/Olympus" }.ToSettings()),
        new("blank time zone in options", typeof(InvalidOperationException), null, "SalesKpi setting TimeZone: a time zone id is required", () => new KpiSettingsOptions { TimeZone = " " }.ToSettings()),

        // Fiscal year start month and week start.
        new("fiscal year start month 0", typeof(ArgumentOutOfRangeException), "month", "1 to 12", () => KpiSettings.Default.WithFiscalYearStartMonth(0)),
        new("fiscal year start month 13", typeof(ArgumentOutOfRangeException), "month", "1 to 12", () => KpiSettings.Default.WithFiscalYearStartMonth(13)),
        new("fiscal year start month 13 in options", typeof(InvalidOperationException), null, "SalesKpi setting FiscalYearStartMonth: 13 is outside 1-12", () => new KpiSettingsOptions { FiscalYearStartMonth = 13 }.ToSettings()),
        new("week start None", typeof(ArgumentOutOfRangeException), "firstDayOfWeek", "Monday to Sunday", () => KpiSettings.Default.WithFirstDayOfWeek(IsoDayOfWeek.None)),
        new("week start 8", typeof(ArgumentOutOfRangeException), "firstDayOfWeek", "Monday to Sunday", () => KpiSettings.Default.WithFirstDayOfWeek((IsoDayOfWeek)8)),
        new("week start None in options", typeof(InvalidOperationException), null, "SalesKpi setting FirstDayOfWeek:", () => new KpiSettingsOptions { FirstDayOfWeek = IsoDayOfWeek.None }.ToSettings()),

        // Duplicate KPI ids: in a catalog, a query and a DI registration.
        new("duplicate KPI id in a catalog", typeof(ArgumentException), "kpis", "'close-rate' appears twice", () => new KpiCatalog([Kpis.CloseRate, Kpis.Revenue, Kpis.CloseRate])),
        new("duplicate KPI id in a query", typeof(ArgumentException), "kpis", "'close-rate' appears twice", () => new KpiQuery(TestData.January, [Kpis.CloseRate, Kpis.CloseRate])),
        new("duplicate KPI id in DI", typeof(ArgumentException), "kpi", "'close-rate' is already registered", () => new ServiceCollection().AddSalesKpi().AddKpi(Kpis.CloseRate)),
        new("duplicate KPI id in DI by factory", typeof(ArgumentException), "id", "'revenue' is already registered", () => new ServiceCollection().AddSalesKpi().AddKpi("revenue", _ => Kpis.Revenue)),
        new("empty query", typeof(ArgumentException), "kpis", "at least one KPI", () => new KpiQuery(TestData.January, [])),
        new("duplicate rep in a roster", typeof(ArgumentException), "reps", "'r01' appears twice", () => new Roster([TestData.CreateRep("r01"), TestData.CreateRep("r01", team: "team-west")])),

        // Planning inputs: negative counts and amounts, zero or negative where a positive number is required.
        new("negative plan count", typeof(ArgumentOutOfRangeException), "count", "must not be negative", () => PlanInput.Given(-1m)),
        new("negative plan amount", typeof(ArgumentOutOfRangeException), "amount", "must not be negative", () => PlanInput.Given(TestData.Usd(-1m))),
        new("negative rate numerator", typeof(ArgumentOutOfRangeException), "numerator", "must not be negative", () => PlanInput.GivenRatio(-1m, 10m)),
        new("zero rate denominator", typeof(ArgumentOutOfRangeException), "denominator", "must be positive", () => PlanInput.GivenRatio(1m, 0m)),
        new("negative deals to win", typeof(ArgumentOutOfRangeException), "deals", "must not be negative", () => ActivityPlan.ForDeals(-1m, TestData.January, [], WorkingDayCalendar.MondayToFriday)),
        new("negative revenue to win", typeof(ArgumentOutOfRangeException), "revenue", "must not be negative", () => ActivityPlan.ForRevenue(TestData.Usd(-1m), PlanInput.Given(TestData.Usd(1000m)), TestData.January, [], WorkingDayCalendar.MondayToFriday)),
        new("average deal size not money", typeof(ArgumentException), "averageDealSize", "must be money", () => ActivityPlan.ForRevenue(TestData.Usd(1m), PlanInput.Given(3m), TestData.January, [], WorkingDayCalendar.MondayToFriday)),
        new("magic number over zero weeks", typeof(ArgumentOutOfRangeException), "options.Weeks", "must be positive", () => new MagicNumberCalculator(new MagicNumberOptions { Goal = _ => TestData.Usd(1m), Weeks = 0m })),
        new("magic number over negative weeks", typeof(ArgumentOutOfRangeException), "options.Weeks", "must be positive", () => new MagicNumberCalculator(new MagicNumberOptions { Goal = _ => TestData.Usd(1m), Weeks = -4m })),
        new("negative quarterly amount", typeof(ArgumentOutOfRangeException), "amount", "must not be negative", () => QuarterlyAmount.ForQuarter(2025, 1, TestData.Usd(-1m))),
        new("quarter 0", typeof(ArgumentOutOfRangeException), "quarter", "1 to 4", () => QuarterlyAmount.ForQuarter(2025, 0, TestData.Usd(1m))),
        new("quarter 5", typeof(ArgumentOutOfRangeException), "quarter", "1 to 4", () => QuarterlyAmount.ForQuarter(2025, 5, TestData.Usd(1m))),
        new("quarterly amount over a month", typeof(ArgumentException), "quarter", "[2025-01-01, 2025-01-31]", () => new QuarterlyAmount(TestData.January, TestData.Usd(1m))),
        new("calendar with no working day", typeof(ArgumentException), "weekendDays", "at least one working day", () => new WorkingDayCalendar(Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))),

        // Other numbers that must be positive or not negative.
        new("parallelism 0", typeof(ArgumentOutOfRangeException), "maxDegreeOfParallelism", "at least 1", () => new KpiEvaluator(maxDegreeOfParallelism: 0)),
        new("parallelism -1", typeof(ArgumentOutOfRangeException), "maxDegreeOfParallelism", "at least 1", () => new KpiEvaluator(maxDegreeOfParallelism: -1)),
        new("negative open opportunities in sales velocity", typeof(ArgumentOutOfRangeException), "openOpportunities", "must not be negative", () => SalesVelocityCalculator.Calculate(-1m, 0.5m, TestData.Usd(1000m), 30m)),
        new("negative mean cycle in sales velocity", typeof(ArgumentOutOfRangeException), "meanCycleDays", "must not be negative", () => SalesVelocityCalculator.Calculate(10m, 0.5m, TestData.Usd(1000m), -1m)),

        // KPI values a custom KPI builds: counts of unpriced amounts are not negative, money ratios are in money units.
        new("negative count value", typeof(ArgumentOutOfRangeException), "count", "A count must not be negative", () => KpiValue.Count(-1)),
        new("negative unpriced count in a count value", typeof(ArgumentOutOfRangeException), "unpricedCount", "A count must not be negative", () => KpiValue.Count(1, unpricedCount: -1)),
        new("negative unpriced count in a money value", typeof(ArgumentOutOfRangeException), "unpricedCount", "A count must not be negative", () => KpiValue.FromMoney(TestData.Usd(1m), unpricedCount: -1)),
        new("negative unpriced count in a money ratio", typeof(ArgumentOutOfRangeException), "unpricedCount", "A count must not be negative", () => KpiValue.MoneyRatio(TestData.Usd(1m), 2m, unpricedCount: -1)),
        new("money ratio in a unit that is not money", typeof(ArgumentOutOfRangeException), "unit", "A money ratio is in Money or MoneyPerDay", () => KpiValue.MoneyRatio(TestData.Usd(1m), 2m, unit: KpiUnit.Ratio)),
        new("plain number in a money unit", typeof(ArgumentOutOfRangeException), "unit", "Use FromMoney or MoneyRatio for money", () => KpiValue.Number(1m, KpiUnit.Money)),
        new("target KPI id not kebab-case", typeof(ArgumentException), "kpiId", "Close Rate", () => new KpiTarget("Close Rate", 0.5m)),
        new("pacing period without an end", typeof(ArgumentException), "period", "needs a start and an end", () => QuotaPacingCalculator.Calculate(KpiValue.Ratio(1m, 2m), new Interval(TestData.T0, null), TestData.T1)),

        // Period ranges whose end is before their start: NodaTime refuses them before any SalesKpi type sees them.
        new("date range end before start", typeof(ArgumentException), "end", "end", () => new DateInterval(new LocalDate(2025, 2, 1), new LocalDate(2025, 1, 1))),
        new("instant range end before start", typeof(ArgumentOutOfRangeException), "end", "end", () => new Interval(TestData.T1, TestData.T0)),
    ];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void InvalidValue_IsRefused_WithTheExactExceptionNamingTheBadThing(string name)
    {
        var c = Cases[name];

        var e = Assert.Throws(c.Exception, c.Act);

        if (c.ParamName is not null)
        {
            Assert.Equal(c.ParamName, Assert.IsAssignableFrom<ArgumentException>(e).ParamName);
        }

        Assert.Contains(c.Message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cases_CoverEveryIdTypeOfTheDomain()
    {
        // A new id type (a public readonly struct named XxxId) must join the table above.
        var idTypes = typeof(Money).Assembly.GetExportedTypes().Where(t => t.IsValueType && t.Name.EndsWith("Id", StringComparison.Ordinal));

        Assert.All(idTypes, t => Assert.Contains($"{t.Name} empty", Cases.Keys));
    }

    private static IEnumerable<Case> IdCases(string type, Func<string, object> create, string parameter = "value") =>
    [
        new($"{type} empty", typeof(ArgumentException), parameter, "must not be empty or white space", () => create("")),
        new($"{type} white space", typeof(ArgumentException), parameter, "must not be empty or white space", () => create(" \t")),
    ];

    private static KpiValue EvaluateKpi(KpiCalculator kpi) =>
        new KpiEvaluator().Evaluate(kpi, SalesData.Create([], [], [], [], [], TestData.CreateRoster()), TestData.January);

    private static KpiValue EvaluateDerived(Func<KpiCombination, KpiValue> combine) =>
        new KpiEvaluator().Evaluate(new Derived([Kpis.Calls], combine), SalesData.Create([], [], [], [], [], TestData.CreateRoster()), TestData.January);

    private static KpiReport EmptyReport() =>
        new KpiEvaluator().Evaluate(SalesData.Create([], [], [], [], [], TestData.CreateRoster()), new KpiQuery(TestData.January, [Kpis.Calls]));

    private sealed class BadInputs(IReadOnlyList<KpiInput>? inputs) : AggregateKpiCalculator("bad-inputs")
    {
        public override KpiUnit Unit => KpiUnit.Count;

        public override IReadOnlyList<KpiInput> Inputs => inputs!;

        public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context) => throw new InvalidOperationException("A KPI with bad inputs is never evaluated.");
    }

    private sealed class Derived(IEnumerable<KpiCalculator> components, Func<KpiCombination, KpiValue> combine) : DerivedKpiCalculator("derived", components)
    {
        public override KpiUnit Unit => KpiUnit.Count;

        public override KpiValue Combine(KpiCombination values) => combine(values);
    }

    /// <summary>One invalid value.</summary>
    /// <param name="Name">What is refused, shown as the test case.</param>
    /// <param name="Exception">The exact exception type.</param>
    /// <param name="ParamName">The parameter the exception names, or null when it is not an argument exception.</param>
    /// <param name="Message">A fragment of the message.</param>
    /// <param name="Act">The call that must throw.</param>
    private sealed record Case(string Name, Type Exception, string? ParamName, string Message, Action Act)
    {
        public Case(string name, Type exception, string? paramName, string message, Func<object> act)
            : this(name, exception, paramName, message, () => { act(); })
        {
        }
    }
}
