using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Reps;

namespace SalesKpi.Benchmarks;

/// <summary>
/// A benchmark-local sealed-class twin of <see cref="SalesActivity"/>: the same eight fields and the same argument checks as
/// <see cref="ActivityStruct"/>, so that <see cref="DomainModelBenchmarks"/> separates the cost of one object per
/// record from the cost of the library's validation.
/// </summary>
/// <remarks>
/// <para>The checks are in <see cref="ActivityChecks"/>, shared with <see cref="ActivityStruct"/>.</para>
/// </remarks>
public sealed class ActivityClass
{
    public ActivityClass(
        ActivityId id,
        SalesActivityKind kind,
        RepId owner,
        Instant occurredAt,
        ActivityOutcomes outcomes = ActivityOutcomes.None,
        LeadId? lead = null,
        OpportunityId? opportunity = null,
        string? tool = null)
    {
        ActivityChecks.Validate(id, kind, owner, outcomes, lead, opportunity, tool);

        Id = id;
        Kind = kind;
        Owner = owner;
        OccurredAt = occurredAt;
        Outcomes = outcomes;
        Lead = lead;
        Opportunity = opportunity;
        Tool = tool;
    }

    public ActivityId Id { get; }

    public SalesActivityKind Kind { get; }

    public RepId Owner { get; }

    public Instant OccurredAt { get; }

    public ActivityOutcomes Outcomes { get; }

    public LeadId? Lead { get; }

    public OpportunityId? Opportunity { get; }

    public string? Tool { get; }

}
