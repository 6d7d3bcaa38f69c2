using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using SalesKpi.Activities;
using SalesKpi.BuiltIn;
using SalesKpi.Deals;
using SalesKpi.Extensibility;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Planning;
using SalesKpi.Reporting;
using SalesKpi.Reps;
using SalesKpi.Tests.Calculators;

namespace SalesKpi.Tests.TestUtilities;

/// <summary>
/// A valid argument of each type the public API of SalesKpi takes (domain, engine, planning, DI), for reflection
/// sweeps that call every constructor and method. A sweep that meets a type missing here fails and names it, so a new public type is added here rather
/// than skipped.
/// </summary>
public static class ArgumentSamples
{
    [ThreadStatic]
    private static int _constructionDepth;

    private static readonly Dictionary<Type, Func<object>> Samples = new()
    {
        [typeof(string)] = () => "sample",
        [typeof(System.Text.Json.Utf8JsonWriter)] = () => new System.Text.Json.Utf8JsonWriter(Stream.Null),
        [typeof(Stream)] = () => new MemoryStream(),
        [typeof(CancellationToken)] = () => CancellationToken.None,
        [typeof(SalesKpi.Serialization.KpiReportJsonOptions)] = () => SalesKpi.Serialization.KpiReportJsonOptions.Default,
        [typeof(decimal)] = () => 1m,
        [typeof(int)] = () => 1,
        [typeof(long)] = () => 1L,
        [typeof(bool)] = () => false,
        [typeof(Instant)] = () => TestData.T0,
        [typeof(LocalDate)] = () => new LocalDate(2025, 1, 2),
        [typeof(DateInterval)] = () => TestData.January,
        [typeof(Currency)] = () => Currency.USD,
        [typeof(Money)] = () => TestData.Usd(1000m),
        [typeof(AccountId)] = () => new AccountId("acme"),
        [typeof(Dimensions)] = () => Dimensions.Of("office", "West"),
        [typeof(Account)] = () => new Account(new AccountId("acme"), Dimensions.Of("sector", "Retail")),
        [typeof(LeadId)] = () => new LeadId("L-1"),
        [typeof(OpportunityId)] = () => new OpportunityId("O-1"),
        [typeof(DealId)] = () => new DealId("D-1"),
        [typeof(ActivityId)] = () => new ActivityId("A-1"),
        [typeof(RepId)] = () => new RepId("r01"),
        [typeof(TeamId)] = () => new TeamId("team-east"),
        [typeof(OpportunityStage)] = () => OpportunityStage.Proposal,
        [typeof(StageEntry)] = () => new StageEntry(OpportunityStage.Proposal, TestData.T1),
        [typeof(SalesActivityKind)] = () => SalesActivityKind.Call,
        [typeof(Lead)] = () => TestData.CreateLead(),
        [typeof(Opportunity)] = () => TestData.CreateOpportunity(),
        [typeof(Deal)] = () => TestData.CreateDeal(),
        [typeof(SalesActivity)] = () => TestData.CreateActivity(),
        [typeof(MarketingSpend)] = () => TestData.CreateSpend(),
        [typeof(Rep)] = () => TestData.CreateRep(),
        [typeof(Roster)] = TestData.CreateRoster,
        [typeof(SalesData)] = () => SalesData.Create(roster: TestData.CreateRoster()),

        // NodaTime and the DI abstractions.
        [typeof(Interval)] = () => new Interval(TestData.T0, TestData.T3),
        [typeof(DateTimeZone)] = () => DateTimeZone.Utc,
        [typeof(IClock)] = () => new FakeClock(TestData.T0),
        [typeof(IServiceCollection)] = () => new ServiceCollection(),
        [typeof(IServiceProvider)] = () => new ServiceCollection().BuildServiceProvider(),

        // The engine, calculators and planning: abstract types and interfaces get a built-in implementation.
        [typeof(KpiCalculator)] = () => Kpis.CloseRate,
        [typeof(AggregateKpiCalculator)] = () => Kpis.All.OfType<AggregateKpiCalculator>().First(),
        [typeof(DerivedKpiCalculator)] = () => Kpis.All.OfType<DerivedKpiCalculator>().First(),
        [typeof(IKpiCatalog)] = () => new KpiCatalog(Kpis.All),
        [typeof(KpiCatalog)] = () => new KpiCatalog(Kpis.All),
        [typeof(IExchangeRateProvider)] = () => new FakeExchangeRates(),
        [typeof(ISalesKpiBuilder)] = () => new ServiceCollection().AddSalesKpi(),
        [typeof(KpiSettings)] = () => KpiSettings.Default,
        [typeof(KpiCalculatorContext)] = () => new KpiCalculatorContext(KpiSettings.Default, SampleData()),
        [typeof(KpiAccumulator)] = () => Kpis.All.OfType<AggregateKpiCalculator>().First().CreateAccumulator(new KpiCalculatorContext(KpiSettings.Default, SampleData())),
        [typeof(KpiInput)] = KpiInput.OpportunitiesAlive,
        [typeof(KpiInput<Opportunity>)] = KpiInput.OpportunitiesAlive,
        [typeof(KpiGrouping)] = () => KpiGrouping.ByRep,
        [typeof(KpiRecords)] = () => KpiRecords.OpportunitiesCreated,
        [typeof(KpiMeasure)] = () => KpiMeasure.Count(KpiRecords.OpportunitiesCreated),
        [typeof(KpiFilter)] = () => KpiFilter.Source("web"),
        [typeof(KpiWindow)] = () => KpiWindow.Cumulative,
        [typeof(KpiWindowCalculator)] = () => new KpiWindowCalculator("calls-cumulative", Kpis.Calls, KpiWindow.Cumulative),
        [typeof(Period)] = () => Period.FromDays(7),
        [typeof(KpiQuery)] = () => new KpiQuery(TestData.January, [Kpis.CloseRate]),
        [typeof(KpiEvaluator)] = () => new KpiEvaluator(),
        [typeof(KpiReport)] = SampleReport,
        [typeof(KpiReportReader)] = () => new KpiEvaluator().EvaluateRows(SampleData(), new KpiQuery(TestData.January, [Kpis.CloseRate])),
        [typeof(KpiAccumulation)] = () => new KpiEvaluator().Accumulate(SampleData(), new KpiQuery(TestData.January, [Kpis.CloseRate])),
        [typeof(MoneyTotal)] = () => new KpiCalculatorContext(KpiSettings.Default, SampleData()).CreateMoneyTotal(),
        [typeof(KpiPeriod)] = () => SampleReport().Periods[0],
        [typeof(KpiValue)] = () => KpiValue.Ratio(1m, 2m),
        [typeof(PlanInput)] = () => PlanInput.Given(1m),
        [typeof(QuarterlyAmount)] = () => QuarterlyAmount.ForQuarter(2025, 1, TestData.Usd(1000m)),
        [typeof(WorkingDayCalendar)] = () => WorkingDayCalendar.MondayToFriday,
        [typeof(SalesKpi.Pipeline.PipelineWindow)] = () => SalesKpi.Pipeline.PipelineWindow.Period,
        [typeof(SalesKpi.Pipeline.PipelineWaterfallReport)] = () => new SalesKpi.Pipeline.PipelineWaterfallCalculator().Evaluate(SampleData(), TestData.January),
        [typeof(SalesKpi.Pipeline.PipelineWaterfall)] = () => new SalesKpi.Pipeline.PipelineWaterfallCalculator().Evaluate(SampleData(), TestData.January).Get(),
        [typeof(SalesKpi.Pipeline.PipelineFlow)] = () => new SalesKpi.Pipeline.PipelineWaterfallCalculator().Evaluate(SampleData(), TestData.January).Get().Opening,

        // Planning calculators need their goal or quota; the calculators built on them are then constructed.
        [typeof(MagicNumberOptions)] = () => new MagicNumberOptions { Goal = _ => TestData.Usd(10_000m), Weeks = 4m },
        [typeof(MagicNumberCalculator)] = () => new MagicNumberCalculator(new MagicNumberOptions { Goal = _ => TestData.Usd(10_000m), Weeks = 4m }),
        [typeof(QuotaAttainmentOptions)] = () => new QuotaAttainmentOptions { Quota = (_, _) => TestData.Usd(10_000m) },
        [typeof(QuotaAttainmentCalculator)] = () => new QuotaAttainmentCalculator(new QuotaAttainmentOptions { Quota = (_, _) => TestData.Usd(10_000m) }),
        [typeof(PipelineCoverageOptions)] = () => new PipelineCoverageOptions { Target = (_, _) => TestData.Usd(10_000m) },
        [typeof(PipelineCoverageCalculator)] = () => new PipelineCoverageCalculator(new PipelineCoverageOptions { Target = (_, _) => TestData.Usd(10_000m) }),
    };

    // Parameters whose valid values are a subset of their type's: a currency code is not any string.
    private static readonly Dictionary<string, object> ByParameterName = new(StringComparer.Ordinal)
    {
        ["code"] = "EUR",

        // A money ratio is in Money or MoneyPerDay, not in the enum's zero value (Count).
        ["unit"] = KpiUnit.Money,

        // An average deal size is an amount of money, not a count.
        ["averageDealSize"] = PlanInput.Given(TestData.Usd(1000m)),
    };

    /// <summary>Returns true and a valid value for <paramref name="parameter"/> when one is known.</summary>
    /// <remarks>
    /// Nullable value types get null; enums get their zero value (every domain enum defines one); arrays and sequence
    /// interfaces an array implements get an empty array; delegates get a lambda returning the default of their return
    /// type; the types in the table get their sample; any other concrete class of SalesKpi is built with its public
    /// constructor of fewest parameters whose arguments all have samples.
    /// </remarks>
    public static bool TryGet(ParameterInfo parameter, out object? value)
    {
        if (parameter.Name is { } name && ByParameterName.TryGetValue(name, out var byName) && byName.GetType() == parameter.ParameterType)
        {
            value = byName;
            return true;
        }

        return TryGet(parameter.ParameterType, out value);
    }

    /// <summary>Returns true and a valid value of <paramref name="type"/> when one is known.</summary>
    public static bool TryGet(Type type, out object? value)
    {
        if (Nullable.GetUnderlyingType(type) is not null)
        {
            value = null;
            return true;
        }

        if (type.IsEnum)
        {
            value = Activator.CreateInstance(type);
            return true;
        }

        if (Samples.TryGetValue(type, out var factory))
        {
            value = factory();
            return true;
        }

        if (type.IsArray)
        {
            value = Array.CreateInstance(type.GetElementType()!, 0);
            return true;
        }

        if (type.IsGenericType && type.IsInterface && type.GetGenericArguments() is [var element]
            && type.IsAssignableFrom(element.MakeArrayType()))
        {
            // IEnumerable<T>, IReadOnlyList<T>, IReadOnlyCollection<T>, ICollection<T>, IList<T>.
            value = Array.CreateInstance(element, 0);
            return true;
        }

        if (typeof(Delegate).IsAssignableFrom(type) && type != typeof(Delegate) && type != typeof(MulticastDelegate))
        {
            value = Lambda(type);
            return true;
        }

        return TryConstruct(type, out value);
    }

    private static SalesData SampleData() => SalesData.Create(roster: TestData.CreateRoster());

    private static KpiReport SampleReport() =>
        new KpiEvaluator().Evaluate(SampleData(), new KpiQuery(TestData.January, [Kpis.CloseRate]));

    // A public concrete class of SalesKpi not in the table (a calculator, an options class, a type added tomorrow) is
    // built with its public constructor of fewest parameters whose arguments all have samples in turn.
    private static bool TryConstruct(Type type, out object? value)
    {
        value = null;
        if (!type.IsClass || type.IsAbstract || type.ContainsGenericParameters || type.Assembly != typeof(Money).Assembly
            || _constructionDepth >= 4)
        {
            return false;
        }

        _constructionDepth++;
        try
        {
            foreach (var constructor in type.GetConstructors().OrderBy(c => c.GetParameters().Length))
            {
                var parameters = constructor.GetParameters();
                var arguments = new object?[parameters.Length];
                var complete = true;
                for (var i = 0; i < parameters.Length && complete; i++)
                {
                    complete = parameters[i].HasDefaultValue ? Default(parameters[i], out arguments[i]) : TryGet(parameters[i], out arguments[i]);
                }

                if (complete && TryInvoke(constructor, arguments, out value))
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            _constructionDepth--;
        }
    }

    // A constructor that refuses the sample arguments (an options class that needs a goal) is not a sample; the
    // sweep then reports the type as missing from the table, where a valid instance is added by hand.
    private static bool TryInvoke(ConstructorInfo constructor, object?[] arguments, out object? value)
    {
        try
        {
            value = constructor.Invoke(BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            return true;
        }
        catch (ArgumentException)
        {
            value = null;
            return false;
        }
        catch (InvalidOperationException)
        {
            value = null;
            return false;
        }
    }

    private static bool Default(ParameterInfo parameter, out object? value)
    {
        value = parameter.DefaultValue;
        return true;
    }

    // A lambda of the delegate type that returns the default of its return type: the sweep never gets far enough
    // to call it, since the null guard comes first.
    private static Delegate Lambda(Type delegateType)
    {
        var invoke = delegateType.GetMethod("Invoke")!;
        var parameters = invoke.GetParameters().Select(p => Expression.Parameter(p.ParameterType, p.Name)).ToArray();
        Expression body = invoke.ReturnType == typeof(void) ? Expression.Empty() : Expression.Default(invoke.ReturnType);
        return Expression.Lambda(delegateType, body, parameters).Compile();
    }
}
