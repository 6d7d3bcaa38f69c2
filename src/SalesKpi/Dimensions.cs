using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Contracts;
using System.Text;
using SalesKpi.Utility;

namespace SalesKpi;

/// <summary>
/// The named string attributes of a record — segment, region, product, industry, any custom field — that KPIs can be
/// grouped and filtered by (<c>KpiGrouping.ByDimension</c>, <c>KpiFilter.Dimension</c>).
/// </summary>
/// <remarks>
/// <para>Names are neither empty nor white space, at most <see cref="MaxNameLength"/> characters, and compared
/// ignoring case (<see cref="StringComparison.OrdinalIgnoreCase"/>, as CSV headers are); each name keeps the spelling
/// it was first written with. Values are neither empty nor white space and compared ordinally: an importer leaves an
/// empty cell out rather than writing an empty value.</para>
/// <para>The attributes enumerate in the order of their names (ordinal, ignoring case). Equality is order-insensitive:
/// the same names with the same values.</para>
/// <para>A record's value of a dimension is its own, or else its account's (an opportunity or a deal), or else its owner
/// rep's: see <c>SalesData.DimensionOf</c>.</para>
/// </remarks>
/// <example>
/// <code>
/// var dimensions = Dimensions.Of("office", "West").With("product", "GTX Pro");
/// // dimensions.ToString() is "office=West, product=GTX Pro"
/// </code>
/// </example>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "A record's Dimensions, as Headers or Properties elsewhere: the name is the concept (issue #22), the dictionary its shape.")]
public sealed class Dimensions : IReadOnlyDictionary<string, string>, IEquatable<Dimensions>
{
    /// <summary>The longest name a dimension may have, in characters.</summary>
    public const int MaxNameLength = 64;

    private static readonly StringComparer NameComparer = StringComparer.OrdinalIgnoreCase;

    // Sorted by name (ordinal, ignoring case); a record has a handful at most, so a search of the array is the look-up.
    private readonly string[] _names;
    private readonly string[] _values;

    private Dimensions(string[] names, string[] values)
    {
        _names = names;
        _values = values;
    }

    /// <summary>Gets the dimensions with no attributes: what a record has when none is given.</summary>
    public static Dimensions Empty { get; } = new([], []);

    /// <summary>Gets the number of attributes.</summary>
    public int Count => _names.Length;

    /// <summary>Gets the names, in order, each spelt as first written.</summary>
    public IEnumerable<string> Keys => _names;

    /// <summary>Gets the values, in the order of their names.</summary>
    public IEnumerable<string> Values => _values;

    /// <summary>Gets the value of a dimension.</summary>
    /// <param name="key">The name, compared ignoring case.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">There is no dimension of that name.</exception>
    public string this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"There is no dimension '{key}'; the dimensions are: {(Count == 0 ? "(none)" : string.Join(", ", _names))}.");

    /// <summary>Creates dimensions from name-value pairs.</summary>
    /// <param name="dimensions">The pairs, in any order; each name at most once (ignoring case).</param>
    /// <returns>The dimensions; <see cref="Empty"/> when there are no pairs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dimensions"/>, a name or a value is null.</exception>
    /// <exception cref="ArgumentException">A name is empty, white space or longer than <see cref="MaxNameLength"/>
    /// characters, a value is empty or white space, or a name appears twice.</exception>
    public static Dimensions Create(IEnumerable<KeyValuePair<string, string>> dimensions)
    {
        Preconditions.CheckNotNull(dimensions);
        if (dimensions is Dimensions already)
        {
            return already;
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var pair in dimensions)
        {
            CheckName(pair.Key, nameof(dimensions));
            CheckValue(pair.Key, pair.Value, nameof(dimensions));
            pairs.Add(pair);
        }

        if (pairs.Count == 0)
        {
            return Empty;
        }

        pairs.Sort(static (a, b) => NameComparer.Compare(a.Key, b.Key));
        for (var i = 1; i < pairs.Count; i++)
        {
            Preconditions.CheckArgument(
                NameComparer.Compare(pairs[i - 1].Key, pairs[i].Key) != 0,
                nameof(dimensions),
                $"The dimension '{pairs[i].Key}' is given twice (names are compared ignoring case: '{pairs[i - 1].Key}').");
        }

        return new([.. pairs.Select(p => p.Key)], [.. pairs.Select(p => p.Value)]);
    }

    /// <summary>Creates dimensions with one attribute.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The dimensions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, white space or longer than
    /// <see cref="MaxNameLength"/> characters, or <paramref name="value"/> is empty or white space.</exception>
    public static Dimensions Of(string name, string value) => Empty.With(name, value);

    /// <summary>Returns a copy with one attribute set: added, or replacing the value of the same name.</summary>
    /// <param name="name">The name; a name already there keeps its first spelling.</param>
    /// <param name="value">The value.</param>
    /// <returns>New dimensions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, white space or longer than
    /// <see cref="MaxNameLength"/> characters, or <paramref name="value"/> is empty or white space.</exception>
    [Pure]
    public Dimensions With(string name, string value)
    {
        CheckName(name, nameof(name));
        CheckValue(name, value, nameof(value));
        var at = Array.BinarySearch(_names, name, NameComparer);
        if (at >= 0)
        {
            if (string.Equals(_values[at], value, StringComparison.Ordinal))
            {
                return this;
            }

            var values = (string[])_values.Clone();
            values[at] = value;
            return new(_names, values);
        }

        at = ~at;
        return new([.. _names.AsSpan(0, at), name, .. _names.AsSpan(at)], [.. _values.AsSpan(0, at), value, .. _values.AsSpan(at)]);
    }

    /// <summary>Returns true when there is a dimension of the given name.</summary>
    /// <param name="key">The name, compared ignoring case.</param>
    /// <returns>True when present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <summary>Gets the value of a dimension, if there is one of that name.</summary>
    /// <param name="key">The name, compared ignoring case.</param>
    /// <param name="value">The value, when present.</param>
    /// <returns>True when present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        Preconditions.CheckNotNull(key);
        var at = _names.Length == 0 ? -1 : Array.BinarySearch(_names, key, NameComparer);
        value = at >= 0 ? _values[at] : null;
        return at >= 0;
    }

    /// <summary>Returns the value of a dimension, or null when there is none of that name.</summary>
    /// <param name="name">The name, compared ignoring case.</param>
    /// <returns>The value, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public string? ValueOf(string name) => TryGetValue(Preconditions.CheckNotNull(name), out var value) ? value : null;

    /// <summary>Returns the attributes in the order of their names.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _names.Length; i++)
        {
            yield return new(_names[i], _values[i]);
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Returns true when both have the same names (ignoring case) with the same values (ordinal), or both are null.</summary>
    /// <param name="left">The first dimensions.</param>
    /// <param name="right">The second dimensions.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Dimensions? left, Dimensions? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left._names.Length; i++)
        {
            if (!NameComparer.Equals(left._names[i], right._names[i]) || !string.Equals(left._values[i], right._values[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns true when the dimensions differ in a name or a value.</summary>
    /// <param name="left">The first dimensions.</param>
    /// <param name="right">The second dimensions.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(Dimensions? left, Dimensions? right) => !(left == right);

    /// <summary>Returns true when <paramref name="other"/> has the same names with the same values.</summary>
    /// <param name="other">The dimensions to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Dimensions? other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Dimensions other && this == other;

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        for (var i = 0; i < _names.Length; i++)
        {
            hash.Add(_names[i], NameComparer);
            hash.Add(_values[i], StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns the attributes in the order of their names, such as <c>office=West, product=GTX Pro</c>; the empty string when there are none.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < _names.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(_names[i]).Append('=').Append(_values[i]);
        }

        return text.ToString();
    }

    /// <summary>Makes dimensions from names already sorted, distinct and checked, with their checked values (a table's).</summary>
    internal static Dimensions FromSorted(string[] names, string[] values) => names.Length == 0 ? Empty : new(names, values);

    /// <summary>Checks a dimension name: not blank, at most <see cref="MaxNameLength"/> characters.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or too long.</exception>
    internal static string CheckName([NotNull] string? name, string paramName)
    {
        Preconditions.CheckNotNull(name, paramName);
        Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(name), paramName, "A dimension name must not be empty or white space.");
        Preconditions.CheckArgument(
            name.Length <= MaxNameLength,
            paramName,
            $"The dimension name '{name[..MaxNameLength]}…' is {name.Length} characters long; at most {MaxNameLength} are allowed.");
        return name;
    }

    private static void CheckValue(string name, [NotNull] string? value, string paramName)
    {
        Preconditions.CheckNotNull(value, paramName);
        Preconditions.CheckArgument(
            !string.IsNullOrWhiteSpace(value),
            paramName,
            $"The value of the dimension '{name}' is empty or white space; leave the dimension out when it is not set.");
    }
}
