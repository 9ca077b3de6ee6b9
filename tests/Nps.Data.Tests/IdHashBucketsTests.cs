using System.Text;

namespace Nps.Data.Tests;

public sealed class IdHashBucketsTests
{
    private static IdHashBuckets Buckets(int from, int to)
    {
        var buckets = new IdHashBuckets();
        for (var i = from; i < to; i++)
        {
            buckets.Add(IdTable.Hash(Encoding.UTF8.GetBytes($"R{i:D7}")));
        }

        return buckets;
    }

    [Fact]
    public void AnyRepeat_DistinctIdsOverManyBlocks_False()
    {
        // 1.2 M ids: every bucket fills several blocks.
        Assert.False(IdHashBuckets.AnyRepeat([Buckets(0, 700_000), Buckets(700_000, 1_200_000)]));
    }

    [Fact]
    public void AnyRepeat_IdRepeatedWithinOneStretch_True()
    {
        var buckets = Buckets(0, 10_000);
        buckets.Add(IdTable.Hash("R0004321"u8));

        Assert.True(IdHashBuckets.AnyRepeat([buckets]));
    }

    [Fact]
    public void AnyRepeat_IdRepeatedInALaterStretch_True()
    {
        Assert.True(IdHashBuckets.AnyRepeat([Buckets(0, 10_000), Buckets(20_000, 30_000), Buckets(9_999, 10_000)]));
    }

    [Fact]
    public void AnyRepeat_NoStretches_False()
    {
        Assert.False(IdHashBuckets.AnyRepeat([]));
    }

    [Fact]
    public void Hash_SameBytes_SameHash_AndLengthMatters()
    {
        Assert.Equal(IdTable.Hash("R0000001"u8), IdTable.Hash(Encoding.ASCII.GetBytes("R0000001")));
        Assert.NotEqual(IdTable.Hash("R1"u8), IdTable.Hash("R1\0"u8));
        Assert.NotEqual(IdTable.Hash("abcdefgh1"u8), IdTable.Hash("abcdefgh2"u8));
    }
}
