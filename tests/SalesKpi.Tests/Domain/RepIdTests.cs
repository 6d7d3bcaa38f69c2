using SalesKpi.Reps;

namespace SalesKpi.Tests.Domain;

public sealed class RepIdTests : IdentifierTests<RepId>
{
    protected override RepId Create(string value) => new(value);

    protected override string ValueOf(RepId id) => id.Value;
}
