using SalesKpi.Activities;
using SalesKpi.Reporting;
using static SalesKpi.Activities.ActivityOutcomes;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

public partial class KpisTests
{
    /// <summary>
    /// Ten emails of March whose flags, as recorded, understate what happened; the outcome rules fill them in (an
    /// opened or replied email was delivered, a positive reply is a reply). Effective outcomes, by hand:
    /// <code>
    ///  #  recorded                      delivered opened replied positive
    ///  1  Delivered                         x
    ///  2  Delivered|Opened                  x       x
    ///  3  Opened                            x       x                       (opened implies delivered)
    ///  4  Replied                           x               x               (replied implies delivered)
    ///  5  Positive                          x               x       x       (positive implies replied, delivered)
    ///  6  Delivered|Opened                  x       x
    ///  7  None (bounced)
    ///  8  None (bounced)
    ///  9  Delivered                         x
    /// 10  Delivered|Opened|Replied|Positive x       x       x       x
    ///                              totals:  8       4       3       2
    /// </code>
    /// </summary>
    private static SalesActivity[] TenEmailsOfMarch() =>
    [
        Email("r1", Mar(2), Delivered), Email("r1", Mar(3), Delivered | Opened), Email("r1", Mar(4), Opened),
        Email("r1", Mar(5), Replied), Email("r1", Mar(6), Positive), Email("r1", Mar(7), Delivered | Opened),
        Email("r1", Mar(8)), Email("r1", Mar(9)), Email("r1", Mar(10), Delivered),
        Email("r1", Mar(11), Delivered | Opened | Replied | Positive),
        // Not emails, or not in March: never counted, whatever their flags.
        Call("r1", Mar(3), Delivered | Opened | Replied | Positive), Meeting("r1", Mar(3), Positive),
        Email("r1", Apr(1), Delivered), Email("r1", Feb(28), None),
    ];

    /// <summary>
    /// By rep: r1 sent 4 (Delivered|Opened, Delivered, None, Replied), r2 sent 2 (Positive, Opened), r3 only called.
    /// r1: delivered 3 (the reply implies delivery), opened 1, replied 1, positive 0.
    /// r2: delivered 2, opened 1, replied 1 (the positive reply), positive 1.
    /// </summary>
    private static SalesData EmailsByRep() => SalesData.Create(activities:
    [
        Email("r1", Mar(2), Delivered | Opened), Email("r1", Mar(3), Delivered), Email("r1", Mar(4)), Email("r1", Mar(5), Replied),
        Email("r2", Mar(2), Positive), Email("r2", Mar(3), Opened),
        Call("r3", Mar(2), Connected),
    ]);

    [Fact]
    public void EmailDeliveryRate_TenEmails_IsDeliveredOverSent()
    {
        var value = Kpis.EmailDeliveryRate.Evaluate(TenEmailsOfMarch(), March2025);

        // 8 delivered (5 recorded + opened #3, replied #4, positive #5) / 10 sent = 0.8
        Assert.Equal(0.8m, value.Value);
        Assert.Equal(8m, value.Numerator);
        Assert.Equal(10m, value.Denominator);
        Assert.Equal(KpiUnit.Ratio, value.Unit);
    }

    [Fact]
    public void EmailDeliveryRate_NoEmailsSent_IsUndefinedWithReason()
    {
        var value = Kpis.EmailDeliveryRate.Evaluate([Call("r1", Mar(3), Delivered)], March2025);

        Assert.False(value.IsDefined);
        Assert.Null(value.Value);
        Assert.Equal("no emails sent in the period", value.UndefinedReason);
    }

    [Fact]
    public void EmailDeliveryRate_GroupedByRep_IsEachRepsRateAndUndefinedForARepWhoSentNone()
    {
        var report = Kpis.EmailDeliveryRate.Evaluate(EmailsByRep(), March2025, KpiGrouping.ByRep);

        // r1: 3 delivered / 4 sent = 0.75; r2: 2 / 2 = 1; r3 sent none.
        Assert.Equal(0.75m, report.Get(KpiIds.EmailDeliveryRate, "r1").Value);
        Assert.Equal(1m, report.Get(KpiIds.EmailDeliveryRate, "r2").Value);
        Assert.Equal("no emails sent in the period", report.Get(KpiIds.EmailDeliveryRate, "r3").UndefinedReason);
    }

    [Fact]
    public void EmailOpenRate_TenEmails_IsOpenedOverDelivered()
    {
        var value = Kpis.EmailOpenRate.Evaluate(TenEmailsOfMarch(), March2025);

        // 4 opened (#2, #3, #6, #10) / 8 delivered = 0.5; the 2 bounced emails are not in the denominator.
        Assert.Equal(0.5m, value.Value);
        Assert.Equal(4m, value.Numerator);
        Assert.Equal(8m, value.Denominator);
    }

    [Fact]
    public void EmailOpenRate_OnlyBouncedEmails_IsUndefinedWithReason()
    {
        var value = Kpis.EmailOpenRate.Evaluate([Email("r1", Mar(3)), Email("r1", Mar(4))], March2025);

        // 0 delivered: the denominator is empty.
        Assert.False(value.IsDefined);
        Assert.Equal("no emails delivered in the period", value.UndefinedReason);
        Assert.Equal(0m, value.Denominator);
    }

    [Fact]
    public void EmailOpenRate_GroupedByRep_IsEachRepsRate()
    {
        var report = Kpis.EmailOpenRate.Evaluate(EmailsByRep(), March2025, KpiGrouping.ByRep);

        // r1: 1 opened / 3 delivered = 1/3; r2: 1 / 2 = 0.5; r3 delivered none.
        Assert.Equal(1m / 3m, report.Get(KpiIds.EmailOpenRate, "r1").Value);
        Assert.Equal(0.5m, report.Get(KpiIds.EmailOpenRate, "r2").Value);
        Assert.Equal("no emails delivered in the period", report.Get(KpiIds.EmailOpenRate, "r3").UndefinedReason);
    }

    [Fact]
    public void EmailReplyRate_TenEmails_IsRepliedOverDelivered()
    {
        var value = Kpis.EmailReplyRate.Evaluate(TenEmailsOfMarch(), March2025);

        // 3 replied (#4, #5 through its positive reply, #10) / 8 delivered = 0.375
        Assert.Equal(0.375m, value.Value);
        Assert.Equal(3m, value.Numerator);
        Assert.Equal(8m, value.Denominator);
    }

    [Fact]
    public void EmailReplyRate_NoEmails_IsUndefinedWithReason()
    {
        var value = Kpis.EmailReplyRate.Evaluate(Array.Empty<SalesActivity>(), March2025);

        Assert.False(value.IsDefined);
        Assert.Equal("no emails delivered in the period", value.UndefinedReason);
    }

    [Fact]
    public void EmailReplyRate_GroupedByRep_IsEachRepsRate()
    {
        var report = Kpis.EmailReplyRate.Evaluate(EmailsByRep(), March2025, KpiGrouping.ByRep);

        // r1: 1 replied / 3 delivered = 1/3; r2: 1 (the positive one) / 2 = 0.5
        Assert.Equal(1m / 3m, report.Get(KpiIds.EmailReplyRate, "r1").Value);
        Assert.Equal(0.5m, report.Get(KpiIds.EmailReplyRate, "r2").Value);
        Assert.False(report.Get(KpiIds.EmailReplyRate, "r3").IsDefined);
    }

    [Fact]
    public void PositiveReplyRate_TenEmails_IsPositiveOverDelivered()
    {
        var value = Kpis.PositiveReplyRate.Evaluate(TenEmailsOfMarch(), March2025);

        // 2 positive (#5, #10) / 8 delivered = 0.25
        Assert.Equal(0.25m, value.Value);
        Assert.Equal(2m, value.Numerator);
        Assert.Equal(8m, value.Denominator);
    }

    [Fact]
    public void PositiveReplyRate_NoEmailsDelivered_IsUndefinedWithReason()
    {
        var value = Kpis.PositiveReplyRate.Evaluate([Email("r1", Mar(3)), Call("r1", Mar(3), Positive)], March2025);

        Assert.False(value.IsDefined);
        Assert.Equal("no emails delivered in the period", value.UndefinedReason);
    }

    [Fact]
    public void PositiveReplyRate_GroupedByRep_IsEachRepsRate()
    {
        var report = Kpis.PositiveReplyRate.Evaluate(EmailsByRep(), March2025, KpiGrouping.ByRep);

        // r1: 0 positive / 3 delivered = 0 (defined: there were deliveries); r2: 1 / 2 = 0.5
        Assert.Equal(0m, report.Get(KpiIds.PositiveReplyRate, "r1").Value);
        Assert.Equal(0.5m, report.Get(KpiIds.PositiveReplyRate, "r2").Value);
        Assert.Equal("no emails delivered in the period", report.Get(KpiIds.PositiveReplyRate, "r3").UndefinedReason);
    }

    [Fact]
    public void EmailRates_OnlyAPositiveFlagRecorded_CountTheEmailAsDeliveredRepliedAndPositive()
    {
        SalesActivity[] activities = [Email("r1", Mar(3), Positive)];

        // Positive implies replied, which implies delivered: 1/1 on every rate but the open rate, because a reply
        // does not imply that the open was tracked.
        Assert.Equal(1m, Kpis.EmailDeliveryRate.Evaluate(activities, March2025).Value);
        Assert.Equal(1m, Kpis.EmailReplyRate.Evaluate(activities, March2025).Value);
        Assert.Equal(1m, Kpis.PositiveReplyRate.Evaluate(activities, March2025).Value);
        Assert.Equal(0m, Kpis.EmailOpenRate.Evaluate(activities, March2025).Value);
    }

    [Fact]
    public void EmailRates_OnlyAnOpenedFlagRecorded_CountTheEmailAsDelivered()
    {
        SalesActivity[] activities = [Email("r1", Mar(3), Opened), Email("r1", Mar(4))];

        // Opened implies delivered: delivery 1 / 2 sent = 0.5; open 1 / 1 delivered = 1.
        Assert.Equal(0.5m, Kpis.EmailDeliveryRate.Evaluate(activities, March2025).Value);
        Assert.Equal(1m, Kpis.EmailOpenRate.Evaluate(activities, March2025).Value);
    }
}
