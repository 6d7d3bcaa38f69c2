using System.Collections.Immutable;

namespace SalesKpi.Rendering;

/// <summary>Argument checks shared by the document model.</summary>
internal static class Checks
{
    /// <summary>Returns the items as an array, throwing when the sequence or one of its items is null.</summary>
    public static ImmutableArray<T> Items<T>(IEnumerable<T> items, string name)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items, name);
        var array = items.ToImmutableArray();
        for (var i = 0; i < array.Length; i++)
        {
            if (array[i] is null)
            {
                throw new ArgumentNullException(name, $"Item {i} of {name} is null.");
            }
        }

        return array;
    }
}
