using SalesKpi.Planning;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Planning.PlanningData;

namespace SalesKpi.Tests.Planning;

public partial class MagicNumberTests
{
    private static MagicNumberResult Seed004Example() =>
        MagicNumber.Calculate(
            PlanInput.Given(Usd(1_000_000m)),
            PlanInput.Given(Usd(10_000m)),
            PlanInput.GivenRatio(0.25m),
            PlanInput.GivenRatio(0.5m),
            weeks: 50m);

    [Fact]
    public void Calculate_GivenInputs_WorksBackFromTheGoal()
    {
        // 1,000,000 / 10,000 = 100 sales; 100 / 0.25 = 400 proposals; 400 / 0.5 = 800 first appointments; 800 / 50 = 16 a week.
        var magic = Seed004Example();

        Assert.Equal(100m, magic.Sales);
        Assert.Equal(400m, magic.Proposals);
        Assert.Equal(800m, magic.FirstAppointments);
        Assert.Equal(16m, magic.Value.Value);
        Assert.Equal(KpiUnit.Number, magic.Value.Unit);
        Assert.Equal(16m, magic.RequiredPerWeek);
        Assert.True(magic.IsDefined);
        Assert.Equal(KpiGrouping.AllKey, magic.Group);
    }

    [Fact]
    public void Calculate_KeepsEveryInputWithItsSource()
    {
        var magic = Seed004Example();

        PlanInput[] inputs = [magic.RevenueGoal, magic.AverageRevenuePerSale, magic.CloseRatio, magic.FirstAppointmentToProposal, magic.Weeks];
        Assert.All(inputs, i => Assert.Equal(PlanInputSource.Given, i.Source));
        Assert.All(inputs, i => Assert.Null(i.KpiId));
        Assert.Equal(1_000_000m, magic.RevenueGoal.Value.Value);
        Assert.Equal(Currency.USD, magic.RevenueGoal.Value.Currency);
        Assert.Equal(10_000m, magic.AverageRevenuePerSale.Value.Value);
        Assert.Equal(0.25m, magic.CloseRatio.Value.Value);
        Assert.Equal(0.5m, magic.FirstAppointmentToProposal.Value.Value);
        Assert.Equal(50m, magic.Weeks.Value.Value);
        Assert.Equal("16 first appointments a week = 1,000,000.00 USD / 10,000.00 USD / 0.25 / 0.5 / 50 weeks", magic.ToString());
    }

    [Fact]
    public void Barometer_TwelveAWeekAgainstSixteen_Is75PercentAndBelow()
    {
        // 12 / 16 = 0.75; the coaching threshold is 1 (100%), so the status is below and the attainment 0.75 / 1.
        var barometer = Seed004Example().Barometer(12m);

        Assert.Equal(0.75m, barometer.Value);
        Assert.Equal(12m, barometer.Numerator);
        Assert.Equal(16m, barometer.Denominator);
        var judged = CoachingThresholds.ActivityBarometer.Evaluate(barometer, "ayse");
        Assert.Equal(KpiTargetStatus.Below, judged.Status);
        Assert.Equal(0.75m, judged.Attainment.Value);
    }

    [Fact]
    public void Calculate_UnevenInputs_KeepsTheExactValueAndRoundsOnlyTheWeeklyTarget()
    {
        // 1,000,000 / (12,000 × 0.3 × 0.6 × 48) = 1,000,000 / 103,680 = 9.645061728… → 10 a week.
        // Sales 1,000,000 / 12,000 = 83.33; proposals / 0.3 = 277.78; first appointments / 0.6 = 462.96.
        var magic = MagicNumber.Calculate(
            PlanInput.Given(Usd(1_000_000m)), PlanInput.Given(Usd(12_000m)), PlanInput.GivenRatio(0.3m), PlanInput.GivenRatio(0.6m), 48m);

        Assert.Equal(83.33m, decimal.Round(magic.Sales!.Value, 2));
        Assert.Equal(277.78m, decimal.Round(magic.Proposals!.Value, 2));
        Assert.Equal(462.96m, decimal.Round(magic.FirstAppointments!.Value, 2));
        Assert.Equal(9.645062m, decimal.Round(magic.Value.Value!.Value, 6));
        Assert.Equal(10m, magic.RequiredPerWeek);
    }

    [Fact]
    public void Calculate_ExactFraction_StaysExact()
    {
        // Close ratio 1/3 given as a fraction: 300,000 / 10,000 = 30 sales; 30 × 3 = 90 proposals; / 0.5 = 180; / 12 = 15.
        var magic = MagicNumber.Calculate(
            PlanInput.Given(Usd(300_000m)), PlanInput.Given(Usd(10_000m)), PlanInput.GivenRatio(1m, 3m), PlanInput.GivenRatio(0.5m), 12m);

        Assert.Equal(90m, magic.Proposals);
        Assert.Equal(15m, magic.Value.Value);
        Assert.Equal(15m, magic.RequiredPerWeek);
    }

    [Fact]
    public void Calculate_ZeroGoal_IsZero()
    {
        var magic = MagicNumber.Calculate(PlanInput.Given(Usd(0m)), PlanInput.Given(Usd(10_000m)), PlanInput.GivenRatio(0.25m), PlanInput.GivenRatio(0.5m), 50m);
        Assert.Equal(0m, magic.Value.Value);
    }

    [Fact]
    public void Calculate_ZeroRatio_IsUndefinedWithTheReason()
    {
        var magic = MagicNumber.Calculate(PlanInput.Given(Usd(1_000_000m)), PlanInput.Given(Usd(10_000m)), PlanInput.GivenRatio(0m), PlanInput.GivenRatio(0.5m), 50m);

        Assert.False(magic.IsDefined);
        Assert.Equal("the close ratio (given) is zero", magic.Value.UndefinedReason);
        Assert.Null(magic.Sales);
        Assert.Null(magic.RequiredPerWeek);
        Assert.Equal("undefined: the close ratio (given) is zero", magic.ToString());
        Assert.Equal("the magic number is undefined: the close ratio (given) is zero", magic.Barometer(12m).UndefinedReason);
    }

    [Fact]
    public void Calculate_ZeroAverageRevenuePerSale_IsUndefined()
    {
        var magic = MagicNumber.Calculate(PlanInput.Given(Usd(1_000_000m)), PlanInput.Given(Usd(0m)), PlanInput.GivenRatio(0.25m), PlanInput.GivenRatio(0.5m), 50m);
        Assert.Equal("the average revenue per sale (given) is zero", magic.Value.UndefinedReason);
    }

    [Fact]
    public void Calculate_UndefinedInputFromData_IsUndefinedWithTheKpiWindowAndReason()
    {
        var window = CoachingData.Window;
        var noDeals = PlanInput.FromData(KpiIds.AverageDealSize, window, KpiValue.Undefined(KpiUnit.Money, "no deals won in the period"));

        var magic = MagicNumber.Calculate(PlanInput.Given(Usd(1_000_000m)), noDeals, PlanInput.GivenRatio(0.25m), PlanInput.GivenRatio(0.5m), 50m);

        Assert.Equal(
            "the average revenue per sale (average-deal-size over [2024-12-30, 2025-03-30]) is undefined: no deals won in the period",
            magic.Value.UndefinedReason);
    }

    [Fact]
    public void Calculate_InvalidArguments_Throw()
    {
        var goal = PlanInput.Given(Usd(1_000_000m));
        var average = PlanInput.Given(Usd(10_000m));
        var rate = PlanInput.GivenRatio(0.5m);
        Assert.Throws<ArgumentOutOfRangeException>("weeks", () => MagicNumber.Calculate(goal, average, rate, rate, 0m));
        Assert.Throws<ArgumentNullException>("revenueGoal", () => MagicNumber.Calculate(null!, average, rate, rate, 50m));
        Assert.Throws<ArgumentNullException>("averageRevenuePerSale", () => MagicNumber.Calculate(goal, null!, rate, rate, 50m));
        Assert.Throws<ArgumentNullException>("closeRatio", () => MagicNumber.Calculate(goal, average, null!, rate, 50m));
        Assert.Throws<ArgumentNullException>("firstAppointmentToProposal", () => MagicNumber.Calculate(goal, average, rate, null!, 50m));
        Assert.Throws<ArgumentException>("revenueGoal", () => MagicNumber.Calculate(PlanInput.Given(1m), average, rate, rate, 50m));
        Assert.Throws<ArgumentException>("closeRatio", () => MagicNumber.Calculate(goal, average, PlanInput.Given(0.25m), rate, 50m));
        Assert.Throws<ArgumentException>("firstAppointmentToProposal", () => MagicNumber.Calculate(goal, average, rate, average, 50m));
        Assert.Throws<ArgumentException>("averageRevenuePerSale", () => MagicNumber.Calculate(goal, PlanInput.Given(new Money(10_000m, Currency.EUR)), rate, rate, 50m));
    }

    [Fact]
    public void TrailingWeeks_ThirteenWeeksToASunday_StartsOnTheMonday91DaysEarlier()
    {
        // 13 × 7 = 91 days ending Sunday 30 March 2025: from Monday 30 December 2024.
        var window = MagicNumber.TrailingWeeks(Date(2025, 3, 30), 13);
        Assert.Equal(Dates(Date(2024, 12, 30), Date(2025, 3, 30)), window);
        Assert.Equal(91, window.Length);
        Assert.Throws<ArgumentOutOfRangeException>("weeks", () => MagicNumber.TrailingWeeks(Date(2025, 3, 30), 0));
    }
}
