using System.Text;

namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>
/// No message quotes more than a short excerpt of a file, and the "did you mean" work is bounded: a header of
/// 100,000 columns or a column name of a megabyte fails promptly with a message well under 2,000 characters. The work
/// is bounded by counting what is compared, never by timing.
/// </summary>
public class BoundedMessageTests
{
    private const string RepsMapping = """
        { "files": [{ "source": "people.csv", "target": "reps", "columns": { "id": "Id", "name": "Name", "team": "Team" } }] }
        """;

    [Fact]
    public void Import_MappedHeaderOf100000Columns_MissingAColumn_ListsTenThenCountsTheRest()
    {
        var header = string.Join(',', Enumerable.Range(0, 100_000).Select(i => "c" + i));
        var error = ImportMappedFails(header + ",Id,Name\n");

        Assert.True(error.Message.Length < 2000, $"{error.Message.Length:N0} characters");
        Assert.Contains("reads the column 'Team' (for reps.csv team), which the header does not have; its columns are c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 … and 99,992 more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MappedHeaderWithAMegabyteColumnName_QuotesItsStartAndLength()
    {
        var error = ImportMappedFails("Id,Name," + new string('T', 1_000_000) + "\n");

        Assert.True(error.Message.Length < 2000, $"{error.Message.Length:N0} characters");
        Assert.Contains($"its columns are Id, Name, {new string('T', 60)}… (1,000,000 characters)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NativeHeaderWithAMegabyteUnknownColumn_FailsWithABoundedMessage()
    {
        var rejection = ByteSource.Fails("reps.csv", ByteSource.Utf8("id,name," + new string('t', 1_000_000) + "\n"));

        Assert.Equal((1L, 9), (rejection.Line, rejection.Column));
        Assert.True(rejection.ToString().Length < 2000, $"{rejection.ToString().Length:N0} characters");
        Assert.StartsWith($"unknown column '{new string('t', 60)}… (1,000,000 characters)' in reps.csv: as a dimension, its name is 1,000,000 characters long, and a dimension's name has at most 64", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Closest_OneHundredThousandCandidates_ComparesOnlyTheFirstThousand()
    {
        var enumerated = 0;
        IEnumerable<string> Candidates()
        {
            for (var i = 0; i < 100_000; i++)
            {
                enumerated++;
                yield return "column" + i;
            }
        }

        var closest = Suggestions.Closest("colum1", Candidates());

        Assert.Equal(Suggestions.MostCandidates, enumerated);
        Assert.Equal(["column1", "column0", "column10"], closest);
    }

    [Fact]
    public void Closest_ValueLongerThan64Characters_ComparesNothing()
    {
        var enumerated = 0;
        IEnumerable<string> Candidates()
        {
            enumerated++;
            yield return "team";
        }

        Assert.Empty(Suggestions.Closest(new string('t', 1_000_000), Candidates()));
        Assert.Equal(0, enumerated);
        Assert.Single(Suggestions.Closest(new string('t', 64), [new string('t', 63)]));
    }

    [Fact]
    public void Closest_CandidateLongerThan64Characters_IsNotSuggested()
    {
        var near = new string('a', 65);

        Assert.Empty(Suggestions.Closest(new string('a', 64), [near, "zzz"]));
        Assert.Equal([new string('a', 63)], Suggestions.Closest(new string('a', 64), [near, new string('a', 63)]));
    }

    [Fact]
    public void Import_MappedValueNotInAMapOf50Values_ListsTenOfThem()
    {
        var values = string.Join(", ", Enumerable.Range(0, 50).Select(i => $"\"v{i}\": \"open\""));
        var mapping = CsvMapping.Parse($$"""
            { "files": [{ "source": "o.csv", "target": "opportunities",
              "columns": { "id": "Id", "account": "A", "owner": "O", "created_at": "C", "amount": "M", "currency": { "value": "USD" },
                           "status": { "column": "S", "values": { {{values}} } } } }] }
            """);
        var files = new Dictionary<string, byte[]> { ["o.csv"] = ByteSource.Utf8("Id,A,O,C,M,S\nO1,a,r,2025-01-06T09:00:00Z,1,zz\n") };

        var error = Assert.IsType<CsvImportException>(ByteSource.Run(files, mapping: mapping).Error);

        // The map is a frozen dictionary, whose order is its own: ten of the values, each quoted, then the count.
        Assert.Contains("the value 'zz' is not in the mapping's values for status ('v", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("' … and 40 more)", error.Message, StringComparison.Ordinal);
        var listed = error.Message[error.Message.IndexOf("status (", StringComparison.Ordinal)..];
        Assert.Equal(20, listed.Count(c => c == '\''));
    }

    [Fact]
    public void Parse_MappingWithAMegabyteUnknownKey_FailsWithABoundedMessage()
    {
        var key = new string('k', 1_000_000);

        var error = Assert.Throws<FormatException>(() => CsvMapping.Parse($$"""{ "{{key}}": 1, "files": [] }"""));

        Assert.True(error.Message.Length < 2000, $"{error.Message.Length:N0} characters");
        Assert.StartsWith($"mapping: $.{new string('k', 60)}… (1,000,000 characters): unknown key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void List_FewValues_AreAllShownWithoutACount()
    {
        Assert.Equal("a, b, c", MessageText.List(["a", "b", "c"]));
        Assert.Equal("'a', 'b'", MessageText.List(["a", "b"], v => $"'{v}'"));
        Assert.Equal(string.Join(", ", Enumerable.Range(0, 10)), MessageText.List(Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    private static CsvImportException ImportMappedFails(string text)
    {
        var files = new Dictionary<string, byte[]> { ["people.csv"] = Encoding.UTF8.GetBytes(text) };
        var outcome = ByteSource.Run(files, CsvErrorMode.Report, CsvMapping.Parse(RepsMapping));
        return Assert.IsType<CsvImportException>(outcome.Error);
    }
}
