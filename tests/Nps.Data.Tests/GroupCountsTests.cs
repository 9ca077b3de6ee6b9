namespace Nps.Data.Tests;

public sealed class GroupCountsTests
{
    [Fact]
    public void Add_PackedAndUnpackedKeys_CountsEqualAPlainDictionary()
    {
        // Width 5: parts below 2^12 pack into 64 bits; the large ones take the general table.
        var groups = new GroupCounts(5);
        var expected = new Dictionary<string, long[]>();
        var random = new Random(9);
        Span<int> key = stackalloc int[5];
        for (var i = 0; i < 200_000; i++)
        {
            key[0] = random.Next(12);
            key[1] = random.Next(20);
            key[2] = i % 50 == 0 ? 4096 + random.Next(3) : random.Next(400);
            key[3] = random.Next(2);
            key[4] = random.Next(2);
            var rating = random.Next(11);
            groups.Add(key, rating);
            var name = string.Join(",", key.ToArray());
            if (!expected.TryGetValue(name, out var counts))
            {
                expected[name] = counts = new long[11];
            }

            counts[rating]++;
        }

        Assert.Equal(expected.Count, groups.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            Assert.Equal(expected[string.Join(",", groups.Key(g).ToArray())], groups.Counts(g).ToArray());
        }
    }

    [Fact]
    public void Counts_AddAfterReadingCounts_IncludesTheLaterAdds()
    {
        var groups = new GroupCounts(2);
        groups.Add([1, 2], 10);
        Assert.Equal(1, groups.Counts(0)[10]);

        groups.Add([1, 2], 10);
        groups.Add([1, 2], 0);

        Assert.Equal(2, groups.Counts(0)[10]);
        Assert.Equal(1, groups.Counts(0)[0]);
    }
}
