using SalesKpi.Activities;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Tests.Domain;

public sealed class ActivityKindTests
{
    [Fact]
    public void Constructor_NullName_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>("name", () => new ActivityKind(null!));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\r\n")]
    public void Constructor_BlankName_ThrowsArgumentException(string blank) =>
        Assert.Throws<ArgumentException>("name", () => new ActivityKind(blank));

    [Fact]
    public void Name_CustomKind_KeepsNameAsGiven()
    {
        var kind = new ActivityKind("LinkedIn InMail");

        Assert.Equal("LinkedIn InMail", kind.Name);
        Assert.Equal("LinkedIn InMail", kind.ToString());
    }

    [Fact]
    public void Default_HasEmptyName()
    {
        Assert.Equal("", default(ActivityKind).Name);
        Assert.Equal("", default(ActivityKind).ToString());
    }

    [Fact]
    public void WellKnownKinds_HaveKebabCaseNames()
    {
        Assert.Equal("call", ActivityKind.Call.Name);
        Assert.Equal("email", ActivityKind.Email.Name);
        Assert.Equal("meeting", ActivityKind.Meeting.Name);
        Assert.Equal("crm-update", ActivityKind.CrmUpdate.Name);
        Assert.Equal("tool-usage", ActivityKind.ToolUsage.Name);
    }

    [Fact]
    public void Equality_IgnoresCase() =>
        EqualityAssert.EqualAndUnequal(
            new ActivityKind("call"),
            new ActivityKind("CALL"),
            new ActivityKind("email"),
            new ActivityKind("calls"),
            new ActivityKind(" call"),
            default);

    [Theory]
    [InlineData("Call")]
    [InlineData("cAlL")]
    public void Equality_CustomNameInAnyCase_EqualsWellKnownKind(string name) =>
        EqualityAssert.Equal(new ActivityKind(name), ActivityKind.Call);

    [Fact]
    public void Equality_WellKnownKinds_AreDistinct()
    {
        var kinds = new[] { ActivityKind.Call, ActivityKind.Email, ActivityKind.Meeting, ActivityKind.CrmUpdate, ActivityKind.ToolUsage };
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
            EqualityAssert.Equal(new ActivityKind("EMAIL"), ActivityKind.Email);
            EqualityAssert.Equal(new ActivityKind("TOOL-USAGE"), ActivityKind.ToolUsage);
        }
    }

    [Fact]
    public void Equality_DefaultAndDefault_AreEqual() =>
        EqualityAssert.Equal(default(ActivityKind), default(ActivityKind));
}
