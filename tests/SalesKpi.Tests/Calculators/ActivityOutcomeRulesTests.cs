using SalesKpi.Activities;
using static SalesKpi.Activities.ActivityOutcomes;

namespace SalesKpi.Tests.Calculators;

/// <summary>The implications between email outcomes that the email rates rely on.</summary>
public class ActivityOutcomeRulesTests
{
    [Theory]
    [InlineData(None, None)]
    [InlineData(Delivered, Delivered)]
    [InlineData(Opened, Opened | Delivered)]
    [InlineData(Replied, Replied | Delivered)]
    [InlineData(Positive, Positive | Replied | Delivered)]
    [InlineData(Connected | Positive, Connected | Positive | Replied | Delivered)]
    public void Effective_RecordedOutcomes_AddWhatTheyImply(ActivityOutcomes recorded, ActivityOutcomes effective)
    {
        Assert.Equal(effective, ActivityOutcomeRules.Effective(recorded));
    }
}
