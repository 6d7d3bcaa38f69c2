using Xunit.Abstractions;

namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>
/// Random byte mutations of a valid data set (seeded, so every run is the same): each import ends in records or in the
/// importer's own error naming a file, line and column — never another exception, never a hang.
/// </summary>
public class MutationTests(ITestOutputHelper output)
{
    private const int Iterations = 300;

    private static readonly Dictionary<string, string> Valid = new()
    {
        ["reps.csv"] = "id,name,team\nr1,\"Silva, Ana\",north\nr2,\"Okoro\nBen\",south\n",
        ["leads.csv"] = "id,created_at,owner,source,qualified_at,converted_at\r\nL1,2025-01-06T09:00:00Z,r1,web,2025-01-08T09:00:00Z,2025-01-10T09:00:00Z\r\nL2,2025-01-07T09:00+03:00,r2,\"ref\"\"erral\",,\r\n",
        ["opportunities.csv"] = "id,account,owner,created_at,amount,currency,status,closed_at,lead_id,expected_close\nO1,acme,r1,2025-01-10T09:00:00Z,1000.50,USD,won,2025-02-09T09:00:00Z,L1,\nO2,globex,r2,2025-01-15T09:00:00Z,2000,USD,open,,,2025-06-30\n",
        ["stage-changes.csv"] = "opportunity_id,stage,entered_at\nO1,FirstAppointment,2025-01-12T10:00:00Z\nO1,Proposal,2025-01-20T10:00:00Z\n",
        ["deals.csv"] = "id,opportunity_id,account,owner,closed_at,amount,currency,kind,term_start,term_end,recurring_monthly\nD1,O1,acme,r1,2025-02-09T09:00:00Z,1000.50,USD,new-business,2025-02-09,2026-02-08,80\n",
        ["activities.csv"] = "id,kind,owner,occurred_at,outcomes,lead_id,opportunity_id,tool\nA1,email,r1,2025-01-06T10:00:00Z,delivered;opened,L1,O1,\nA2,call,r2,2025-01-07T10:00:00Z,,,,dialer\n",
        ["spend.csv"] = "channel,start,end,amount,currency\nweb,2025-01-01,2025-01-31,10,USD\n",
    };

    private static readonly Dictionary<string, string> MappedValid = new()
    {
        ["agents.csv"] = "agent,manager\nAna Silva,\"North, M.\"\nBen Okoro,South\n",
        ["pipeline.csv"] = "opportunity_id,agent,account,stage,engage_date,close_date,value\nP1,Ana Silva,acme,Won,03/01/2025,15/02/2025,1000\nP2,Ben Okoro,,Engaging,10/01/2025,,\nP3,Ana Silva,globex,Prospecting,,,\nP4,Ben Okoro,initech,Lost,12/01/2025,20/03/2025,0\n",
    };

    private static readonly CsvMapping Mapping = CsvMapping.Parse("""
        {
          "defaultCurrency": "USD",
          "dateFormat": "dd/MM/yyyy",
          "files": [
            { "source": "agents.csv", "target": "reps", "columns": { "id": "agent", "name": "agent", "team": "manager" } },
            {
              "source": "pipeline.csv", "target": "opportunities",
              "skip": [{ "column": "stage", "values": ["Prospecting"], "reason": "no engage date" }],
              "columns": {
                "id": "opportunity_id", "owner": "agent", "created_at": "engage_date", "closed_at": "close_date",
                "account": { "column": "account", "default": "(none)" },
                "amount": { "column": "value", "default": "0" },
                "status": { "column": "stage", "values": { "Engaging": "open", "Won": "won", "Lost": "lost" } }
              }
            },
            {
              "source": "pipeline.csv", "target": "deals", "where": { "column": "stage", "values": ["Won"] },
              "columns": { "id": "opportunity_id", "opportunity_id": "opportunity_id", "owner": "agent", "account": "account", "closed_at": "close_date", "amount": "value", "kind": { "value": "new-business" } }
            }
          ]
        }
        """);

    // Bytes that make a mutation interesting to a CSV reader and a UTF-8 decoder.
    private static readonly byte[] Interesting = [(byte)',', (byte)'"', (byte)'\n', (byte)'\r', 0x00, (byte)'-', (byte)'9', (byte)'.', (byte)'e', 0xC3, 0xA9, 0xE2, 0x80, 0xFF, 0xEF, 0xBB, 0xBF, (byte)' '];

    [Fact]
    public void Import_ValidDataSet_ImportsEveryRecord()
    {
        // The base of the mutations is valid: 2 reps, 2 leads, 2 opportunities (with 2 stage changes), 1 deal, 2 activities, 1 spend.
        var result = ByteSource.Run(Bytes(Valid)).Result!;

        var data = result.Data;
        Assert.Equal((2, 2, 2, 1, 2, 1), (data.Roster.Reps.Length, data.Leads.Length, data.Opportunities.Length, data.Deals.Length, data.Activities.Length, data.Spend.Length));
        Assert.Equal("ref\"erral", data.Leads[1].Source);
    }

    [Theory]
    [InlineData(1, CsvErrorMode.Fail)]
    [InlineData(2, CsvErrorMode.Fail)]
    [InlineData(3, CsvErrorMode.Report)]
    [InlineData(4, CsvErrorMode.Report)]
    public void Import_RandomByteMutations_EndInRecordsOrAPositionedCsvError(int seed, CsvErrorMode mode)
    {
        var random = new Random(seed);
        var failures = new List<string>();
        int successes = 0, errors = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var files = Bytes(Valid);
            var file = files.Keys.OrderBy(k => k, StringComparer.Ordinal).ElementAt(random.Next(files.Count));
            files[file] = Mutate(files[file], random);

            var outcome = ByteSource.Run(files, mode);

            if (Problem(outcome, files) is { } problem)
            {
                failures.Add($"seed {seed}, iteration {i}, {file}: {problem}");
            }
            else if (outcome.Error is null)
            {
                successes++;
            }
            else
            {
                errors++;
            }
        }

        output.WriteLine($"seed {seed}, {mode}: {successes} imports, {errors} CSV errors, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));

        // Both outcomes occur: the mutations neither all miss the parser nor all break the files.
        Assert.InRange(successes, 1, Iterations - 1);
    }

    [Fact]
    public void Import_ValidMappedExport_ImportsEveryRecord()
    {
        // 2 reps; P1 (won), P2 (open) and P4 (lost) as opportunities, P3 skipped; P1 also as the one deal.
        var result = ByteSource.Run(Bytes(MappedValid), CsvErrorMode.Fail, Mapping).Result!;

        Assert.Equal((2, 3, 1), (result.Data.Roster.Reps.Length, result.Data.Opportunities.Length, result.Data.Deals.Length));
        Assert.Equal("North, M.", result.Data.Roster.Reps[0].Team.Value);
    }

    [Theory]
    [InlineData(5, CsvErrorMode.Fail)]
    [InlineData(6, CsvErrorMode.Report)]
    public void Import_RandomByteMutationsThroughAMapping_EndInRecordsOrAPositionedCsvError(int seed, CsvErrorMode mode)
    {
        var random = new Random(seed);
        var failures = new List<string>();
        var successes = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var files = Bytes(MappedValid);
            var file = random.Next(3) == 0 ? "agents.csv" : "pipeline.csv";
            files[file] = Mutate(files[file], random);

            var outcome = ByteSource.Run(files, mode, Mapping);

            if (Problem(outcome, files) is { } problem)
            {
                failures.Add($"seed {seed}, iteration {i}, {file}: {problem}");
            }
            else if (outcome.Error is null)
            {
                successes++;
            }
        }

        output.WriteLine($"seed {seed}, {mode}, mapped: {successes} imports, {Iterations - successes - failures.Count} CSV errors, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        Assert.InRange(successes, 1, Iterations - 1);
    }

    /// <summary>Returns what is wrong with an outcome, or null when it is a success or a positioned CSV error.</summary>
    private static string? Problem(Outcome outcome, Dictionary<string, byte[]> files)
    {
        var names = files.Keys.Select(f => "mem/" + f).ToHashSet(StringComparer.Ordinal);
        if (outcome.Error is null)
        {
            return outcome.Result!.Rejections.FirstOrDefault(r => !names.Contains(r.File) || !Inside(r, files[r.File["mem/".Length..]])) is { } stray
                ? $"a badly placed rejection: {stray}"
                : null;
        }

        if (outcome.Error is not CsvImportException { Rejection: { } rejection })
        {
            return "unexpected " + outcome.Error;
        }

        return names.Contains(rejection.File) && Inside(rejection, files[rejection.File["mem/".Length..]]) ? null : $"a badly placed error: {rejection}";
    }

    /// <summary>Returns true when a position can be in the file: a line no further than its line breaks allow, a column
    /// no further than its length (every character takes at least one byte).</summary>
    private static bool Inside(CsvRejection rejection, byte[] file)
    {
        var breaks = file.Count(b => b is (byte)'\n' or (byte)'\r');
        return rejection.Line >= 1 && rejection.Line <= breaks + 1 && rejection.Column >= 1 && rejection.Column <= file.Length + 1;
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        var list = bytes.ToList();
        var count = random.Next(1, 5);
        for (var m = 0; m < count && list.Count > 0; m++)
        {
            var at = random.Next(list.Count);
            var value = random.Next(3) == 0 ? (byte)random.Next(256) : Interesting[random.Next(Interesting.Length)];
            switch (random.Next(5))
            {
                case 0:
                    list[at] = value;
                    break;
                case 1:
                    list.Insert(at, value);
                    break;
                case 2:
                    list.RemoveAt(at);
                    break;
                case 3:
                    list.RemoveRange(at, list.Count - at);
                    break;
                default:
                    list[at] = (byte)(list[at] ^ (1 << random.Next(8)));
                    break;
            }
        }

        return [.. list];
    }

    private static Dictionary<string, byte[]> Bytes(Dictionary<string, string> files) =>
        files.ToDictionary(f => f.Key, f => ByteSource.Utf8(f.Value), StringComparer.Ordinal);
}
