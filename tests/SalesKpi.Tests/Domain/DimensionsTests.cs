using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Domain;

public sealed class DimensionsTests
{
    [Fact]
    public void Empty_HasNoAttributes()
    {
        Assert.Empty(Dimensions.Empty);
        Assert.Equal(string.Empty, Dimensions.Empty.ToString());
        Assert.Null(Dimensions.Empty.ValueOf("office"));
    }

    [Fact]
    public void Create_SortsByNameAndKeepsTheSpellingGiven()
    {
        var dimensions = Dimensions.Create([new("product", "GTX Pro"), new("Office", "West")]);

        Assert.Equal(["Office", "product"], dimensions.Keys);
        Assert.Equal(["West", "GTX Pro"], dimensions.Values);
        Assert.Equal("Office=West, product=GTX Pro", dimensions.ToString());
    }

    [Fact]
    public void Lookup_IgnoresTheCaseOfTheName()
    {
        var dimensions = Dimensions.Of("Office", "West");

        Assert.Equal("West", dimensions["office"]);
        Assert.Equal("West", dimensions.ValueOf("OFFICE"));
        Assert.True(dimensions.ContainsKey("office"));
        Assert.True(dimensions.TryGetValue("oFFice", out var value));
        Assert.Equal("West", value);
        Assert.False(dimensions.TryGetValue("product", out _));
        var missing = Assert.Throws<KeyNotFoundException>(() => dimensions["product"]);
        Assert.Contains("Office", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_AddsOrReplacesKeepingTheFirstSpelling()
    {
        var west = Dimensions.Of("Office", "West");

        var east = west.With("office", "East");
        var both = west.With("product", "GTX Pro");

        Assert.Equal("Office=East", east.ToString());
        Assert.Equal("Office=West", west.ToString());
        Assert.Equal("Office=West, product=GTX Pro", both.ToString());
        Assert.Same(west, west.With("OFFICE", "West"));
    }

    [Fact]
    public void Equality_NamesIgnoreCaseValuesAreOrdinalOrderDoesNotMatter() =>
        EqualityAssert.EqualAndUnequal(
            Dimensions.Create([new("office", "West"), new("product", "GTX Pro")]),
            Dimensions.Create([new("Product", "GTX Pro"), new("OFFICE", "West")]),
            Dimensions.Of("office", "West"),
            Dimensions.Create([new("office", "west"), new("product", "GTX Pro")]),
            Dimensions.Create([new("office", "West"), new("series", "GTX Pro")]),
            Dimensions.Empty);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Of_BlankName_Throws(string blank) =>
        Assert.Throws<ArgumentException>("name", () => Dimensions.Of(blank, "West"));

    [Fact]
    public void Of_NameOfSixtyFiveCharacters_Throws()
    {
        Assert.Equal("West", Dimensions.Of(new string('n', 64), "West")[new string('N', 64)]);

        var tooLong = Assert.Throws<ArgumentException>("name", () => Dimensions.Of(new string('n', 65), "West"));
        Assert.Contains("65 characters", tooLong.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Of_BlankValue_ThrowsSayingToLeaveItOut(string blank)
    {
        var error = Assert.Throws<ArgumentException>("value", () => Dimensions.Of("office", blank));
        Assert.Contains("leave the dimension out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NameTwiceInAnyCase_Throws()
    {
        var error = Assert.Throws<ArgumentException>("dimensions", () => Dimensions.Create([new("office", "West"), new("Office", "East")]));
        Assert.Contains("given twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_InvalidPair_Throws()
    {
        Assert.Throws<ArgumentException>("dimensions", () => Dimensions.Create([new("office", "")]));
        Assert.Throws<ArgumentException>("dimensions", () => Dimensions.Create([new(" ", "West")]));
        Assert.Throws<ArgumentNullException>("dimensions", () => Dimensions.Create([new("office", null!)]));
        Assert.Same(Dimensions.Empty, Dimensions.Create([]));
    }
}
