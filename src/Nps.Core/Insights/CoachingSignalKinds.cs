namespace Nps.Insights;

/// <summary>The kinds of <see cref="CoachingSignal"/>, as the strings that appear in <see cref="CoachingSignal.Kind"/>.</summary>
public static class CoachingSignalKinds
{
    /// <summary>The score is below peers (the rest of the population) in k consecutive periods, each significant after adjustment.</summary>
    public const string Underperformance = "underperformance";

    /// <summary>A new team or agent whose score after its first periods dropped significantly against those first periods (the "honeymoon" decline).</summary>
    public const string PostLaunchDrop = "post-launch-drop";

    /// <summary>Possible score inflation: far more 10s or promoters, far fewer detractors, far more manual sends, or (when response rates are given) a far higher response rate than peers.</summary>
    public const string Inflation = "inflation";

    /// <summary>
    /// Possible solicitation: a response rate significantly higher than the peers' (pooled), with at least the minimum
    /// number of invitations sent, adjusted across values; found only when response rates are given.
    /// </summary>
    public const string ResponseRateOutlier = "response-rate-outlier";
}
