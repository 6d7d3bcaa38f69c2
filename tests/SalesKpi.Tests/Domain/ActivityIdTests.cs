using SalesKpi.Activities;

namespace SalesKpi.Tests.Domain;

public sealed class ActivityIdTests : IdentifierTests<ActivityId>
{
    protected override ActivityId Create(string value) => new(value);

    protected override string ValueOf(ActivityId id) => id.Value;
}
