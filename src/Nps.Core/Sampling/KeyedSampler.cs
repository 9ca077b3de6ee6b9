using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Nps.Sampling;

/// <summary>
/// Keyed, deterministic randomness for sampling: HMAC-SHA256 of the customer id and an input (an event id, a
/// cycle, a sample name) under a secret key, mapped to a uniform value in [0, 1) with 53 bits. The same key and
/// input give the same value on every machine and process; without the key nobody (staff included) can predict
/// or steer who is selected.
/// </summary>
public sealed class KeyedSampler
{
    /// <summary>The shortest key accepted, in bytes (128 bits).</summary>
    public const int MinimumKeyLength = 16;

    private const double TwoToMinus53 = 1.0 / (1UL << 53);
    private readonly byte[] _key;

    [ThreadStatic]
    private static KeyedSampler? t_owner;

    [ThreadStatic]
    private static IncrementalHash? t_hmac;

    /// <summary>Creates a sampler with a secret key of at least <see cref="MinimumKeyLength"/> bytes.</summary>
    /// <param name="key">The secret key; copied.</param>
    /// <exception cref="ArgumentException">The key is shorter than <see cref="MinimumKeyLength"/> bytes.</exception>
    public KeyedSampler(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyLength)
        {
            throw new ArgumentException($"The sampling key must be at least {MinimumKeyLength} bytes; it is {key.Length}.", nameof(key));
        }

        _key = key.ToArray();
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(_key, digest);
        KeyId = Convert.ToHexStringLower(digest[..6]);
    }

    /// <summary>A fingerprint of the key (12 hex digits of its SHA-256), safe to log and to store with decisions.</summary>
    public string KeyId { get; }

    /// <summary>The keyed uniform value in [0, 1) for a customer and an input.</summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="input">The event id, cycle or sample name.</param>
    /// <returns>A value in [0, 1) with 53 random bits.</returns>
    public double Uniform(string customerId, string input) => (Hash64(customerId, input) >> 11) * TwoToMinus53;

    /// <summary>Whether a Bernoulli draw at <paramref name="rate"/> selects the customer for the input.</summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="input">The event id, cycle or sample name.</param>
    /// <param name="rate">The selection rate in [0, 1].</param>
    /// <returns><see langword="true"/> when <see cref="Uniform"/> is below the rate.</returns>
    public bool Selects(string customerId, string input, double rate)
    {
        if (!(rate is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(rate), rate, "A rate must be within [0, 1].");
        return Uniform(customerId, input) < rate;
    }

    /// <summary>
    /// The customer's fixed offset within a cycle (e.g. a day of the year), spread evenly over customers, so that
    /// a relational survey reaches each customer at the same point of every cycle and the whole base evenly.
    /// </summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="cycle">The cycle length (positive).</param>
    /// <returns>An offset in [0, <paramref name="cycle"/>), whole seconds.</returns>
    public TimeSpan CycleOffset(string customerId, TimeSpan cycle)
    {
        if (cycle <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(cycle), cycle, "A cycle must be positive.");
        var seconds = (long)cycle.TotalSeconds;
        var offset = (long)(Uniform(customerId, "cadence") * seconds);
        return TimeSpan.FromSeconds(Math.Min(offset, seconds - 1));
    }

    /// <summary>
    /// A fixed-size random sample of a customer list, reproducible from the key: the <paramref name="size"/>
    /// customers with the smallest keyed hashes (a bottom-k sample). The result does not depend on the order of
    /// the list or on duplicates in it, and every distinct customer has inclusion probability size / N.
    /// </summary>
    /// <param name="customerIds">The population; blank ids are ignored, duplicates count once.</param>
    /// <param name="size">How many customers to draw (not negative).</param>
    /// <param name="sampleName">Names the sample (e.g. <c>relational-2026-Q4</c>): another name gives an independent sample.</param>
    /// <returns>The sample, ordered by id (ordinal).</returns>
    public FixedSizeSample SelectFixedSize(IEnumerable<string> customerIds, int size, string sampleName)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentException.ThrowIfNullOrWhiteSpace(sampleName);

        // A max-heap of the k smallest hashes: the root is the largest kept hash, evicted by anything smaller.
        var heap = new PriorityQueue<string, (ulong Hash, string Id)>(size + 1, LargestFirst.Instance);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in customerIds)
        {
            if (string.IsNullOrWhiteSpace(id) || !seen.Add(id)) continue;
            if (size == 0) continue;
            var priority = (Hash64(id, sampleName), id);
            if (heap.Count < size)
            {
                heap.Enqueue(id, priority);
            }
            else if (heap.TryPeek(out _, out var largest) && Compare(priority, largest) < 0)
            {
                heap.DequeueEnqueue(id, priority);
            }
        }

        var selected = heap.UnorderedItems.Select(i => i.Element).Order(StringComparer.Ordinal).ToArray();
        return new FixedSizeSample(selected, seen.Count, sampleName);
    }

    /// <summary>The first 64 bits of HMAC-SHA256(key, len(customer) ‖ customer ‖ len(input) ‖ input), big-endian.</summary>
    internal ulong Hash64(string customerId, string input)
    {
        // Length prefixes keep ("ab", "c") and ("a", "bc") apart.
        var encoding = Encoding.UTF8;
        var length = 8 + encoding.GetMaxByteCount(customerId.Length) + encoding.GetMaxByteCount(input.Length);
        byte[]? rented = null;
        var buffer = length <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = encoding.GetBytes(customerId, buffer[4..]);
            BinaryPrimitives.WriteInt32BigEndian(buffer, written);
            var at = 4 + written;
            var inputWritten = encoding.GetBytes(input, buffer[(at + 4)..]);
            BinaryPrimitives.WriteInt32BigEndian(buffer[at..], inputWritten);
            at += 4 + inputWritten;
            Span<byte> mac = stackalloc byte[32];
            var hmac = ThreadHmac();
            hmac.AppendData(buffer[..at]);
            hmac.GetHashAndReset(mac);
            return BinaryPrimitives.ReadUInt64BigEndian(mac);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// A keyed HMAC per thread, reused: creating one per draw costs about twice the hashing itself. Rebuilt when
    /// another sampler last used this thread.
    /// </summary>
    private IncrementalHash ThreadHmac()
    {
        if (!ReferenceEquals(t_owner, this) || t_hmac is null)
        {
            t_hmac?.Dispose();
            t_hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
            t_owner = this;
        }

        return t_hmac;
    }

    internal static string CycleInput(long cycle) => "cycle:" + cycle.ToString(CultureInfo.InvariantCulture);

    private static int Compare((ulong Hash, string Id) a, (ulong Hash, string Id) b)
    {
        var byHash = a.Hash.CompareTo(b.Hash);
        return byHash != 0 ? byHash : string.CompareOrdinal(a.Id, b.Id);
    }

    private sealed class LargestFirst : IComparer<(ulong Hash, string Id)>
    {
        public static readonly LargestFirst Instance = new();

        public int Compare((ulong Hash, string Id) x, (ulong Hash, string Id) y) => KeyedSampler.Compare(y, x);
    }
}
