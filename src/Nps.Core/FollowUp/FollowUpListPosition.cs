using System.Security.Cryptography;
using System.Text;

namespace Nps.FollowUp;

/// <summary>
/// Where a follow-up stands in the list order of <see cref="IFollowUpStore.ListPageAsync"/>: by due time, then by a
/// hash of its id (<see cref="IdHashOf"/>). The hash is bounded whatever the id's length and carries nothing of it, so
/// a position can be handed out as an opaque cursor.
/// </summary>
/// <param name="DueUtcTicks">The due time, in UTC ticks.</param>
/// <param name="IdHash">The hash of the id (<see cref="IdHashOf"/>).</param>
public readonly record struct FollowUpListPosition(long DueUtcTicks, string IdHash) : IComparable<FollowUpListPosition>
{
    /// <summary>The position of a follow-up.</summary>
    /// <param name="followUp">The follow-up.</param>
    /// <returns>Its due time and id hash.</returns>
    public static FollowUpListPosition Of(FollowUpCase followUp)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return new(followUp.DueAt.UtcTicks, IdHashOf(followUp.Id));
    }

    /// <summary>The hash of an id the list is ordered by: the first 16 bytes of its UTF-8 SHA-256, as 32 upper-case hex digits.</summary>
    /// <param name="id">The follow-up id.</param>
    /// <returns>The hash.</returns>
    public static string IdHashOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)), 0, 16);
    }

    /// <summary>Orders by due time, then by id hash (ordinal).</summary>
    /// <param name="other">The other position.</param>
    /// <returns>Less than zero when this one comes first.</returns>
    public int CompareTo(FollowUpListPosition other) =>
        DueUtcTicks != other.DueUtcTicks ? DueUtcTicks.CompareTo(other.DueUtcTicks) : string.CompareOrdinal(IdHash, other.IdHash);

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    /// <param name="left">A position.</param>
    /// <param name="right">Another position.</param>
    /// <returns>Whether it comes first.</returns>
    public static bool operator <(FollowUpListPosition left, FollowUpListPosition right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/> or is it.</summary>
    /// <param name="left">A position.</param>
    /// <param name="right">Another position.</param>
    /// <returns>Whether it comes first or is the same.</returns>
    public static bool operator <=(FollowUpListPosition left, FollowUpListPosition right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    /// <param name="left">A position.</param>
    /// <param name="right">Another position.</param>
    /// <returns>Whether it comes later.</returns>
    public static bool operator >(FollowUpListPosition left, FollowUpListPosition right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/> or is it.</summary>
    /// <param name="left">A position.</param>
    /// <param name="right">Another position.</param>
    /// <returns>Whether it comes later or is the same.</returns>
    public static bool operator >=(FollowUpListPosition left, FollowUpListPosition right) => left.CompareTo(right) >= 0;
}
