using Nps.Sampling;

namespace Nps.Tests.Sampling;

public sealed class KeyedSamplerTests
{
    private static readonly KeyedSampler Sampler = new(Convert.FromBase64String(TestProgram.Key));
    private static readonly KeyedSampler Other = new(Convert.FromBase64String(TestProgram.OtherKey));

    [Fact]
    public void Uniform_SameKeyAndInput_IsStableAcrossInstances()
    {
        var again = new KeyedSampler(Convert.FromBase64String(TestProgram.Key));
        Assert.Equal(Sampler.Uniform("C1", "E1"), again.Uniform("C1", "E1"));
        Assert.Equal(Sampler.KeyId, again.KeyId);
    }

    [Fact]
    public void Uniform_KnownVector_MatchesHmacSha256()
    {
        // Pins the mapping so that a change of hash, encoding or bit selection cannot pass unnoticed:
        // HMAC-SHA256(key, be32(len) ‖ "C1" ‖ be32(len) ‖ "E1"), first 8 bytes big-endian, top 53 bits / 2^53.
        var key = Convert.FromBase64String(TestProgram.Key);
        var message = new byte[] { 0, 0, 0, 2, (byte)'C', (byte)'1', 0, 0, 0, 2, (byte)'E', (byte)'1' };
        var mac = System.Security.Cryptography.HMACSHA256.HashData(key, message);
        var expected = (System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(mac) >> 11) / 9007199254740992.0;

        Assert.Equal(expected, Sampler.Uniform("C1", "E1"));
    }

    [Fact]
    public void Uniform_SeparatesFieldBoundaries()
    {
        Assert.NotEqual(Sampler.Uniform("ab", "c"), Sampler.Uniform("a", "bc"));
    }

    [Fact]
    public void Uniform_LongInputs_AreHashed()
    {
        var longId = new string('x', 5000);
        Assert.InRange(Sampler.Uniform(longId, longId), 0.0, 1.0);
        Assert.Equal(Sampler.Uniform(longId, "e"), Sampler.Uniform(longId, "e"));
    }

    [Fact]
    public void Constructor_ShortKey_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new KeyedSampler(new byte[8]));
        Assert.Equal("key", error.ParamName);
        Assert.StartsWith("The sampling key must be at least 16 bytes; it is 8.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Selects_RateOutsideUnitInterval_Throws(double rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>("rate", () => Sampler.Selects("C1", "E1", rate));
    }

    [Fact]
    public void SelectFixedSize_IsReproducibleAndOrderIndependent()
    {
        var customers = Enumerable.Range(0, 1000).Select(i => "C" + i).ToArray();
        var shuffled = customers.Reverse().Concat(customers.Take(50)).ToArray(); // another order, with duplicates

        var sample = Sampler.SelectFixedSize(customers, 100, "relational-2026");
        var again = Sampler.SelectFixedSize(shuffled, 100, "relational-2026");

        Assert.Equal(100, sample.CustomerIds.Count);
        Assert.Equal(sample.CustomerIds, again.CustomerIds);
        Assert.Equal(1000, again.PopulationSize);
        Assert.Equal(0.1, sample.InclusionProbability);
    }

    [Fact]
    public void SelectFixedSize_OtherKeyOrName_GivesAnotherSample()
    {
        var customers = Enumerable.Range(0, 1000).Select(i => "C" + i).ToArray();
        var sample = Sampler.SelectFixedSize(customers, 100, "relational-2026").CustomerIds;

        Assert.True(sample.Intersect(Other.SelectFixedSize(customers, 100, "relational-2026").CustomerIds).Count() < 40);
        Assert.True(sample.Intersect(Sampler.SelectFixedSize(customers, 100, "relational-2027").CustomerIds).Count() < 40);
    }

    [Fact]
    public void SelectFixedSize_SizeAboveList_TakesEveryone()
    {
        var sample = Sampler.SelectFixedSize(["b", "a", " ", "a"], 10, "s");
        Assert.Equal(["a", "b"], sample.CustomerIds);
        Assert.Equal(1.0, sample.InclusionProbability);
    }

    [Fact]
    public void SelectFixedSize_EachCustomerEquallyLikely()
    {
        // Over 200 sample names, each of 20 customers is drawn about 200 * 5 / 20 = 50 times.
        var customers = Enumerable.Range(0, 20).Select(i => "C" + i).ToArray();
        var counts = customers.ToDictionary(c => c, _ => 0);
        for (var s = 0; s < 200; s++)
        {
            foreach (var id in Sampler.SelectFixedSize(customers, 5, "s" + s).CustomerIds) counts[id]++;
        }

        var chiSquare = counts.Values.Sum(c => (c - 50.0) * (c - 50.0) / 50.0);
        Assert.True(chiSquare < 43.82, $"chi-square {chiSquare} exceeds the 0.999 quantile for 19 degrees of freedom"); // chi2(0.999, 19) = 43.82
    }

    [Fact]
    public void CycleOffset_SpreadsCustomersEvenlyOverTheCycle()
    {
        var cycle = TimeSpan.FromDays(365);
        var months = new int[12];
        for (var i = 0; i < 12_000; i++)
        {
            var offset = Sampler.CycleOffset("C" + i, cycle);
            Assert.InRange(offset, TimeSpan.Zero, cycle - TimeSpan.FromSeconds(1));
            months[Math.Min(11, (int)(offset.TotalDays / (365.0 / 12)))]++;
        }

        var chiSquare = months.Sum(c => (c - 1000.0) * (c - 1000.0) / 1000.0);
        Assert.True(chiSquare < 31.26, $"chi-square {chiSquare} exceeds the 0.999 quantile for 11 degrees of freedom");
    }
}
