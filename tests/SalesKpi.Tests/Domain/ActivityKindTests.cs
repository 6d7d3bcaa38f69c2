using SalesKpi.Activities;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Domain;

public sealed class ActivityKindTests
{
    [Fact]
    public void Constructor_NullName_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("name", () => new SalesActivityKind(null!));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\r\n")]
    public void Constructor_BlankName_ThrowsArgumentException(string blank) =>
        Assert.Throws<ArgumentException>("name", () => new SalesActivityKind(blank));

    [Fact]
    public void Name_CustomKind_KeepsNameAsGiven()
    {
        var kind = new SalesActivityKind("LinkedIn InMail");

        Assert.Equal("LinkedIn InMail", kind.Name);
        Assert.Equal("LinkedIn InMail", kind.ToString());
    }

    [Fact]
    public void Default_HasEmptyName()
    {
        Assert.Equal("", default(SalesActivityKind).Name);
        Assert.Equal("", default(SalesActivityKind).ToString());
    }

    [Fact]
    public void WellKnownKinds_HaveKebabCaseNames()
    {
        Assert.Equal("call", SalesActivityKind.Call.Name);
        Assert.Equal("email", SalesActivityKind.Email.Name);
        Assert.Equal("meeting", SalesActivityKind.Meeting.Name);
        Assert.Equal("crm-update", SalesActivityKind.CrmUpdate.Name);
        Assert.Equal("tool-usage", SalesActivityKind.ToolUsage.Name);
    }

    [Fact]
    public void Equality_IgnoresCase() =>
        EqualityAssert.EqualAndUnequal(
            new SalesActivityKind("call"),
            new SalesActivityKind("CALL"),
            new SalesActivityKind("email"),
            new SalesActivityKind("calls"),
            new SalesActivityKind(" call"),
            default);

    [Theory]
    [InlineData("Call")]
    [InlineData("cAlL")]
    public void Equality_CustomNameInAnyCase_EqualsWellKnownKind(string name) =>
        EqualityAssert.Equal(new SalesActivityKind(name), SalesActivityKind.Call);

    [Fact]
    public void Equality_WellKnownKinds_AreDistinct()
    {
        var kinds = new[] { SalesActivityKind.Call, SalesActivityKind.Email, SalesActivityKind.Meeting, SalesActivityKind.CrmUpdate, SalesActivityKind.ToolUsage };
        for (var i = 0; i < kinds.Length; i++)
        {
            for (var j = i + 1; j < kinds.Length; j++)
            {
                EqualityAssert.NotEqual(kinds[i], kinds[j]);
            }
        }
    }

    [Fact]
    public void Equality_TurkishCurrentCulture_StillIgnoresCaseOrdinally()
    {
        using (new CultureScope("tr-TR"))
        {
            EqualityAssert.Equal(new SalesActivityKind("EMAIL"), SalesActivityKind.Email);
            EqualityAssert.Equal(new SalesActivityKind("TOOL-USAGE"), SalesActivityKind.ToolUsage);
        }
    }

    [Fact]
    public void Equality_DefaultAndDefault_AreEqual() =>
        EqualityAssert.Equal(default(SalesActivityKind), default(SalesActivityKind));
}
