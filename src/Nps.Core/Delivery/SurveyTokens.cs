using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Nps.Delivery;

/// <summary>
/// Survey tokens: the secret part of a survey link. A token is HMAC-SHA256(key, invitation id) in base64url (256 bits,
/// 43 characters); the store keeps only SHA-256(token).
/// </summary>
/// <remarks>
/// <para>Derived, not random and stored, so the outbox can make the same link again after a crash between sending and
/// marking (the resend is the same message) without the clear token ever being written anywhere. A copy of the
/// database holds hashes only, and the invitation ids it holds give no token without the key.</para>
/// <para>The key is the program's own (<see cref="Sampling.SurveyProgram.Tokens"/> derives it from the sampling key
/// with a label of its own, so no second secret needs configuring); a new key makes new tokens, and the outbox refuses
/// to send a link whose hash the store does not hold.</para>
/// </remarks>
public sealed class SurveyTokens
{
    /// <summary>The length of a token in characters (32 bytes in base64url without padding).</summary>
    public const int TokenLength = 43;

    private static readonly System.Buffers.SearchValues<char> Base64UrlCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static readonly byte[] KeyLabel = "nps/survey-token-key/v1"u8.ToArray();
    private readonly byte[] _key;

    /// <summary>Creates the token maker on a key.</summary>
    /// <param name="key">At least 32 bytes of secret key.</param>
    /// <exception cref="ArgumentException">The key is shorter than 32 bytes.</exception>
    public SurveyTokens(ReadOnlySpan<byte> key)
    {
        if (key.Length < 32) throw new ArgumentException("A survey token key must have at least 32 bytes.", nameof(key));
        _key = key.ToArray();
    }

    /// <summary>A token maker whose key is derived from another secret (e.g. the sampling key) with a label of its own.</summary>
    /// <param name="secret">The secret (at least 16 bytes).</param>
    /// <returns>The token maker.</returns>
    public static SurveyTokens DeriveFrom(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < 16) throw new ArgumentException("The secret to derive a survey token key from must have at least 16 bytes.", nameof(secret));
        return new SurveyTokens(HMACSHA256.HashData(secret, KeyLabel));
    }

    /// <summary>The token of an invitation (the same every time for the same key and id).</summary>
    /// <param name="invitationId">The invitation id.</param>
    /// <returns>43 URL-safe characters.</returns>
    public string Create(string invitationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(invitationId);
        return Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(invitationId)));
    }

    /// <summary>The hash the store keeps for an invitation's token.</summary>
    /// <param name="invitationId">The invitation id.</param>
    /// <returns>SHA-256 of the token (32 bytes).</returns>
    public byte[] HashFor(string invitationId) => Hash(Create(invitationId));

    /// <summary>
    /// SHA-256 of a token's UTF-8 text, computed for any text (a malformed or unknown token costs the same as a valid
    /// one, so the lookup's time does not tell whether a token exists).
    /// </summary>
    /// <param name="token">The token as it came in (from a URL).</param>
    /// <returns>32 bytes.</returns>
    public static byte[] Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    /// <summary>Whether a text has a token's shape (43 base64url characters); others need no lookup at all.</summary>
    /// <param name="token">The text.</param>
    /// <returns>Whether it could be a token.</returns>
    public static bool IsWellFormed(string? token) =>
        token is { Length: TokenLength } && token.AsSpan().IndexOfAnyExcept(Base64UrlCharacters) < 0;

    /// <summary>Whether an invitation's stored hash is this token's (compared in constant time).</summary>
    /// <param name="invitation">The invitation.</param>
    /// <param name="tokenHash">The token's hash.</param>
    /// <returns>Whether they match.</returns>
    public static bool Matches(SurveyInvitation invitation, ReadOnlySpan<byte> tokenHash)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return invitation.TokenHash.Length == tokenHash.Length && CryptographicOperations.FixedTimeEquals(invitation.TokenHash.Span, tokenHash);
    }
}
