using SalesKpi.Reporting;
using SalesKpi.Tests.TestUtilities;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Calculators;

/// <summary>
/// A KPI value is equal to another only when every property is; the parts a kind of value does not have read as null.
/// </summary>
public sealed class KpiValueTests
{
    [Fact]
    public void Equality_EachPropertyOnItsOwn_MakesValuesUnequal()
    {
        // Each pair differs in one property (or in the properties one difference implies) and agrees on the rest.
        EqualityAssert.EqualAndUnequal(KpiValue.Number(2m), KpiValue.Number(2m), KpiValue.Number(2m, KpiUnit.Days), KpiValue.Number(3m));
        EqualityAssert.EqualAndUnequal(
            KpiValue.Undefined(KpiUnit.Ratio, "no leads"),
            KpiValue.Undefined(KpiUnit.Ratio, "no leads"),
            KpiValue.Undefined(KpiUnit.Ratio, "no deals"));
        EqualityAssert.EqualAndUnequal(KpiValue.FromMoney(Usd(5m)), KpiValue.FromMoney(Usd(5m)), KpiValue.FromMoney(Eur(5m)));

        // 0 / 4 and 0 / 5 are both 0 with numerator 0: only the denominator differs.
        EqualityAssert.EqualAndUnequal(KpiValue.Ratio(0m, 4m), KpiValue.Ratio(0m, 4m), KpiValue.Ratio(0m, 5m));

        // 10 USD / 0 and 20 USD / 0 are both undefined with denominator 0: only the numerator differs.
        EqualityAssert.EqualAndUnequal(
            KpiValue.MoneyRatio(Usd(10m), 0m, "no leads"),
            KpiValue.MoneyRatio(Usd(10m), 0m, "no leads"),
            KpiValue.MoneyRatio(Usd(20m), 0m, "no leads"));

        // Three deals worth 10 USD or 20 USD; and one of them unpriced.
        EqualityAssert.EqualAndUnequal(
            KpiValue.Count(3, Usd(10m), unpricedCount: 1),
            KpiValue.Count(3, Usd(10m), unpricedCount: 1),
            KpiValue.Count(3, Usd(20m), unpricedCount: 1),
            KpiValue.Count(3, Usd(10m), unpricedCount: 0));
    }

    [Fact]
    public void Equality_DurationsWithTheSameMean_DifferBySizeAndPercentiles()
    {
        // {2}: mean 2, every percentile 2, size 1. {2, 2}: the same but size 2.
        EqualityAssert.EqualAndUnequal(KpiValue.Durations([2m]), KpiValue.Durations([2m]), KpiValue.Durations([2m, 2m]));

        // Five values summing to 10 (mean 2, median 2; ranks for n = 5: p25 at 1, p75 at 3, p90 at 3.6):
        //   {1, 2, 2, 2, 3}: p25 2, p75 2, p90 2 + 0.6 * (3 - 2) = 2.6
        //   {0, 2, 2, 2, 4}: p25 2, p75 2, p90 2 + 0.6 * (4 - 2) = 3.2  -> only p90 differs
        //   {1, 1, 2, 3, 3}: p25 1, p75 3, p90 3                         -> p25, p75, p90 differ
        //   {1, 1, 1, 3, 4}: median 1                                    -> the median differs
        EqualityAssert.EqualAndUnequal(
            KpiValue.Durations([1m, 2m, 2m, 2m, 3m]),
            KpiValue.Durations([3m, 2m, 1m, 2m, 2m]),
            KpiValue.Durations([0m, 2m, 2m, 2m, 4m]),
            KpiValue.Durations([1m, 1m, 2m, 3m, 3m]),
            KpiValue.Durations([1m, 1m, 1m, 3m, 4m]));
    }

    [Fact]
    public void PartsAKindOfValueDoesNotHave_AreNull()
    {
        var number = KpiValue.Number(5m);
        Assert.Null(number.Numerator);
        Assert.Null(number.Denominator);
        Assert.Null(number.Currency);
        Assert.Null(number.Amount);

        var ratio = KpiValue.Ratio(1m, 4m);
        Assert.Equal(1m, ratio.Numerator);
        Assert.Equal(4m, ratio.Denominator);
        Assert.Null(ratio.Currency);

        var money = KpiValue.FromMoney(Usd(5m));
        Assert.Equal(Currency.USD, money.Currency);
        Assert.Null(money.Numerator);
        Assert.Null(money.Denominator);
    }

    [Fact]
    public void WithUnpriced_SameCount_ReturnsTheSameInstance()
    {
        var value = KpiValue.Count(3, Usd(10m), unpricedCount: 1);

        Assert.Same(value, value.WithUnpriced(1));
        Assert.Equal(2, value.WithUnpriced(2).UnpricedCount);
    }

    [Fact]
    public void Regression_ToString_RatioOrDaysBuiltWithNumber_ShowsTheNumberInsteadOfThrowing()
    {
        // Before: ToString read the numerator, denominator or median these values do not have and threw
        // InvalidOperationException ("Nullable object must have a value"), so a custom KPI returning them broke reports.
        Assert.Equal("0.25", KpiValue.Number(0.25m, KpiUnit.Ratio).ToString());
        Assert.Equal("12.5 days", KpiValue.Number(12.5m, KpiUnit.Days).ToString());

        // The values with their parts keep the full form.
        Assert.Equal("0.25 (1 / 4)", KpiValue.Ratio(1m, 4m).ToString());
        Assert.Equal("2 days (median 2, n = 3)", KpiValue.Durations([1m, 2m, 3m]).ToString());
    }
}
