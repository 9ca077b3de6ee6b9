namespace Nps.Sampling;

/// <summary>How eligible events are sampled.</summary>
public sealed class SamplingOptions
{
    /// <summary>The sampling policies (strata), tried in order: put specific scopes before broad ones.</summary>
    public List<SamplingPolicyOptions> Policies { get; set; } = [];

    /// <summary>The cadence of relational surveys.</summary>
    public RelationalCadenceOptions RelationalCadence { get; set; } = new();

    /// <summary>
    /// The anchor of quota periods and of each customer's grid of relational slots (default Monday 2024-01-01
    /// 00:00 UTC). It need not be the launch date: a customer's first relational slot counts from when the program
    /// first sees them (see <see cref="RelationalCadenceOptions"/>); an epoch later than that sighting delays the
    /// first slot to the epoch plus the customer's offset.
    /// </summary>
    public DateTimeOffset Epoch { get; set; } = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
