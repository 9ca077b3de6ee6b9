namespace Nps;

/// <summary>
/// The time precision every store keeps (1 µs, PostgreSQL's <c>timestamptz</c>), in one place below both the intake and
/// erasure, which each stamp what a store keeps.
/// </summary>
internal static class StoredTime
{
    /// <summary>The instant with its ticks below a microsecond dropped, offset kept.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset at) =>
        at.Ticks % TimeSpan.TicksPerMicrosecond == 0 ? at : new(at.Ticks - (at.Ticks % TimeSpan.TicksPerMicrosecond), at.Offset);
}
