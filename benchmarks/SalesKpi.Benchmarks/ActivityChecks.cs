using SalesKpi.Activities;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Reps;

namespace SalesKpi.Benchmarks;

/// <summary>
/// The argument checks of the <see cref="SalesActivity"/> constructor, for the benchmark-local twins
/// <see cref="ActivityStruct"/> and <see cref="ActivityClass"/>.
/// </summary>
/// <remarks>
/// <para>The library's identifiers expose <c>IsDefault</c> only internally; these checks use the public equivalent
/// (an empty <c>Value</c>/<c>Name</c>, which only the default value has). Unlike the library's
/// <c>Preconditions.CheckRange(bool, object?, ...)</c>, nothing is boxed unless a check fails.</para>
/// </remarks>
internal static class ActivityChecks
{
    private const ActivityOutcomes AllOutcomes = ActivityOutcomes.Connected | ActivityOutcomes.Delivered
        | ActivityOutcomes.Opened | ActivityOutcomes.Replied | ActivityOutcomes.Positive;

    public static void Validate(
        ActivityId id,
        SalesActivityKind kind,
        RepId owner,
        ActivityOutcomes outcomes,
        LeadId? lead,
        OpportunityId? opportunity,
        string? tool)
    {
        CheckInitialized(id.Value.Length != 0, nameof(id));
        if (kind.Name.Length == 0)
        {
            throw new ArgumentException("The activity kind is the default value; create it from a name.", nameof(kind));
        }

        CheckInitialized(owner.Value.Length != 0, nameof(owner));
        if ((outcomes & ~AllOutcomes) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(outcomes), outcomes, "Unknown outcome flags.");
        }

        if (lead is { } l)
        {
            CheckInitialized(l.Value.Length != 0, nameof(lead));
        }

        if (opportunity is { } o)
        {
            CheckInitialized(o.Value.Length != 0, nameof(opportunity));
        }

        if (tool is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(tool);
        }
    }

    private static void CheckInitialized(bool isInitialized, string paramName)
    {
        if (!isInitialized)
        {
            throw new ArgumentException("The identifier is the default value; create it from a non-empty string.", paramName);
        }
    }
}
