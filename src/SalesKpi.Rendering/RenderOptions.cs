namespace SalesKpi.Rendering;

/// <summary>How a <see cref="KpiDocument"/> is rendered.</summary>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class RenderOptions
{
    private readonly int _width = 120;

    /// <summary>Gets the default options.</summary>
    public static RenderOptions Default { get; } = new();

    /// <summary>
    /// Gets the width, in characters, that text tables are fitted to: a table wider than this is split into several,
    /// each repeating the first (label) column, so that nothing wraps. Only <see cref="RenderFormat.Text"/> reads it.
    /// </summary>
    /// <value>The width; 120 by default.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value set is less than 20.</exception>
    public int Width
    {
        get => _width;
        init => _width = value >= 20 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The width must be at least 20 characters.");
    }
}
