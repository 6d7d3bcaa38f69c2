using SalesKpi.Leads;
using SalesKpi.Reps;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Domain;

public sealed partial class LeadTests
{
    [Fact]
    public void Constructor_DefaultId_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("id", () => new Lead(default, T0, "web"));

    [Fact]
    public void Constructor_NullSource_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("source", () => new Lead(new LeadId("L-1"), T0, null!));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\t")]
    public void Constructor_BlankSource_ThrowsArgumentException(string blank) =>
        Assert.Throws<ArgumentException>("source", () => CreateLead(source: blank));

    [Fact]
    public void Constructor_DefaultOwner_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("owner", () => CreateLead(owner: default(RepId)));

    [Fact]
    public void Constructor_QualifiedBeforeCreated_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("qualifiedAt", () => CreateLead(qualifiedAt: BeforeT0));

    [Fact]
    public void Constructor_ConvertedBeforeCreated_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("convertedAt", () => CreateLead(convertedAt: BeforeT0));

    [Fact]
    public void Constructor_QualifiedAndConvertedAtCreation_IsAccepted()
    {
        var lead = CreateLead(qualifiedAt: T0, convertedAt: T0);

        Assert.Equal(T0, lead.QualifiedAt);
        Assert.Equal(T0, lead.ConvertedAt);
    }

    [Fact]
    public void Constructor_AllValues_KeepsThem()
    {
        var lead = new Lead(new LeadId("L-7"), T0, "referral", new RepId("r02"), T1, T2);

        Assert.Equal(new LeadId("L-7"), lead.Id);
        Assert.Equal(T0, lead.CreatedAt);
        Assert.Equal("referral", lead.Source);
        Assert.Equal(new RepId("r02"), lead.Owner);
        Assert.Equal(T1, lead.QualifiedAt);
        Assert.Equal(T2, lead.ConvertedAt);
        Assert.True(lead.IsQualified);
        Assert.True(lead.IsConverted);
    }

    [Fact]
    public void Constructor_OptionalValuesOmitted_AreNull()
    {
        var lead = new Lead(new LeadId("L-1"), T0, "web");

        Assert.Null(lead.Owner);
        Assert.Null(lead.QualifiedAt);
        Assert.Null(lead.ConvertedAt);
        Assert.False(lead.IsQualified);
        Assert.False(lead.IsConverted);
    }

    [Fact]
    public void Constructor_ConvertedWithoutQualification_IsAccepted()
    {
        var lead = CreateLead(convertedAt: T1);

        Assert.False(lead.IsQualified);
        Assert.True(lead.IsConverted);
    }
}
