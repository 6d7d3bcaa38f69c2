using SalesKpi.Reporting;

namespace SalesKpi.Tests.DependencyInjection;

public sealed class KpiCatalogTests
{
    [Fact]
    public void BuiltIn_HoldsKpisAllInOrder()
    {
        Assert.Equal<KpiCalculator>(Kpis.All, KpiCatalog.BuiltIn.All);
    }

    [Fact]
    public void Get_KnownId_ReturnsTheKpi()
    {
        Assert.Same(Kpis.Revenue, KpiCatalog.BuiltIn.Get(KpiIds.Revenue));
    }

    [Fact]
    public void Get_Typo_ThrowsKeyNotFoundSuggestingTheNearestIds()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => KpiCatalog.BuiltIn.Get("close-rat"));

        Assert.Equal("No KPI has the id 'close-rat' in the catalog. Did you mean 'close-rate'?", e.Message);
    }

    [Fact]
    public void Get_Prefix_SuggestsTheIdsContainingIt()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => KpiCatalog.BuiltIn.Get("email"));

        Assert.Contains("'emails-sent'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'email-open-rate'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_NothingNear_ListsEveryId()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => new KpiCatalog([Kpis.Calls, Kpis.Revenue]).Get("zzzzzzzzzzzz"));

        Assert.Equal("No KPI has the id 'zzzzzzzzzzzz' in the catalog. Its ids are: calls, revenue.", e.Message);
    }

    [Fact]
    public void Get_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>("id", () => KpiCatalog.BuiltIn.Get(null!));
    }

    [Fact]
    public void TryGet_UnknownOrNull_ReturnsFalse()
    {
        Assert.False(KpiCatalog.BuiltIn.TryGet("nope", out var kpi));
        Assert.Null(kpi);
        Assert.False(KpiCatalog.BuiltIn.TryGet(null, out _));
        Assert.True(KpiCatalog.BuiltIn.TryGet(KpiIds.Calls, out var calls));
        Assert.Same(Kpis.Calls, calls);
    }

    [Fact]
    public void Constructor_DuplicateId_Throws()
    {
        var e = Assert.Throws<ArgumentException>("kpis", () => new KpiCatalog([Kpis.Calls, Kpis.Meetings, Kpis.Calls]));

        Assert.Contains("'calls' appears twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("kpis", () => new KpiCatalog(null!));
        Assert.Throws<ArgumentNullException>("kpis", () => new KpiCatalog([Kpis.Calls, null!]));
    }
}
