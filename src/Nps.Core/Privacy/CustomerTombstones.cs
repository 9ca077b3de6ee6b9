using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Nps.Privacy;

/// <summary>
/// Makes the keyed hashes tombstones are stored under: HMAC-SHA256 of the customer id with a key derived from the
/// program's secret (the sampling key), so the hash cannot be reversed by hashing guessed ids without the key.
/// </summary>
public sealed class CustomerTombstones
{
    private static readonly byte[] KeyLabel = "nps/customer-tombstone-key/v1"u8.ToArray();
    private readonly byte[] _key;

    /// <summary>Creates the hasher from its key.</summary>
    /// <param name="key">The HMAC key, at least 32 bytes.</param>
    /// <exception cref="ArgumentException">The key is shorter than 32 bytes.</exception>
    public CustomerTombstones(ReadOnlySpan<byte> key)
    {
        if (key.Length < 32) throw new ArgumentException("A tombstone key must have at least 32 bytes.", nameof(key));
        _key = key.ToArray();
    }

    /// <summary>Derives the key from a secret (the sampling key), under a label of its own, so it differs from the survey tokens' key.</summary>
    /// <param name="secret">The secret, at least 16 bytes.</param>
    /// <returns>The hasher.</returns>
    /// <exception cref="ArgumentException">The secret is shorter than 16 bytes.</exception>
    public static CustomerTombstones DeriveFrom(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < 16) throw new ArgumentException("The secret to derive a tombstone key from must have at least 16 bytes.", nameof(secret));
        return new CustomerTombstones(HMACSHA256.HashData(secret, KeyLabel));
    }

    /// <summary>The keyed hash of a customer id (base64url, 43 characters).</summary>
    /// <param name="customerId">The customer id.</param>
    /// <returns>The hash.</returns>
    public string Hash(string customerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        return Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(customerId)));
    }

    /// <summary>The tombstone of a customer erased at a time.</summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="erasedAt">When the customer is erased.</param>
    /// <returns>The tombstone.</returns>
    public CustomerTombstone Create(string customerId, DateTimeOffset erasedAt) => new(Hash(customerId), erasedAt);
}
