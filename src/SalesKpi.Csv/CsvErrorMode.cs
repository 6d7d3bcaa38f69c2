namespace SalesKpi.Csv;

/// <summary>What an import does with a row that cannot become a valid record.</summary>
public enum CsvErrorMode
{
    /// <summary>The import fails at the first bad row with a <see cref="CsvImportException"/> (the default).</summary>
    Fail = 0,

    /// <summary>The bad row is left out and listed in <see cref="CsvImportResult.Rejections"/>; the good rows are imported.</summary>
    Report = 1,
}
