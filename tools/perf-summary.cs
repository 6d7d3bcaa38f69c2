// Summarises a ReportBenchmarks run into the table of docs/performance.md and checks the targets of issue #7.
//   dotnet run --file tools/perf-summary.cs -- BenchmarkDotNet.Artifacts/results/SalesKpi.Benchmarks.ReportBenchmarks-report.csv
// Every ratio compares medians measured in the same run: speed-up = LINQ median / median; × floor = median / floor median.
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
const string FloorRecords = "Floor: records", FloorColumns = "Floor: columns";

var output = new StringBuilder();
var failures = new List<string>();
foreach (var run in rows.GroupBy(r => (r.Zone, r.Scale)).OrderBy(g => g.Key.Zone, StringComparer.Ordinal).ThenBy(g => g.Key.Scale))
{
    Row Get(string name) => run.Single(r => r.Method == name);
    var (linq, floorRecords, floorColumns) = (Get(Linq), Get(FloorRecords), Get(FloorColumns));
    output.AppendLine(CultureInfo.InvariantCulture, $"\n**{run.Key.Zone}, {run.Key.Scale:N0} opportunities**\n");
    output.AppendLine(CultureInfo.InvariantCulture, $"| method | {statistic.ToLowerInvariant()} | speed-up vs LINQ | × floor (records) | × floor (columns) | allocated |");
    output.AppendLine("|---|---:|---:|---:|---:|---:|");
    foreach (var row in run)
    {
        output.AppendLine(CultureInfo.InvariantCulture,
            $"| {row.Method} | {Time(row.Median)} | {linq.Median / row.Median:N1} | {row.Median / floorRecords.Median:N2} | {row.Median / floorColumns.Median:N1} | {Size(row.Allocated)} |");
    }

    output.AppendLine();
    var (one, all) = (Get(OneThread), Get(AllCores));
    var duck = Math.Min(Get(DuckDb).Median, Get(DuckDbTuned).Median);
    Check($"{run.Key.Zone} {run.Key.Scale:N0}: SalesKpi (best) at least 20x faster than LINQ", linq.Median / Math.Min(one.Median, all.Median), ">= 20", v => v >= 20);
    Check($"{run.Key.Zone} {run.Key.Scale:N0}: SalesKpi all cores faster than DuckDB's best", duck / all.Median, "> 1 (DuckDB / SalesKpi)", v => v > 1);
    Check($"{run.Key.Zone} {run.Key.Scale:N0}: SalesKpi 1 thread within 3x of the floor over records", one.Median / floorRecords.Median, "<= 3", v => v <= 3);
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
