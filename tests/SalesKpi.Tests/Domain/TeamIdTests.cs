using SalesKpi.Reps;

namespace SalesKpi.Tests.Domain;

public sealed class TeamIdTests : IdentifierTests<TeamId>
{
    protected override TeamId Create(string value) => new(value);

    protected override string ValueOf(TeamId id) => id.Value;
}
