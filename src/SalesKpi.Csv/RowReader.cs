using NodaTime;

namespace SalesKpi.Csv;

/// <summary>
/// A source of rows for an import: the first row is the header (the column names), each later row holds the values,
/// one field per column, each with the position messages give for it. A CSV file (<see cref="CsvRecordReader"/>) and a
/// database result (<see cref="DataRowReader"/>) are both read this way, so that every check of a row is the same.
/// </summary>
internal abstract class RowReader : IDisposable
{
    /// <summary>Gets the line (for a CSV file) or the row number (for a result set) of the current row.</summary>
    public abstract long RecordLine { get; }

    /// <summary>Gets the number of characters of the current row, for size estimates; 0 when the source has no text.</summary>
    public virtual int RecordLength => 0;

    /// <summary>Gets the number of fields of the current row.</summary>
    public abstract int Count { get; }

    /// <summary>Gets a value indicating whether the source may hold typed values (<see cref="TryGetInstant"/> and the others).</summary>
    public virtual bool HasTypedValues => false;

    /// <summary>Gets how far the source has read, in bytes, for progress reports; 0 when it does not know.</summary>
    public virtual long BytesRead => 0;

    /// <summary>Gets a field's value as a string.</summary>
    /// <param name="index">The field.</param>
    public abstract string this[int index] { get; }

    /// <summary>Returns a field's text, valid until the next read.</summary>
    /// <param name="index">The field.</param>
    /// <returns>The characters.</returns>
    public abstract ReadOnlySpan<char> Span(int index);

    /// <summary>Returns where a field of the current row is.</summary>
    /// <param name="index">The field.</param>
    /// <returns>The position.</returns>
    public abstract CsvPosition PositionOf(int index);

    /// <summary>Reads the next row.</summary>
    /// <returns>False at the end.</returns>
    public abstract bool Read();

    /// <summary>Reads the next row, without blocking when the source can wait for it.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>False at the end.</returns>
    public virtual ValueTask<bool> ReadAsync(CancellationToken cancellationToken) => new(Read());

    /// <summary>Returns a field's value as an instant when the source holds it as one (a timestamp column).</summary>
    /// <param name="index">The field.</param>
    /// <param name="zone">The zone of a timestamp with no offset.</param>
    /// <param name="value">The instant.</param>
    /// <returns>False for text, an empty value or another type: the caller parses the text.</returns>
    public virtual bool TryGetInstant(int index, DateTimeZone zone, out Instant value)
    {
        value = default;
        return false;
    }

    /// <summary>Returns a field's value as a date when the source holds it as one (a date column).</summary>
    /// <param name="index">The field.</param>
    /// <param name="value">The date.</param>
    /// <returns>False for text, an empty value or another type: the caller parses the text.</returns>
    public virtual bool TryGetDate(int index, out LocalDate value)
    {
        value = default;
        return false;
    }

    /// <summary>Returns a field's value as a decimal when the source holds it as an exact number.</summary>
    /// <param name="index">The field.</param>
    /// <param name="value">The number.</param>
    /// <returns>False for text, an empty value or another type: the caller parses the text.</returns>
    public virtual bool TryGetDecimal(int index, out decimal value)
    {
        value = default;
        return false;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the source.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }
}
