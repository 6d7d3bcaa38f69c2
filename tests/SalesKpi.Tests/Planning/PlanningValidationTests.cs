using NodaTime;
using SalesKpi.BuiltIn;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Planning;
using SalesKpi.Reporting;
using SalesKpi.Tests.Calculators;
using static SalesKpi.Tests.TestUtilities.TestData;

namespace SalesKpi.Tests.Planning;

/// <summary>
/// The planning types' argument checks, seen from outside: each refusal has its exact exception type, the parameter it
/// names and a message that says what is wrong; zero is accepted wherever only negative values are refused; the
/// unpriced amounts of every component add up; and the edges of periods, months and weeks.
/// </summary>
public sealed class PlanningValidationTests
{
    private static readonly DateInterval March2025 = new(new LocalDate(2025, 3, 1), new LocalDate(2025, 3, 31));

    private static readonly DateInterval Q1 = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 31));

    private static readonly DateInterval Q2 = new(new LocalDate(2025, 4, 1), new LocalDate(2025, 6, 30));

    private static readonly DateInterval FirstHalf2025 = new(new LocalDate(2025, 1, 1), new LocalDate(2025, 6, 30));

    /// <summary>Reports in USD with an exchange-rate provider that knows no rate: every EUR amount is unpriced.</summary>
    private static KpiSettings UsdWithNoRates() => KpiSettings.Default.WithReportingCurrency(Currency.USD, new FakeExchangeRates());

    private static Instant At(int year, int month, int day) => Instant.FromUtc(year, month, day, 9, 0);

    private static QuarterlyAmount Q(int year, int quarter, decimal amount) => QuarterlyAmount.ForQuarter(year, quarter, Usd(amount));

    private static MagicNumberOptions MagicOptions() => new() { Goal = CoachingData.Goal, Weeks = 50m };

    private static void AssertMessage(string fragment, Exception error) => Assert.Contains(fragment, error.Message, StringComparison.Ordinal);

    // ---- ActivityBarometerCalculator ----

    [Fact]
    public void ActivityBarometer_ActualThatIsNotACount_IsRefusedWithTheKpiNamed()
    {
        var magic = new MagicNumberCalculator(MagicOptions());

        var error = Assert.Throws<ArgumentException>("actual", () => new ActivityBarometerCalculator(magic, Kpis.CloseRate));

        AssertMessage("KPI 'close-rate' is not a count.", error);
    }

    [Fact]
    public void ActivityBarometer_GivenActual_IsTheFirstComponent()
    {
        var magic = new MagicNumberCalculator(MagicOptions());

        var barometer = new ActivityBarometerCalculator(magic, Kpis.Calls);

        Assert.Same(Kpis.Calls, barometer.Components[0]);
        Assert.Same(magic, barometer.Components[1]);
    }

    [Fact]
    public void ActivityBarometer_Calculate_ZeroActualIsAccepted_NegativeIsRefused()
    {
        // 0 a week against a magic number of 16: 0 / 16 = 0.
        var value = ActivityBarometerCalculator.Calculate(0m, KpiValue.Number(16m));
        Assert.Equal(0m, value.Value);
        Assert.Equal((0m, 16m), (value.Numerator, value.Denominator));

        var error = Assert.Throws<ArgumentOutOfRangeException>("actualPerWeek", () => ActivityBarometerCalculator.Calculate(-1m, KpiValue.Number(16m)));
        AssertMessage("The actual weekly rate must not be negative.", error);
    }

    // ---- ActivityPlan, ActivityPlanStep and FunnelStep ----

    [Fact]
    public void ActivityPlan_ZeroDeals_NeedsNothingAtAnyStep()
    {
        // 0 deals: 0 meetings at 0.5 (0 / 0.5 = 0), 0 a working day.
        var plan = ActivityPlan.ForDeals(0m, March2025, [new FunnelStep("meetings", PlanInput.GivenRatio(0.5m))], WorkingDayCalendar.MondayToFriday);

        Assert.Equal(0m, plan.Deals.Required.Value);
        Assert.Equal(0m, plan.Steps[0].Required.Value);
        Assert.Equal(0m, plan.Steps[0].RequiredPerWorkingDay.Value);
    }

    [Fact]
    public void ActivityPlan_ZeroRevenue_NeedsNoDeal()
    {
        // 0 USD / 5,000 USD a deal = 0 deals.
        var plan = ActivityPlan.ForRevenue(Usd(0m), PlanInput.Given(Usd(5_000m)), March2025, [], WorkingDayCalendar.MondayToFriday);

        Assert.Equal(0m, plan.Deals.Unrounded);
        Assert.Equal(0m, plan.Deals.Required.Value);
    }

    [Fact]
    public void ActivityPlan_AverageDealSizeInAnotherCurrency_IsRefusedNamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(
            "averageDealSize",
            () => ActivityPlan.ForRevenue(Usd(100m), PlanInput.Given(Eur(10m)), March2025, [], WorkingDayCalendar.MondayToFriday));

        AssertMessage("The revenue target is in USD but the average deal size is in EUR.", error);
    }

    [Fact]
    public void ActivityPlan_NullStep_IsRefusedWithItsIndex()
    {
        var calls = new FunnelStep("calls", PlanInput.GivenRatio(0.15m));

        var error = Assert.Throws<ArgumentNullException>("steps", () => ActivityPlan.ForDeals(1m, March2025, [calls, null!], WorkingDayCalendar.MondayToFriday));

        AssertMessage("Step 1 is null.", error);
    }

    [Fact]
    public void ActivityPlan_DuplicateStepName_IsRefusedWithTheName()
    {
        var calls = new FunnelStep("calls", PlanInput.GivenRatio(0.15m));

        var error = Assert.Throws<ArgumentException>("steps", () => ActivityPlan.ForDeals(1m, March2025, [calls, calls], WorkingDayCalendar.MondayToFriday));

        AssertMessage("Step name 'calls' appears twice", error);
    }

    [Fact]
    public void ActivityPlanStep_Undefined_ToStringIsTheNameAndTheReason()
    {
        // A rate of 0 makes the step undefined: "calls" + " " + "undefined: " + reason.
        var plan = ActivityPlan.ForDeals(10m, March2025, [new FunnelStep("calls", PlanInput.GivenRatio(0m))], WorkingDayCalendar.MondayToFriday);

        Assert.Equal("calls undefined: the conversion rate of calls (given) is zero", plan.Steps[0].ToString());
    }

    [Fact]
    public void FunnelStep_RateThatIsNotARatio_IsRefusedNamingItsUnit()
    {
        var error = Assert.Throws<ArgumentException>("conversionRate", () => new FunnelStep("calls", PlanInput.Given(0.1m)));

        AssertMessage("A conversion rate is a ratio, not Number.", error);
    }

    [Fact]
    public void FunnelStep_ComparedWithNull_IsNotEqualOnEitherSide()
    {
        var step = new FunnelStep("calls", PlanInput.GivenRatio(0.15m));
        FunnelStep? none = null;

        Assert.False(step == none);
        Assert.False(none == step);
        Assert.True(step != none);
        Assert.False(step.Equals(none));
        Assert.True(step.Equals(new FunnelStep("calls", PlanInput.GivenRatio(0.15m))));
    }

    // ---- MagicNumber ----

    [Fact]
    public void MagicNumber_Calculate_WeeksNotPositive_IsRefused()
    {
        var rate = PlanInput.GivenRatio(0.5m);

        var error = Assert.Throws<ArgumentOutOfRangeException>("weeks", () => MagicNumber.Calculate(PlanInput.Given(Usd(1m)), PlanInput.Given(Usd(1m)), rate, rate, 0m));

        AssertMessage("The number of weeks must be positive.", error);
    }

    [Fact]
    public void MagicNumber_TrailingWeeks_WeeksNotPositive_IsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>("weeks", () => MagicNumber.TrailingWeeks(new LocalDate(2025, 3, 30), 0));

        AssertMessage("The number of weeks must be positive.", error);
    }

    [Fact]
    public void MagicNumber_Calculate_UndefinedAverageOfTheWrongUnit_IsStillRefused()
    {
        // The unit is checked before anything else, even for an input that is undefined.
        var ratioFromData = PlanInput.FromData(KpiIds.CloseRate, March2025, KpiValue.Undefined(KpiUnit.Ratio, "no opportunities closed in the period"));
        var rate = PlanInput.GivenRatio(0.5m);

        var error = Assert.Throws<ArgumentException>(
            "averageRevenuePerSale",
            () => MagicNumber.Calculate(PlanInput.Given(Usd(1_000m)), ratioFromData, rate, rate, 50m));

        AssertMessage("The input must be of unit Money, not Ratio.", error);
    }

    [Fact]
    public void MagicNumber_Calculate_AverageInAnotherCurrency_IsRefusedNamingBoth()
    {
        var rate = PlanInput.GivenRatio(0.5m);

        var error = Assert.Throws<ArgumentException>(
            "averageRevenuePerSale",
            () => MagicNumber.Calculate(PlanInput.Given(Usd(1_000m)), PlanInput.Given(Eur(10m)), rate, rate, 50m));

        AssertMessage("The revenue goal is in USD but the average revenue per sale is in EUR; set a reporting currency.", error);
    }

    [Fact]
    public void MagicNumber_Calculate_ZeroFirstAppointmentRatio_IsUndefinedNamingIt()
    {
        var result = MagicNumber.Calculate(
            PlanInput.Given(Usd(1_000_000m)), PlanInput.Given(Usd(10_000m)), PlanInput.GivenRatio(0.25m), PlanInput.GivenRatio(0m), 50m);

        Assert.Equal("the first-appointment-to-proposal ratio (given) is zero", result.Value.UndefinedReason);
    }

    [Fact]
    public void MagicNumber_FromData_NullData_IsNamedBeforeTheOptionsAreRead()
    {
        Assert.Throws<ArgumentNullException>("data", () => MagicNumber.FromData(new KpiEvaluator(), null!, CoachingData.Window, null!));
    }

    [Fact]
    public void MagicNumber_FromData_Ungrouped_GivesOneResultForAll()
    {
        var results = MagicNumber.FromData(new KpiEvaluator(), CoachingData.Create(), CoachingData.Window, MagicOptions(), KpiGrouping.None);

        Assert.Equal(KpiGrouping.AllKey, Assert.Single(results).Group);
    }

    [Fact]
    public void MagicNumber_FromData_ByRep_IncludesEveryRepOfTheRoster()
    {
        // No records at all: the three reps of the roster still get a (undefined) result each.
        var data = SalesData.Create(roster: CreateRoster());

        var results = MagicNumber.FromData(new KpiEvaluator(), data, CoachingData.Window, MagicOptions());

        Assert.Equal(["r01", "r02", "r03"], results.Select(r => r.Group).Order());
        Assert.All(results, r => Assert.False(r.IsDefined));
    }

    [Fact]
    public void MagicNumber_FromData_GivenAverageAndFirstAppointmentRatio_ReplaceTheData()
    {
        // ayse: 1,000,000 / 25,000 given = 40 sales; / 0.25 (close rate from the data) = 160 proposals;
        // / 0.4 given = 400 first appointments; / 50 weeks = 8.
        var options = MagicOptions();
        options.GivenAverageRevenuePerSale = Usd(25_000m);
        options.GivenFirstAppointmentToProposal = 0.4m;

        var ayse = MagicNumber.FromData(new KpiEvaluator(), CoachingData.Create(), CoachingData.Window, options).Single(r => r.Group == "ayse");

        Assert.Equal(8m, ayse.Value.Value);
        Assert.Equal(PlanInputSource.Given, ayse.AverageRevenuePerSale.Source);
        Assert.Equal(PlanInputSource.Given, ayse.FirstAppointmentToProposal.Source);
        Assert.Equal(PlanInputSource.FromData, ayse.CloseRatio.Source);
    }

    // ---- MagicNumberCalculator ----

    [Fact]
    public void MagicNumberCalculator_NegativeGivenValues_AreRefusedNamingTheOption()
    {
        var average = Assert.Throws<ArgumentOutOfRangeException>(
            "options.GivenAverageRevenuePerSale",
            () => new MagicNumberCalculator(new MagicNumberOptions { Goal = CoachingData.Goal, Weeks = 1m, GivenAverageRevenuePerSale = Usd(-1m) }));
        AssertMessage("The average revenue per sale must not be negative.", average);

        var close = Assert.Throws<ArgumentOutOfRangeException>(
            "options.GivenCloseRatio",
            () => new MagicNumberCalculator(new MagicNumberOptions { Goal = CoachingData.Goal, Weeks = 1m, GivenCloseRatio = -0.1m }));
        AssertMessage("The close ratio must not be negative.", close);

        var firstAppointment = Assert.Throws<ArgumentOutOfRangeException>(
            "options.GivenFirstAppointmentToProposal",
            () => new MagicNumberCalculator(new MagicNumberOptions { Goal = CoachingData.Goal, Weeks = 1m, GivenFirstAppointmentToProposal = -0.1m }));
        AssertMessage("The ratio must not be negative.", firstAppointment);
    }

    [Fact]
    public void MagicNumberCalculator_KpisOfTheWrongUnit_AreRefusedNamingTheKpi()
    {
        var average = Assert.Throws<ArgumentException>(
            "options.AverageRevenuePerSaleKpi",
            () => new MagicNumberCalculator(new MagicNumberOptions { Goal = CoachingData.Goal, Weeks = 1m, AverageRevenuePerSaleKpi = Kpis.CloseRate }));
        AssertMessage("KPI 'close-rate' is not in money.", average);

        var close = Assert.Throws<ArgumentException>(
            "options.CloseRatioKpi",
            () => new MagicNumberCalculator(new MagicNumberOptions { Goal = CoachingData.Goal, Weeks = 1m, CloseRatioKpi = Kpis.Revenue }));
        AssertMessage("KPI 'revenue' is not a ratio.", close);

        // revenue has an id of its own, so only the unit check can refuse it.
        var firstAppointment = Assert.Throws<ArgumentException>(
            "options.FirstAppointmentToProposalKpi",
            () => new MagicNumberCalculator(new MagicNumberOptions { Goal = CoachingData.Goal, Weeks = 1m, FirstAppointmentToProposalKpi = Kpis.Revenue }));
        AssertMessage("KPI 'revenue' is not a ratio.", firstAppointment);
    }

    [Fact]
    public void MagicNumberCalculator_AverageWithTheCloseRatiosId_IsRefused()
    {
        // A money KPI named close-rate: the units are right, but the average and the close ratio share an id.
        var options = new MagicNumberOptions { Goal = CoachingData.Goal, Weeks = 1m, AverageRevenuePerSaleKpi = new RevenueCalculator(KpiIds.CloseRate) };

        var error = Assert.Throws<ArgumentException>("options.FirstAppointmentToProposalKpi", () => new MagicNumberCalculator(options));

        AssertMessage("The three KPIs of a magic number need different ids.", error);
    }

    [Fact]
    public void MagicNumberCalculator_Description_SpellsOutTheFormula()
    {
        Assert.Equal(
            "first appointments a week to reach the revenue goal: goal / average revenue per sale / close ratio / first-appointment-to-proposal ratio / weeks",
            new MagicNumberCalculator(MagicOptions()).Description);
    }

    [Fact]
    public void MagicNumberCalculator_GoalAndGivenAverageInDifferentCurrencies_ThrowsNamingTheGroup()
    {
        var options = MagicOptions();
        options.GivenAverageRevenuePerSale = Eur(10_000m);

        var error = Assert.Throws<InvalidOperationException>(
            () => MagicNumber.FromData(new KpiEvaluator(), CoachingData.Create(), CoachingData.Window, options, KpiGrouping.ByRep));

        AssertMessage("The revenue goal of group '", error);
        AssertMessage("' is in USD but the average revenue per sale is in EUR; set a reporting currency in KpiSettings.", error);
    }

    // ---- PipelineCoverageCalculator ----

    [Fact]
    public void PipelineCoverage_Calculate_NegativeAmounts_AreRefusedNamingThem()
    {
        AssertMessage(
            "The pipeline must not be negative.",
            Assert.Throws<ArgumentOutOfRangeException>("openPipeline", () => PipelineCoverageCalculator.Calculate(Usd(-1m), Usd(1m), Usd(0m))));
        AssertMessage(
            "The target must not be negative.",
            Assert.Throws<ArgumentOutOfRangeException>("target", () => PipelineCoverageCalculator.Calculate(Usd(1m), Usd(-1m), Usd(0m))));
        AssertMessage(
            "The revenue won must not be negative.",
            Assert.Throws<ArgumentOutOfRangeException>("won", () => PipelineCoverageCalculator.Calculate(Usd(1m), Usd(1m), Usd(-1m))));
    }

    [Fact]
    public void PipelineCoverage_Calculate_OtherCurrencies_AreRefusedNamingBoth()
    {
        AssertMessage(
            "The target is in EUR but the pipeline is in USD.",
            Assert.Throws<ArgumentException>("target", () => PipelineCoverageCalculator.Calculate(Usd(1m), Eur(1m), Usd(0m))));
        AssertMessage(
            "The revenue won is in EUR but the target is in USD.",
            Assert.Throws<ArgumentException>("won", () => PipelineCoverageCalculator.Calculate(Usd(1m), Usd(1m), Eur(0m))));
    }

    [Fact]
    public void PipelineCoverage_Calculate_ZeroTarget_IsAcceptedAndAlreadyMet()
    {
        // Target 0, won 0: 0 − 0 = 0 remains.
        var value = PipelineCoverageCalculator.Calculate(Usd(100m), Usd(0m), Usd(0m));

        Assert.Equal("the target is already met (0.00 USD won of 0.00 USD): no revenue remains to cover", value.UndefinedReason);
    }

    [Fact]
    public void PipelineCoverage_Calculate_WonExactlyTheTarget_IsAlreadyMet()
    {
        // 500 − 500 = 0 remains: nothing to cover, rather than a division by zero.
        var value = PipelineCoverageCalculator.Calculate(Usd(100m), Usd(500m), Usd(500m));

        Assert.Equal("the target is already met (500.00 USD won of 500.00 USD): no revenue remains to cover", value.UndefinedReason);
    }

    [Fact]
    public void PipelineCoverage_Evaluate_PipelineInAnotherCurrencyThanTheTarget_ThrowsNamingBoth()
    {
        // No reporting currency: the pipeline sums in EUR, the target is in USD.
        var data = SalesData.Create(opportunities: [CreateOpportunity(id: "O-1", amount: Eur(1_000m), expectedClose: new LocalDate(2025, 5, 1))]);
        var coverage = new PipelineCoverageCalculator(new PipelineCoverageOptions { Target = (_, _) => Usd(5_000m) });

        var error = Assert.Throws<InvalidOperationException>(() => coverage.Evaluate(data, Q2, KpiGrouping.None));

        AssertMessage(" is in EUR but is compared with an amount in USD; give every amount in the reporting currency", error);
    }

    [Fact]
    public void PipelineCoverage_Evaluate_CountsTheUnpricedAmountsOfBothComponents()
    {
        // Pipeline expected in Q2: 300,000 USD + two EUR opportunities with no rate (2 unpriced).
        // Won in Q2: 100,000 USD + one EUR deal with no rate (1 unpriced).
        // 300,000 / (200,000 − 100,000) = 3, with 2 + 1 = 3 unpriced.
        var data = SalesData.Create(
            opportunities:
            [
                CreateOpportunity(id: "O-1", amount: Usd(300_000m), expectedClose: new LocalDate(2025, 5, 20)),
                CreateOpportunity(id: "O-2", amount: Eur(50_000m), expectedClose: new LocalDate(2025, 5, 21)),
                CreateOpportunity(id: "O-3", amount: Eur(70_000m), expectedClose: new LocalDate(2025, 6, 1)),
            ],
            deals:
            [
                CreateDeal(id: "D-1", closedAt: At(2025, 4, 10), value: Usd(100_000m)),
                CreateDeal(id: "D-2", closedAt: At(2025, 4, 11), value: Eur(5_000m)),
            ]);
        var coverage = new PipelineCoverageCalculator(new PipelineCoverageOptions { Target = (_, _) => Usd(200_000m) });

        var value = coverage.Evaluate(data, Q2, KpiGrouping.None, settings: UsdWithNoRates()).Get(KpiIds.PipelineCoverage);

        Assert.Equal(3m, value.Value);
        Assert.Equal(3, value.UnpricedCount);
    }

    // ---- PlanInput ----

    [Fact]
    public void PlanInput_ZeroCount_IsAccepted()
    {
        var input = PlanInput.Given(0m);

        Assert.Equal(0m, input.Value.Value);
        Assert.Equal(KpiUnit.Number, input.Value.Unit);
    }

    [Fact]
    public void PlanInput_FromData_NamesTheFirstNullArgument()
    {
        Assert.Throws<ArgumentNullException>("kpi", () => PlanInput.FromData((KpiCalculator)null!, null!, null!));
        Assert.Throws<ArgumentNullException>("data", () => PlanInput.FromData(Kpis.CloseRate, null!, null!));
    }

    // ---- QuarterlyAmount ----

    [Fact]
    public void QuarterlyAmount_TwoWholeMonthsAcrossTheYearEnd_SaysHowManyMonths()
    {
        // December 2024 and January 2025: (2025 − 2024) × 12 + 1 − 12 + 1 = 2 whole months.
        var error = Assert.Throws<ArgumentException>("quarter", () => new QuarterlyAmount(new DateInterval(new LocalDate(2024, 12, 1), new LocalDate(2025, 1, 31)), Usd(1m)));

        AssertMessage("[2024-12-01, 2025-01-31] is 2 whole months, not a quarter", error);
    }

    [Fact]
    public void QuarterlyAmount_EndingBeforeTheEndOfAMonth_IsNotWholeMonths()
    {
        var error = Assert.Throws<ArgumentException>("quarter", () => new QuarterlyAmount(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 3, 30)), Usd(1m)));

        AssertMessage("[2025-01-01, 2025-03-30] is not a quarter: a quarterly amount covers three whole months, from the first day of a month.", error);
    }

    [Fact]
    public void QuarterlyAmount_ComparedWithNull_IsNotEqualOnEitherSide()
    {
        var q1 = Q(2025, 1, 100m);
        QuarterlyAmount? none = null;

        Assert.False(q1 == none);
        Assert.False(none == q1);
        Assert.True(q1 != none);
        Assert.False(q1.Equals(none));
        Assert.True(q1.Equals(Q(2025, 1, 100m)));
    }

    // ---- QuotaAttainmentCalculator ----

    [Fact]
    public void QuotaAttainment_MeasureOfAnotherUnit_IsRefusedNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(
            "options.Measure",
            () => new QuotaAttainmentCalculator(new QuotaAttainmentOptions { Measure = Kpis.CloseRate, CountQuota = (_, _) => 1m }));

        AssertMessage("KPI 'close-rate' is of unit Ratio; a quota measures money, a count or a number.", error);
    }

    [Fact]
    public void QuotaAttainment_QuotaOfTheOtherKind_IsRefusedSayingWhichToSet()
    {
        var money = Assert.Throws<ArgumentException>(
            "options.CountQuota",
            () => new QuotaAttainmentCalculator(new QuotaAttainmentOptions { Quota = (_, _) => null, CountQuota = (_, _) => 1m }));
        AssertMessage("KPI 'revenue' is money: set Quota, not CountQuota.", money);

        var count = Assert.Throws<ArgumentException>(
            "options.Quota",
            () => new QuotaAttainmentCalculator(new QuotaAttainmentOptions { Measure = Kpis.Calls, CountQuota = (_, _) => 1m, Quota = (_, _) => null }));
        AssertMessage("KPI 'calls' is a count: set CountQuota, not Quota.", count);
    }

    [Fact]
    public void QuotaAttainment_Calculate_ZeroAchievedIsAccepted_NegativesAreRefused()
    {
        // 0 of a quota of 4: 0 / 4 = 0.
        var value = QuotaAttainmentCalculator.Calculate(0m, 4m);
        Assert.Equal(0m, value.Value);
        Assert.Equal((0m, 4m), (value.Numerator, value.Denominator));

        AssertMessage(
            "What was achieved must not be negative.",
            Assert.Throws<ArgumentOutOfRangeException>("achieved", () => QuotaAttainmentCalculator.Calculate(-1m, 1m)));
        AssertMessage(
            "The quota must not be negative.",
            Assert.Throws<ArgumentOutOfRangeException>("quota", () => QuotaAttainmentCalculator.Calculate(1m, -1m)));
    }

    [Fact]
    public void QuotaAttainment_Calculate_QuotaInAnotherCurrency_IsRefusedNamingBoth()
    {
        var error = Assert.Throws<ArgumentException>("quota", () => QuotaAttainmentCalculator.Calculate(Usd(75m), Eur(100m)));

        AssertMessage("The quota is in EUR but what was achieved is in USD.", error);
    }

    [Fact]
    public void QuotaAttainment_Evaluate_UndefinedMeasure_IsUndefinedWithItsReason()
    {
        var attainment = new QuotaAttainmentCalculator(new QuotaAttainmentOptions { Measure = Kpis.AverageDealSize, Quota = (_, _) => Usd(100m) });

        var value = attainment.Evaluate(SalesData.Empty, January);

        Assert.Equal("average-deal-size is undefined: no deals won in the period", value.UndefinedReason);
    }

    // ---- QuotaPacingCalculator ----

    [Fact]
    public void QuotaPacing_ElapsedShare_OfAnEmptyPeriodAtItsStart_IsZero()
    {
        // At or before the start nothing has elapsed, even when the start is also the end.
        var start = Instant.FromUtc(2025, 4, 1, 0, 0);

        Assert.Equal(0m, QuotaPacingCalculator.ElapsedShare(new Interval(start, start), start));
    }

    [Fact]
    public void QuotaPacing_Calculate_ExactlyAtTheStart_HasNotStarted()
    {
        var april = new Interval(Instant.FromUtc(2025, 4, 1, 0, 0), Instant.FromUtc(2025, 5, 1, 0, 0));

        var value = QuotaPacingCalculator.Calculate(KpiValue.Ratio(1m, 2m), april, april.Start);

        Assert.StartsWith("the period has not started: it starts at ", value.UndefinedReason, StringComparison.Ordinal);
    }

    // ---- SaasMagicNumberCalculator ----

    [Fact]
    public void SaasMagicNumber_Calculate_QuartersThatDoNotFollow_AreRefusedNamingThem()
    {
        AssertMessage(
            "Last quarter [2024-10-01, 2024-12-31] is not the quarter just before [2025-04-01, 2025-06-30].",
            Assert.Throws<ArgumentException>("recurringRevenueLastQuarter", () => SaasMagicNumberCalculator.Calculate(Q(2025, 2, 1m), Q(2024, 4, 1m), Q(2024, 4, 1m))));
        AssertMessage(
            "The spend is for [2025-04-01, 2025-06-30], not for last quarter [2025-01-01, 2025-03-31].",
            Assert.Throws<ArgumentException>("salesAndMarketingSpendLastQuarter", () => SaasMagicNumberCalculator.Calculate(Q(2025, 2, 1m), Q(2025, 1, 1m), Q(2025, 2, 1m))));
    }

    [Fact]
    public void SaasMagicNumber_Calculate_OtherCurrencies_AreRefusedNamingThem()
    {
        AssertMessage(
            "Last quarter's revenue is in EUR, this quarter's in USD.",
            Assert.Throws<ArgumentException>(
                "recurringRevenueLastQuarter",
                () => SaasMagicNumberCalculator.Calculate(Q(2025, 2, 1m), QuarterlyAmount.ForQuarter(2025, 1, Eur(1m)), Q(2025, 1, 1m))));
        AssertMessage(
            "The spend is in EUR, the revenue in USD.",
            Assert.Throws<ArgumentException>(
                "salesAndMarketingSpendLastQuarter",
                () => SaasMagicNumberCalculator.Calculate(Q(2025, 2, 1m), Q(2025, 1, 1m), QuarterlyAmount.ForQuarter(2025, 1, Eur(1m)))));
    }

    [Fact]
    public void SaasMagicNumber_Evaluate_CountsTheUnpricedAmountsOfAllThreeInputs()
    {
        // Recurring revenue, USD: 100,000 a month all year (300,000 in Q1 and in Q2), plus 25,000 a month from April
        // (75,000 in Q2). EUR with no rate: e1 earns in Q1 and Q2, e2 only in Q2. Spend in Q1: 100,000 USD and one EUR
        // record with no rate. Q2: (375,000 − 300,000) × 4 / 100,000 = 3; unpriced 2 (Q2 revenue) + 1 (Q1 revenue)
        // + 1 (Q1 spend) = 4.
        var data = SalesData.Create(
            deals:
            [
                CreateDeal(id: "D-1", closedAt: At(2023, 12, 15), value: Usd(2_400_000m), term: new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2025, 12, 31)), recurringMonthly: Usd(100_000m)),
                CreateDeal(id: "D-2", closedAt: At(2025, 3, 20), value: Usd(300_000m), term: new DateInterval(new LocalDate(2025, 4, 1), new LocalDate(2026, 3, 31)), recurringMonthly: Usd(25_000m)),
                CreateDeal(id: "E-1", closedAt: At(2024, 12, 20), value: Eur(6_000m), term: FirstHalf2025, recurringMonthly: Eur(1_000m)),
                CreateDeal(id: "E-2", closedAt: At(2025, 3, 25), value: Eur(3_000m), term: Q2, recurringMonthly: Eur(1_000m)),
            ],
            spend:
            [
                new MarketingSpend("sales", Q1, Usd(100_000m)),
                new MarketingSpend("events", Q1, Eur(5_000m)),
            ]);

        var report = Kpis.SaasMagicNumber.Evaluate(data, FirstHalf2025, KpiGrouping.None, PeriodUnit.Quarter, UsdWithNoRates());
        var q2 = report.Get(KpiIds.SaasMagicNumber, periodIndex: 1);

        Assert.Equal(3m, q2.Value);
        Assert.Equal(4, q2.UnpricedCount);
    }

    // ---- SalesVelocityCalculator ----

    [Fact]
    public void SalesVelocity_Calculate_ZeroCloseRateOrDealSize_IsAcceptedAndZero()
    {
        // 40 × 0 × 10,000 = 0; / 50 days = 0. And 40 × 0.25 × 0 = 0; / 50 = 0.
        var noClose = SalesVelocityCalculator.Calculate(40m, 0m, Usd(10_000m), 50m);
        Assert.Equal(0m, noClose.Value);
        Assert.Equal(Currency.USD, noClose.Currency);

        Assert.Equal(0m, SalesVelocityCalculator.Calculate(40m, 0.25m, Usd(0m), 50m).Value);
    }

    [Fact]
    public void SalesVelocity_Calculate_NegativeRateOrDealSize_IsRefusedNamingIt()
    {
        AssertMessage(
            "The close rate must not be negative.",
            Assert.Throws<ArgumentOutOfRangeException>("closeRate", () => SalesVelocityCalculator.Calculate(1m, -0.25m, Usd(1m), 1m)));
        AssertMessage(
            "The average deal size must not be negative.",
            Assert.Throws<ArgumentOutOfRangeException>("averageDealSize", () => SalesVelocityCalculator.Calculate(1m, 0.25m, Usd(-1m), 1m)));
    }

    [Fact]
    public void SalesVelocity_Evaluate_CountsTheUnpricedAmountsOfTheOpenOpportunitiesAndTheDeals()
    {
        // Q1 2025. Won: W-1 (2 Jan to 1 Feb, 30 days) and W-2 (10 Jan to 21 Mar, 31 + 28 + 11 = 70 days): mean 50 days.
        // Lost: L-1 and L-2; close rate 2 / 4 = 0.5. Deals: 12,000 USD and 8,000 EUR with no rate: average 12,000 over the
        // one priced deal, 1 unpriced. Open at the end of March: O-1 (USD), O-2 and O-3 (EUR, 2 unpriced): 3.
        // 3 × 0.5 × 12,000 / 50 = 18,000 / 50 = 360 USD a day; unpriced 2 + 1 = 3.
        var won = OpportunityStatus.Won;
        var lost = OpportunityStatus.Lost;
        var data = SalesData.Create(
            opportunities:
            [
                CreateOpportunity(id: "W-1", createdAt: At(2025, 1, 2), status: won, closedAt: At(2025, 2, 1)),
                CreateOpportunity(id: "W-2", createdAt: At(2025, 1, 10), status: won, closedAt: At(2025, 3, 21)),
                CreateOpportunity(id: "L-1", createdAt: At(2025, 1, 5), status: lost, closedAt: At(2025, 1, 20)),
                CreateOpportunity(id: "L-2", createdAt: At(2025, 1, 5), status: lost, closedAt: At(2025, 1, 21)),
                CreateOpportunity(id: "O-1", createdAt: At(2025, 2, 1), amount: Usd(1_000m)),
                CreateOpportunity(id: "O-2", createdAt: At(2025, 2, 2), amount: Eur(1_000m)),
                CreateOpportunity(id: "O-3", createdAt: At(2025, 2, 3), amount: Eur(2_000m)),
            ],
            deals:
            [
                CreateDeal(id: "W-1", closedAt: At(2025, 2, 1), value: Usd(12_000m)),
                CreateDeal(id: "W-2", closedAt: At(2025, 3, 21), value: Eur(8_000m)),
            ]);

        var velocity = Kpis.SalesVelocity.Evaluate(data, Q1, UsdWithNoRates());

        Assert.Equal(360m, velocity.Value);
        Assert.Equal(3, velocity.UnpricedCount);
    }

    // ---- WorkingDayCalendar ----

    [Fact]
    public void WorkingDayCalendar_DayOutsideTheWeek_IsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>("weekendDays", () => new WorkingDayCalendar([IsoDayOfWeek.None]));

        AssertMessage("A weekend day must be Monday to Sunday.", error);
    }

    [Fact]
    public void WorkingDayCalendar_CountWorkingDays_WrapsFromSundayToMonday()
    {
        // Weekend Sunday and Monday. Sunday 2 March to Tuesday 4 March 2025: Sunday off, Monday off, Tuesday works: 1.
        var calendar = new WorkingDayCalendar([IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday]);

        Assert.Equal(1, calendar.CountWorkingDays(new DateInterval(new LocalDate(2025, 3, 2), new LocalDate(2025, 3, 4))));
    }

    [Fact]
    public void WorkingDayCalendar_ToString_NamesNoWeekendAndOneHoliday()
    {
        Assert.Equal("weekend none; 0 holidays", new WorkingDayCalendar([]).ToString());
        Assert.Equal("weekend Saturday, Sunday; 1 holiday", WorkingDayCalendar.MondayToFriday.WithHolidays([new LocalDate(2025, 5, 1)]).ToString());
    }
}
