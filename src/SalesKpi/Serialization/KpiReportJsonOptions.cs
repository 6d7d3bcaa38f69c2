using System.Text.Json;

namespace SalesKpi.Serialization;

/// <summary>
/// What an application adds to the report document that <see cref="KpiReportJson"/> writes: properties of its own in
/// <c>settings</c>, in each group and at the end of the document. The document's shape is documented in docs/json.md.
/// </summary>
/// <remarks>
/// <para>Each hook receives the writer positioned inside the object it extends and must write whole properties only
/// (a name and its value); the library writes the object's braces. Names the library uses are reserved.</para>
/// <para>The <c>saleskpi</c> tool uses these hooks for the files it read (<c>settings.data</c>), the names and teams
/// of reps (in <c>groups</c>) and what its import read and rejected (<c>import</c>).</para>
/// </remarks>
/// <threadsafety>Instances are immutable once built and can be shared between threads, if the hooks can.</threadsafety>
public sealed class KpiReportJsonOptions
{
    /// <summary>Gets the options with no hook: the document as the library writes it.</summary>
    public static KpiReportJsonOptions Default { get; } = new();

    /// <summary>Gets the properties written at the end of <c>settings</c>, after the library's own.</summary>
    /// <value>A hook that writes properties, or null.</value>
    public Action<Utf8JsonWriter>? WriteSettings { get; init; }

    /// <summary>Gets the properties written in each entry of <c>groups</c>, after its <c>key</c>.</summary>
    /// <value>A hook given the writer and the group's key, or null.</value>
    public Action<Utf8JsonWriter, string>? WriteGroup { get; init; }

    /// <summary>Gets the properties written at the end of the document, after <c>results</c>.</summary>
    /// <value>A hook that writes properties, or null.</value>
    public Action<Utf8JsonWriter>? WriteEnd { get; init; }

    /// <summary>Gets a value indicating whether the document is indented (the default) or written on one line.</summary>
    /// <value>True to indent; used only where this library creates the writer.</value>
    public bool Indented { get; init; } = true;
}
