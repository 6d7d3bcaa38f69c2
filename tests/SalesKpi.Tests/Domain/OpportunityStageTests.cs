using SalesKpi.Opportunities;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Domain;

public sealed class OpportunityStageTests
{
    [Fact]
    public void Constructor_NullName_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("name", () => new OpportunityStage(null!));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    public void Constructor_BlankName_ThrowsArgumentException(string blank) =>
        Assert.Throws<ArgumentException>("name", () => new OpportunityStage(blank));

    [Fact]
    public void Name_CustomStage_KeepsNameAsGiven()
    {
        var stage = new OpportunityStage("Technical Review");

        Assert.Equal("Technical Review", stage.Name);
        Assert.Equal("Technical Review", stage.ToString());
    }

    [Fact]
    public void Default_HasEmptyName()
    {
        Assert.Equal("", default(OpportunityStage).Name);
        Assert.Equal("", default(OpportunityStage).ToString());
    }

    [Fact]
    public void WellKnown_ListsStagesInPipelineOrder() =>
        Assert.Equal(
            ["Prospecting", "Qualification", "FirstAppointment", "Proposal", "Negotiation"],
            OpportunityStage.WellKnown.Select(s => s.Name));

    [Fact]
    public void WellKnown_StaticProperties_HaveTheirNames()
    {
        Assert.Equal("Prospecting", OpportunityStage.Prospecting.Name);
        Assert.Equal("Qualification", OpportunityStage.Qualification.Name);
        Assert.Equal("FirstAppointment", OpportunityStage.FirstAppointment.Name);
        Assert.Equal("Proposal", OpportunityStage.Proposal.Name);
        Assert.Equal("Negotiation", OpportunityStage.Negotiation.Name);
    }

    [Fact]
    public void WellKnown_CannotBeModifiedThroughACast()
    {
        Assert.IsNotType<OpportunityStage[]>(OpportunityStage.WellKnown);
        if (OpportunityStage.WellKnown is ICollection<OpportunityStage> collection)
        {
            Assert.True(collection.IsReadOnly);
        }
    }

    [Fact]
    public void Equality_IgnoresCase() =>
        EqualityAssert.EqualAndUnequal(
            new OpportunityStage("Proposal"),
            new OpportunityStage("PROPOSAL"),
            new OpportunityStage("Negotiation"),
            new OpportunityStage("Proposal "),
            new OpportunityStage("Proposals"),
            default);

    [Fact]
    public void Equality_CustomNameInAnyCase_EqualsWellKnownStage()
    {
        EqualityAssert.Equal(new OpportunityStage("proposal"), OpportunityStage.Proposal);
        EqualityAssert.Equal(new OpportunityStage("firstappointment"), OpportunityStage.FirstAppointment);
    }

    [Fact]
    public void Equality_TurkishCurrentCulture_StillIgnoresCaseOrdinally()
    {
        using (new CultureScope("tr-TR"))
        {
            // Under tr-TR culture rules "QUALIFICATION" lower-cases to "qualıfıcatıon"; ordinal comparison ignores that.
            EqualityAssert.Equal(new OpportunityStage("QUALIFICATION"), OpportunityStage.Qualification);
            EqualityAssert.Equal(new OpportunityStage("qualification"), OpportunityStage.Qualification);
        }
    }

    [Fact]
    public void Equality_DefaultAndDefault_AreEqual() =>
        EqualityAssert.Equal(default(OpportunityStage), default(OpportunityStage));
}
