using System.Text;

namespace Nps.Data.Tests;

public sealed class IdTableTests
{
    [Fact]
    public void TryAdd_DistinctIdsWithTheSameHash_NotDuplicates()
    {
        var ids = new IdTable(_ => 42); // every id collides

        Assert.True(ids.TryAdd("R1"u8, 2, out _));
        Assert.True(ids.TryAdd("R2"u8, 3, out _));
        Assert.True(ids.TryAdd("R10"u8, 4, out _));
        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public void TryAdd_RepeatAmongCollidingIds_FoundWithItsFirstLine()
    {
        var ids = new IdTable(_ => 42);
        ids.TryAdd("R1"u8, 2, out _);
        ids.TryAdd("R2"u8, 3, out _);

        Assert.False(ids.TryAdd("R2"u8, 9, out var first));
        Assert.Equal(3, first);
    }

    [Fact]
    public void TryAdd_ManyIdsLongAndShort_EachRepeatFoundExactly()
    {
        var ids = new IdTable();
        string Id(int i) => i % 3 == 0 ? $"response-{i}-" + new string('x', i % 200) : $"R{i}";
        for (var i = 0; i < 50_000; i++)
        {
            Assert.True(ids.TryAdd(Encoding.UTF8.GetBytes(Id(i)), i + 2, out _));
        }

        for (var i = 0; i < 50_000; i += 997)
        {
            Assert.False(ids.TryAdd(Encoding.UTF8.GetBytes(Id(i)), 0, out var first));
            Assert.Equal(i + 2, first);
        }

        Assert.Equal(50_000, ids.Count);
    }
}
