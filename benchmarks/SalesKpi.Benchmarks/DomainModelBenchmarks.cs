using System.Collections.Immutable;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Leads;
using SalesKpi.Opportunities;
using SalesKpi.Reps;

namespace SalesKpi.Benchmarks;

/// <summary>
/// Struct or class for <see cref="SalesActivity"/>: what it costs to build N activities, to wrap them in a
/// <see cref="SalesData"/> snapshot, and to scan them, as the library's sealed class and as an equivalent
/// <see cref="ActivityStruct"/>. <see cref="ActivityClass"/>, a class with the struct's checks, separates the cost of
/// one object per record from the cost of the library's validation.
/// </summary>
/// <remarks>
/// <para>Two groups, each with its own baseline, measured in one run: <c>Build</c> (baseline: an
/// <c>SalesActivity[]</c>) and <c>Scan</c> (baseline: a scan of the <c>SalesActivity[]</c>). The inputs (identifiers, kinds,
/// timestamps, outcomes) are built once in <see cref="Setup"/> from a fixed seed, so the build methods measure only
/// the construction of the records.</para>
/// <para>Quick look: <c>dotnet run -c Release --project benchmarks/SalesKpi.Benchmarks -- --filter '*DomainModel*' --job short</c>.</para>
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DomainModelBenchmarks
{
    private const int Seed = 20250101;
    private const int RepCount = 50;
    private const int LeadCount = 200_000;
    private const int OpportunityCount = 50_000;

    private static readonly string[] Tools = ["sales-navigator", "gong", "outreach", "calendly"];

    // Inputs, one element per record.
    private ActivityId[] _ids = [];
    private SalesActivityKind[] _kinds = [];
    private RepId[] _owners = [];
    private Instant[] _occurredAt = [];
    private ActivityOutcomes[] _outcomes = [];
    private LeadId?[] _leads = [];
    private OpportunityId?[] _opportunities = [];
    private string?[] _tools = [];

    // Prebuilt records for the snapshot and scan benchmarks.
    private SalesActivity[] _activities = [];
    private ImmutableArray<SalesActivity> _immutableActivities = [];
    private ActivityStruct[] _activityStructs = [];

    // The scan's fixed parameters: a dense index per rep and a half-year reporting period.
    private Dictionary<RepId, int> _repIndex = [];
    private Instant _periodStart;
    private Instant _periodEnd;

    /// <summary>Gets or sets the number of activities.</summary>
    [Params(100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(Seed);
        var reps = new RepId[RepCount];
        _repIndex = new Dictionary<RepId, int>(RepCount);
        for (var r = 0; r < RepCount; r++)
        {
            reps[r] = new RepId($"rep-{r + 1:D2}");
            _repIndex.Add(reps[r], r);
        }

        var leadIds = new LeadId[LeadCount];
        for (var i = 0; i < leadIds.Length; i++)
        {
            leadIds[i] = new LeadId($"L-{i + 1:D7}");
        }

        var opportunityIds = new OpportunityId[OpportunityCount];
        for (var i = 0; i < opportunityIds.Length; i++)
        {
            opportunityIds[i] = new OpportunityId($"O-{i + 1:D7}");
        }

        var yearStart = Instant.FromUtc(2025, 1, 1, 0, 0);
        const int secondsPerYear = 365 * 24 * 60 * 60;
        _periodStart = yearStart;
        _periodEnd = Instant.FromUtc(2025, 7, 1, 0, 0);

        _ids = new ActivityId[N];
        _kinds = new SalesActivityKind[N];
        _owners = new RepId[N];
        _occurredAt = new Instant[N];
        _outcomes = new ActivityOutcomes[N];
        _leads = new LeadId?[N];
        _opportunities = new OpportunityId?[N];
        _tools = new string?[N];
        for (var i = 0; i < N; i++)
        {
            _ids[i] = new ActivityId($"A-{i + 1:D8}");
            _owners[i] = reps[random.Next(RepCount)];
            _occurredAt[i] = yearStart + Duration.FromSeconds(random.Next(secondsPerYear));
            var roll = random.NextDouble();
            (_kinds[i], _outcomes[i]) = roll switch
            {
                < 0.35 => (SalesActivityKind.Call, random.NextDouble() < 0.3 ? ActivityOutcomes.Connected : ActivityOutcomes.None),
                < 0.70 => (SalesActivityKind.Email, EmailOutcomes(random)),
                < 0.80 => (SalesActivityKind.Meeting, random.NextDouble() < 0.85 ? ActivityOutcomes.Connected : ActivityOutcomes.None),
                < 0.95 => (SalesActivityKind.CrmUpdate, ActivityOutcomes.None),
                _ => (SalesActivityKind.ToolUsage, ActivityOutcomes.None),
            };

            // About 60% of activities concern a lead, 25% an opportunity; tool usages name a tool.
            var related = random.NextDouble();
            if (related < 0.60)
            {
                _leads[i] = leadIds[random.Next(LeadCount)];
            }
            else if (related < 0.85)
            {
                _opportunities[i] = opportunityIds[random.Next(OpportunityCount)];
            }

            if (_kinds[i] == SalesActivityKind.ToolUsage)
            {
                _tools[i] = Tools[random.Next(Tools.Length)];
            }
        }

        _activities = BuildClassArray();
        _immutableActivities = ImmutableCollectionsMarshal.AsImmutableArray(_activities);
        _activityStructs = BuildStructArray();
    }

    /// <summary>Builds N <see cref="SalesActivity"/> objects (the library's sealed class) into an array.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Build")]
    public SalesActivity[] BuildClassArray()
    {
        var result = new SalesActivity[N];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new SalesActivity(_ids[i], _kinds[i], _owners[i], _occurredAt[i], _outcomes[i], _leads[i], _opportunities[i], _tools[i]);
        }

        return result;
    }

    /// <summary>Builds the same records as <see cref="ActivityClass"/> objects: one object per record, like
    /// <see cref="SalesActivity"/>, with the checks of <see cref="ActivityStruct"/>.</summary>
    [Benchmark]
    [BenchmarkCategory("Build")]
    public ActivityClass[] BuildLocalClassArray()
    {
        var result = new ActivityClass[N];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new ActivityClass(_ids[i], _kinds[i], _owners[i], _occurredAt[i], _outcomes[i], _leads[i], _opportunities[i], _tools[i]);
        }

        return result;
    }

    /// <summary>Builds the same records as <see cref="ActivityStruct"/> values, inline in an array.</summary>
    [Benchmark]
    [BenchmarkCategory("Build")]
    public ActivityStruct[] BuildStructArray()
    {
        var result = new ActivityStruct[N];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new ActivityStruct(_ids[i], _kinds[i], _owners[i], _occurredAt[i], _outcomes[i], _leads[i], _opportunities[i], _tools[i]);
        }

        return result;
    }

    /// <summary>Builds a snapshot from the prebuilt <c>SalesActivity[]</c>: one copy and a null check.</summary>
    [Benchmark]
    [BenchmarkCategory("Build")]
    public SalesData SnapshotFromArray() => SalesData.Create(activities: _activities);

    /// <summary>Builds a snapshot from an <see cref="ImmutableArray{T}"/>: no copy, only the null check.</summary>
    [Benchmark]
    [BenchmarkCategory("Build")]
    public SalesData SnapshotFromImmutableArray() => SalesData.Create(activities: _immutableActivities);

    /// <summary>Counts connected calls per rep in the reporting period, over the <c>SalesActivity[]</c>.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Scan")]
    public int[] ScanClassArray()
    {
        var counts = new int[RepCount];
        var call = SalesActivityKind.Call;
        var start = _periodStart;
        var end = _periodEnd;
        foreach (var a in _activities)
        {
            var at = a.OccurredAt;
            if (at >= start && at < end && a.Kind == call && (a.Outcomes & ActivityOutcomes.Connected) != 0)
            {
                counts[_repIndex[a.Owner]]++;
            }
        }

        return counts;
    }

    /// <summary>Counts connected calls per rep in the reporting period, over the <see cref="ActivityStruct"/> array,
    /// by reference.</summary>
    [Benchmark]
    [BenchmarkCategory("Scan")]
    public int[] ScanStructArray()
    {
        var counts = new int[RepCount];
        var call = SalesActivityKind.Call;
        var start = _periodStart;
        var end = _periodEnd;
        foreach (ref readonly var a in _activityStructs.AsSpan())
        {
            var at = a.OccurredAt;
            if (at >= start && at < end && a.Kind == call && (a.Outcomes & ActivityOutcomes.Connected) != 0)
            {
                counts[_repIndex[a.Owner]]++;
            }
        }

        return counts;
    }

    private static ActivityOutcomes EmailOutcomes(Random random)
    {
        var outcomes = random.NextDouble() < 0.95 ? ActivityOutcomes.Delivered : ActivityOutcomes.None;
        if (outcomes != ActivityOutcomes.None && random.NextDouble() < 0.40)
        {
            outcomes |= ActivityOutcomes.Opened;
            if (random.NextDouble() < 0.25)
            {
                outcomes |= ActivityOutcomes.Replied;
                if (random.NextDouble() < 0.30)
                {
                    outcomes |= ActivityOutcomes.Positive;
                }
            }
        }

        return outcomes;
    }
}
