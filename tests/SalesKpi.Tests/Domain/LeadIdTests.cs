using SalesKpi.Leads;

namespace SalesKpi.Tests.Domain;

public sealed class LeadIdTests : IdentifierTests<LeadId>
{
    protected override LeadId Create(string value) => new(value);

    protected override string ValueOf(LeadId id) => id.Value;
}
