using Nps.Sampling;
using Nps.Touchpoints;

namespace Nps.Serialization;

/// <summary>
/// Builds a <see cref="SimulationDocument"/> as decisions stream by: each decision's document, outcomes,
/// suppressions per rule and coverage per segment of one dimension. Holds one document per decision.
/// </summary>
/// <param name="by">The dimension for coverage: <c>team</c>, <c>agent</c>, <c>channel</c>, <c>product</c>,
/// <c>touchpoint</c>, <c>survey_kind</c> (case-insensitive) or a free attribute name.</param>
public sealed class SimulationDocumentBuilder(string by)
{
    private readonly List<SurveyDecisionDocument> decisions = [];
    private readonly SortedDictionary<string, long> suppressions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, (long Events, long Invitations)> segments = new(StringComparer.Ordinal);
    private readonly string by = by ?? throw new ArgumentNullException(nameof(by));
    private long invitations;
    private long deferred;

    /// <summary>Counts one event's decision.</summary>
    /// <param name="touchpoint">The event.</param>
    /// <param name="decision">What the program decided for it.</param>
    public void Add(TouchpointEvent touchpoint, SurveyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(touchpoint);
        ArgumentNullException.ThrowIfNull(decision);
        var document = SurveyDecisionDocument.From(decision);
        decisions.Add(document);
        var invited = decision.Outcome != DecisionOutcome.Suppress;
        if (invited)
        {
            invitations++;
            deferred += decision.Outcome == DecisionOutcome.Defer ? 1 : 0;
        }
        else
        {
            var rule = document.Rule ?? "";
            suppressions[rule] = suppressions.GetValueOrDefault(rule) + 1;
        }

        var key = Dimension(touchpoint) ?? "";
        var (segmentEvents, segmentInvitations) = segments.GetValueOrDefault(key);
        segments[key] = (segmentEvents + 1, segmentInvitations + (invited ? 1 : 0));
    }

    /// <summary>The document at a response rate; the interval width is the worst case (variance 1) at the level.</summary>
    /// <param name="responseRate">The share of invitations expected to answer, in (0, 1].</param>
    /// <param name="level">The confidence level, in (0, 1).</param>
    /// <returns>The document.</returns>
    public SimulationDocument Build(double responseRate, double level)
    {
        if (!(responseRate > 0 && responseRate <= 1)) throw new ArgumentOutOfRangeException(nameof(responseRate), responseRate, "The response rate must be in (0, 1].");
        Guard.Level(level);
        var expected = invitations * responseRate;
        double? width = expected >= 1 ? 2 * 100 * NormalDistribution.TwoSidedCriticalValue(level) / Math.Sqrt(expected) : null;
        var coverage = segments
            .Select(s => new SegmentCoverageDocument(
                new Dictionary<string, string>(StringComparer.Ordinal) { [by] = s.Key },
                s.Value.Events,
                s.Value.Invitations,
                (double)s.Value.Invitations / s.Value.Events))
            .ToList();
        var summary = new SimulationSummaryDocument(decisions.Count, invitations, deferred, new SortedDictionary<string, long>(suppressions, StringComparer.Ordinal),
            coverage, responseRate, expected, level, width);
        return new SimulationDocument([.. decisions], summary);
    }

    private string? Dimension(TouchpointEvent touchpoint) => by.ToUpperInvariant() switch
    {
        "TEAM" => touchpoint.Team,
        "AGENT" => touchpoint.Agent,
        "CHANNEL" => touchpoint.Channel,
        "PRODUCT" => touchpoint.Product,
        "TOUCHPOINT" => touchpoint.Touchpoint,
        "SURVEY_KIND" or "KIND" => WireNames.Format(touchpoint.Kind),
        _ => touchpoint.Attributes is { } attributes && attributes.TryGetValue(by, out var value) ? value : null,
    };
}
