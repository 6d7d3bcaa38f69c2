using SalesKpi.Reps;
using SalesKpi.Tests.TestUtilities;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed class RepTests
{
    [Fact]
    public void Constructor_DefaultId_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("id", () => new Rep(default, "Ayşe Demir", new TeamId("team-east")));

    [Fact]
    public void Constructor_NullName_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("name", () => new Rep(new RepId("r01"), null!, new TeamId("team-east")));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_BlankName_ThrowsArgumentException(string blank) =>
        Assert.Throws<ArgumentException>("name", () => new Rep(new RepId("r01"), blank, new TeamId("team-east")));

    [Fact]
    public void Constructor_DefaultTeam_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("team", () => new Rep(new RepId("r01"), "Ayşe Demir", default));

    [Fact]
    public void Constructor_KeepsValues()
    {
        var rep = new Rep(new RepId("r02"), "Ivan Petrov", new TeamId("team-west"));

        Assert.Equal(new RepId("r02"), rep.Id);
        Assert.Equal("Ivan Petrov", rep.Name);
        Assert.Equal(new TeamId("team-west"), rep.Team);
    }

    [Fact]
    public void Equality_IsComponentWise() =>
        EqualityAssert.EqualAndUnequal(
            CreateRep(),
            new Rep(new RepId("r01"), "Ayşe Demir", new TeamId("team-east")),
            CreateRep(id: "r02"),
            CreateRep(name: "Ayse Demir"),
            CreateRep(name: "AYŞE DEMIR"),
            CreateRep(team: "team-west"));

    [Theory]
    [MemberData(nameof(CultureScope.Names), MemberType = typeof(CultureScope))]
    public void ToString_AnyCurrentCulture_IsIdNameAndTeam(string culture)
    {
        using (new CultureScope(culture))
        {
            Assert.Equal("r01 (Ayşe Demir, team-east)", CreateRep().ToString());
        }
    }
}
