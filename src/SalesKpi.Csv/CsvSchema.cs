using System.Collections.Frozen;
using System.Collections.Immutable;

namespace SalesKpi.Csv;

/// <summary>How the text of a column is read.</summary>
internal enum CsvFieldType
{
    /// <summary>Any non-empty text: a name, a source, a stage, a kind.</summary>
    Text,

    /// <summary>An ISO-8601 instant, such as <c>2026-03-01T09:15:00Z</c>.</summary>
    Instant,

    /// <summary>A <c>YYYY-MM-DD</c> date.</summary>
    Date,

    /// <summary>An invariant-culture decimal, not negative.</summary>
    Amount,

    /// <summary>An ISO 4217 code.</summary>
    Currency,
}

/// <summary>One column of a SalesKpi CSV file and its position in <see cref="CsvTable.Columns"/>.</summary>
internal sealed record CsvColumn(string Name, bool Required, CsvFieldType Type)
{
    public int Index { get; init; }
}

/// <summary>The columns of one SalesKpi CSV file (SPEC section 10).</summary>
internal sealed class CsvTable
{
    private readonly FrozenDictionary<string, CsvColumn> _byName;

    private CsvTable(string fileName, params CsvColumn[] columns)
        : this(fileName, true, columns)
    {
    }

    private CsvTable(string fileName, bool hasDimensions, params CsvColumn[] columns)
    {
        FileName = fileName;
        HasDimensions = hasDimensions;
        Columns = [.. columns.Select((c, i) => c with { Index = i })];
        _byName = Columns.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public static CsvTable Reps { get; } = new(
        CsvFiles.Reps,
        Req("id"), Req("name"), Req("team"));

    public static CsvTable Accounts { get; } = new(
        CsvFiles.Accounts,
        Req("id"));

    public static CsvTable Leads { get; } = new(
        CsvFiles.Leads,
        Req("id"), Req("created_at", CsvFieldType.Instant), Opt("owner"), Req("source"),
        Opt("qualified_at", CsvFieldType.Instant), Opt("converted_at", CsvFieldType.Instant));

    public static CsvTable Opportunities { get; } = new(
        CsvFiles.Opportunities,
        Req("id"), Req("account"), Req("owner"), Req("created_at", CsvFieldType.Instant), Req("amount", CsvFieldType.Amount),
        Req("currency", CsvFieldType.Currency), Req("status"), Opt("closed_at", CsvFieldType.Instant), Opt("lead_id"),
        Opt("expected_close", CsvFieldType.Date), Opt("lost_reason"), Opt("forecast_category"));

    public static CsvTable StageChanges { get; } = new(
        CsvFiles.StageChanges,
        false,
        Req("opportunity_id"), Req("stage"), Req("entered_at", CsvFieldType.Instant));

    public static CsvTable OpportunityHistory { get; } = new(
        CsvFiles.OpportunityHistory,
        false,
        Req("opportunity_id"), Req("changed_at", CsvFieldType.Instant), Opt("amount", CsvFieldType.Amount), Opt("currency", CsvFieldType.Currency),
        Opt("expected_close", CsvFieldType.Date), Opt("forecast_category"), Opt("owner"));

    public static CsvTable Deals { get; } = new(
        CsvFiles.Deals,
        Req("id"), Opt("opportunity_id"), Req("account"), Req("owner"), Req("closed_at", CsvFieldType.Instant),
        Req("amount", CsvFieldType.Amount), Req("currency", CsvFieldType.Currency), Req("kind"),
        Opt("term_start", CsvFieldType.Date), Opt("term_end", CsvFieldType.Date), Opt("recurring_monthly", CsvFieldType.Amount));

    public static CsvTable Activities { get; } = new(
        CsvFiles.Activities,
        Req("id"), Req("kind"), Req("owner"), Req("occurred_at", CsvFieldType.Instant), Opt("outcomes"), Opt("lead_id"),
        Opt("opportunity_id"), Opt("tool"));

    public static CsvTable Spend { get; } = new(
        CsvFiles.Spend,
        Req("channel"), Req("start", CsvFieldType.Date), Req("end", CsvFieldType.Date), Req("amount", CsvFieldType.Amount),
        Req("currency", CsvFieldType.Currency));

    /// <summary>Gets every table, in import order.</summary>
    public static ImmutableArray<CsvTable> All { get; } = [Reps, Accounts, Leads, Opportunities, StageChanges, OpportunityHistory, Deals, Activities, Spend];

    public string FileName { get; }

    /// <summary>Gets a value indicating whether the file's records carry dimensions: its other columns become them (not the stage changes nor the opportunity history, which are no records of their own).</summary>
    public bool HasDimensions { get; }

    public ImmutableArray<CsvColumn> Columns { get; }

    public static CsvTable? ForFile(string fileName) => All.FirstOrDefault(t => string.Equals(t.FileName, fileName, StringComparison.Ordinal));

    public CsvColumn? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Returns a column known to exist.</summary>
    public CsvColumn this[string name] => _byName[name];

    public override string ToString() => FileName;

    private static CsvColumn Req(string name, CsvFieldType type = CsvFieldType.Text) => new(name, true, type);

    private static CsvColumn Opt(string name, CsvFieldType type = CsvFieldType.Text) => new(name, false, type);
}
