using SalesKpi.Deals;

namespace SalesKpi.Tests.Domain;

public sealed class DealIdTests : IdentifierTests<DealId>
{
    protected override DealId Create(string value) => new(value);

    protected override string ValueOf(DealId id) => id.Value;
}
