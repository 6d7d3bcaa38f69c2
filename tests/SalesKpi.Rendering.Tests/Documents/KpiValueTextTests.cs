using System.Globalization;
using SalesKpi.Reporting;

namespace SalesKpi.Rendering.Tests.Documents;

/// <summary>The value formatting the saleskpi tool writes (moved here from its ValueText), in the invariant culture.</summary>
public sealed class KpiValueTextTests
{
    [Fact]
    public void Short_WritesEachUnitAsTheToolDoes()
    {
        Assert.Equal("1,234", KpiValueText.Short(KpiValue.Count(1234)));
        // 162 / 596 = 0.27181… = 27.2%.
        Assert.Equal("27.2%", KpiValueText.Short(KpiValue.Ratio(162, 596)));
        Assert.Equal("45,300 USD", KpiValueText.Short(KpiValue.FromMoney(new Money(45_300m, Currency.USD))));
        Assert.Equal("196.18 USD", KpiValueText.Short(KpiValue.FromMoney(new Money(196.18m, Currency.USD))));
        // Durations 10, 20 and 30 days: mean 20.0, median 20.0.
        Assert.Equal("20.0 d (median 20.0)", KpiValueText.Short(KpiValue.Durations([10m, 20m, 30m])));
        Assert.Equal("—", KpiValueText.Short(KpiValue.Undefined(KpiUnit.Ratio, "no calls")));
    }

    [Fact]
    public void LongAndDetail_SpellOutDaysAndShowWhatIsBehindAValue()
    {
        Assert.Equal("20.0 days", KpiValueText.Long(KpiValue.Durations([10m, 20m, 30m])));
        Assert.Equal("162 / 596", KpiValueText.Detail(KpiValue.Ratio(162, 596)));
        Assert.Equal("no calls", KpiValueText.Detail(KpiValue.Undefined(KpiUnit.Ratio, "no calls")));
        Assert.Equal("total 6,000 USD", KpiValueText.Detail(KpiValue.Count(3, new Money(6_000m, Currency.USD))));
    }

    [Fact]
    public void InUnitOfAndSignedPercent_WriteAPeerMeanAndARelativeDifference()
    {
        Assert.Equal("10,000 USD", KpiValueText.InUnitOf(10_000m, KpiValue.FromMoney(new Money(6_000m, Currency.USD))));
        Assert.Equal("1.5", KpiValueText.InUnitOf(1.5m, KpiValue.Count(2)));
        Assert.Equal("25.0%", KpiValueText.InUnitOf(0.25m, KpiValue.Ratio(1, 4)));
        Assert.Equal("-40.0%", KpiValueText.SignedPercent(KpiValue.Number(-0.4m, KpiUnit.Ratio)));
        Assert.Equal("+12.5%", KpiValueText.SignedPercent(KpiValue.Number(0.125m, KpiUnit.Ratio)));
        Assert.Equal("0.0%", KpiValueText.SignedPercent(KpiValue.Number(0m, KpiUnit.Ratio)));
    }

    [Fact]
    public void Short_InAnotherCulture_IsStillInvariant()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("45,300 USD", KpiValueText.Short(KpiValue.FromMoney(new Money(45_300m, Currency.USD))));
            Assert.Equal("27.2%", KpiValueText.Short(KpiValue.Ratio(162, 596)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void UnitNameAndPrintable()
    {
        Assert.Equal("money-per-day", KpiValueText.UnitName(KpiUnit.MoneyPerDay));
        Assert.Equal("a\uFFFDb", KpiValueText.Printable("a\u001bb"));
        Assert.Same("plain", KpiValueText.Printable("plain"));
    }
}
