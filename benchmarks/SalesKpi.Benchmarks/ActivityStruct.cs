using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Reps;

namespace SalesKpi.Benchmarks;

/// <summary>
/// A benchmark-local value-type twin of <see cref="SalesActivity"/>: the same eight fields and the same argument checks,
/// so that <see cref="DomainModelBenchmarks"/> compares the memory layout (one object per record against records
/// inline in an array), not the amount of validation.
/// </summary>
/// <remarks>
/// <para>The checks are in <see cref="ActivityChecks"/>, shared with <see cref="ActivityClass"/>.</para>
/// </remarks>
public readonly struct ActivityStruct
{
    public ActivityStruct(
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
