using System.Globalization;
using System.Text;
using SalesKpi.Activities;
using SalesKpi.Csv.Tests.Hostile;

namespace SalesKpi.Csv.Tests;

/// <summary>
/// A file read on a second thread (<see cref="CsvImportOptions.ReadAhead"/>) gives what the calling thread reading it
/// gives: the same records, the same rejections at the same lines and columns, the same file reports, across many
/// batches and with every kind of bad row between them.
/// </summary>
public class ReadAheadTests
{

    [Fact]
    public void Many_batches_with_bad_rows_between_them_give_the_same_result_as_one_thread()
    {
        var files = Files(rows: 9000);

        var direct = Import(files, Options(CsvErrorMode.Report, readAhead: false));
        var ahead = Import(files, Options(CsvErrorMode.Report, readAhead: true));

        // The generator makes every 500th row bad in one of five ways: 9000 / 500 = 18 bad rows.
        Assert.Equal(18, direct.Rejections.Length);
        Assert.Equal(direct.Rejections.Select(r => r.ToString()), ahead.Rejections.Select(r => r.ToString()));
        Assert.Equal(direct.Files.Select(Describe), ahead.Files.Select(Describe));
        Assert.Equal(direct.Data.Activities.Select(Values), ahead.Data.Activities.Select(Values));
        Assert.Equal(9000 - 18, ahead.Data.Counts.Activities);

        // Row 7 refers to lead l7, is a meeting, and has both outcomes.
        var seventh = ahead.Data.Activities.Single(a => a.Id.Value == "a7");
        Assert.Equal(("l7", "meeting", ActivityOutcomes.Connected | ActivityOutcomes.Positive, "phone, desk"), (seventh.Lead?.Value, seventh.Kind.Name, seventh.Outcomes, seventh.Tool));
    }

    [Fact]
    public async Task The_reading_thread_prepares_every_common_row_of_activities()
    {
        var session = new ImportSession(new CsvImportSource(new MemorySource(Files(rows: 9000))), Options(CsvErrorMode.Report, readAhead: true), CancellationToken.None);

        var result = await session.RunAsync();

        // Of the 18 bad rows (every 500th, in five ways), the 4 duplicates (the 3rd, 8th, 13th and 18th) are common rows
        // that only the duplicate check rejects: 9000 - 18 + 4 = 8986 rows taken as prepared, from the first one on.
        Assert.Equal(8986, session.PreparedRows);
        Assert.Equal(9000 - 18, result.Data.Counts.Activities);
    }

    [Fact]
    public void A_row_longer_than_a_batch_and_a_multi_line_field_keep_their_positions()
    {
        // A quoted tool of 200,000 characters (three batches' worth of text) on line 3, then a bad time on line 6, after
        // a field with two line breaks on lines 4-6.
        var text = Header
            + "a1,call,ana,2024-01-01T09:00:00Z,,,,phone\n"
            + "a2,call,ana,2024-01-01T09:00:00Z,,,,\"" + new string('x', 200_000) + "\"\n"
            + "a3,call,ana,2024-01-01T09:00:00Z,,,,\"two\nline\nbreaks\",\n"
            + "a4,call,ana,not-a-time,,,,\n";
        var files = new Dictionary<string, string> { ["reps.csv"] = "id,name,team\nana,Ana,east\n", ["activities.csv"] = text };

        var direct = Import(files, Options(CsvErrorMode.Report, readAhead: false));
        var ahead = Import(files, Options(CsvErrorMode.Report, readAhead: true));

        Assert.Equal(direct.Rejections.Select(r => r.ToString()), ahead.Rejections.Select(r => r.ToString()));
        Assert.Equal(2, ahead.Rejections.Length);
        Assert.Equal((4L, 1), (ahead.Rejections[0].Line, ahead.Rejections[0].Column)); // a3 has 9 fields: the row's start
        Assert.Equal((7L, 13), (ahead.Rejections[1].Line, ahead.Rejections[1].Column)); // "a4,call,ana," is 12 characters
        Assert.Equal(200_000, ahead.Data.Activities.Single(a => a.Id.Value == "a2").Tool!.Length);
    }

    [Fact]
    public void Under_fail_the_first_bad_row_is_the_error_and_the_reading_thread_stops()
    {
        var files = Files(rows: 9000);

        var direct = Assert.Throws<CsvImportException>(() => Import(files, Options(CsvErrorMode.Fail, readAhead: false)));
        var ahead = Assert.Throws<CsvImportException>(() => Import(files, Options(CsvErrorMode.Fail, readAhead: true)));

        // Row 500 of activities.csv is on line 501 (the header is line 1).
        Assert.Equal(direct.Message, ahead.Message);
        Assert.StartsWith("mem/activities.csv:501:", ahead.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_text_end_the_file_at_the_same_place()
    {
        var good = new StringBuilder(Header);
        for (var i = 0; i < 5000; i++)
        {
            good.Append(CultureInfo.InvariantCulture, $"a{i},call,ana,2024-01-01T09:00:00Z,,,,\n");
        }

        var bytes = Encoding.UTF8.GetBytes(good.ToString()).Concat(new byte[] { 0xFF, 0xFE, (byte)'\n' }).ToArray();
        var source = new ByteSource(new Dictionary<string, byte[]> { ["reps.csv"] = "id,name,team\nana,Ana,east\n"u8.ToArray(), ["activities.csv"] = bytes });

        var direct = Assert.Throws<CsvImportException>(() => new CsvImporter(Options(CsvErrorMode.Report, readAhead: false)).Import(source));
        var ahead = Assert.Throws<CsvImportException>(() => new CsvImporter(Options(CsvErrorMode.Report, readAhead: true)).Import(source));

        // 5000 rows after the header: the bad bytes start line 5002.
        Assert.Equal(direct.Message, ahead.Message);
        Assert.Contains("activities.csv:5002:1:", ahead.Message, StringComparison.Ordinal);
    }

    private const string Header = "id,kind,owner,occurred_at,outcomes,lead_id,opportunity_id,tool\n";

    private static CsvImportOptions Options(CsvErrorMode mode, bool readAhead) => new() { OnError = mode, ReadAhead = readAhead };

    private static CsvImportResult Import(Dictionary<string, string> files, CsvImportOptions options) =>
        new CsvImporter(options).Import(new MemorySource(files));

    private static string Values(SalesActivity a) =>
        string.Join('|', a.Id, a.Kind, a.Owner, a.OccurredAt, a.Outcomes, a.Lead, a.Opportunity, a.Tool);

    private static string Describe(CsvFileReport report) => $"{report.File} {report.Rows} {report.Records} {report.Rejected}";

    private static Dictionary<string, string> Files(int rows)
    {
        var text = new StringBuilder(Header);
        for (var i = 1; i <= rows; i++)
        {
            var time = $"2024-01-01T{i % 24:00}:{i % 60:00}:00Z";
            text.Append((i % 500 == 0 ? (i / 500) % 5 : -1) switch
            {
                1 => $"a{i},call,ana,{time},,,,\"phone\"x\n",             // text after a closing quote
                2 => $"a{i},call,nobody,{time},maybe,,,\n",               // an unknown outcome
                3 => $"a{i - 1},call,ana,{time},,,,\n",                   // a duplicate id
                4 => $"a{i},call,ana,{time},,l-none,,\n",                 // a lead that is not in leads.csv
                0 => $"a{i},call,ana,{time},,,\n",                        // seven fields: one short
                _ => $"a{i},{(i % 7 == 0 ? "meeting" : "call")},ana,{time},connected;Positive,l{i % 100},,\"phone, desk\"\n",
            });
        }

        var leads = new StringBuilder("id,created_at,source,owner\n");
        for (var i = 0; i < 100; i++)
        {
            leads.Append(CultureInfo.InvariantCulture, $"l{i},2023-12-01T00:00:00Z,web,ana\n");
        }

        return new Dictionary<string, string> { ["reps.csv"] = "id,name,team\nana,Ana,east\n", ["leads.csv"] = leads.ToString(), ["activities.csv"] = text.ToString() };
    }
}
