using SalesKpi.Activities;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.BuiltIn;

/// <summary>
/// <c>emails-per-contact</c>: the emails sent in the period to a contact, divided by the distinct contacts emailed.
/// </summary>
/// <remarks>
/// <para>A contact is the lead an email is linked to or, when it has no lead, its opportunity. An email linked to
/// neither has no contact: it is left out of both the numerator and the denominator (<c>emails-sent</c> still counts
/// it). The value is a plain number (emails per contact) with numerator and denominator. Undefined when no email in the
/// period had a contact.</para>
/// </remarks>
/// <example>
/// <code>
/// // 6 emails to 4 leads and opportunities in March: 1.5 emails per contact.
/// KpiValue perContact = Kpis.EmailsPerContact.Evaluate(data, march);
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class EmailsPerContactCalculator : AggregateKpiCalculator
{
    /// <summary>Initializes the calculator.</summary>
    /// <param name="id">The KPI's id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not kebab-case.</exception>
    public EmailsPerContactCalculator(string id = KpiIds.EmailsPerContact)
        : base(id)
    {
    }

    /// <inheritdoc />
    public override KpiUnit Unit => KpiUnit.Number;

    /// <inheritdoc />
    public override KpiDirection Direction => KpiDirection.HigherIsBetter;

    /// <inheritdoc />
    public override string Description => "emails sent to a lead or opportunity / distinct leads and opportunities emailed";

    /// <inheritdoc />
    public override IReadOnlyList<KpiInput> Inputs { get; } = [KpiInput.Activities(static a => a.Kind == SalesActivityKind.Email ? a.OccurredAt : null, "occurred at")];

    /// <inheritdoc />
    public override KpiAccumulator CreateAccumulator(KpiCalculatorContext context)
    {
        Preconditions.CheckNotNull(context);
        return new Accumulator();
    }

    private sealed class Accumulator : KpiAccumulator
    {
        private readonly HashSet<(bool IsLead, string Id)> _contacts = [];
        private long _emails;

        public override void Add(SalesActivity activity, KpiPeriod period)
        {
            Preconditions.CheckNotNull(activity);
            Preconditions.CheckNotNull(period);
            if (activity.Kind != SalesActivityKind.Email)
            {
                return;
            }

            (bool, string)? contact = activity.Lead is { } lead ? (true, lead.ToString())
                : activity.Opportunity is { } opportunity ? (false, opportunity.ToString())
                : null;
            if (contact is { } c)
            {
                _emails++;
                _contacts.Add(c);
            }
        }

        public override void Merge(KpiAccumulator other)
        {
            Preconditions.CheckNotNull(other);
            var o = (Accumulator)other;
            _emails += o._emails;
            _contacts.UnionWith(o._contacts);
        }

        public override KpiValue GetValue() => KpiValue.PerItem(_emails, _contacts.Count, "no emails to a lead or opportunity in the period");
    }
}
