using System.Collections.Immutable;

namespace SalesKpi.Csv;

/// <summary>
/// The exception thrown when a CSV import fails: a bad row under <see cref="CsvErrorMode.Fail"/>, or a problem with a
/// whole file (a missing required column, an unknown column) under any mode.
/// </summary>
/// <remarks>
/// <para>Catch it to tell bad data (the user's files) from a bug.
/// <see cref="Rejection"/> says where the problem is.</para>
/// </remarks>
public sealed class CsvImportException : Exception
{
    /// <summary>Initializes an exception for a rejected row.</summary>
    /// <param name="rejection">Where the problem is and why.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rejection"/> is null.</exception>
    public CsvImportException(CsvRejection rejection)
        : base((rejection ?? throw new ArgumentNullException(nameof(rejection))).ToString()) => Rejection = rejection;

    /// <summary>Initializes an exception with no rejection details.</summary>
    public CsvImportException()
    {
    }

    /// <summary>Initializes an exception with a message and no rejection details.</summary>
    /// <param name="message">The message.</param>
    public CsvImportException(string? message)
        : base(message)
    {
    }

    /// <summary>Initializes an exception with a message, an inner exception and no rejection details.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public CsvImportException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the rows rejected before the import failed, in the order they were read.</summary>
    /// <value>Under <see cref="CsvErrorMode.Report"/>, the rows left out before a problem with a whole file stopped the
    /// import, so that a caller can still show them; empty under <see cref="CsvErrorMode.Fail"/>.</value>
    public ImmutableArray<CsvRejection> RejectedBefore { get; internal set; } = [];

    /// <summary>Gets a value indicating whether the exception is one bad row under <see cref="CsvErrorMode.Fail"/>, which
    /// <see cref="CsvErrorMode.Report"/> would leave out; false for a problem with a whole file, which fails every mode.</summary>
    internal bool IsRowRejection { get; init; }

    /// <summary>Gets where the problem is and why.</summary>
    /// <value>The rejection, or null when the exception was created without one.</value>
    public CsvRejection? Rejection { get; }
}
