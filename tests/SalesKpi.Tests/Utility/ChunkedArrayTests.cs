using System.Reflection;
using SalesKpi.Reporting;
using SalesKpi.Utility;

namespace SalesKpi.Tests.Utility;

/// <summary>
/// <see cref="ChunkedArray{T}"/>: one index space over chunks that stay on the small-object heap, so that a large
/// report's values are collected with the report instead of being kept alive by a large-object array.
/// </summary>
/// <remarks>Not run beside other tests: one of them holds a no-GC region, which another's collections would end.</remarks>
[Collection(NotInParallel.Name)]
public class ChunkedArrayTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8_191)]
    [InlineData(8_192)]
    [InlineData(8_193)]
    [InlineData(40_545)]
    public void Indexer_EveryIndex_ReadsWhatWasWritten(int length)
    {
        var array = new ChunkedArray<string>(length);
        for (var i = 0; i < length; i++)
        {
            array[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal(length, array.Length);
        for (var i = 0; i < length; i++)
        {
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), array[i]);
        }
    }

    [Fact]
    public void Indexer_PastTheLastChunk_Throws()
    {
        // 8,193 elements: one full chunk of 8,192 and a chunk of 1, so index 8,193 is outside both.
        var array = new ChunkedArray<string>(8_193);

        Assert.Throws<IndexOutOfRangeException>(() => array[8_193]);
        Assert.ThrowsAny<Exception>(() => array[8_193] = "x");
        Assert.Throws<IndexOutOfRangeException>(() => array[-1]);
    }

    [Fact]
    public void Setter_PastTheEndOfAShortLastChunk_Throws()
    {
        // 8,193 elements: the last chunk holds one, so index 8,194 is in the chunk's range of indexes but not in it.
        var array = new ChunkedArray<string>(8_193);

        Assert.Throws<ArgumentOutOfRangeException>(() => array[8_194] = "x");
    }

    [Fact]
    public void Chunks_OfAMillionElements_AreAllOnTheSmallObjectHeap()
    {
        // A single array of a million references (8 MB) would be on the large-object heap, which GC.GetGeneration
        // reports as generation 2 from the start. Chunks of 8,192 references (65,560 bytes) are below the 85,000-byte
        // threshold and start in generation 0 (1 at most, should another test's allocations end the region early).
        // No collection may run meanwhile (it would promote the first chunks): the region covers the 8 MB with room.
        ChunkedArray<object> array;
        object[][] chunks;
        var noGc = GC.TryStartNoGCRegion(64_000_000);
        try
        {
            array = new ChunkedArray<object>(1_000_000);
            chunks = (object[][])typeof(ChunkedArray<object>).GetField("_chunks", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(array)!;
            Assert.True(noGc, "The no-GC region could not start: the check would not be reliable.");
            Assert.All(chunks, chunk => Assert.InRange(GC.GetGeneration(chunk), 0, 1));
        }
        finally
        {
            if (noGc && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }

        Assert.Equal(123, chunks.Length); // ceil(1,000,000 / 8,192) = 123
        Assert.All(chunks, chunk => Assert.True(chunk.Length <= 8_192));
        Assert.Null(array[999_999]);
    }

    [Fact]
    public void KpiValue_AsShared_IsEqualWithTheSameHashAndCarriesItsNumber()
    {
        var value = KpiValue.Ratio(3, 4);
        var shared = value.AsShared(7);

        Assert.Equal(value, shared);
        Assert.Equal(value.GetHashCode(), shared.GetHashCode());
        Assert.Equal(value.ToString(), shared.ToString());
        Assert.Equal(0, value.ShareId);
        Assert.Equal(7, shared.ShareId);
    }
}

/// <summary>The collection of tests that must not run beside any other (they hold a process-wide GC state).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotInParallel
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Not in parallel";
}
