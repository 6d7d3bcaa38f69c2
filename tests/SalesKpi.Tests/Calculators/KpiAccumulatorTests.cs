using SalesKpi.Activities;
using SalesKpi.Extensibility;
using SalesKpi.Reporting;
using static SalesKpi.Tests.Calculators.KpiTestData;

namespace SalesKpi.Tests.Calculators;

/// <summary>
/// The base <see cref="KpiAccumulator"/>: an accumulator that does not override the <c>Add</c> of a collection refuses
/// its records with a message naming the accumulator, the record type and the fix.
/// </summary>
public class KpiAccumulatorTests
{
    private static KpiPeriod March => new KpiEvaluator(KpiSettings.Default).Evaluate(SalesData.Empty, new KpiQuery(March2025, [Kpis.Calls])).Periods[0];

    public static TheoryData<string> RecordTypes() => ["Lead", "Opportunity", "Deal", "SalesActivity", "MarketingSpend"];

    [Theory]
    [MemberData(nameof(RecordTypes))]
    public void Add_RecordTheAccumulatorDoesNotHandle_ThrowsNamingTheAccumulatorAndTheRecordType(string recordType)
    {
        var accumulator = new CallCounter();
        var period = March;
        Action add = recordType switch
        {
            "Lead" => () => accumulator.Add(Lead(Mar(3)), period),
            "Opportunity" => () => accumulator.Add(Opportunity("o1", "r1", Mar(3)), period),
            "Deal" => () => accumulator.Add(Deal("r1", Mar(3)), period),
            "SalesActivity" => () => ((KpiAccumulator)new NothingHandled()).Add(Call("r1", Mar(3)), period),
            _ => () => accumulator.Add(Spend("web", March2025, Usd(100m)), period),
        };

        var exception = Assert.Throws<InvalidOperationException>(add);

        var owner = recordType == "SalesActivity" ? nameof(NothingHandled) : nameof(CallCounter);
        Assert.Equal(
            $"{owner} received a {recordType} but does not override Add({recordType}, KpiPeriod); declare only the inputs the accumulator handles.",
            exception.Message);
    }

    [Fact]
    public void Add_OverriddenCollection_IsAccumulated()
    {
        var accumulator = new CallCounter();

        accumulator.Add(Call("r1", Mar(3)), March);
        accumulator.Add(Call("r2", Mar(4)), March);

        // Two calls added: a count of 2.
        Assert.Equal(KpiValue.Count(2), accumulator.GetValue());
    }

    /// <summary>Counts activities; handles no other collection.</summary>
    private sealed class CallCounter : KpiAccumulator
    {
        private long _count;

        public override void Add(SalesActivity activity, KpiPeriod period) => _count++;

        public override void Merge(KpiAccumulator other) => _count += ((CallCounter)other)._count;

        public override KpiValue GetValue() => KpiValue.Count(_count);
    }

    /// <summary>Handles no collection at all.</summary>
    private sealed class NothingHandled : KpiAccumulator
    {
        public override void Merge(KpiAccumulator other)
        {
        }

        public override KpiValue GetValue() => KpiValue.Count(0);
    }
}
