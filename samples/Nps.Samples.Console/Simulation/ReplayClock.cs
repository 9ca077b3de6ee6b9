namespace Nps.Samples.Console.Simulation;

/// <summary>
/// A clock that replays history: set to each event's time before the program decides, so cooldowns, caps and
/// quiet hours see the log's own timeline instead of today.
/// </summary>
internal sealed class ReplayClock : TimeProvider
{
    /// <summary>The current replayed instant.</summary>
    public DateTimeOffset Now { get; set; }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
