using System.Reflection;
using Microsoft.Data.Sqlite;
using NodaTime;
using SalesKpi.Tests.TestUtilities;

namespace SalesKpi.Csv.Tests.Hostile;

/// <summary>
/// A valid argument of each type the public API of SalesKpi.Csv takes, for <see cref="NullGuards"/>. A sweep that meets
/// a type missing here fails and names it, so a new public type is added here rather than skipped.
/// </summary>
internal sealed class CsvArgumentSamples : IArgumentSource
{
    private const string Mapping = """
        { "files": [{ "source": "people.csv", "target": "reps", "columns": { "id": "Id", "name": "Name", "team": "Team" } }] }
        """;

    private static readonly Dictionary<Type, Func<object>> Samples = new()
    {
        [typeof(string)] = () => "sample",
        [typeof(int)] = () => 1,
        [typeof(long)] = () => 1L,
        [typeof(CancellationToken)] = () => CancellationToken.None,
        [typeof(DateTimeZone)] = () => DateTimeZone.Utc,
        [typeof(CsvRejection)] = () => new CsvRejection("reps.csv", 2, 1, "id", "the id is empty"),
        [typeof(CsvImportOptions)] = () => CsvImportOptions.Default,
        [typeof(CsvImporter)] = () => new CsvImporter(),
        [typeof(CsvMapping)] = () => CsvMapping.Parse(Mapping),
        // The built-in implementation, so that the abstract members are swept where users reach them.
        [typeof(CsvSource)] = () => CsvSource.FromDirectory(AppContext.BaseDirectory),
        [typeof(CsvImportException)] = () => new CsvImportException("sample"),
        [typeof(IReadOnlyDictionary<string, Stream>)] = () => new Dictionary<string, Stream>(),
        [typeof(DataReaderImporter)] = () => new DataReaderImporter(),
        [typeof(DataReaderSource)] = () => DataReaderSource.FromConnection(new SqliteConnection("Data Source=:memory:")),
        [typeof(Stream)] = () => new MemoryStream("kpi,period,target\nrevenue,2025,1000\n"u8.ToArray()),
        [typeof(CsvGoalOptions)] = () => new CsvGoalOptions(),
    };

    // Parameters whose valid values are a subset of their type's: a mapping is JSON, a directory exists.
    private static readonly Dictionary<string, Func<object>> ByParameterName = new(StringComparer.Ordinal)
    {
        ["json"] = () => Mapping,
        ["directory"] = () => AppContext.BaseDirectory,
    };

    /// <summary>Gets the samples.</summary>
    public static CsvArgumentSamples Instance { get; } = new();

    public bool TryGet(ParameterInfo parameter, out object? value)
    {
        if (parameter.Name is { } name && ByParameterName.TryGetValue(name, out var byName))
        {
            value = byName();
            return true;
        }

        return TryGetInstance(parameter.ParameterType, out value);
    }

    public bool TryGetInstance(Type type, out object? value)
    {
        if (Nullable.GetUnderlyingType(type) is not null)
        {
            value = null;
            return true;
        }

        if (type.IsEnum)
        {
            value = Activator.CreateInstance(type);
            return true;
        }

        value = Samples.TryGetValue(type, out var factory) ? factory() : null;
        return value is not null;
    }

    // SalesKpi.Csv has no generic public members yet; one added later is reported until a type argument is given here.
    public Type? TryClose(Type definition) => null;

    public MethodInfo? TryClose(MethodInfo definition) => null;
}
