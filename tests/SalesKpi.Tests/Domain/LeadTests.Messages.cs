using SalesKpi.Leads;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

/// <summary>Bad input is refused with a message that says what is wrong (surviving mutants blanked these messages).</summary>
public sealed partial class LeadTests
{
    [Fact]
    public void Constructor_QualifiedBeforeCreated_MessageNamesBothInstants()
    {
        var e = Assert.Throws<ArgumentException>("qualifiedAt", () => new Lead(new LeadId("L-1"), T1, "web", qualifiedAt: T0));

        Assert.StartsWith($"A lead cannot be qualified ({T0}) before it was created ({T1}).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ConvertedBeforeCreated_MessageNamesBothInstants()
    {
        var e = Assert.Throws<ArgumentException>("convertedAt", () => new Lead(new LeadId("L-1"), T1, "web", convertedAt: T0));

        Assert.StartsWith($"A lead cannot be converted ({T0}) before it was created ({T1}).", e.Message, StringComparison.Ordinal);
    }
}
