using System.Collections.Immutable;

namespace SalesKpi.Rendering;

/// <summary>
/// A document to render: a title, lines of notes under it, and sections (tables and charts). It says what is shown, not
/// how: <see cref="DocumentRenderer"/> writes it as text, Markdown or HTML.
/// </summary>
/// <remarks><see cref="KpiDocuments"/> makes documents from reports, peer comparisons and trends.</remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class KpiDocument
{
    /// <summary>Initializes a new instance of the <see cref="KpiDocument"/> class.</summary>
    /// <param name="title">The title.</param>
    /// <param name="notes">The lines written under the title, such as the range and the source.</param>
    /// <param name="sections">The sections, in order.</param>
    /// <exception cref="ArgumentNullException">An argument, a note or a section is null.</exception>
    public KpiDocument(string title, IEnumerable<string> notes, IEnumerable<DocumentSection> sections)
    {
        ArgumentNullException.ThrowIfNull(title);
        Title = title;
        Notes = Checks.Items(notes, nameof(notes));
        Sections = Checks.Items(sections, nameof(sections));
    }

    /// <summary>Gets the title.</summary>
    public string Title { get; }

    /// <summary>Gets the lines under the title.</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>Gets the sections, in order.</summary>
    public ImmutableArray<DocumentSection> Sections { get; }
}
