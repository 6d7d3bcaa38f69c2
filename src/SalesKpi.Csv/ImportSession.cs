using System.Globalization;
using System.Text;
using NodaTime;
using SalesKpi.Activities;
using SalesKpi.Deals;
using SalesKpi.Leads;
using SalesKpi.Marketing;
using SalesKpi.Opportunities;
using SalesKpi.Reps;

namespace SalesKpi.Csv;

/// <summary>One import: reads the files in order, checks every row and keeps the records.</summary>
internal sealed class ImportSession
{
    private const int ProgressEveryRows = 8192;
    private const int EstimateAfterRows = 1000;

    private static readonly CsvTable R = CsvTable.Reps;
    private static readonly CsvTable C = CsvTable.Accounts;
    private static readonly CsvTable L = CsvTable.Leads;
    private static readonly CsvTable O = CsvTable.Opportunities;
    private static readonly CsvTable S = CsvTable.StageChanges;
    private static readonly CsvTable H = CsvTable.OpportunityHistory;
    private static readonly CsvTable D = CsvTable.Deals;
    private static readonly CsvTable A = CsvTable.Activities;
    private static readonly CsvTable M = CsvTable.Spend;

    // The columns, looked up by name once rather than for every row.
    private static readonly CsvColumn RepIdColumn = R["id"];
    private static readonly CsvColumn RepNameColumn = R["name"];
    private static readonly CsvColumn RepTeamColumn = R["team"];
    private static readonly CsvColumn AccountIdColumn = C["id"];
    private static readonly CsvColumn LeadConvertedAtColumn = L["converted_at"];
    private static readonly CsvColumn LeadCreatedAtColumn = L["created_at"];
    private static readonly CsvColumn LeadIdColumn = L["id"];
    private static readonly CsvColumn LeadOwnerColumn = L["owner"];
    private static readonly CsvColumn LeadQualifiedAtColumn = L["qualified_at"];
    private static readonly CsvColumn LeadSourceColumn = L["source"];
    private static readonly CsvColumn OpportunityAccountColumn = O["account"];
    private static readonly CsvColumn OpportunityAmountColumn = O["amount"];
    private static readonly CsvColumn OpportunityClosedAtColumn = O["closed_at"];
    private static readonly CsvColumn OpportunityCreatedAtColumn = O["created_at"];
    private static readonly CsvColumn OpportunityCurrencyColumn = O["currency"];
    private static readonly CsvColumn OpportunityExpectedCloseColumn = O["expected_close"];
    private static readonly CsvColumn OpportunityForecastCategoryColumn = O["forecast_category"];
    private static readonly CsvColumn OpportunityIdColumn = O["id"];
    private static readonly CsvColumn OpportunityLeadIdColumn = O["lead_id"];
    private static readonly CsvColumn OpportunityLostReasonColumn = O["lost_reason"];
    private static readonly CsvColumn OpportunityOwnerColumn = O["owner"];
    private static readonly CsvColumn OpportunityStatusColumn = O["status"];
    private static readonly CsvColumn StageChangeEnteredAtColumn = S["entered_at"];
    private static readonly CsvColumn StageChangeOpportunityIdColumn = S["opportunity_id"];
    private static readonly CsvColumn StageChangeStageColumn = S["stage"];
    private static readonly CsvColumn HistoryAmountColumn = H["amount"];
    private static readonly CsvColumn HistoryChangedAtColumn = H["changed_at"];
    private static readonly CsvColumn HistoryCurrencyColumn = H["currency"];
    private static readonly CsvColumn HistoryExpectedCloseColumn = H["expected_close"];
    private static readonly CsvColumn HistoryForecastCategoryColumn = H["forecast_category"];
    private static readonly CsvColumn HistoryOpportunityIdColumn = H["opportunity_id"];
    private static readonly CsvColumn HistoryOwnerColumn = H["owner"];
    private static readonly CsvColumn DealAccountColumn = D["account"];
    private static readonly CsvColumn DealAmountColumn = D["amount"];
    private static readonly CsvColumn DealClosedAtColumn = D["closed_at"];
    private static readonly CsvColumn DealCurrencyColumn = D["currency"];
    private static readonly CsvColumn DealIdColumn = D["id"];
    private static readonly CsvColumn DealKindColumn = D["kind"];
    private static readonly CsvColumn DealOpportunityIdColumn = D["opportunity_id"];
    private static readonly CsvColumn DealOwnerColumn = D["owner"];
    private static readonly CsvColumn DealRecurringMonthlyColumn = D["recurring_monthly"];
    private static readonly CsvColumn DealTermEndColumn = D["term_end"];
    private static readonly CsvColumn DealTermStartColumn = D["term_start"];
    private static readonly CsvColumn ActivityIdColumn = A["id"];
    private static readonly CsvColumn ActivityKindColumn = A["kind"];
    private static readonly CsvColumn ActivityLeadIdColumn = A["lead_id"];
    private static readonly CsvColumn ActivityOccurredAtColumn = A["occurred_at"];
    private static readonly CsvColumn ActivityOpportunityIdColumn = A["opportunity_id"];
    private static readonly CsvColumn ActivityOutcomesColumn = A["outcomes"];
    private static readonly CsvColumn ActivityOwnerColumn = A["owner"];
    private static readonly CsvColumn ActivityToolColumn = A["tool"];
    private static readonly CsvColumn SpendAmountColumn = M["amount"];
    private static readonly CsvColumn SpendChannelColumn = M["channel"];
    private static readonly CsvColumn SpendCurrencyColumn = M["currency"];
    private static readonly CsvColumn SpendEndColumn = M["end"];
    private static readonly CsvColumn SpendStartColumn = M["start"];

    private readonly ImportSource _source;
    private readonly CsvImportOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly List<CsvRejection> _rejections = [];
    private readonly List<CsvFileReport> _files = [];

    private readonly List<Rep> _reps = [];
    private readonly IdRegistry _repIds = new(CsvFiles.Reps);
    private readonly IdRegistry _accountIds = new(CsvFiles.Accounts);
    private readonly Dictionary<LookupMapping, LookupTable> _lookups = [];
    private readonly SalesDataBuilder _builder = new();
    private readonly IdRegistry _leadIds = new(CsvFiles.Leads);
    private readonly List<PendingOpportunity> _opportunities = [];
    private readonly IdRegistry _opportunityIds = new(CsvFiles.Opportunities);
    private readonly List<Deal> _deals = [];
    private readonly IdRegistry _dealIds = new(CsvFiles.Deals);
    private readonly IdRegistry _activityIds = new(CsvFiles.Activities);
    private readonly List<MarketingSpend> _spend = [];
    private readonly StringPool _names = new();
    private readonly CurrencyPool _currencies = new();
    private readonly Dictionary<string, SalesActivityKind> _kinds = new(StringComparer.Ordinal);

    private string _file = string.Empty;
    private ReadAheadRowReader? _ahead;
    private string? _currentId;

    public ImportSession(ImportSource source, CsvImportOptions options, CancellationToken cancellationToken)
    {
        _source = source;
        _options = options;
        _cancellationToken = cancellationToken;
        foreach (var registry in (ReadOnlySpan<IdRegistry>)[_repIds, _leadIds, _opportunityIds, _dealIds, _activityIds])
        {
            registry.LineWord = source.LineWord;
        }
    }

    /// <summary>Gets how many rows were taken as the reading thread prepared them (<see cref="ActivityPreparer"/>), for the tests.</summary>
    internal long PreparedRows { get; private set; }

    public async ValueTask<CsvImportResult> RunAsync()
    {
        using var telemetry = ImportTelemetry.Start(_source is DataReaderImportSource, _options);
        try
        {
            var result = await ImportAsync().ConfigureAwait(false);
            ImportTelemetry.Completed(telemetry, result);
            return result;
        }
        catch (Exception e) when (ImportTelemetry.Failed(telemetry, e))
        {
            throw; // Never reached: the filter records the failure on the span and lets the exception through.
        }
        catch (CsvImportException e)
        {
            // Under Report, a problem with a whole file stops the import: the rows rejected before it go with the error.
            e.RejectedBefore = [.. _rejections];
            throw;
        }
    }

    private async ValueTask<CsvImportResult> ImportAsync()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        foreach (var table in CsvTable.All)
        {
            var registry = Registry(table);
            if (_options.Mapping is { } mapping)
            {
                foreach (var file in mapping.Files.Where(f => f.Target == table))
                {
                    // Before the file is looked at: a source that climbs out of the data set (../../etc/passwd) would
                    // print its first line in the "its columns are" message.
                    if (_source.Escape(file.Source) is { } escape)
                    {
                        throw new CsvImportException($"the mapping {mapping.Name} reads '{MessageText.Of(file.Source)}', which is outside the data directory '{_source.Description}'{escape}; a mapping reads only files inside it");
                    }

                    if (!await _source.ExistsAsync(file.Source, _cancellationToken).ConfigureAwait(false))
                    {
                        throw new CsvImportException($"the mapping {mapping.Name} reads '{MessageText.Of(file.Source)}', which is not in {_source.Description}");
                    }

                    registry?.MarkPresent();
                    foreach (var lookup in file.Dimensions.Select(d => d.Lookup).OfType<LookupMapping>().Where(l => !_lookups.ContainsKey(l)))
                    {
                        _lookups.Add(lookup, await LookupTable.LoadAsync(_source, lookup, mapping.Name, _options, _cancellationToken).ConfigureAwait(false));
                    }

                    await ReadFileAsync(table, file.Source, file, mapping.Name).ConfigureAwait(false);
                }
            }
            else if (await _source.ExistsAsync(_source.NativeName(table), _cancellationToken).ConfigureAwait(false))
            {
                registry?.MarkPresent();
                await ReadFileAsync(table, _source.NativeName(table), null, null).ConfigureAwait(false);
            }

            if (table == H)
            {
                // Only once every row is in (they may come in any order, from several files) can a history be checked whole.
                CheckHistories();
            }
        }

        // Leads and activities went into the builder's columns as they were read; the other records join them now.
        foreach (var pending in _opportunities)
        {
            _builder.Add(pending.Build());
        }

        _deals.ForEach(d => _builder.Add(d));
        _spend.ForEach(s => _builder.Add(s));
        _reps.ForEach(r => _builder.Add(r));
        var data = _builder.Build();
        return new CsvImportResult(data, [.. _rejections], [.. _files]);
    }

    /// <summary>
    /// Makes room for the rows a file will have, estimated from its length and its first rows, so that the record list
    /// and the identifier registry do not grow (and copy themselves) a dozen times on the way to a million rows.
    /// </summary>
    private void Reserve(CsvTable table, long? totalBytes, long rows, long characters)
    {
        if (totalBytes is not { } total || rows == 0 || characters == 0)
        {
            return;
        }

        // ASCII is one byte per character; a few per cent more than the estimate, so that one grows no more.
        var estimate = (int)Math.Min(total / ((double)characters / rows) * 1.05, 1 << 28);
        Registry(table)?.Reserve(estimate);
        if (table == O)
        {
            _opportunities.EnsureCapacity(estimate);
        }
        else if (table == D)
        {
            _deals.EnsureCapacity(estimate);
        }
    }

    private IdRegistry? Registry(CsvTable table) =>
        table == R ? _repIds : table == C ? _accountIds : table == L ? _leadIds : table == O ? _opportunityIds : table == D ? _dealIds : table == A ? _activityIds : null;

    private async ValueTask ReadFileAsync(CsvTable table, string fileName, FileMapping? mapping, string? mappingName)
    {
        _file = _source.Describe(fileName);
        using var reader = await _source.OpenAsync(fileName, _file, _options, _cancellationToken).ConfigureAwait(false);

        // After the open: the length of a stream copied into a spool is known only once it is copied.
        var total = _source.LengthOf(fileName);
        try
        {
            await ReadRecordsAsync(table, mapping, mappingName, reader, total).ConfigureAwait(false);
        }
        catch (CsvEncodingException e)
        {
            // Not a bad row but an unreadable file: no row after the bad bytes can be trusted, so every mode fails.
            throw new CsvImportException(new CsvRejection(_file, e.Position.Line, e.Position.Column, null, e.Message));
        }
    }

    private async ValueTask ReadRecordsAsync(CsvTable table, FileMapping? mapping, string? mappingName, RowReader reader, long? total)
    {
        try
        {
            if (!await reader.ReadAsync(_cancellationToken).ConfigureAwait(false))
            {
                throw new CsvImportException(new CsvRejection(_file, 1, 1, null, "the file is empty; its first line must be the header"));
            }
        }
        catch (CsvSyntaxException e)
        {
            throw new CsvImportException(new CsvRejection(_file, e.Position.Line, e.Position.Column, null, "the header cannot be read: " + e.Message));
        }

        var headerCount = reader.Count;
        ImportRow row = mapping is null
            ? NativeRow.Bind(reader, _options.Zone, table, _file)
            : MappedRow.Bind(reader, _options.Zone, mapping, _file, mappingName!, _lookups);
        var mapped = row as MappedRow;
        _ahead = reader as ReadAheadRowReader;
        if (_ahead is not null && table == A && row is NativeRow { HasDimensions: false } native)
        {
            // A file with dimension columns is read on one thread: the preparer knows only the SalesKpi columns.
            // The rows of the largest file are parsed on the reading thread too, up to what must be done in order.
            _ahead.PrepareWith(new ActivityPreparer(this, native.Rebind(_ahead.Inner), headerCount));
        }
        Action<ImportRow> handler = table == R ? ReadRep
            : table == C ? ReadAccount
            : table == L ? ReadLead
            : table == O ? ReadOpportunity
            : table == S ? ReadStageChange
            : table == H ? ReadHistoryChange
            : table == D ? ReadDeal
            : table == A ? ReadActivity
            : ReadSpend;

        long rows = 0, records = 0, rejected = 0, notSelected = 0, characters = 0;
        var skipped = new Dictionary<string, long>(StringComparer.Ordinal);
        var skipOrder = new List<string>();
        _options.Progress?.Report(new CsvImportProgress(_file, 0, total, 0, false));
        while (true)
        {
            try
            {
                // A file's reads complete at once; only a database's may have to wait.
                var next = reader.ReadAsync(_cancellationToken);
                if (!(next.IsCompletedSuccessfully ? next.Result : await next.ConfigureAwait(false)))
                {
                    break;
                }
            }
            catch (CsvSyntaxException e)
            {
                rows++;
                rejected++;
                Reject(new CsvRejection(_file, e.Position.Line, e.Position.Column, null, e.Message));
                continue;
            }

            rows++;
            if (rows <= EstimateAfterRows)
            {
                characters += reader.RecordLength + 1;
                if (rows == EstimateAfterRows)
                {
                    Reserve(table, total, rows, characters);
                }
            }

            if (rows % ProgressEveryRows == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                _options.Progress?.Report(new CsvImportProgress(_file, reader.BytesRead, total, rows, false));
            }

            if (reader.Span(0).StartsWith('\uFEFF'))
            {
                // A byte-order mark is only ever at the start of a file: here it is two files joined (cat a.csv b.csv),
                // and kept it would make a different id ("\uFEFFana" is not "ana").
                rejected++;
                Reject(new CsvRejection(_file, reader.RecordLine, 1, null, "the row starts with a byte-order mark (U+FEFF), which belongs only at the start of a file: were two files joined? Remove it"));
                continue;
            }

            if (reader.Count != headerCount)
            {
                rejected++;
                Reject(new CsvRejection(_file, reader.RecordLine, 1, null, string.Create(CultureInfo.InvariantCulture, $"the row has {reader.Count} fields but the header has {headerCount}")));
                continue;
            }

            if (mapped is not null)
            {
                if (!mapped.IsSelected)
                {
                    notSelected++;
                    continue;
                }

                if (mapped.SkipRule is { } rule)
                {
                    if (!skipped.TryAdd(rule.Reason, 1))
                    {
                        skipped[rule.Reason]++;
                    }
                    else
                    {
                        skipOrder.Add(rule.Reason);
                    }

                    continue;
                }
            }

            _currentId = null;
            try
            {
                handler(row);
                records++;
            }
            catch (RowException e)
            {
                rejected++;
                if (_currentId is not null)
                {
                    Registry(table)?.MarkRejected(_currentId, row.Line);
                }

                Reject(new CsvRejection(_file, e.Cell.Position.Line, e.Cell.Position.Column, e.Cell.Label, e.Message));
            }
        }

        _ahead = null;
        _options.Progress?.Report(new CsvImportProgress(_file, reader.BytesRead, total, rows, true));
        _files.Add(new CsvFileReport(_file, table.FileName, rows, records, rejected, notSelected, [.. skipOrder.Select(r => new CsvSkipCount(r, skipped[r]))]));
    }

    private void Reject(CsvRejection rejection)
    {
        if (_options.OnError == CsvErrorMode.Fail)
        {
            throw new CsvImportException(rejection) { IsRowRejection = true };
        }

        _rejections.Add(rejection);
    }

    private string Id(ImportRow row, CsvColumn column)
    {
        var id = row.Text(column);
        _currentId = id;
        return id;
    }

    private static RowException Bad(Cell cell, string reason) => new(cell, reason + cell.MappedNote);

    /// <summary>
    /// Reads a reference to a record of another file, checked when that file is part of the data set, as the string
    /// of the record it refers to (one string per identifier, however many records refer to it).
    /// </summary>
    private string? Reference(ImportRow row, CsvColumn column, IdRegistry registry, bool required = false)
    {
        if (row.TrySpan(column, out var span) && registry.TryGet(span, out var canonical, out _))
        {
            return canonical;
        }

        var id = required ? row.Text(column) : row.OptionalText(column, _names);
        if (id is null || (!required && !registry.Present) || registry.Contains(id))
        {
            return id;
        }

        var cell = row.Get(column);
        var what = registry.File == CsvFiles.Leads ? "lead" : "opportunity";
        throw new RowException(cell, !registry.Present
            ? $"refers to {what} '{MessageText.Of(id)}', but the data set has no {registry.File}{cell.MappedNote}"
            : registry.RejectedLine(id) is { } line
                ? string.Create(CultureInfo.InvariantCulture, $"refers to {what} '{MessageText.Of(id)}', which was rejected ({registry.File} {_source.LineWord} {line}){cell.MappedNote}")
                : $"refers to {what} '{MessageText.Of(id)}', which is not in {registry.File}{cell.MappedNote}");
    }

    private void ReadRep(ImportRow row)
    {
        // Pooled: the owners of every other file are then this very string.
        var id = row.Text(RepIdColumn, _names);
        _currentId = id;
        var name = row.Text(RepNameColumn);
        var team = row.Text(RepTeamColumn, _names);
        _repIds.Add(id, row, RepIdColumn);
        _reps.Add(new Rep(new RepId(id), name, new TeamId(team), row.ReadDimensions(_names)));
    }

    private void ReadAccount(ImportRow row)
    {
        var id = Id(row, AccountIdColumn);
        var dimensions = row.ReadDimensions(_names);
        _accountIds.Add(id, row, AccountIdColumn);
        _builder.Add(new Account(new AccountId(id), dimensions));
    }

    private void ReadLead(ImportRow row)
    {
        var id = Id(row, LeadIdColumn);
        var createdAt = row.Instant(LeadCreatedAtColumn);
        var owner = row.OptionalText(LeadOwnerColumn, _names);
        var source = row.Text(LeadSourceColumn, _names);
        var qualifiedAt = row.OptionalInstant(LeadQualifiedAtColumn);
        var convertedAt = row.OptionalInstant(LeadConvertedAtColumn);
        if (qualifiedAt < createdAt)
        {
            throw Bad(row.Get(LeadQualifiedAtColumn), $"qualified_at {qualifiedAt} is before created_at {createdAt}");
        }

        if (convertedAt < createdAt)
        {
            throw Bad(row.Get(LeadConvertedAtColumn), $"converted_at {convertedAt} is before created_at {createdAt}");
        }

        var dimensions = row.ReadDimensions(_names);
        _leadIds.Add(id, row, LeadIdColumn);
        _builder.AddLead(new LeadId(id), createdAt, source, owner is null ? null : new RepId(owner), qualifiedAt, convertedAt, dimensions);
    }

    private void ReadOpportunity(ImportRow row)
    {
        var id = Id(row, OpportunityIdColumn);
        var account = row.Text(OpportunityAccountColumn, _names);
        var owner = row.Text(OpportunityOwnerColumn, _names);
        var createdAt = row.Instant(OpportunityCreatedAtColumn);
        var amount = row.Amount(OpportunityAmountColumn);
        var currency = row.Currency(OpportunityCurrencyColumn, _currencies);
        var status = ParseStatus(row);
        var closedAt = row.OptionalInstant(OpportunityClosedAtColumn);
        if (status != OpportunityStatus.Open && closedAt is null)
        {
            throw Bad(row.Get(OpportunityClosedAtColumn), $"a {status.ToString().ToLowerInvariant()} opportunity needs a closed_at");
        }

        if (status == OpportunityStatus.Open && closedAt is not null)
        {
            throw Bad(row.Get(OpportunityClosedAtColumn), "an open opportunity has no closed_at; set the status to won or lost, or clear closed_at");
        }

        if (closedAt < createdAt)
        {
            throw Bad(row.Get(OpportunityClosedAtColumn), $"closed_at {closedAt} is before created_at {createdAt}");
        }

        var lead = Reference(row, OpportunityLeadIdColumn, _leadIds);
        var expectedClose = row.OptionalDate(OpportunityExpectedCloseColumn);
        var lostReason = row.OptionalText(OpportunityLostReasonColumn, _names)?.Trim();
        if (lostReason is { Length: 0 })
        {
            lostReason = null;
        }

        if (lostReason is not null && status != OpportunityStatus.Lost)
        {
            throw Bad(
                row.Get(OpportunityLostReasonColumn),
                $"lost_reason '{MessageText.Of(lostReason)}' is given for a {status.ToString().ToLowerInvariant()} opportunity; only a lost one has a lost reason: clear lost_reason, or set the status to lost");
        }

        var category = ParseForecastCategory(row, OpportunityForecastCategoryColumn);
        if (category is { } given)
        {
            CheckCategoryAgreesWithStatus(row, given, status);
        }

        var dimensions = row.ReadDimensions(_names);
        _opportunityIds.Add(id, row, OpportunityIdColumn, _opportunities.Count);
        var opportunity = new Opportunity(
            new OpportunityId(id),
            new AccountId(account),
            new RepId(owner),
            createdAt,
            new Money(amount, currency),
            status,
            closedAt,
            lead is null ? null : new LeadId(lead),
            expectedClose: expectedClose,
            lostReason: lostReason,
            dimensions: dimensions,
            forecastCategory: category);
        _opportunities.Add(new PendingOpportunity(opportunity));
    }

    private static OpportunityStatus ParseStatus(ImportRow row)
    {
        if (row.TrySpan(OpportunityStatusColumn, out var text))
        {
            if (Ascii.EqualsIgnoreCase(text, "open"))
            {
                return OpportunityStatus.Open;
            }

            if (Ascii.EqualsIgnoreCase(text, "won"))
            {
                return OpportunityStatus.Won;
            }

            if (Ascii.EqualsIgnoreCase(text, "lost"))
            {
                return OpportunityStatus.Lost;
            }
        }

        var cell = row.RequiredCell(OpportunityStatusColumn);
        return cell.Text!.ToLowerInvariant() switch
        {
            "open" => OpportunityStatus.Open,
            "won" => OpportunityStatus.Won,
            "lost" => OpportunityStatus.Lost,
            _ => throw new RowException(cell, $"unknown status '{MessageText.Of(cell.Text)}'; use open, won or lost{cell.MappedNote}"),
        };
    }

    private void ReadStageChange(ImportRow row)
    {
        if (!row.TrySpan(StageChangeOpportunityIdColumn, out _))
        {
            // The checks in the order they have always been made: a missing identifier first.
            _ = row.Text(StageChangeOpportunityIdColumn);
        }

        var stage = row.Text(StageChangeStageColumn, _names);
        var enteredAt = row.Instant(StageChangeEnteredAtColumn);
        var id = Reference(row, StageChangeOpportunityIdColumn, _opportunityIds, required: true)!;
        _opportunityIds.TryGet(id, out _, out var index);
        var pending = _opportunities[index];
        if (enteredAt < pending.Opportunity.CreatedAt)
        {
            throw Bad(row.Get(StageChangeEnteredAtColumn), $"entered_at {enteredAt} is before opportunity '{MessageText.Of(id)}' was created ({pending.Opportunity.CreatedAt})");
        }

        if (pending.Opportunity.ClosedAt is { } closed && enteredAt > closed)
        {
            throw Bad(row.Get(StageChangeEnteredAtColumn), $"entered_at {enteredAt} is after opportunity '{MessageText.Of(id)}' closed ({pending.Opportunity.ClosedAt})");
        }

        pending.Add(new StageEntry(new OpportunityStage(stage), enteredAt));
    }

    /// <summary>Reads an optional forecast category, in any case and with any separator (<c>Best Case</c> is best-case).</summary>
    private static ForecastCategory? ParseForecastCategory(ImportRow row, CsvColumn column)
    {
        string? text;
        if (row.TrySpan(column, out var span))
        {
            // The common case, a name as written here, without making a string.
            foreach (var known in ForecastCategories.All)
            {
                if (Ascii.EqualsIgnoreCase(span, ForecastCategories.ToName(known)))
                {
                    return known;
                }
            }

            text = span.ToString();
        }
        else
        {
            text = row.NoSpanMeansNoValue ? null : row.Get(column).Text;
        }

        if (text is null)
        {
            return null;
        }

        if (ForecastCategories.TryParse(text, out var category))
        {
            return category;
        }

        var cell = row.Get(column);
        throw new RowException(cell, $"unknown forecast category '{MessageText.Of(text)}'; use {CategoryNames}{cell.MappedNote}");
    }

    /// <summary>Gets the names of the forecast categories, as a message lists them: <c>pipeline, best-case, commit, closed or omitted</c>.</summary>
    private static string CategoryNames { get; } =
        string.Join(", ", ForecastCategories.All[..^1].Select(ForecastCategories.ToName)) + " or " + ForecastCategories.ToName(ForecastCategories.All[^1]);

    /// <summary>Rejects a forecast category the status rules out: a won opportunity is closed, a lost one omitted, an open one anything but closed.</summary>
    private static void CheckCategoryAgreesWithStatus(ImportRow row, ForecastCategory category, OpportunityStatus status)
    {
        var required = ForecastCategories.DefaultFor(status);
        var name = ForecastCategories.ToName(category);
        if (status != OpportunityStatus.Open && category != required)
        {
            var statusName = status.ToString().ToLowerInvariant();
            throw Bad(
                row.Get(OpportunityForecastCategoryColumn),
                $"forecast_category {name} is given for a {statusName} opportunity, whose forecast category can only be {ForecastCategories.ToName(required)}: write {ForecastCategories.ToName(required)} or leave it empty");
        }

        if (status == OpportunityStatus.Open && category == ForecastCategory.Closed)
        {
            throw Bad(
                row.Get(OpportunityForecastCategoryColumn),
                "forecast_category closed is given for an open opportunity; only a won one is closed: use commit for one about to close, or set the status to won");
        }
    }

    private void ReadHistoryChange(ImportRow row)
    {
        if (!row.TrySpan(HistoryOpportunityIdColumn, out _))
        {
            // A missing identifier first, as in stage-changes.csv.
            _ = row.Text(HistoryOpportunityIdColumn);
        }

        var changedAt = row.Instant(HistoryChangedAtColumn);
        var amount = row.OptionalAmount(HistoryAmountColumn);
        var hasCurrency = row.TrySpan(HistoryCurrencyColumn, out _) || (!row.NoSpanMeansNoValue && row.Get(HistoryCurrencyColumn).Text is not null);
        var currency = amount is not null && hasCurrency ? row.Currency(HistoryCurrencyColumn, _currencies) : (Currency?)null;
        var expectedClose = row.OptionalDate(HistoryExpectedCloseColumn);
        var category = ParseForecastCategory(row, HistoryForecastCategoryColumn);
        var owner = row.OptionalText(HistoryOwnerColumn, _names)?.Trim();
        if (owner is { Length: 0 })
        {
            owner = null;
        }

        if (amount is null && expectedClose is null && category is null && owner is null)
        {
            throw Bad(row.Get(HistoryAmountColumn), "the row changes no field; give at least one of amount, expected_close, forecast_category and owner");
        }

        var id = Reference(row, HistoryOpportunityIdColumn, _opportunityIds, required: true)!;
        _opportunityIds.TryGet(id, out _, out var index);
        var pending = _opportunities[index];
        var opportunity = pending.Opportunity;
        if (changedAt < opportunity.CreatedAt)
        {
            throw Bad(row.Get(HistoryChangedAtColumn), $"changed_at {changedAt} is before opportunity '{MessageText.Of(id)}' was created ({opportunity.CreatedAt})");
        }

        if (category == ForecastCategory.Closed)
        {
            if (opportunity.Status != OpportunityStatus.Won)
            {
                throw Bad(
                    row.Get(HistoryForecastCategoryColumn),
                    $"forecast_category closed is given for opportunity '{MessageText.Of(id)}', which is {opportunity.Status.ToString().ToLowerInvariant()}; only a won opportunity is closed");
            }

            if (changedAt < opportunity.ClosedAt!.Value)
            {
                throw Bad(
                    row.Get(HistoryForecastCategoryColumn),
                    $"forecast_category closed at {changedAt} is before opportunity '{MessageText.Of(id)}' was won ({opportunity.ClosedAt}); it is closed only from then on");
            }
        }

        var change = new OpportunityChange(
            changedAt,
            amount is { } a ? new Money(a, currency ?? opportunity.Amount.Currency) : null,
            expectedClose,
            category,
            owner is null ? null : new RepId(owner));
        pending.Add(new HistoryRow(
            change,
            _file,
            _files.Count,
            row.Start,
            amount is null ? null : row.Get(HistoryAmountColumn),
            expectedClose is null ? null : row.Get(HistoryExpectedCloseColumn),
            category is null ? null : row.Get(HistoryForecastCategoryColumn),
            owner is null ? null : row.Get(HistoryOwnerColumn)));
    }

    /// <summary>
    /// Checks each opportunity's field history once all of it is read, in chronological order: it must end at the
    /// opportunity's current values. A history that does not is rejected whole, at the row whose value is not the
    /// current one (and each of its other rows with it), and its opportunity keeps only its current values.
    /// </summary>
    private void CheckHistories()
    {
        var changedReports = new Dictionary<int, long>();
        foreach (var pending in _opportunities)
        {
            if (pending.History is not { } rows)
            {
                continue;
            }

            // Stable: rows at the same instant keep their order in the file.
            var sorted = rows.OrderBy(r => r.Change.ChangedAt).ToList();
            try
            {
                _ = pending.Opportunity.WithHistory(sorted.Select(r => r.Change));
                pending.SetHistory(sorted);
                continue;
            }
            catch (ArgumentException e)
            {
                pending.SetHistory(null);
                var (culprit, cell) = Culprit(pending.Opportunity, sorted);
                var line = _opportunityIds.LineOf(pending.Opportunity.Id.Value);
                var reason = Reason(e) + (line is { } l ? string.Create(CultureInfo.InvariantCulture, $" ({CsvFiles.Opportunities} {_source.LineWord} {l})") : string.Empty);
                var position = cell?.Position ?? culprit.Start;
                var rejections = new List<CsvRejection> { new(culprit.File, position.Line, position.Column, cell?.Label, reason + (cell?.MappedNote ?? string.Empty)) };
                foreach (var other in rows.Where(r => !ReferenceEquals(r, culprit)).OrderBy(r => r.Start.Line))
                {
                    rejections.Add(new CsvRejection(
                        other.File,
                        other.Start.Line,
                        other.Start.Column,
                        null,
                        string.Create(CultureInfo.InvariantCulture, $"the history of opportunity '{MessageText.Of(pending.Opportunity.Id.Value)}' is rejected at {culprit.File}:{position.Line}, so this row of it is not imported either")));
                }

                foreach (var row in rows)
                {
                    changedReports[row.Report] = changedReports.GetValueOrDefault(row.Report) + 1;
                }

                rejections.ForEach(Reject);
            }
        }

        foreach (var (index, count) in changedReports)
        {
            var r = _files[index];
            _files[index] = new CsvFileReport(r.File, r.Target, r.Rows, r.Records - count, r.Rejected + count, r.NotSelected, r.Skipped);
        }
    }

    /// <summary>Returns the row whose value of a field is the history's last and not the opportunity's, and that value's
    /// cell, in the order the constructor checks them (amount, expected close date, owner, forecast category); the last
    /// row, and no cell, when none is.</summary>
    private static (HistoryRow Row, Cell? Cell) Culprit(Opportunity opportunity, List<HistoryRow> sorted)
    {
        HistoryRow? Last(Func<OpportunityChange, bool> gives) => sorted.LastOrDefault(r => gives(r.Change));
        if (Last(c => c.Amount is not null) is { } a && a.Change.Amount != opportunity.Amount)
        {
            return (a, a.Amount);
        }

        if (Last(c => c.ExpectedClose is not null) is { } d && d.Change.ExpectedClose != opportunity.ExpectedClose)
        {
            return (d, d.ExpectedClose);
        }

        if (Last(c => c.Owner is not null) is { } o && o.Change.Owner != opportunity.Owner)
        {
            return (o, o.Owner);
        }

        if (!opportunity.IsClosed && Last(c => c.ForecastCategory is not null) is { } f && f.Change.ForecastCategory != opportunity.ForecastCategory)
        {
            return (f, f.ForecastCategory);
        }

        return (sorted[^1], null);
    }

    /// <summary>Returns an argument exception's message without the parameter's name the runtime appends to it.</summary>
    private static string Reason(ArgumentException e)
    {
        var suffix = e.ParamName is null ? null : $" (Parameter '{e.ParamName}')";
        return suffix is not null && e.Message.EndsWith(suffix, StringComparison.Ordinal) ? e.Message[..^suffix.Length] : e.Message;
    }

    private void ReadDeal(ImportRow row)
    {
        var id = Id(row, DealIdColumn);
        var opportunity = Reference(row, DealOpportunityIdColumn, _opportunityIds);
        var account = row.Text(DealAccountColumn, _names);
        var owner = row.Text(DealOwnerColumn, _names);
        var closedAt = row.Instant(DealClosedAtColumn);
        var amount = row.Amount(DealAmountColumn);
        var currency = row.Currency(DealCurrencyColumn, _currencies);
        var kind = ParseKind(row);
        var termStart = row.OptionalDate(DealTermStartColumn);
        var termEnd = row.OptionalDate(DealTermEndColumn);
        if (termEnd is null && termStart is not null)
        {
            throw Bad(row.Get(DealTermEndColumn), "term_start is given without term_end; give both or neither");
        }

        if (termStart is null && termEnd is not null)
        {
            throw Bad(row.Get(DealTermStartColumn), "term_end is given without term_start; give both or neither");
        }

        if (termEnd < termStart)
        {
            throw Bad(row.Get(DealTermEndColumn), $"term_end {Iso(termEnd)} is before term_start {Iso(termStart)}");
        }

        var recurring = row.OptionalAmount(DealRecurringMonthlyColumn);
        var dimensions = row.ReadDimensions(_names);
        _dealIds.Add(id, row, DealIdColumn);
        _deals.Add(new Deal(
            new DealId(id),
            new AccountId(account),
            new RepId(owner),
            closedAt,
            new Money(amount, currency),
            kind,
            opportunity is null ? null : new OpportunityId(opportunity),
            termStart is { } start ? new DateInterval(start, termEnd!.Value) : null,
            recurring is { } r ? new Money(r, currency) : null,
            dimensions));
    }

    private DealKind ParseKind(ImportRow row)
    {
        var text = row.Text(DealKindColumn, _names);
        if (!DealKinds.TryParse(text, out var kind))
        {
            var cell = row.RequiredCell(DealKindColumn);
            throw new RowException(cell, $"unknown deal kind '{MessageText.Of(cell.Text)}'; use new-business, add-on, renewal or win-back{cell.MappedNote}");
        }

        return kind;
    }

    private void ReadActivity(ImportRow row)
    {
        if (_ahead is { } ahead && ahead.TryGetPrepared(out PreparedActivity prepared) && prepared.Id is { } preparedId)
        {
            // The reading thread parsed every value and found every reference: what is left is what must be in order.
            PreparedRows++;
            _currentId = preparedId;
            _activityIds.Add(preparedId, row, ActivityIdColumn);
            _builder.AddActivity(
                new ActivityId(preparedId),
                prepared.Kind,
                new RepId(prepared.Owner!),
                prepared.OccurredAt,
                prepared.Outcomes,
                prepared.Lead is null ? null : new LeadId(prepared.Lead),
                prepared.Opportunity is null ? null : new OpportunityId(prepared.Opportunity),
                prepared.Tool);
            return;
        }

        var id = Id(row, ActivityIdColumn);
        var kind = row.Text(ActivityKindColumn, _names);
        var owner = row.Text(ActivityOwnerColumn, _names);
        var occurredAt = row.Instant(ActivityOccurredAtColumn);
        var outcomes = ParseOutcomes(row);
        var lead = Reference(row, ActivityLeadIdColumn, _leadIds);
        var opportunity = Reference(row, ActivityOpportunityIdColumn, _opportunityIds);
        var tool = row.OptionalText(ActivityToolColumn, _names);
        var dimensions = row.ReadDimensions(_names);
        _activityIds.Add(id, row, ActivityIdColumn);
        _builder.AddActivity(
            new ActivityId(id),
            Kind(kind),
            new RepId(owner),
            occurredAt,
            outcomes,
            lead is null ? null : new LeadId(lead),
            opportunity is null ? null : new OpportunityId(opportunity),
            tool,
            dimensions);
    }

    /// <summary>Returns the kind of a pooled name, made once per distinct name.</summary>
    private SalesActivityKind Kind(string name)
    {
        if (!_kinds.TryGetValue(name, out var kind))
        {
            kind = new SalesActivityKind(name);
            _kinds.Add(name, kind);
        }

        return kind;
    }

    private static string Iso(LocalDate? date) => date is { } d ? NodaTime.Text.LocalDatePattern.Iso.Format(d) : string.Empty;

    private static ActivityOutcomes ParseOutcomes(ImportRow row)
    {
        var column = ActivityOutcomesColumn;
        if (!row.TrySpan(column, out var text))
        {
            if (row.NoSpanMeansNoValue)
            {
                return ActivityOutcomes.None;
            }

            var cell = row.Get(column);
            return cell.Text is null ? ActivityOutcomes.None : ParseOutcomes(cell.Text.AsSpan(), cell);
        }

        return ParseOutcomes(text, null, row, column);
    }

    private static ActivityOutcomes ParseOutcomes(ReadOnlySpan<char> text, Cell? cell, ImportRow? row = null, CsvColumn? column = null)
    {
        var outcomes = Outcomes(text, out var unknown);
        if (!unknown.IsEmpty)
        {
            var at = cell ?? row!.Get(column!);
            throw new RowException(at, $"unknown outcome '{MessageText.Of(unknown.ToString())}'; use connected, delivered, opened, replied, positive or next-appointment, separated by ';'{at.MappedNote}");
        }

        return outcomes;
    }

    /// <summary>Returns the outcomes a list names, and the first word that names none (empty when every word does).</summary>
    private static ActivityOutcomes Outcomes(ReadOnlySpan<char> text, out ReadOnlySpan<char> unknown)
    {
        var outcomes = ActivityOutcomes.None;
        foreach (var range in text.Split(';'))
        {
            var part = text[range].Trim();
            if (part.IsEmpty)
            {
                continue;
            }

            var outcome = Outcome(part);
            if (outcome == ActivityOutcomes.None)
            {
                unknown = part;
                return outcomes;
            }

            outcomes |= outcome;
        }

        unknown = default;
        return outcomes;
    }

    /// <summary>Returns the outcome a word names (ASCII letters in any case, as before), or none.</summary>
    private static ActivityOutcomes Outcome(ReadOnlySpan<char> word) =>
        Ascii.EqualsIgnoreCase(word, "connected") ? ActivityOutcomes.Connected
        : Ascii.EqualsIgnoreCase(word, "delivered") ? ActivityOutcomes.Delivered
        : Ascii.EqualsIgnoreCase(word, "opened") ? ActivityOutcomes.Opened
        : Ascii.EqualsIgnoreCase(word, "replied") ? ActivityOutcomes.Replied
        : Ascii.EqualsIgnoreCase(word, "positive") ? ActivityOutcomes.Positive
        : Ascii.EqualsIgnoreCase(word, "next-appointment") ? ActivityOutcomes.NextAppointmentSet
        : word.ToString().ToLowerInvariant() switch
        {
            "connected" => ActivityOutcomes.Connected,
            "delivered" => ActivityOutcomes.Delivered,
            "opened" => ActivityOutcomes.Opened,
            "replied" => ActivityOutcomes.Replied,
            "positive" => ActivityOutcomes.Positive,
            "next-appointment" => ActivityOutcomes.NextAppointmentSet,
            _ => ActivityOutcomes.None,
        };

    private void ReadSpend(ImportRow row)
    {
        var channel = row.Text(SpendChannelColumn, _names);
        var start = row.Date(SpendStartColumn);
        var end = row.Date(SpendEndColumn);
        if (end < start)
        {
            throw Bad(row.Get(SpendEndColumn), $"end {Iso(end)} is before start {Iso(start)}");
        }

        var amount = row.Amount(SpendAmountColumn);
        var currency = row.Currency(SpendCurrencyColumn, _currencies);
        _spend.Add(new MarketingSpend(channel, new DateInterval(start, end), new Money(amount, currency), row.ReadDimensions(_names)));
    }

    /// <summary>A row of opportunity-history.csv: its change, and where it and each of its values are, for messages.</summary>
    /// <param name="Change">The change.</param>
    /// <param name="File">The file, as shown.</param>
    /// <param name="Report">The index its file's report will have in the list of reports.</param>
    /// <param name="Start">Where the row starts.</param>
    /// <param name="Amount">The cell of the amount, when the row changes it.</param>
    /// <param name="ExpectedClose">The cell of the expected close date, when the row changes it.</param>
    /// <param name="ForecastCategory">The cell of the forecast category, when the row changes it.</param>
    /// <param name="Owner">The cell of the owner, when the row changes it.</param>
    private sealed record HistoryRow(OpportunityChange Change, string File, int Report, CsvPosition Start, Cell? Amount, Cell? ExpectedClose, Cell? ForecastCategory, Cell? Owner);

    /// <summary>An opportunity read from its file, waiting for its stage changes and its field history.</summary>
    private sealed class PendingOpportunity(Opportunity opportunity)
    {
        private List<StageEntry>? _stages;
        private List<HistoryRow>? _history;
        private List<HistoryRow>? _checked;

        public Opportunity Opportunity { get; } = opportunity;

        /// <summary>Gets the history rows read, in file order, or null when there are none.</summary>
        public List<HistoryRow>? History => _history;

        public void Add(StageEntry entry) => (_stages ??= []).Add(entry);

        public void Add(HistoryRow row) => (_history ??= []).Add(row);

        /// <summary>Keeps the history, checked and in chronological order, or none when it was rejected.</summary>
        public void SetHistory(List<HistoryRow>? sorted)
        {
            _checked = sorted;
            _history = null;
        }

        /// <summary>Returns the opportunity with its stage history in chronological order (file order among equal instants).</summary>
        public Opportunity Build() =>
            _stages is null && _checked is null
                ? Opportunity
                : new Opportunity(
                    Opportunity.Id,
                    Opportunity.Account,
                    Opportunity.Owner,
                    Opportunity.CreatedAt,
                    Opportunity.Amount,
                    Opportunity.Status,
                    Opportunity.ClosedAt,
                    Opportunity.Lead,
                    _stages?.OrderBy(s => s.EnteredAt),
                    Opportunity.ExpectedClose,
                    Opportunity.LostReason,
                    Opportunity.Dimensions,
                    Opportunity.ForecastCategory,
                    _checked?.Select(r => r.Change));
    }

    /// <summary>The identifiers of one file: the line each was first seen on, its record's index, and the ones rejected.</summary>
    /// <summary>
    /// Parses activities on the thread that reads their file (<see cref="ReadAheadRowReader"/>): every value a row of
    /// activities.csv has, and its references to leads and opportunities, which are all known by then and no longer
    /// change. A row with anything that is not the common case (a blank required value, a time to parse slowly, an
    /// unknown outcome or reference) is left unprepared, and <see cref="ReadActivity"/> reads it as always, with the
    /// messages it has always had: the two paths cannot differ in what they reject.
    /// </summary>
    private sealed class ActivityPreparer(ImportSession session, NativeRow row, int headerCount) : RowPreparer
    {
        private readonly StringPool _names = new();
        private readonly Dictionary<string, SalesActivityKind> _kinds = new(StringComparer.Ordinal);

        public override void Prepare(RowBatch batch, int record)
        {
            if (batch.Prepared is not PreparedActivity[] prepared)
            {
                batch.Prepared = prepared = new PreparedActivity[RowBatch.MaxRecords];
            }

            prepared[record] = TryPrepare(out var activity) ? activity : default;
        }

        private bool TryPrepare(out PreparedActivity activity)
        {
            activity = default;
            if (row.FieldCount != headerCount
                || !row.TrySpan(ActivityIdColumn, out var id)
                || !row.TrySpan(ActivityKindColumn, out var kindName)
                || !row.TrySpan(ActivityOwnerColumn, out var owner)
                || !row.TrySpan(ActivityOccurredAtColumn, out var occurredAt)
                || !FastText.TryParseInstant(occurredAt, out var instant))
            {
                return false;
            }

            var outcomes = ActivityOutcomes.None;
            if (row.TrySpan(ActivityOutcomesColumn, out var outcomeText))
            {
                outcomes = Outcomes(outcomeText, out var unknown);
                if (!unknown.IsEmpty)
                {
                    return false;
                }
            }

            if (!TryReference(ActivityLeadIdColumn, session._leadIds, out var lead)
                || !TryReference(ActivityOpportunityIdColumn, session._opportunityIds, out var opportunity))
            {
                return false;
            }

            var name = _names.Get(kindName);
            if (!_kinds.TryGetValue(name, out var kind))
            {
                kind = new SalesActivityKind(name);
                _kinds.Add(name, kind);
            }

            activity = new PreparedActivity(
                id.ToString(),
                kind,
                _names.Get(owner),
                instant,
                outcomes,
                lead,
                opportunity,
                row.TrySpan(ActivityToolColumn, out var tool) ? _names.Get(tool) : null);
            return true;
        }

        /// <summary>A blank reference, or one to a record of the data set: the string that record's id is.</summary>
        private bool TryReference(CsvColumn column, IdRegistry registry, out string? canonical)
        {
            canonical = null;
            return !row.TrySpan(column, out var span) || registry.TryGet(span, out canonical!, out _);
        }
    }

    /// <summary>The values of a row of activities.csv as <see cref="ActivityPreparer"/> parsed them; no id when it could not.</summary>
    private readonly record struct PreparedActivity(
        string? Id, SalesActivityKind Kind, string? Owner, Instant OccurredAt, ActivityOutcomes Outcomes, string? Lead, string? Opportunity, string? Tool);

    private sealed class IdRegistry
    {
        private readonly Dictionary<string, (long Line, int Index)> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (long Line, int Index)>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private Dictionary<string, long>? _rejected;

        public IdRegistry(string file)
        {
            File = file;
            _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public string File { get; }

        /// <summary>Gets a value indicating whether the data set has this file, so that references to it are checked.</summary>
        public bool Present { get; private set; }

        public void MarkPresent() => Present = true;

        public bool Contains(string id) => _ids.ContainsKey(id);

        public void Reserve(int count) => _ids.EnsureCapacity(count);

        /// <summary>Finds an identifier by its text, giving the string kept for it and its record's index.</summary>
        public bool TryGet(ReadOnlySpan<char> id, out string canonical, out int index)
        {
            if (_lookup.TryGetValue(id, out canonical!, out var entry))
            {
                index = entry.Index;
                return true;
            }

            index = -1;
            return false;
        }

        /// <summary>Returns the line an identifier was read on, or null when it was not.</summary>
        public long? LineOf(string id) => _ids.TryGetValue(id, out var entry) ? entry.Line : null;

        public long? RejectedLine(string id) => _rejected is not null && _rejected.TryGetValue(id, out var line) ? line : null;

        public void MarkRejected(string id, long line)
        {
            if (!_ids.ContainsKey(id))
            {
                (_rejected ??= new(StringComparer.Ordinal)).TryAdd(id, line);
            }
        }

        /// <summary>Gets or sets what a position's line is called in messages: <c>line</c> in a file, <c>row</c> in a result set.</summary>
        public string LineWord { get; set; } = "line";

        public void Add(string id, ImportRow row, CsvColumn column, int index = -1)
        {
            if (!_ids.TryAdd(id, (row.Line, index)))
            {
                var cell = row.Get(column);
                throw new RowException(cell, string.Create(CultureInfo.InvariantCulture, $"duplicate id '{MessageText.Of(id)}' (first on {LineWord} {_ids[id].Line}){cell.MappedNote}"));
            }
        }
    }
}
