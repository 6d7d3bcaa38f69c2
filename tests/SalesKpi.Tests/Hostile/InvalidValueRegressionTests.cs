using SalesKpi.Extensibility;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.Hostile;

/// <summary>Regression tests for invalid values the hostile-input suite (issue #8) found accepted.</summary>
public sealed class InvalidValueRegressionTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    public void Regression_BlankSourceFilter_WasAcceptedAndKeptNothing(string blank)
    {
        // Before: KpiFilter.Source("") built a filter no record can pass (a lead's source and a spend's channel are
        // never blank), so a filtered KPI was silently empty instead of the caller learning of the typo.
        var e = Assert.Throws<ArgumentException>("source", () => KpiFilter.Source(blank));

        Assert.Contains("empty or white space", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_BlankSourceInRecordSet_WasAcceptedAndSelectedNothing()
    {
        // Before: FromSource("web", " ") narrowed to the web leads plus none; FromSource(" ") alone selected nothing.
        Assert.Throws<ArgumentException>("sources", () => KpiRecords.LeadsCreated.FromSource(" "));
        Assert.Throws<ArgumentException>("sources", () => KpiRecords.LeadsCreated.FromSource("web", ""));
    }
}
