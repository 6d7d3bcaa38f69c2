using SalesKpi.Opportunities;

namespace SalesKpi.Tests.Domain;

public sealed class OpportunityIdTests : IdentifierTests<OpportunityId>
{
    protected override OpportunityId Create(string value) => new(value);

    protected override string ValueOf(OpportunityId id) => id.Value;
}
