using SalesKpi.Planning;
using SalesKpi.Reporting;

namespace SalesKpi.Tests.Planning;

public class CoachingThresholdsTests
{
    [Fact]
    public void Thresholds_AreSeed004s()
    {
        Assert.Equal("stage-conversion at least 0.65", CoachingThresholds.FirstAppointmentToProposal.ToString());
        Assert.Equal("close-rate at least 0.65", CoachingThresholds.CloseRate.ToString());
        Assert.Equal("activity-barometer at least 1", CoachingThresholds.ActivityBarometer.ToString());
        Assert.Equal(
            [CoachingThresholds.FirstAppointmentToProposal, CoachingThresholds.CloseRate, CoachingThresholds.ActivityBarometer],
            CoachingThresholds.All.AsEnumerable());
    }

    [Fact]
    public void EvaluateTarget_PerRep_GivesAttainmentAndStatus()
    {
        // CoachingData over the trailing 13 weeks:
        //   ayse: first appointment to proposal 4 / 8 = 0.5 < 0.65, attainment 0.5 / 0.65; close 2 / 8 = 0.25 < 0.65;
        //         barometer 12 / 16 = 0.75 < 1: below on all three.
        //   bora: 4 / 5 = 0.8 ≥ 0.65; 3 / 4 = 0.75 ≥ 0.65; 2 / 2 = 1 ≥ 1 (the threshold itself is met): met on all three.
        var magic = new MagicNumberCalculator(new MagicNumberOptions { Goal = CoachingData.Goal, Weeks = 50m });
        var query = new KpiQuery(CoachingData.Window, [Kpis.StageConversion, Kpis.CloseRate, new ActivityBarometerCalculator(magic)], KpiGrouping.ByRep);
        var report = new KpiEvaluator().Evaluate(CoachingData.Create(), query);

        var stage = report.EvaluateTarget(CoachingThresholds.FirstAppointmentToProposal);
        var close = report.EvaluateTarget(CoachingThresholds.CloseRate);
        var barometer = report.EvaluateTarget(CoachingThresholds.ActivityBarometer);

        Assert.Equal(["ayse", "bora"], stage.Select(r => r.Group));
        Assert.Equal([KpiTargetStatus.Below, KpiTargetStatus.Met], stage.Select(r => r.Status));
        Assert.Equal([KpiTargetStatus.Below, KpiTargetStatus.Met], close.Select(r => r.Status));
        Assert.Equal([KpiTargetStatus.Below, KpiTargetStatus.Met], barometer.Select(r => r.Status));

        Assert.Equal((0.5m, 0.65m), (stage[0].Attainment.Numerator, stage[0].Attainment.Denominator));
        Assert.Equal((0.25m, 0.65m), (close[0].Attainment.Numerator, close[0].Attainment.Denominator));
        Assert.Equal(0.75m, barometer[0].Attainment.Value);
        Assert.Equal(1m, barometer[1].Attainment.Value);
        Assert.Equal("ayse: close-rate 0.25 (2 / 8) (close-rate at least 0.65): below", close[0].ToString());
    }
}
