using System.Collections;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Parquet;
using Parquet.Schema;
using SalesKpi.Csv;

namespace SalesKpi.Parquet;

/// <summary>
/// The rows of one table stored as one or more Parquet files (the parts of a warehouse export), as a forward-only
/// <see cref="DbDataReader"/>: one row group of one file is in memory at a time, column by column.
/// </summary>
/// <remarks>
/// <para>Only flat columns are read; a list, map or struct column is left out. A timestamp adjusted to UTC is a
/// <see cref="DateTime"/> of kind UTC (an instant); one that is not is of no kind (a wall-clock time). A date is a
/// <see cref="DateOnly"/>, a decimal a <see cref="decimal"/>, text a <see cref="string"/>.</para>
/// </remarks>
internal sealed class ParquetTableReader : DbDataReader
{
    private static readonly ParquetOptions Options = new() { UseDateOnlyTypeForDates = true };

    private readonly CsvSource _files;
    private readonly IReadOnlyList<string> _parts;
    private readonly string _described;
    private readonly CancellationToken _openToken;
    private Column[] _columns = [];
    private Stream? _stream;
    private ParquetReader? _reader;
    private int _part = -1;
    private int _group;
    private int _rows;
    private int _row;
    private bool _closed;

    private ParquetTableReader(CsvSource files, IReadOnlyList<string> parts, string described, CancellationToken cancellationToken)
    {
        _files = files;
        _parts = parts;
        _described = described;
        _openToken = cancellationToken;
    }

    public override int FieldCount => _columns.Length;

    public override int Depth => 0;

    public override bool HasRows => true;

    public override bool IsClosed => _closed;

    public override int RecordsAffected => -1;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <summary>Opens the first part and reads its schema, which every other part must share.</summary>
    /// <exception cref="ParquetFileException">A part is not a Parquet file.</exception>
    public static async Task<ParquetTableReader> OpenAsync(CsvSource files, IReadOnlyList<string> parts, string described, CancellationToken cancellationToken)
    {
        var reader = new ParquetTableReader(files, parts, described, cancellationToken);
        try
        {
            await reader.NextPartAsync(cancellationToken).ConfigureAwait(false);
            return reader;
        }
        catch
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override bool Read() => ReadAsync(_openToken).GetAwaiter().GetResult();

    public override async Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (++_row >= _rows)
        {
            if (!await NextGroupAsync(cancellationToken).ConfigureAwait(false))
            {
                _row = _rows;
                return false;
            }
        }

        return true;
    }

    public override bool NextResult() => false;

    public override string GetName(int ordinal) => _columns[ordinal].Field.Name;

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            if (string.Equals(_columns[i].Field.Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(name), name, "The Parquet file has no such column.");
    }

    // The same trimming annotation as the base method's (DbDataReader.GetFieldType), so that a Native AOT publish of the
    // tool keeps what a caller may reflect over; every column's Type is annotated alike.
    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
    public override Type GetFieldType(int ordinal) => _columns[ordinal].Type;

    public override string GetDataTypeName(int ordinal) => _columns[ordinal].TypeName;

    public override object GetValue(int ordinal) => _columns[ordinal].Get(_row) ?? DBNull.Value;

    public override int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var count = Math.Min(values.Length, _columns.Length);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    public override bool IsDBNull(int ordinal) => _columns[ordinal].Get(_row) is null;

    public override bool GetBoolean(int ordinal) => (bool)GetValue(ordinal);

    public override byte GetByte(int ordinal) => Convert.ToByte(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var bytes = (byte[])GetValue(ordinal);
        if (buffer is null)
        {
            return bytes.Length;
        }

        var count = (int)Math.Max(0, Math.Min(length, bytes.Length - dataOffset));
        Array.Copy(bytes, dataOffset, buffer, bufferOffset, count);
        return count;
    }

    public override char GetChar(int ordinal) => GetString(ordinal)[0];

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null)
        {
            return text.Length;
        }

        var count = (int)Math.Max(0, Math.Min(length, text.Length - dataOffset));
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    public override DateTime GetDateTime(int ordinal) => (DateTime)GetValue(ordinal);

    public override decimal GetDecimal(int ordinal) => Convert.ToDecimal(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override double GetDouble(int ordinal) => Convert.ToDouble(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override float GetFloat(int ordinal) => Convert.ToSingle(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override Guid GetGuid(int ordinal) => GetValue(ordinal) is Guid guid ? guid : Guid.Parse(GetString(ordinal), CultureInfo.InvariantCulture);

    public override short GetInt16(int ordinal) => Convert.ToInt16(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override int GetInt32(int ordinal) => Convert.ToInt32(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override long GetInt64(int ordinal) => Convert.ToInt64(GetValue(ordinal), CultureInfo.InvariantCulture);

    public override string GetString(int ordinal) => (string)GetValue(ordinal);

    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    public override void Close()
    {
        if (!_closed)
        {
            _closed = true;

            // The reader holds nothing but the stream, so releasing it does not wait on anything.
            ReleasePartAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            _closed = true;
            await ReleasePartAsync().ConfigureAwait(false);
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    /// <summary>Loads the next row group, of this part or the next; false after the last.</summary>
    private async Task<bool> NextGroupAsync(CancellationToken cancellationToken)
    {
        while (_reader is not null && _group >= _reader.RowGroupCount)
        {
            if (_part + 1 >= _parts.Count)
            {
                return false;
            }

            await NextPartAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_reader is null)
        {
            return false;
        }

        try
        {
            using var group = _reader.OpenRowGroupReader(_group++);
            _rows = checked((int)group.RowCount);
            _row = -1;
            foreach (var column in _columns)
            {
                await column.LoadAsync(group, _rows, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not ParquetFileException)
        {
            throw new ParquetFileException(string.Create(CultureInfo.InvariantCulture, $"{Shown(_part)} cannot be read (row group {_group - 1}): {e.Message}"), e);
        }

        return true;
    }

    private async Task NextPartAsync(CancellationToken cancellationToken)
    {
        await ReleasePartAsync().ConfigureAwait(false);
        _part++;
        _group = 0;
        _stream = _files.Open(_parts[_part]);
        try
        {
            _reader = await ParquetReader.CreateAsync(_stream, Options, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ParquetFileException($"{Shown(_part)} is not a Parquet file that can be read: {e.Message}", e);
        }

        var columns = _reader.Schema.Fields.OfType<DataField>().Where(f => !f.IsArray).Select(Column.For).OfType<Column>().ToArray();
        if (_part == 0)
        {
            _columns = columns;
        }
        else if (!columns.Select(c => c.Field.Name).SequenceEqual(_columns.Select(c => c.Field.Name), StringComparer.Ordinal))
        {
            throw new ParquetFileException($"{Shown(_part)} has the columns {string.Join(", ", columns.Select(c => c.Field.Name))}, but {Shown(0)} has {string.Join(", ", _columns.Select(c => c.Field.Name))}: the parts of a table share one schema");
        }
        else
        {
            // The same columns; this part's fields read them.
            for (var i = 0; i < columns.Length; i++)
            {
                _columns[i] = columns[i];
            }
        }
    }

    /// <summary>Closes the current part's reader and file.</summary>
    private async ValueTask ReleasePartAsync()
    {
        if (_reader is not null)
        {
            await _reader.DisposeAsync().ConfigureAwait(false);
            _reader = null;
        }

        if (_stream is not null)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
            _stream = null;
        }
    }

    private string Shown(int part) => _parts.Count == 1 ? _described : _files.Describe(_parts[part]);

    /// <summary>One column's values for the current row group.</summary>
    private abstract class Column(DataField field)
    {
        public DataField Field { get; } = field;

        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
        public abstract Type Type { get; }

        public string TypeName => Field switch
        {
            DateTimeDataField { DateTimeFormat: DateTimeFormat.Date } => "date",
            DateTimeDataField { IsAdjustedToUTC: true } => "timestamptz",
            DateTimeDataField => "timestamp",
            DecimalDataField d => string.Create(CultureInfo.InvariantCulture, $"decimal({d.Precision},{d.Scale})"),
            _ => Type.Name.ToLowerInvariant(),
        };

        /// <summary>Returns the column for a field, or null for a type the reader does not read.</summary>
        public static Column? For(DataField field) => field.ClrType switch
        {
            var t when t == typeof(ReadOnlyMemory<char>) || t == typeof(string) => new TextColumn(field),
            var t when t == typeof(byte[]) => new BytesColumn(field),
            var t when t == typeof(bool) => new ValueColumn<bool>(field),
            var t when t == typeof(sbyte) => new ValueColumn<sbyte>(field),
            var t when t == typeof(byte) => new ValueColumn<byte>(field),
            var t when t == typeof(short) => new ValueColumn<short>(field),
            var t when t == typeof(ushort) => new ValueColumn<ushort>(field),
            var t when t == typeof(int) => new ValueColumn<int>(field),
            var t when t == typeof(uint) => new ValueColumn<uint>(field),
            var t when t == typeof(long) => new ValueColumn<long>(field),
            var t when t == typeof(ulong) => new ValueColumn<ulong>(field),
            var t when t == typeof(float) => new ValueColumn<float>(field),
            var t when t == typeof(double) => new ValueColumn<double>(field),
            var t when t == typeof(decimal) => new ValueColumn<decimal>(field),
            var t when t == typeof(DateOnly) => new ValueColumn<DateOnly>(field),
            var t when t == typeof(TimeOnly) => new ValueColumn<TimeOnly>(field),
            var t when t == typeof(TimeSpan) => new ValueColumn<TimeSpan>(field),
            var t when t == typeof(Guid) => new ValueColumn<Guid>(field),
            var t when t == typeof(DateTime) => new DateTimeColumn(field),
            _ => null,
        };

        public abstract ValueTask LoadAsync(ParquetRowGroupReader group, int rows, CancellationToken cancellationToken);

        public abstract object? Get(int row);
    }

    private sealed class TextColumn(DataField field) : Column(field)
    {
        private string?[] _values = [];

        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
        public override Type Type => typeof(string);

        public override ValueTask LoadAsync(ParquetRowGroupReader group, int rows, CancellationToken cancellationToken)
        {
            _values = Sized(_values, rows);
            return group.ReadAsync(Field, _values.AsMemory(0, rows), null, cancellationToken);
        }

        public override object? Get(int row) => _values[row];
    }

    private sealed class BytesColumn(DataField field) : Column(field)
    {
        private byte[]?[] _values = [];

        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
        public override Type Type => typeof(byte[]);

        public override ValueTask LoadAsync(ParquetRowGroupReader group, int rows, CancellationToken cancellationToken)
        {
            _values = Sized(_values, rows);
            return group.ReadAsync(Field, _values.AsMemory(0, rows)!, null, cancellationToken);
        }

        public override object? Get(int row) => _values[row];
    }

    private class ValueColumn<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)] T>(DataField field) : Column(field)
        where T : struct
    {
        private T?[] _nullable = [];
        private T[] _required = [];

        /// <summary>Returns the value of a row, or null.</summary>
        protected T? Value(int row) => Field.IsNullable ? _nullable[row] : _required[row];

        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
        public override Type Type => typeof(T);

        public override ValueTask LoadAsync(ParquetRowGroupReader group, int rows, CancellationToken cancellationToken)
        {
            if (Field.IsNullable)
            {
                _nullable = Sized(_nullable, rows);
                return group.ReadAsync(Field, _nullable.AsMemory(0, rows), null, cancellationToken);
            }

            _required = Sized(_required, rows);
            return group.ReadAsync(Field, _required.AsMemory(0, rows), null, cancellationToken);
        }

        public override object? Get(int row) => Field.IsNullable ? _nullable[row] : _required[row];
    }

    /// <summary>Timestamps, whose kind says whether they are instants (adjusted to UTC) or wall-clock times.</summary>
    private sealed class DateTimeColumn(DataField field) : ValueColumn<DateTime>(field)
    {
        private readonly DateTimeKind _kind = field is DateTimeDataField { IsAdjustedToUTC: false } ? DateTimeKind.Unspecified : DateTimeKind.Utc;

        // One box per value, of the timestamp with its kind (a profile had boxing a fifth of a Parquet import).
        public override object? Get(int row) => Value(row) is { } value ? DateTime.SpecifyKind(value, _kind) : null;
    }

    private static T[] Sized<T>(T[] buffer, int rows) => buffer.Length >= rows ? buffer : new T[rows];
}

/// <summary>A Parquet file that cannot be read; a <see cref="DbException"/>, so that the import names the table and goes on failing cleanly.</summary>
internal sealed class ParquetFileException(string message, Exception? inner = null) : DbException(message, inner);
