using Nps.Sampling;

namespace Nps.Stores.Tests;

/// <summary>Compares decisions by content (a store may hand back a copy read from its storage).</summary>
public sealed class DecisionComparer : IEqualityComparer<SurveyDecision?>
{
    /// <summary>The comparer.</summary>
    public static DecisionComparer Instance { get; } = new();

    /// <inheritdoc/>
    public bool Equals(SurveyDecision? x, SurveyDecision? y) =>
        x is null || y is null ? x is null && y is null : Describe(x) == Describe(y);

    /// <inheritdoc/>
    public int GetHashCode(SurveyDecision? obj) => obj is null ? 0 : Describe(obj).GetHashCode(StringComparison.Ordinal);

    private static string Describe(SurveyDecision d) =>
        string.Join("|", d.GetType().Name, d.CustomerId, d.EventId, d.Kind, d.DecidedAt.UtcTicks, d.Draw?.Value, d.Draw?.Selected,
            string.Join(";", d.Checks.Select(c => $"{c.Rule}:{c.Passed}:{c.Detail}:{c.EligibleAgainAt?.UtcTicks}")),
            d switch
            {
                InviteDecision i => $"{i.SendAt.UtcTicks}:{i.InclusionProbability}:{i.Policy}:{i.IsManual}",
                DeferDecision f => $"{f.SendAt.UtcTicks}:{f.InclusionProbability}:{f.Policy}:{f.Rule}",
                SuppressDecision s => $"{s.Rule}:{s.Reason}:{s.EligibleAgainAt?.UtcTicks}",
                _ => "",
            });
}
