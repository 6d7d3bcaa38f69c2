using SalesKpi.Reps;
using SalesKpi.Tests.TestUtilities;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed class RosterTests
{
    [Fact]
    public void Constructor_NullReps_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("reps", () => new Roster(null!));

    [Fact]
    public void Constructor_NullRep_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("reps", () => new Roster([CreateRep("r01"), null!]));

    [Fact]
    public void Constructor_SameRepInTwoTeams_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(
            "reps",
            () => new Roster([CreateRep("r01", team: "team-east"), CreateRep("r02"), CreateRep("r01", team: "team-west")]));

        Assert.Contains("r01", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SameRepTwice_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("reps", () => new Roster([CreateRep("r01"), CreateRep("r01")]));

    [Fact]
    public void Constructor_KeepsRepsInOrderGiven()
    {
        Rep[] reps = [CreateRep("r03"), CreateRep("r01"), CreateRep("r02")];

        Assert.Equal(reps, new Roster(reps).Reps);
    }

    [Fact]
    public void Constructor_Reps_AreCopied()
    {
        var reps = new List<Rep> { CreateRep("r01") };

        var roster = new Roster(reps);
        reps.Add(CreateRep("r02"));
        reps[0] = CreateRep("r09");

        Assert.Equal(new[] { CreateRep("r01") }, roster.Reps);
        Assert.Null(roster.TeamOf(new RepId("r09")));
    }

    [Fact]
    public void Empty_HasNoRepsAndNoTeams()
    {
        Assert.Empty(Roster.Empty.Reps);
        Assert.Empty(Roster.Empty.Teams);
        Assert.Null(Roster.Empty.TeamOf(new RepId("r01")));
    }

    [Fact]
    public void TeamOf_RepOnRoster_ReturnsTeam()
    {
        var roster = CreateRoster();

        Assert.Equal(new TeamId("team-east"), roster.TeamOf(new RepId("r01")));
        Assert.Equal(new TeamId("team-west"), roster.TeamOf(new RepId("r02")));
        Assert.Equal(new TeamId("team-east"), roster.TeamOf(new RepId("r03")));
    }

    [Fact]
    public void TeamOf_RepNotOnRoster_ReturnsNull()
    {
        Assert.Null(CreateRoster().TeamOf(new RepId("r99")));
        Assert.Null(CreateRoster().TeamOf(new RepId("R01")));
        Assert.Null(CreateRoster().TeamOf(default));
    }

    [Fact]
    public void TryGetRep_RepOnRoster_ReturnsIt()
    {
        Assert.True(CreateRoster().TryGetRep(new RepId("r02"), out var rep));
        Assert.Equal(CreateRep("r02", "Ivan Petrov", "team-west"), rep);
    }

    [Fact]
    public void TryGetRep_RepNotOnRoster_ReturnsFalseAndNull()
    {
        Assert.False(CreateRoster().TryGetRep(new RepId("r99"), out var rep));
        Assert.Null(rep);
    }

    [Fact]
    public void Teams_ListsEachTeamOnceInOrderOfFirstAppearance()
    {
        var roster = new Roster([CreateRep("r01", team: "b"), CreateRep("r02", team: "a"), CreateRep("r03", team: "b"), CreateRep("r04", team: "c")]);

        Assert.Equal([new TeamId("b"), new TeamId("a"), new TeamId("c")], roster.Teams);
    }

    [Fact]
    public void Equality_ComparesRepsInOrder()
    {
        Rep r1 = CreateRep("r01"), r2 = CreateRep("r02", team: "team-west");

        EqualityAssert.EqualAndUnequal(
            new Roster([r1, r2]),
            new Roster([CreateRep("r01"), CreateRep("r02", team: "team-west")]),
            new Roster([r2, r1]),
            new Roster([r1]),
            new Roster([r1, r2, CreateRep("r03")]),
            new Roster([r1, CreateRep("r02", team: "team-east")]),
            new Roster([r1, CreateRep("r02", name: "Someone Else", team: "team-west")]),
            Roster.Empty);
    }

    [Fact]
    public void GetHashCode_RostersOfOneSizeWithOtherReps_SpreadOverManyHashCodes()
    {
        // Rosters of two reps each, differing only in the second rep: their hash codes must not all collide.
        var hashes = Enumerable.Range(0, 50).Select(i => new Roster([CreateRep("r01"), CreateRep($"x{i}")]).GetHashCode()).ToHashSet();

        Assert.True(hashes.Count > 45, $"50 rosters gave only {hashes.Count} hash codes.");
    }

    [Fact]
    public void Equality_EmptyRosters_AreEqual() =>
        EqualityAssert.Equal(Roster.Empty, new Roster([]));

    [Theory]
    [MemberData(nameof(CultureScope.Names), MemberType = typeof(CultureScope))]
    public void ToString_AnyCurrentCulture_CountsRepsAndTeams(string culture)
    {
        using (new CultureScope(culture))
        {
            Assert.Equal("Roster (3 reps in 2 teams)", CreateRoster().ToString());
            Assert.Equal("Roster (0 reps in 0 teams)", Roster.Empty.ToString());
        }
    }
}

public class RosterDefaultArrayTests
{
    [Fact]
    public void Constructor_DefaultImmutableArray_IsEmpty()
    {
        // Regression: a default ImmutableArray used to throw NullReferenceException.
        var roster = new SalesKpi.Reps.Roster(default(System.Collections.Immutable.ImmutableArray<SalesKpi.Reps.Rep>));

        Assert.Empty(roster.Reps);
    }
}
