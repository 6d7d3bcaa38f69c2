using System.Reflection;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reps;

namespace SalesKpi.Tests.TestUtilities;

/// <summary>
/// A valid argument of each type the public domain API takes, for reflection sweeps that call every constructor
/// and method. A sweep that meets a type missing here fails and names it, so a new public type is added here rather
/// than skipped.
/// </summary>
public static class ArgumentSamples
{
    private static readonly Dictionary<Type, Func<object>> Samples = new()
    {
        [typeof(string)] = () => "sample",
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
        [typeof(LeadId)] = () => new LeadId("L-1"),
        [typeof(OpportunityId)] = () => new OpportunityId("O-1"),
        [typeof(DealId)] = () => new DealId("D-1"),
        [typeof(ActivityId)] = () => new ActivityId("A-1"),
        [typeof(RepId)] = () => new RepId("r01"),
        [typeof(TeamId)] = () => new TeamId("team-east"),
        [typeof(OpportunityStage)] = () => OpportunityStage.Proposal,
        [typeof(StageEntry)] = () => new StageEntry(OpportunityStage.Proposal, TestData.T1),
        [typeof(ActivityKind)] = () => ActivityKind.Call,
        [typeof(Lead)] = () => TestData.CreateLead(),
        [typeof(Opportunity)] = () => TestData.CreateOpportunity(),
        [typeof(Deal)] = () => TestData.CreateDeal(),
        [typeof(Activity)] = () => TestData.CreateActivity(),
        [typeof(MarketingSpend)] = () => TestData.CreateSpend(),
        [typeof(Rep)] = () => TestData.CreateRep(),
        [typeof(Roster)] = TestData.CreateRoster,
        [typeof(SalesData)] = () => SalesData.Create(roster: TestData.CreateRoster()),
    };

    // Parameters whose valid values are a subset of their type's: a currency code is not any string.
    private static readonly Dictionary<string, object> ByParameterName = new(StringComparer.Ordinal)
    {
        ["code"] = "EUR",
    };

    /// <summary>Returns true and a valid value for <paramref name="parameter"/> when one is known.</summary>
    /// <remarks>
    /// Nullable value types get null; enums get their zero value (every domain enum defines one); sequences get an
    /// empty array of their element type; everything else comes from the table above.
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

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            value = Array.CreateInstance(type.GetGenericArguments()[0], 0);
            return true;
        }

        value = null;
        return false;
    }
}
