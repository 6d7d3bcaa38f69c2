using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SalesKpi.Utility;

/// <summary>
/// A fixed-length array of references kept in chunks small enough for the small-object heap.
/// </summary>
/// <remarks>
/// <para>A reference array longer than about 10,600 elements lands on the large-object heap, which only a full
/// collection frees. Until then, its card-table entries keep alive every young object it points to, even after the
/// array itself is unreachable: a report's values were promoted to the oldest generation with each collection of the
/// young ones, and those collections cost ten times what they would without. Chunks of 8,192 references (65,560 bytes
/// each) stay young and die with their owner.</para>
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class ChunkedArray<T>
    where T : class
{
    private const int ChunkBits = 13;
    private const int ChunkMask = (1 << ChunkBits) - 1;

    private readonly T[][] _chunks;

    /// <summary>Initializes an array of <paramref name="length"/> null elements.</summary>
    public ChunkedArray(int length)
    {
        Length = length;
        _chunks = new T[(int)(((long)length + ChunkMask) >> ChunkBits)][];
        for (var c = 0; c < _chunks.Length; c++)
        {
            _chunks[c] = new T[Math.Min(1 << ChunkBits, length - (c << ChunkBits))];
        }
    }

    /// <summary>Gets the number of elements.</summary>
    public int Length { get; }

    /// <summary>Gets or sets an element.</summary>
    public T this[int index]
    {
        get => _chunks[index >> ChunkBits][index & ChunkMask];
        set
        {
            // Each chunk is exactly a T[], so the store needs no covariance check (which generic code over a reference
            // type would otherwise make for every element); the index is checked by hand instead.
            var chunk = _chunks[index >> ChunkBits];
            var at = index & ChunkMask;
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)at, (uint)chunk.Length, nameof(index));

            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(chunk), at) = value;
        }
    }
}
