using Nps.Sampling;

namespace Nps.Samples.Console.Simulation;

/// <summary>Counts decisions as they stream by: outcomes, suppressions per rule, coverage per segment.</summary>
internal sealed class SimulationTally(string by)
{
    private readonly SortedDictionary<string, long> suppressions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, (long Events, long Invitations)> segments = new(StringComparer.Ordinal);
    private long events;
    private long invitations;
    private long deferred;

    /// <summary>Counts one decision.</summary>
    public void Add(TouchpointEvent touchpoint, SimulatedDecision decision)
    {
        events++;
        var invited = decision.Outcome is "invite" or "defer";
        if (invited)
        {
            invitations++;
            deferred += decision.Outcome == "defer" ? 1 : 0;
        }
        else
        {
            suppressions[decision.Rule ?? ""] = suppressions.GetValueOrDefault(decision.Rule ?? "") + 1;
        }

        var key = Dimension(touchpoint) ?? "";
        var (segmentEvents, segmentInvitations) = segments.GetValueOrDefault(key);
        segments[key] = (segmentEvents + 1, segmentInvitations + (invited ? 1 : 0));
    }

    private string? Dimension(TouchpointEvent touchpoint) => by.ToUpperInvariant() switch
    {
        "TEAM" => touchpoint.Team,
        "AGENT" => touchpoint.Agent,
        "CHANNEL" => touchpoint.Channel,
        "PRODUCT" => touchpoint.Product,
        "TOUCHPOINT" => touchpoint.Touchpoint,
        "SURVEY_KIND" => touchpoint.Kind == SurveyKind.Relational ? "relational" : "transactional",
        _ => touchpoint.Attributes is { } attributes && attributes.TryGetValue(by, out var value) ? value : null,
    };

    /// <summary>The summary at a response rate; the width is the worst case (variance 1) at the level.</summary>
    public SimulationSummary Build(double responseRate, double level)
    {
        var expected = invitations * responseRate;
        double? width = expected >= 1 ? Math.Round(2 * 100 * NormalDistribution.TwoSidedCriticalValue(level) / Math.Sqrt(expected), 1) : null;
        var coverage = segments
            .Select(s => new SegmentCoverage(
                new Dictionary<string, string>(StringComparer.Ordinal) { [by] = s.Key },
                s.Value.Events,
                s.Value.Invitations,
                Math.Round((double)s.Value.Invitations / s.Value.Events, 4)))
            .ToList();
        return new SimulationSummary(events, invitations, deferred, suppressions, coverage, responseRate, Math.Round(expected, 1), level, width);
    }
}
