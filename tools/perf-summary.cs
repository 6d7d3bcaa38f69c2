// Summarises a ReportBenchmarks run into the tables of docs/performance.md and checks the targets of issues #7 and #17.
//   dotnet run --file tools/perf-summary.cs -- BenchmarkDotNet.Artifacts/results/SalesKpi.Benchmarks.ReportBenchmarks-report.csv
// Every ratio compares medians measured in the same run: speed-up = LINQ median / median; × floor = median / floor median;
// × hand-written = median / the hand-written report's median. Per zone and scale: the report's table, then a small table
// "custom vs built-in" of the single-KPI rows, each custom twin × its built-in. The targets that depend on the scale use
// the 1,000,000 one from that scale up and the 100,000 one below it. The finishing rows give the cost per value (their
// time over the report's 40,545 values).
// BenchmarkDotNet leaves out the Median column when every median is close to its mean; the means are used then.
using System.Globalization;
using System.Text;

if (args.Length != 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: dotnet run --file tools/perf-summary.cs -- <ReportBenchmarks-report.csv>");
    return 2;
}

var lines = File.ReadAllLines(args[0]);
var header = Split(lines[0]);
int Column(string name) => Array.IndexOf(header, name) is >= 0 and var i ? i : throw new InvalidDataException($"no column '{name}' in {args[0]}");
var statistic = header.Contains("Median") ? "Median" : "Mean";
var (method, zone, scale, median, allocated) = (Column("Method"), Column("Zone"), Column("Opportunities"), Column(statistic), Column("Allocated"));

var rows = lines.Skip(1).Select(Split).Select(f => new Row(
    f[method].Trim('\''), f[zone], int.Parse(f[scale], CultureInfo.InvariantCulture), Milliseconds(f[median]), Bytes(f[allocated]))).ToList();

const string Linq = "LINQ, one query per KPI", OneThread = "SalesKpi, 1 thread", AllCores = "SalesKpi, all cores";
const string DuckDb = "DuckDB, SQL, all cores", DuckDbTuned = "DuckDB, tuned SQL, all cores";
const string DuckDbExpert = "DuckDB, expert schema, all cores", HandWritten = "Hand-written, flat arrays, 1 thread";
const string FloorRecords = "Floor: records", FloorColumns = "Floor: columns";
const string FinishingOneThread = "SalesKpi, finishing only, 1 thread", FinishingAllCores = "SalesKpi, finishing only, all cores";

// The values the reference report finishes: 51 groups (50 reps and the unassigned) × 53 ISO weeks × 15 KPIs, at every
// scale (ReferenceReport.Values; a test in SalesKpi.Benchmarks.Tests keeps the two equal).
const double ReportValues = 51 * 53 * 15;

// The single-KPI rows: each custom twin and the built-in it copies; the measures are held to a target.
(string Custom, string BuiltIn, bool Measure)[] twins =
[
    ("Custom: call-to-meeting rate (measure)", "Built-in: call-to-meeting rate", true),
    ("Custom: calls (measure)", "Built-in: calls", true),
    ("Custom: calls (accumulator)", "Built-in: calls", false),
];
static bool IsSingleKpi(string method) => method.StartsWith("Built-in: ", StringComparison.Ordinal) || method.StartsWith("Custom: ", StringComparison.Ordinal);

var output = new StringBuilder();
var failures = new List<string>();
foreach (var run in rows.GroupBy(r => (r.Zone, r.Scale)).OrderBy(g => g.Key.Zone, StringComparer.Ordinal).ThenBy(g => g.Key.Scale))
{
    Row Get(string name) => run.Single(r => r.Method == name);
    Row? Find(string name) => run.SingleOrDefault(r => r.Method == name);
    var (linq, floorRecords, floorColumns, handWritten) = (Get(Linq), Get(FloorRecords), Get(FloorColumns), Find(HandWritten));
    var large = run.Key.Scale >= 1_000_000;
    output.AppendLine(CultureInfo.InvariantCulture, $"\n**{run.Key.Zone}, {run.Key.Scale:N0} opportunities**\n");
    output.AppendLine(CultureInfo.InvariantCulture, $"| method | {statistic.ToLowerInvariant()} | speed-up vs LINQ | × floor (records) | × floor (columns) | × hand-written | allocated |");
    output.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
    foreach (var row in run.Where(r => !IsSingleKpi(r.Method)))
    {
        var byHand = handWritten is null ? "–" : (row.Median / handWritten.Median).ToString("N2", CultureInfo.InvariantCulture);
        output.AppendLine(CultureInfo.InvariantCulture,
            $"| {row.Method} | {Time(row.Median)} | {linq.Median / row.Median:N1} | {row.Median / floorRecords.Median:N2} | {row.Median / floorColumns.Median:N1} | {byHand} | {Size(row.Allocated)} |");
    }

    var pairs = twins.Select(t => (t.Custom, t.Measure, Row: Find(t.Custom), Twin: Find(t.BuiltIn))).ToList();
    if (run.Any(r => IsSingleKpi(r.Method)))
    {
        output.AppendLine("\n*custom vs built-in (one KPI each, 1 thread)*\n");
        output.AppendLine(CultureInfo.InvariantCulture, $"| method | {statistic.ToLowerInvariant()} | × built-in twin | allocated |");
        output.AppendLine("|---|---:|---:|---:|");
        foreach (var row in run.Where(r => IsSingleKpi(r.Method)))
        {
            var twin = pairs.FirstOrDefault(p => p.Custom == row.Method).Twin;
            var ratio = twin is null ? "–" : (row.Median / twin.Median).ToString("N2", CultureInfo.InvariantCulture);
            output.AppendLine(CultureInfo.InvariantCulture, $"| {row.Method} | {Time(row.Median)} | {ratio} | {Size(row.Allocated)} |");
        }
    }

    output.AppendLine();
    var (one, all) = (Get(OneThread), Get(AllCores));
    var duck = new[] { Find(DuckDb), Find(DuckDbTuned), Find(DuckDbExpert) }.Min(r => r?.Median ?? double.PositiveInfinity);
    var at = $"{run.Key.Zone} {run.Key.Scale:N0}";
    var (bestTarget, handTarget) = large ? (30, 1.2) : (25, 1.5);
    Check($"{at}: SalesKpi (best) at least {bestTarget}x faster than LINQ", linq.Median / Math.Min(one.Median, all.Median), $">= {bestTarget}", v => v >= bestTarget);
    if (!double.IsPositiveInfinity(duck))
    {
        Check($"{at}: SalesKpi all cores faster than DuckDB's best (of its three)", duck / all.Median, "> 1 (DuckDB's best / SalesKpi)", v => v > 1);
    }

    Check($"{at}: SalesKpi 1 thread within 3x of the floor over records", one.Median / floorRecords.Median, "<= 3", v => v <= 3);
    if (Find(FinishingOneThread) is { } finishing)
    {
        var allCoresFinishing = Find(FinishingAllCores);
        output.AppendLine(CultureInfo.InvariantCulture,
            $"- finishing: {finishing.Median * 1000 / ReportValues:N3} µs per value on 1 thread{(allCoresFinishing is null ? "" : $", {allCoresFinishing.Median * 1000 / ReportValues:N3} on all cores")} ({ReportValues:N0} values); {finishing.Median / one.Median:P0} of the 1-thread report");
        Check($"{at}: finishing at most 0.1 µs per value (1 thread)", finishing.Median * 1000 / ReportValues, "<= 0.1", v => v <= 0.1);
    }

    if (handWritten is not null)
    {
        Check($"{at}: SalesKpi 1 thread within {handTarget}x of the hand-written report", one.Median / handWritten.Median, $"<= {handTarget}", v => v <= handTarget);
    }

    foreach (var (custom, _, row, twin) in pairs.Where(p => p.Measure && p.Row is not null && p.Twin is not null))
    {
        Check($"{at}: {custom} within 1.2x of its built-in twin", row!.Median / twin!.Median, "<= 1.2", v => v <= 1.2);
    }
}

foreach (var zoneRuns in rows.Where(r => r.Method == OneThread).GroupBy(r => r.Zone))
{
    var bySize = zoneRuns.OrderBy(r => r.Scale).ToList();
    if (bySize.Count < 2)
    {
        continue;
    }

    Check($"{zoneRuns.Key}: allocated per report, {bySize[^1].Scale:N0} vs {bySize[0].Scale:N0} opportunities",
        (double)bySize[^1].Allocated / bySize[0].Allocated, "<= 1.05", v => v <= 1.05);
}

Console.Write(output);
Console.WriteLine();
return failures.Count == 0 ? 0 : 1;

void Check(string what, double value, string target, Func<double, bool> holds)
{
    var ok = holds(value);
    output.AppendLine(CultureInfo.InvariantCulture, $"- {(ok ? "holds" : "MISSED")}: {what}: {value:N2} (target {target})");
    if (!ok)
    {
        failures.Add(what);
    }
}

static string Time(double ms) => ms >= 1000 ? $"{ms / 1000:N2} s" : ms >= 1 ? $"{ms:N1} ms" : $"{ms * 1000:N0} µs";

static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / 1048576.0:N1} MB" : bytes >= 1024 ? $"{bytes / 1024.0:N1} KB" : $"{bytes} B";

static double Milliseconds(string text)
{
    var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    var value = double.Parse(parts[0], NumberStyles.Number, CultureInfo.InvariantCulture);
    return parts[1] switch
    {
        "ns" => value / 1e6,
        "μs" or "us" or "µs" => value / 1e3,
        "ms" => value,
        "s" => value * 1e3,
        _ => throw new InvalidDataException($"unknown time unit in '{text}'"),
    };
}

static long Bytes(string text) => text is "-" ? 0 : long.Parse(text.Split(' ')[0], NumberStyles.Number, CultureInfo.InvariantCulture);

static string[] Split(string line)
{
    var fields = new List<string>();
    var field = new StringBuilder();
    var quoted = false;
    foreach (var c in line)
    {
        if (c == '"')
        {
            quoted = !quoted;
        }
        else if (c == ',' && !quoted)
        {
            fields.Add(field.ToString());
            field.Clear();
        }
        else
        {
            field.Append(c);
        }
    }

    fields.Add(field.ToString());
    return [.. fields];
}

internal sealed record Row(string Method, string Zone, int Scale, double Median, long Allocated);
