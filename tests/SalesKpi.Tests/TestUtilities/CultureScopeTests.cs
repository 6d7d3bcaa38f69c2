using System.Globalization;

namespace SalesKpi.Tests.TestUtilities;

public sealed class CultureScopeTests
{
    [Fact]
    public void Dispose_RestoresPreviousCultures()
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;

        using (new CultureScope("tr-TR"))
        {
            Assert.Equal("tr-TR", CultureInfo.CurrentCulture.Name);
            Assert.Equal("tr-TR", CultureInfo.CurrentUICulture.Name);
            Assert.Equal("1,5", 1.5m.ToString(CultureInfo.CurrentCulture));
        }

        Assert.Same(culture, CultureInfo.CurrentCulture);
        Assert.Same(uiCulture, CultureInfo.CurrentUICulture);
    }
}
