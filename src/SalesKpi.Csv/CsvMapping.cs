using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using NodaTime.Text;

namespace SalesKpi.Csv;

/// <summary>
/// A column mapping that reads another CRM's CSV export as SalesKpi files: which source file becomes which SalesKpi
/// file, which source column (or constant) gives each SalesKpi column, how dates are written, which status values mean
/// what, the default currency, which rows a file contributes and which rows are skipped, with a reason.
/// </summary>
/// <remarks>
/// <para>A mapping is a JSON document; its format, with a worked example, is in docs/csv-format.md. Every mapped row goes
/// through the same checks as a row of a SalesKpi file, and errors point at the source file, line and column.</para>
/// <para>With a mapping, only the files it names are read.</para>
/// </remarks>
/// <example>
/// <code>
/// var mapping = CsvMapping.Load("docs/examples/maven-crm/mapping.json");
/// var result = new CsvImporter(new CsvImportOptions { Mapping = mapping }).Import(CsvSource.FromDirectory("maven-crm"));
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class CsvMapping
{
    private CsvMapping(string name, string? description, ImmutableArray<FileMapping> files)
    {
        Name = name;
        Description = description;
        Files = files;
        SourceFiles = [.. files.SelectMany(f => f.Dimensions.Where(d => d.Lookup is not null).Select(d => d.Lookup!.File).Prepend(f.Source)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Gets the name of the mapping: the path it was loaded from, or the name given to <see cref="Parse"/>.</summary>
    public string Name { get; }

    /// <summary>Gets the mapping's own description.</summary>
    /// <value>The <c>description</c> of the document, or null.</value>
    public string? Description { get; }

    /// <summary>Gets the source files the mapping reads, each once, in the order first named: the files it maps and the files its dimensions look values up in.</summary>
    public ImmutableArray<string> SourceFiles { get; }

    internal ImmutableArray<FileMapping> Files { get; }

    /// <summary>Reads a mapping from a JSON file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The mapping.</returns>
    /// <remarks>
    /// <para>The file is read as data files are (UTF-8 with or without a byte-order mark, or UTF-16 with one), strictly:
    /// a byte that is not text fails it at its line and column, rather than becoming a replacement character that
    /// matches nothing. It is at most <see cref="MaxFileBytes"/> bytes (1 MiB; a mapping is a few kilobytes). A file
    /// of 0 bytes is not opened: it is empty, or not a regular file (a FIFO, a device or a socket), which .NET cannot
    /// tell apart without opening it, and opening a FIFO blocks.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read (<c>cannot read the mapping file 'x': permission denied</c>,
    /// <c>it is a directory</c>, <c>it is empty or not a regular file …</c>).</exception>
    /// <exception cref="FormatException">The file is not a valid mapping: not text, larger than 1 MiB, not valid JSON or
    /// not a valid mapping; the message says where and why.</exception>
    public static CsvMapping Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw Unreadable(path, "it is a directory");
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            if (info.LinkTarget is { } link)
            {
                throw Unreadable(path, $"it is a symbolic link to '{MessageText.Of(link)}', which does not exist");
            }

            throw new FileNotFoundException($"The mapping file '{path}' does not exist.", path);
        }

        long length;
        try
        {
            length = info.LinkTarget is null ? info.Length : new FileInfo(info.ResolveLinkTarget(returnFinalTarget: true)!.FullName).Length;
        }
        catch (IOException e)
        {
            throw Unreadable(path, MessageText.OfMessage(e.Message), e);
        }

        if (length == 0)
        {
            throw Unreadable(path, "it is empty or not a regular file (a FIFO, a device or a socket)");
        }

        if (length > MaxFileBytes)
        {
            throw TooLarge(path, length);
        }

        byte[] bytes;
        int read;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            bytes = new byte[Math.Min(length, MaxFileBytes) + 1];
            read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        }
        catch (UnauthorizedAccessException e)
        {
            throw Unreadable(path, "permission denied", e);
        }
        catch (IOException e)
        {
            throw Unreadable(path, MessageText.OfMessage(e.Message), e);
        }

        if (read > MaxFileBytes)
        {
            // It grew between the size check and the read.
            throw TooLarge(path, read);
        }

        Array.Resize(ref bytes, read);
        return Parse(Decode(bytes, path), path);
    }

    /// <summary>The largest mapping file <see cref="Load"/> reads: 1 MiB (1,048,576 bytes).</summary>
    internal const int MaxFileBytes = 1 << 20;

    private static IOException Unreadable(string path, string reason, Exception? inner = null) =>
        new($"cannot read the mapping file '{path}': {reason}", inner);

    private static FormatException TooLarge(string path, long length) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{path}: the mapping file is {length:N0} bytes or more; a mapping is at most {MaxFileBytes:N0} bytes (1 MiB)"));

    /// <summary>Decodes the bytes of a mapping file as <see cref="CsvTextDecoder"/> does a data file, naming the line and column of a bad byte.</summary>
    /// <exception cref="FormatException">The bytes are not text.</exception>
    private static string Decode(byte[] bytes, string path)
    {
        using var decoder = new CsvTextDecoder(new MemoryStream(bytes, writable: false), "JSON");
        var text = new System.Text.StringBuilder(bytes.Length);
        var buffer = new char[4096];
        long line = 1;
        var column = 1;
        var afterCarriageReturn = false;
        while (true)
        {
            int read;
            try
            {
                read = decoder.Read(buffer, 0, buffer.Length);
            }
            catch (CsvTextException e)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{path}:{line}:{column}: {e.Message}"));
            }

            if (read == 0)
            {
                return text.ToString();
            }

            foreach (var c in buffer.AsSpan(0, read))
            {
                if (c == '\r' || (c == '\n' && !afterCarriageReturn))
                {
                    line++;
                    column = 1;
                }
                else if (c != '\n')
                {
                    column++;
                }

                afterCarriageReturn = c == '\r';
            }

            text.Append(buffer, 0, read);
        }
    }

    /// <summary>Reads a mapping from JSON text.</summary>
    /// <param name="json">The JSON document.</param>
    /// <param name="name">The name used in messages; <c>mapping</c> by default.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a valid mapping; the message says where and why.</exception>
    public static CsvMapping Parse(string json, string name = "mapping")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(name);
        JsonDocument document;
        try
        {
            // A key given twice would silently keep only its last value (a second 'where' changes what is imported): refused.
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            // A repeated key is found once the object is read, so it comes with no position.
            throw new FormatException(e.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $"{name}:{line + 1}:{(e.BytePositionInLine ?? 0) + 1}: not valid JSON: {MessageText.OfMessage(e.Message)}")
                : $"{name}: {(e.Path is { } at ? at + ": " : string.Empty)}not valid JSON: {MessageText.OfMessage(e.Message)} A key may be given once.");
        }

        using (document)
        {
            try
            {
                return new Reader(name).ReadMapping(document.RootElement);
            }
            catch (InvalidOperationException e)
            {
                // A string escape that is half a UTF-16 surrogate pair ("\ud800") is valid JSON but no text.
                throw new FormatException($"{name}: a string is not valid text: {MessageText.OfMessage(e.Message)}", e);
            }
        }
    }

    /// <summary>Returns <see cref="Name"/>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    /// <summary>Reads and validates the JSON document, naming the JSON path of every problem.</summary>
    private sealed class Reader(string name)
    {
        private static readonly string[] MappingKeys = ["description", "defaultCurrency", "dateFormat", "files"];
        private static readonly string[] FileKeys = ["source", "target", "description", "dateFormat", "where", "skip", "columns", "dimensions"];
        private static readonly string[] ColumnKeys = ["column", "value", "default", "values", "format"];
        private static readonly string[] DimensionKeys = ["column", "value", "default", "values", "lookup"];
        private static readonly string[] LookupKeys = ["file", "key", "value", "default"];
        private static readonly string[] ConditionKeys = ["column", "values"];
        private static readonly string[] SkipKeys = ["column", "values", "reason"];

        public CsvMapping ReadMapping(JsonElement root)
        {
            const string path = "$";
            CheckKeys(root, path, MappingKeys);
            var description = OptionalString(root, "description", path);
            var currency = OptionalString(root, "defaultCurrency", path);
            if (currency is not null && !Currency.IsValidCode(currency))
            {
                throw Error($"{path}.defaultCurrency", $"'{MessageText.Of(currency)}' is not an ISO 4217 currency code (three upper-case letters such as USD)");
            }

            var dateFormat = OptionalString(root, "dateFormat", path);
            if (!root.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array || files.GetArrayLength() == 0)
            {
                throw Error($"{path}.files", "a mapping needs a non-empty array 'files', one entry per source file and SalesKpi file");
            }

            var list = ImmutableArray.CreateBuilder<FileMapping>();
            var i = 0;
            foreach (var file in files.EnumerateArray())
            {
                list.Add(ReadFile(file, $"{path}.files[{i++}]", currency, dateFormat));
            }

            return new CsvMapping(name, description, list.ToImmutable());
        }

        private FileMapping ReadFile(JsonElement file, string path, string? defaultCurrency, string? mappingDateFormat)
        {
            CheckKeys(file, path, FileKeys);
            var source = RequiredString(file, "source", path);
            if (source.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                throw Error($"{path}.source", $"'{MessageText.Of(source.Replace("\0", "\\0", StringComparison.Ordinal))}' is not a file name: it holds a character no path may hold (such as NUL)");
            }

            var targetName = RequiredString(file, "target", path);
            var target = CsvTable.ForFile(targetName) ?? CsvTable.ForFile(targetName + ".csv")
                ?? throw Error($"{path}.target", $"'{MessageText.Of(targetName)}' is not a SalesKpi file; use one of {string.Join(", ", CsvFiles.All)}{Suggestions.DidYouMean(targetName, CsvFiles.All)}");
            var dateFormat = OptionalString(file, "dateFormat", path) ?? mappingDateFormat;
            var where = file.TryGetProperty("where", out var w) ? ReadCondition(w, $"{path}.where", ConditionKeys) : null;
            var skips = ImmutableArray.CreateBuilder<SkipRule>();
            if (file.TryGetProperty("skip", out var skip))
            {
                if (skip.ValueKind != JsonValueKind.Array)
                {
                    throw Error($"{path}.skip", "must be an array of rules {\"column\", \"values\", \"reason\"}");
                }

                var s = 0;
                foreach (var rule in skip.EnumerateArray())
                {
                    var rulePath = $"{path}.skip[{s++}]";
                    var reason = RequiredString(rule, "reason", rulePath);
                    skips.Add(new SkipRule(ReadCondition(rule, rulePath, SkipKeys), reason));
                }
            }

            if (!file.TryGetProperty("columns", out var columns) || columns.ValueKind != JsonValueKind.Object)
            {
                throw Error($"{path}.columns", $"must be an object from {target.FileName} columns to source columns");
            }

            var mapped = new ColumnMapping?[target.Columns.Length];
            foreach (var property in columns.EnumerateObject())
            {
                var columnPath = $"{path}.columns.{MessageText.Of(property.Name)}";
                var column = target.Find(property.Name)
                    ?? throw Error(columnPath, $"{target.FileName} has no column '{MessageText.Of(property.Name)}'; its columns are {string.Join(", ", target.Columns.Select(c => c.Name))}{Suggestions.DidYouMean(property.Name, target.Columns.Select(c => c.Name))}");
                mapped[column.Index] = ReadColumn(property.Value, columnPath, column, dateFormat);
            }

            foreach (var column in target.Columns)
            {
                if (mapped[column.Index] is null && column.Type == CsvFieldType.Currency && defaultCurrency is not null)
                {
                    mapped[column.Index] = new ColumnMapping(column, null, defaultCurrency, null, null, null);
                }

                if (mapped[column.Index] is null && column.Required)
                {
                    throw Error(
                        $"{path}.columns",
                        column.Type == CsvFieldType.Currency
                            ? $"{target.FileName} needs a '{column.Name}': map it to a source column, give a constant ({{\"value\": \"USD\"}}) or set 'defaultCurrency'"
                            : $"{target.FileName} needs a '{column.Name}': map it to a source column or give a constant ({{\"value\": \"...\"}})");
                }
            }

            var dimensions = file.TryGetProperty("dimensions", out var d) ? ReadDimensions(d, $"{path}.dimensions", target) : [];
            return new FileMapping(source, target, [.. mapped], where, skips.ToImmutable(), dimensions);
        }

        private ImmutableArray<DimensionMapping> ReadDimensions(JsonElement dimensions, string path, CsvTable target)
        {
            if (dimensions.ValueKind != JsonValueKind.Object)
            {
                throw Error(path, "must be an object from dimension names to source columns, such as {\"office\": \"regional_office\"}");
            }

            if (!target.HasDimensions)
            {
                throw Error(path, $"the rows of {target.FileName} are no records of their own and carry no dimensions");
            }

            var list = ImmutableArray.CreateBuilder<DimensionMapping>();
            foreach (var property in dimensions.EnumerateObject())
            {
                var name = property.Name.Trim();
                var dimensionPath = $"{path}.{MessageText.Of(property.Name)}";
                if (name.Length == 0 || name.Length > Dimensions.MaxNameLength)
                {
                    throw Error(dimensionPath, string.Create(CultureInfo.InvariantCulture, $"a dimension's name has 1 to {Dimensions.MaxNameLength} characters"));
                }

                if (target.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) is { } known)
                {
                    throw Error(dimensionPath, $"'{known.Name}' is a column of {target.FileName}: map it under 'columns'");
                }

                if (list.Any(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw Error(dimensionPath, "the dimension is mapped twice (dimension names are compared ignoring case)");
                }

                var column = new CsvColumn(name, false, CsvFieldType.Text);
                LookupMapping? lookup = null;
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    CheckKeys(property.Value, dimensionPath, DimensionKeys);
                    if (property.Value.TryGetProperty("lookup", out var l))
                    {
                        lookup = ReadLookup(l, $"{dimensionPath}.lookup");
                    }
                }

                list.Add(new DimensionMapping(name, ReadColumn(property.Value, dimensionPath, column, null, DimensionKeys), lookup));
            }

            return list.ToImmutable();
        }

        private LookupMapping ReadLookup(JsonElement lookup, string path)
        {
            if (lookup.ValueKind != JsonValueKind.Object)
            {
                throw Error(path, "must be an object {\"file\", \"key\", \"value\", \"default\"}: the file to look the value up in, its column to find the row by, and its column to read");
            }

            CheckKeys(lookup, path, LookupKeys);
            var file = RequiredString(lookup, "file", path);
            if (file.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                throw Error($"{path}.file", $"'{MessageText.Of(file.Replace("\0", "\\0", StringComparison.Ordinal))}' is not a file name: it holds a character no path may hold (such as NUL)");
            }

            return new LookupMapping(file, RequiredString(lookup, "key", path), RequiredString(lookup, "value", path), OptionalString(lookup, "default", path));
        }

        private ColumnMapping ReadColumn(JsonElement value, string path, CsvColumn column, string? dateFormat, string[]? keys = null)
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                return new ColumnMapping(column, NonEmpty(value, path), null, null, null, Format(column, dateFormat, path));
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                throw Error(path, keys is null
                    ? "must be a source column name or an object {\"column\" or \"value\", \"default\", \"values\", \"format\"}"
                    : "must be a source column name or an object {\"column\" or \"value\", \"default\", \"values\", \"lookup\"}");
            }

            CheckKeys(value, path, keys ?? ColumnKeys);
            var source = OptionalString(value, "column", path);
            var constant = OptionalString(value, "value", path);
            if ((source is null) == (constant is null))
            {
                throw Error(path, "give exactly one of 'column' (a source column) and 'value' (a constant)");
            }

            var defaultValue = OptionalString(value, "default", path);
            FrozenDictionary<string, string>? values = null;
            if (value.TryGetProperty("values", out var map))
            {
                if (map.ValueKind != JsonValueKind.Object)
                {
                    throw Error($"{path}.values", "must be an object from source values to SalesKpi values");
                }

                var dictionary = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var entry in map.EnumerateObject())
                {
                    if (entry.Value.ValueKind != JsonValueKind.String)
                    {
                        throw Error($"{path}.values.{MessageText.Of(entry.Name)}", "must be a string");
                    }

                    dictionary[entry.Name] = entry.Value.GetString()!;
                }

                values = dictionary.ToFrozenDictionary(StringComparer.Ordinal);
            }

            var format = OptionalString(value, "format", path) ?? dateFormat;
            return new ColumnMapping(column, source, constant, defaultValue, values, Format(column, format, path));
        }

        private DateFormat? Format(CsvColumn column, string? format, string path)
        {
            if (format is null || column.Type is not (CsvFieldType.Instant or CsvFieldType.Date))
            {
                return null;
            }

            try
            {
                return DateFormat.Create(format, column.Type == CsvFieldType.Instant);
            }
            catch (InvalidPatternException e)
            {
                throw Error(path, $"'{MessageText.Of(format)}' is not a date pattern ({MessageText.OfMessage(e.Message)}); use NodaTime patterns such as yyyy-MM-dd or dd/MM/yyyy HH:mm");
            }
        }

        private Condition ReadCondition(JsonElement element, string path, string[] keys)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Error(path, "must be an object {\"column\": \"...\", \"values\": [\"...\"]}");
            }

            CheckKeys(element, path, keys);
            var column = RequiredString(element, "column", path);
            if (!element.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0)
            {
                throw Error($"{path}.values", "must be a non-empty array of values (\"\" matches an empty cell)");
            }

            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var v in values.EnumerateArray())
            {
                set.Add(v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Error($"{path}.values", "must hold strings"));
            }

            return new Condition(column, set.ToFrozenSet(StringComparer.Ordinal));
        }

        private void CheckKeys(JsonElement element, string path, string[] keys)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Error(path, "must be a JSON object");
            }

            foreach (var property in element.EnumerateObject())
            {
                if (property.Name.StartsWith('$') || Array.IndexOf(keys, property.Name) >= 0)
                {
                    continue;
                }

                throw Error($"{path}.{MessageText.Of(property.Name)}", $"unknown key; the keys here are {string.Join(", ", keys)}{Suggestions.DidYouMean(property.Name, keys)}");
            }
        }

        private string RequiredString(JsonElement element, string key, string path) =>
            element.TryGetProperty(key, out var value)
                ? NonEmpty(value, $"{path}.{key}")
                : throw Error(path, $"'{key}' is required");

        private string? OptionalString(JsonElement element, string key, string path)
        {
            if (!element.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Error($"{path}.{key}", "must be a string");
        }

        private string NonEmpty(JsonElement value, string path) =>
            value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
                ? value.GetString()!
                : throw Error(path, "must be a non-empty string");

        private FormatException Error(string path, string message) => new($"{name}: {path}: {message}");
    }
}

/// <summary>One entry of a mapping: a source file read as one SalesKpi file.</summary>
/// <param name="Source">The source file name.</param>
/// <param name="Target">The SalesKpi file its rows become.</param>
/// <param name="Columns">For each column of <paramref name="Target"/> (by index), where its value comes from; null when unmapped.</param>
/// <param name="Where">The rows this entry takes, or null for all.</param>
/// <param name="Skip">Rows left out, with a reason.</param>
/// <param name="Dimensions">The dimensions each record gets, in the mapping's order.</param>
internal sealed record FileMapping(string Source, CsvTable Target, ImmutableArray<ColumnMapping?> Columns, Condition? Where, ImmutableArray<SkipRule> Skip, ImmutableArray<DimensionMapping> Dimensions);

/// <summary>Where one dimension of a mapped file's records comes from.</summary>
/// <param name="Name">The dimension's name.</param>
/// <param name="Column">The source column (or constant, default and values), as for a SalesKpi column.</param>
/// <param name="Lookup">The look-up that turns the value into the dimension's, or null to take it as it is.</param>
internal sealed record DimensionMapping(string Name, ColumnMapping Column, LookupMapping? Lookup);

/// <summary>A value looked up in another file of the data set: the row whose <paramref name="Key"/> column holds the value, its <paramref name="Value"/> column.</summary>
/// <param name="File">The file looked in, inside the data set.</param>
/// <param name="Key">Its column to find the row by.</param>
/// <param name="Value">Its column to read.</param>
/// <param name="Default">The value for a key the file does not have, or null to reject such a row.</param>
internal sealed record LookupMapping(string File, string Key, string Value, string? Default);

/// <summary>Where one SalesKpi column's value comes from.</summary>
/// <param name="Target">The SalesKpi column.</param>
/// <param name="Source">The source column, or null for a constant.</param>
/// <param name="Constant">The constant value, or null.</param>
/// <param name="Default">The value used when the source cell is empty, or null.</param>
/// <param name="Values">Source value → SalesKpi value; a value not listed is an error. Null for no translation.</param>
/// <param name="Format">How dates are written, or null for the SalesKpi format.</param>
internal sealed record ColumnMapping(
    CsvColumn Target,
    string? Source,
    string? Constant,
    string? Default,
    FrozenDictionary<string, string>? Values,
    DateFormat? Format);

/// <summary>A test on one source column: its value is one of <paramref name="Values"/> (<c>""</c> for empty).</summary>
internal sealed record Condition(string Column, FrozenSet<string> Values);

/// <summary>Rows matching <paramref name="When"/> are skipped, counted under <paramref name="Reason"/>.</summary>
internal sealed record SkipRule(Condition When, string Reason);

/// <summary>A date or date-and-time pattern of a mapping; local values are placed in the import's time zone.</summary>
internal sealed class DateFormat
{
    private DateFormat(string text, IPattern<NodaTime.LocalDate>? date, IPattern<NodaTime.LocalDateTime>? dateTime)
    {
        Text = text;
        Date = date;
        DateTime = dateTime;
    }

    public string Text { get; }

    /// <summary>Gets the pattern when the format has no time of day.</summary>
    public IPattern<NodaTime.LocalDate>? Date { get; }

    /// <summary>Gets the pattern when the format has a time of day.</summary>
    public IPattern<NodaTime.LocalDateTime>? DateTime { get; }

    /// <exception cref="InvalidPatternException">The pattern is invalid, or has a time of day where only a date is allowed.</exception>
    public static DateFormat Create(string pattern, bool timeAllowed)
    {
        try
        {
            return new DateFormat(pattern, LocalDatePattern.CreateWithInvariantCulture(pattern), null);
        }
        catch (InvalidPatternException) when (timeAllowed)
        {
            return new DateFormat(pattern, null, LocalDateTimePattern.CreateWithInvariantCulture(pattern));
        }
    }
}
