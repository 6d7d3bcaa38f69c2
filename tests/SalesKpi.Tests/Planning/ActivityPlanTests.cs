using NodaTime;
using SalesKpi.Planning;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Planning.PlanningData;

namespace SalesKpi.Tests.Planning;

public class ActivityPlanTests
{
    // March 2025, Monday to Friday: 21 working days (see WorkingDayCalendarTests).
    private static readonly DateInterval March2025 = Dates(Date(2025, 3, 1), Date(2025, 3, 31));
    private static readonly WorkingDayCalendar Weekdays = WorkingDayCalendar.MondayToFriday;

    [Fact]
    public void ForDeals_Seed000_FiftySalesAtFivePercentOfCalls_Needs1000CallsAnd48ADay()
    {
        // 50 sales / 0.05 = 1,000 calls a month; 1,000 / 21 working days = 47.6 → 48 calls a day.
        var plan = ActivityPlan.ForDeals(50m, March2025, [new FunnelStep("calls", PlanInput.GivenRatio(0.05m))], Weekdays);

        Assert.Equal(21, plan.WorkingDays);
        Assert.Equal(["calls", "deals"], plan.Steps.Select(s => s.Name));
        var calls = plan.Steps[0];
        Assert.Equal(1000m, calls.Unrounded);
        Assert.Equal(1000m, calls.Required.Value);
        Assert.Equal(KpiUnit.Count, calls.Required.Unit);
        Assert.Equal(48m, calls.RequiredPerWorkingDay.Value);
        // Deals: 50 a month, 50 / 21 = 2.38 → 3 a day.
        Assert.Equal(50m, plan.Deals.Required.Value);
        Assert.Equal(3m, plan.Deals.RequiredPerWorkingDay.Value);
        Assert.True(plan.IsDefined);
    }

    [Fact]
    public void ForDeals_Seed000_CallsToMeetingsToSales_Needs150MeetingsAnd1000Calls()
    {
        // One meeting in three closes: 50 / (1/3) = 50 × 3 = 150 meetings.
        // 15% of calls become meetings: 150 / 0.15 = 1,000 calls.
        // Per working day: meetings 150 / 21 = 7.14 → 8; calls 1,000 / 21 = 47.6 → 48.
        var plan = ActivityPlan.ForDeals(
            50m,
            March2025,
            [new FunnelStep("calls", PlanInput.GivenRatio(0.15m)), new FunnelStep("meetings", PlanInput.GivenRatio(1m, 3m))],
            Weekdays);

        var (calls, meetings, deals) = (plan.Steps[0], plan.Steps[1], plan.Steps[2]);
        Assert.Equal(150m, meetings.Required.Value);
        Assert.Equal(8m, meetings.RequiredPerWorkingDay.Value);
        Assert.Equal(1000m, calls.Required.Value);
        Assert.Equal(48m, calls.RequiredPerWorkingDay.Value);
        Assert.Equal(50m, deals.Required.Value);
        Assert.Null(deals.ConversionRate);
        Assert.Equal(PlanInputSource.Given, meetings.ConversionRate!.Source);
        Assert.Equal(
            "calls 1000 (48 a working day) → meetings 150 (8 a working day) → deals 50 (3 a working day); [2025-03-01, 2025-03-31], 21 working days",
            plan.ToString());
    }

    [Fact]
    public void ForDeals_EachStepIsRoundedUpBeforeFeedingTheStepAbove()
    {
        // 10 deals, 30% of meetings close: 10 / 0.3 = 33.33 → 34 meetings.
        // 15% of calls become meetings: 34 (the rounded count) / 0.15 = 226.67 → 227 calls.
        // (Rounding only at the end would give 33.33 / 0.15 = 222.2 → 223 calls, and 223 × 0.15 = 33.45 meetings: short of 34.)
        var plan = ActivityPlan.ForDeals(
            10m,
            March2025,
            [new FunnelStep("calls", PlanInput.GivenRatio(0.15m)), new FunnelStep("meetings", PlanInput.GivenRatio(0.3m))],
            Weekdays);

        Assert.Equal(34m, plan.Steps[1].Required.Value);
        Assert.Equal(33.3333m, decimal.Round(plan.Steps[1].Unrounded!.Value, 4));
        Assert.Equal(227m, plan.Steps[0].Required.Value);
        Assert.Equal(226.6667m, decimal.Round(plan.Steps[0].Unrounded!.Value, 4));
        // 227 / 21 = 10.8 → 11 calls a day; 34 / 21 = 1.6 → 2 meetings a day.
        Assert.Equal(11m, plan.Steps[0].RequiredPerWorkingDay.Value);
        Assert.Equal(2m, plan.Steps[1].RequiredPerWorkingDay.Value);
    }

    [Fact]
    public void ForDeals_ThreeStepsOfAnyFunnel()
    {
        // 20 deals; proposals close at 40%: 20 / 0.4 = 50 proposals; meetings to proposal 50%: 100 meetings;
        // calls to meeting 10%: 1,000 calls. Per day over 21: 48 calls, 100 / 21 = 4.76 → 5 meetings, 50 / 21 = 2.38 → 3 proposals.
        var plan = ActivityPlan.ForDeals(
            20m,
            March2025,
            [
                new FunnelStep("calls", PlanInput.GivenRatio(0.1m)),
                new FunnelStep("meetings", PlanInput.GivenRatio(0.5m)),
                new FunnelStep("proposals", PlanInput.GivenRatio(0.4m)),
            ],
            Weekdays);

        Assert.Equal([1000m, 100m, 50m, 20m], plan.Steps.Select(s => s.Required.Value!.Value));
        Assert.Equal([48m, 5m, 3m, 1m], plan.Steps.Select(s => s.RequiredPerWorkingDay.Value!.Value));
    }

    [Fact]
    public void ForDeals_HolidaysReduceTheWorkingDays()
    {
        // May 2025 with 1 and 19 May off: 20 working days. 1,000 calls / 20 = 50 a day exactly.
        var calendar = Weekdays.WithHolidays([Date(2025, 5, 1), Date(2025, 5, 19)]);
        var plan = ActivityPlan.ForDeals(50m, Dates(Date(2025, 5, 1), Date(2025, 5, 31)), [new FunnelStep("calls", PlanInput.GivenRatio(0.05m))], calendar);

        Assert.Equal(20, plan.WorkingDays);
        Assert.Equal(50m, plan.Steps[0].RequiredPerWorkingDay.Value);
        Assert.Same(calendar, plan.Calendar);
    }

    [Fact]
    public void ForDeals_NoStep_PlansTheDealsAlone()
    {
        // 7 deals over 21 days: 7 / 21 = 0.33 → 1 a day.
        var plan = ActivityPlan.ForDeals(7m, March2025, [], Weekdays);
        var deals = Assert.Single(plan.Steps);
        Assert.Equal(ActivityPlan.DealsStepName, deals.Name);
        Assert.Equal(7m, deals.Required.Value);
        Assert.Equal(1m, deals.RequiredPerWorkingDay.Value);
    }

    [Fact]
    public void ForDeals_FractionalTarget_RoundsUp()
    {
        var plan = ActivityPlan.ForDeals(12.5m, March2025, [], Weekdays);
        Assert.Equal(12.5m, plan.Deals.Unrounded);
        Assert.Equal(13m, plan.Deals.Required.Value);
    }

    [Fact]
    public void ForRevenue_GivenAverageDealSize_TurnsRevenueIntoDeals()
    {
        // 500,000 USD / 10,000 USD = 50 deals; / 0.05 = 1,000 calls; 48 a day.
        var plan = ActivityPlan.ForRevenue(Usd(500_000m), PlanInput.Given(Usd(10_000m)), March2025, [new FunnelStep("calls", PlanInput.GivenRatio(0.05m))], Weekdays);

        Assert.Equal(50m, plan.Deals.Required.Value);
        Assert.Equal(1000m, plan.Steps[0].Required.Value);
        Assert.Equal(48m, plan.Steps[0].RequiredPerWorkingDay.Value);
        Assert.Equal(KpiUnit.Money, plan.Target.Value.Unit);
        Assert.Equal(PlanInputSource.Given, plan.AverageDealSize!.Source);
    }

    [Fact]
    public void ForRevenue_AverageDealSizeFromData_DividesThroughItsNumeratorAndDenominator()
    {
        // Average deal size from data: 30,000 USD over 4 deals = 7,500 USD.
        // 100,000 / 7,500 = 100,000 × 4 / 30,000 = 13.33 → 14 deals; 14 / 0.05 = 280 calls; 280 / 21 = 13.3 → 14 a day.
        var window = Dates(Date(2025, 1, 1), Date(2025, 2, 28));
        var average = PlanInput.FromData(KpiIds.AverageDealSize, window, KpiValue.MoneyRatio(Usd(30_000m), 4m));
        var plan = ActivityPlan.ForRevenue(Usd(100_000m), average, March2025, [new FunnelStep("calls", PlanInput.GivenRatio(0.05m))], Weekdays);

        Assert.Equal(14m, plan.Deals.Required.Value);
        Assert.Equal(280m, plan.Steps[0].Required.Value);
        Assert.Equal(14m, plan.Steps[0].RequiredPerWorkingDay.Value);
        Assert.Equal(window, plan.AverageDealSize!.Window);
    }

    [Fact]
    public void ForRevenue_UndefinedAverageDealSize_MakesEveryStepUndefinedWithTheReason()
    {
        var window = Dates(Date(2025, 1, 1), Date(2025, 2, 28));
        var average = PlanInput.FromData(KpiIds.AverageDealSize, window, KpiValue.Undefined(KpiUnit.Money, "no deals won in the period"));
        var plan = ActivityPlan.ForRevenue(Usd(100_000m), average, March2025, [new FunnelStep("calls", PlanInput.GivenRatio(0.05m))], Weekdays);

        Assert.False(plan.IsDefined);
        const string reason = "the average deal size (average-deal-size over [2025-01-01, 2025-02-28]) is undefined: no deals won in the period";
        Assert.All(plan.Steps, s => Assert.Equal(reason, s.Required.UndefinedReason));
        Assert.Null(plan.Deals.Unrounded);
    }

    [Fact]
    public void ForRevenue_ZeroAverageDealSize_IsUndefined()
    {
        var plan = ActivityPlan.ForRevenue(Usd(100_000m), PlanInput.Given(Usd(0m)), March2025, [], Weekdays);
        Assert.Equal("the average deal size (given) is zero", plan.Deals.Required.UndefinedReason);
    }

    [Fact]
    public void ForDeals_ZeroRate_MakesThatStepAndTheStepsAboveUndefined_NotTheOnesBelow()
    {
        var plan = ActivityPlan.ForDeals(
            50m,
            March2025,
            [new FunnelStep("calls", PlanInput.GivenRatio(0.15m)), new FunnelStep("meetings", PlanInput.GivenRatio(0m))],
            Weekdays);

        const string reason = "the conversion rate of meetings (given) is zero";
        Assert.Equal(reason, plan.Steps[1].Required.UndefinedReason);
        Assert.Equal(reason, plan.Steps[0].Required.UndefinedReason);
        Assert.Equal(reason, plan.Steps[0].RequiredPerWorkingDay.UndefinedReason);
        Assert.True(plan.Deals.IsDefined);
        Assert.False(plan.IsDefined);
        Assert.StartsWith("calls undefined: the conversion rate of meetings", plan.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ForDeals_UndefinedRateFromData_GivesTheKpiAndItsReason()
    {
        var window = Dates(Date(2025, 1, 1), Date(2025, 2, 28));
        var rate = PlanInput.FromData(KpiIds.MeetingToDealRate, window, KpiValue.Undefined(KpiUnit.Ratio, "no meetings in the period"));
        var plan = ActivityPlan.ForDeals(50m, March2025, [new FunnelStep("meetings", rate)], Weekdays);

        Assert.Equal(
            "the conversion rate of meetings (meeting-to-deal-rate over [2025-01-01, 2025-02-28]) is undefined: no meetings in the period",
            plan.Steps[0].Required.UndefinedReason);
    }

    [Fact]
    public void ForDeals_HorizonWithoutWorkingDays_LeavesPerDayUndefined()
    {
        // Saturday 1 and Sunday 2 March 2025.
        var plan = ActivityPlan.ForDeals(5m, Dates(Date(2025, 3, 1), Date(2025, 3, 2)), [new FunnelStep("calls", PlanInput.GivenRatio(0.05m))], Weekdays);

        Assert.Equal(0, plan.WorkingDays);
        Assert.Equal(100m, plan.Steps[0].Required.Value);
        Assert.Equal("the horizon has no working days", plan.Steps[0].RequiredPerWorkingDay.UndefinedReason);
        Assert.True(plan.IsDefined);
        Assert.Equal("calls 100 (no working day) → deals 5 (no working day); [2025-03-01, 2025-03-02], 0 working days", plan.ToString());
    }

    [Fact]
    public void ForDeals_InvalidArguments_Throw()
    {
        FunnelStep calls = new("calls", PlanInput.GivenRatio(0.05m));
        Assert.Throws<ArgumentOutOfRangeException>("deals", () => ActivityPlan.ForDeals(-1m, March2025, [calls], Weekdays));
        Assert.Throws<ArgumentNullException>("horizon", () => ActivityPlan.ForDeals(1m, null!, [calls], Weekdays));
        Assert.Throws<ArgumentNullException>("steps", () => ActivityPlan.ForDeals(1m, March2025, null!, Weekdays));
        Assert.Throws<ArgumentNullException>("steps", () => ActivityPlan.ForDeals(1m, March2025, [null!], Weekdays));
        Assert.Throws<ArgumentNullException>("calendar", () => ActivityPlan.ForDeals(1m, March2025, [calls], null!));
        Assert.Throws<ArgumentException>("steps", () => ActivityPlan.ForDeals(1m, March2025, [calls, calls], Weekdays));
        Assert.Throws<ArgumentException>("steps", () => ActivityPlan.ForDeals(1m, March2025, [new FunnelStep("deals", PlanInput.GivenRatio(0.5m))], Weekdays));
    }

    [Fact]
    public void ForRevenue_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>("revenue", () => ActivityPlan.ForRevenue(Usd(-1m), PlanInput.Given(Usd(1m)), March2025, [], Weekdays));
        Assert.Throws<ArgumentNullException>("averageDealSize", () => ActivityPlan.ForRevenue(Usd(1m), null!, March2025, [], Weekdays));
        Assert.Throws<ArgumentException>("averageDealSize", () => ActivityPlan.ForRevenue(Usd(1m), PlanInput.Given(10m), March2025, [], Weekdays));
        Assert.Throws<ArgumentException>("averageDealSize", () => ActivityPlan.ForRevenue(Usd(1m), PlanInput.Given(new Money(10m, Currency.EUR)), March2025, [], Weekdays));
    }

    [Fact]
    public void FunnelStep_Validates()
    {
        Assert.Throws<ArgumentNullException>("name", () => new FunnelStep(null!, PlanInput.GivenRatio(0.1m)));
        Assert.Throws<ArgumentException>("name", () => new FunnelStep(" ", PlanInput.GivenRatio(0.1m)));
        Assert.Throws<ArgumentNullException>("conversionRate", () => new FunnelStep("calls", null!));
        Assert.Throws<ArgumentException>("conversionRate", () => new FunnelStep("calls", PlanInput.Given(0.1m)));
    }

    [Fact]
    public void FunnelStep_Equality()
    {
        FunnelStep a = new("calls", PlanInput.GivenRatio(0.15m));
        FunnelStep b = new("calls", PlanInput.GivenRatio(0.15m));
        FunnelStep c = new("calls", PlanInput.GivenRatio(0.2m));
        Assert.True(a == b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != c);
        Assert.Equal("calls (0.15 (0.15 / 1), given)", a.ToString());
    }
}
