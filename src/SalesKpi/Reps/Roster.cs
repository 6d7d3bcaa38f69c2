using System.Collections.Frozen;
using System.Collections.Immutable;
using SalesKpi.Utility;

namespace SalesKpi.Reps;

/// <summary>
/// The reps of the organisation and the team each one is in; grouping by team goes through it.
/// </summary>
/// <remarks>
/// <para>A rep appears once: a rep is in one team at a time. Reps keep the order they were given in.</para>
/// <para>Equality compares the reps in order.</para>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share across threads.</threadsafety>
public sealed class Roster : IEquatable<Roster>
{
    private readonly FrozenDictionary<RepId, Rep> _byId;

    /// <summary>Initializes a roster.</summary>
    /// <param name="reps">The reps; each identifier at most once. A default <see cref="ImmutableArray{T}"/> is empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reps"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException">A rep identifier appears twice.</exception>
    public Roster(IEnumerable<Rep> reps)
    {
        Preconditions.CheckNotNull(reps);
        var list = reps is ImmutableArray<Rep> { IsDefault: true } ? [] : reps.ToImmutableArray();
        var byId = new Dictionary<RepId, Rep>(list.Length);
        for (var i = 0; i < list.Length; i++)
        {
            var rep = list[i] ?? throw new ArgumentNullException(nameof(reps), $"Rep {i} is null.");
            Preconditions.CheckArgument(
                byId.TryAdd(rep.Id, rep),
                nameof(reps),
                $"Rep '{rep.Id}' appears twice; a rep is in one team at a time.");
        }

        Reps = list;
        _byId = byId.ToFrozenDictionary();
    }

    /// <summary>Gets a roster with no reps.</summary>
    public static Roster Empty { get; } = new([]);

    /// <summary>Gets the reps, in the order given.</summary>
    public ImmutableArray<Rep> Reps { get; }

    /// <summary>Gets the teams, each once, in order of first appearance.</summary>
    public IEnumerable<TeamId> Teams => Reps.Select(r => r.Team).Distinct();

    /// <summary>Returns the rep with the given identifier.</summary>
    /// <param name="id">The rep's identifier.</param>
    /// <param name="rep">The rep, when found.</param>
    /// <returns>True when the rep is on the roster.</returns>
    public bool TryGetRep(RepId id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Rep? rep) => _byId.TryGetValue(id, out rep);

    /// <summary>Returns the team of a rep.</summary>
    /// <param name="id">The rep's identifier.</param>
    /// <returns>The team, or null when the rep is not on the roster.</returns>
    public TeamId? TeamOf(RepId id) => _byId.TryGetValue(id, out var rep) ? rep.Team : null;

    /// <summary>Returns true when both rosters hold the same reps in the same order, or both are null.</summary>
    /// <param name="left">The first roster.</param>
    /// <param name="right">The second roster.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Roster? left, Roster? right) =>
        ReferenceEquals(left, right)
        || (left is not null && right is not null && left.Reps.SequenceEqual(right.Reps));

    /// <summary>Returns true when the rosters differ.</summary>
    /// <param name="left">The first roster.</param>
    /// <param name="right">The second roster.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(Roster? left, Roster? right) => !(left == right);

    /// <summary>Returns true when <paramref name="other"/> holds the same reps in the same order.</summary>
    /// <param name="other">The roster to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Roster? other) => this == other;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Roster other && this == other;

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var rep in Reps)
        {
            hash.Add(rep);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns <c>Roster (N reps in M teams)</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"Roster ({Reps.Length} reps in {Teams.Count()} teams)";
}
