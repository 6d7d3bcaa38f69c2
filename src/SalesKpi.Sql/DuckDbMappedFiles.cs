using System.Text;
using NodaTime;
using SalesKpi.Csv;

namespace SalesKpi.Sql;

/// <summary>
/// A <see cref="CsvMapping"/> written as DuckDB queries over the source files in place: each SalesKpi table becomes the
/// <c>UNION ALL</c> of its mapped files, each read by <c>read_csv</c> as text and cast to the layout's types, with the
/// mapping's value maps, defaults, constants, date formats, <c>where</c> and <c>skip</c> rules as SQL.
/// </summary>
/// <remarks>
/// <para>A mapping's dates without a time of day are instants at the start of the day in the import's zone. DuckDB
/// would need its own time-zone functions for any zone but UTC, which SalesKpi never uses, so a mapping with date
/// formats is read in UTC only (<see cref="Mapping"/> says so otherwise). Date patterns are NodaTime's; the parts
/// <c>yyyy</c>, <c>MM</c>, <c>dd</c>, <c>HH</c>, <c>mm</c> and <c>ss</c> and literal separators are translated to
/// <c>strptime</c>'s.</para>
/// </remarks>
internal static class DuckDbMappedFiles
{
    /// <summary>Returns the tables of a mapping over the files of a directory.</summary>
    /// <exception cref="SqlKpiException">The mapping uses what DuckDB cannot read exactly (a date format in another zone than UTC, a pattern part with no strptime equivalent).</exception>
    public static SqlTableMapping Mapping(string directory, CsvMapping mapping, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(zone);
        var tables = SqlTableMapping.Default;
        foreach (var target in mapping.Files.GroupBy(f => f.Target))
        {
            var table = DataReaderSource.TableName(target.Key);
            var queries = target.Select(f => Query(directory, f, mapping.Name, zone)).ToList();
            tables = tables.MapTable(table, queries.Count == 1 ? queries[0] : string.Join("\nUNION ALL\n", queries));
        }

        return tables;
    }

    private static string Query(string directory, FileMapping file, string mappingName, DateTimeZone zone)
    {
        var columns = new List<string>();
        foreach (var map in file.Columns)
        {
            if (map is null)
            {
                continue;
            }

            columns.Add($"{Value(map, file, mappingName, zone)} AS {Identifier(map.Target.Name)}");
        }

        var conditions = new List<string>();
        if (file.Where is { } where)
        {
            conditions.Add(In(where));
        }

        foreach (var skip in file.Skip)
        {
            conditions.Add($"NOT {In(skip.When)}");
        }

        var path = Path.GetFullPath(Path.Combine(directory, file.Source));
        var text = new StringBuilder("SELECT ").AppendJoin(", ", columns)
            .Append(" FROM read_csv(").Append(Literal(path)).Append(", header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')");
        if (conditions.Count > 0)
        {
            text.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        return text.ToString();
    }

    /// <summary>The text of a mapped cell: the constant, or the source cell (absent when blank, then the default), translated by the value map.</summary>
    private static string Text(ColumnMapping map)
    {
        if (map.Constant is { } constant)
        {
            return Literal(constant);
        }

        var source = Identifier(map.Source!);
        var text = $"CASE WHEN trim({source}) = '' THEN NULL ELSE {source} END";
        if (map.Default is { } fallback)
        {
            text = $"coalesce({text}, {Literal(fallback)})";
        }

        if (map.Values is { } values && values.Count > 0)
        {
            // A value the map does not list stays as it is, so that the reader's check names it.
            text = $"CASE {text} " + string.Join(' ', values.Select(v => $"WHEN {Literal(v.Key)} THEN {Literal(v.Value)}")) + $" ELSE {text} END";
        }

        return text;
    }

    private static string Value(ColumnMapping map, FileMapping file, string mappingName, DateTimeZone zone)
    {
        var text = Text(map);
        switch (map.Target.Type)
        {
            case CsvFieldType.Instant when map.Format is { } format:
                CheckUtc(zone, mappingName, file, map);
                return $"CAST(strptime({text}, {Literal(Strptime(format.Text, mappingName, file, map))}) AS TIMESTAMP)";
            case CsvFieldType.Instant:
                return $"CAST({text} AS TIMESTAMPTZ)";
            case CsvFieldType.Date when map.Format is { } format:
                return $"CAST(strptime({text}, {Literal(Strptime(format.Text, mappingName, file, map))}) AS DATE)";
            case CsvFieldType.Date:
                return $"CAST({text} AS DATE)";
            case CsvFieldType.Amount:
                return $"CAST({text} AS DECIMAL(38, 10))";
            default:
                return text;
        }
    }

    private static void CheckUtc(DateTimeZone zone, string mappingName, FileMapping file, ColumnMapping map)
    {
        // By its offsets, not by reference: the tz database's "UTC" (and Etc/UTC) is another object than DateTimeZone.Utc.
        if (zone.MinOffset != Offset.Zero || zone.MaxOffset != Offset.Zero)
        {
            throw new SqlKpiException(
                $"{mappingName}: {file.Source} → {file.Target.FileName}: {map.Target.Name} is a date with a format, which the import places at the start of the day in {zone.Id}; inside DuckDB SalesKpi reads such dates in UTC only (it never uses the database's time zones). Use --engine memory, or leave --zone at UTC.")
            {
                Table = DataReaderSource.TableName(file.Target),
                Column = map.Target.Name,
            };
        }
    }

    /// <summary>Translates a NodaTime pattern of digits and separators to strptime's.</summary>
    private static string Strptime(string pattern, string mappingName, FileMapping file, ColumnMapping map)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < pattern.Length;)
        {
            var c = pattern[i];
            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c)
            {
                run++;
            }

            var part = pattern.Substring(i, run);
            string? translated = part switch
            {
                "yyyy" or "uuuu" => "%Y",
                "MM" => "%m",
                "dd" => "%d",
                "HH" => "%H",
                "mm" => "%M",
                "ss" => "%S",
                _ when !char.IsLetter(c) && c is not '\'' and not '%' => part,
                _ => null,
            };
            if (translated is null)
            {
                throw new SqlKpiException(
                    $"{mappingName}: {file.Source} → {file.Target.FileName}: {map.Target.Name}: the date format '{pattern}' has '{part}', which SalesKpi cannot read inside DuckDB (it reads yyyy, MM, dd, HH, mm, ss and separators); use --engine memory.")
                {
                    Table = DataReaderSource.TableName(file.Target),
                    Column = map.Target.Name,
                };
            }

            builder.Append(translated);
            i += run;
        }

        return builder.ToString();
    }

    /// <summary>A test that a source column holds one of the values (<c>""</c> for a blank cell), false for a NULL that is not listed.</summary>
    private static string In(Condition condition)
    {
        var column = Identifier(condition.Column);
        var tests = new List<string>();
        var values = condition.Values.Where(v => v.Length > 0).Order(StringComparer.Ordinal).ToList();
        if (values.Count > 0)
        {
            tests.Add($"coalesce({column} IN ({string.Join(", ", values.Select(Literal))}), false)");
        }

        if (condition.Values.Contains(string.Empty))
        {
            tests.Add($"coalesce(trim({column}), '') = ''");
        }

        return tests.Count == 0 ? "false" : "(" + string.Join(" OR ", tests) + ")";
    }

    private static string Identifier(string name) => SqlDialect.DuckDb.QuoteIdentifier(name);

    private static string Literal(string value) => DuckDbFiles.Literal(value);

}
