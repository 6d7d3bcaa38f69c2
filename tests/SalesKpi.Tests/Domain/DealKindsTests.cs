using SalesKpi.Deals;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Domain;

public sealed class DealKindsTests
{
    [Theory]
    [InlineData(DealKind.NewBusiness, "new-business")]
    [InlineData(DealKind.AddOn, "add-on")]
    [InlineData(DealKind.Renewal, "renewal")]
    [InlineData(DealKind.WinBack, "win-back")]
    public void ToName_DefinedKind_ReturnsKebabCaseName(DealKind kind, string expected) =>
        Assert.Equal(expected, DealKinds.ToName(kind));

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void ToName_UndefinedKind_ThrowsArgumentOutOfRangeException(int undefined)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>("kind", () => DealKinds.ToName((DealKind)undefined));

        Assert.StartsWith("Unknown deal kind.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_NameOfEveryKind_RoundTrips()
    {
        foreach (var kind in Enum.GetValues<DealKind>())
        {
            Assert.True(DealKinds.TryParse(DealKinds.ToName(kind), out var parsed), $"'{DealKinds.ToName(kind)}' did not parse.");
            Assert.Equal(kind, parsed);
        }
    }

    [Fact]
    public void ToName_EveryKind_HasADistinctName() =>
        Assert.Equal(Enum.GetValues<DealKind>().Length, Enum.GetValues<DealKind>().Select(DealKinds.ToName).Distinct(StringComparer.OrdinalIgnoreCase).Count());

    [Theory]
    [InlineData("NEW-BUSINESS", DealKind.NewBusiness)]
    [InlineData("Add-On", DealKind.AddOn)]
    [InlineData("RENEWAL", DealKind.Renewal)]
    [InlineData("Win-Back", DealKind.WinBack)]
    public void TryParse_AnyCase_Parses(string name, DealKind expected)
    {
        Assert.True(DealKinds.TryParse(name, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("WIN-BACK", DealKind.WinBack)]
    [InlineData("NEW-BUSINESS", DealKind.NewBusiness)]
    public void TryParse_TurkishCurrentCulture_ParsesUpperCaseI(string name, DealKind expected)
    {
        using (new CultureScope("tr-TR"))
        {
            Assert.True(DealKinds.TryParse(name, out var kind));
            Assert.Equal(expected, kind);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("NewBusiness")]
    [InlineData("new business")]
    [InlineData("new_business")]
    [InlineData(" renewal")]
    [InlineData("upsell")]
    [InlineData("0")]
    public void TryParse_UnknownName_ReturnsFalseAndDefault(string? name)
    {
        Assert.False(DealKinds.TryParse(name, out var kind));
        Assert.Equal(default, kind);
    }
}
