namespace Nps.Sampling;

/// <summary>How eligible events are sampled.</summary>
public sealed class SamplingOptions
{
    /// <summary>The sampling policies (strata), tried in order: put specific scopes before broad ones.</summary>
    public List<SamplingPolicyOptions> Policies { get; set; } = [];

    /// <summary>The cadence of relational surveys.</summary>
    public RelationalCadenceOptions RelationalCadence { get; set; } = new();

    /// <summary>The anchor of quota periods and relational cycles (default Monday 2024-01-01 00:00 UTC).</summary>
    public DateTimeOffset Epoch { get; set; } = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
