using Nps.Insights;
using Nps.Tests.Segmentation;

namespace Nps.Tests.Insights;

/// <summary>When inclusion probabilities differ, the signals rest on the weighted estimates (1 / probability, linearised variance).</summary>
public sealed class CoachingSignalWeightingTests
{
    private static readonly DateTimeOffset January = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Ten agents over nine months, each with as many easy contacts as hard ones. Easy contacts are surveyed with
    /// probability <paramref name="easyProbability"/>(agent), hard ones with <paramref name="hardProbability"/>(agent):
    /// the responses' mix differs from the contacts' mix, and only the weights undo that.
    /// </summary>
    private static List<SurveyResponse> Population(int seed, Func<int, double> easyProbability, Func<int, double> hardProbability,
        Func<int, (double Easy, double Hard)> scores)
    {
        var random = new Random(seed);
        var responses = new List<SurveyResponse>();
        for (var agent = 0; agent < 10; agent++)
        {
            for (var month = 0; month < 9; month++)
            {
                for (var contact = 0; contact < 160; contact++)
                {
                    var hard = contact % 2 == 1;
                    var probability = hard ? hardProbability(agent) : easyProbability(agent);
                    if (random.NextDouble() >= probability) continue;
                    var score = hard ? scores(agent).Hard : scores(agent).Easy;
                    var at = January.AddMonths(month).AddHours(random.Next(24 * 28));
                    var rating = CoachingSignalSimulationTests.Draw(random, CoachingSignalSimulationTests.AtScore(score));
                    responses.Add(ResponseFactory.Response(rating, at, agent: "a" + agent, inclusionProbability: probability));
                }
            }
        }

        return responses;
    }

    private static List<SurveyResponse> Unweighted(List<SurveyResponse> responses) => [.. responses.Select(r => r with { InclusionProbability = 1 })];

    [Fact]
    public void Detect_AgentSurveyedMostlyOnHardContacts_WeightsRemoveTheFalseUnderperformance()
    {
        // Everyone scores +45 on easy and +5 on hard contacts: +25 overall. Agent a0's survey reaches mostly hard
        // contacts, the others' mostly easy ones, so unweighted a0 looks about 24 points worse than it is.
        var responses = Population(31, agent => agent == 0 ? 0.1 : 0.4, agent => agent == 0 ? 0.4 : 0.1, _ => (45, 5));
        var detector = new CoachingSignalDetector(new CoachingSignalOptions());

        var unweighted = detector.Detect(Unweighted(responses));
        var weighted = detector.Detect(responses);

        var naive = Assert.Single(unweighted, s => s.Kind == CoachingSignalKinds.Underperformance);
        Assert.Equal("a0", naive.Value);
        Assert.False(naive.Evidence.Weighted);
        Assert.DoesNotContain(weighted, s => s.Kind == CoachingSignalKinds.Underperformance);
    }

    [Fact]
    public void Detect_UnderperformerWithUnequalProbabilities_EvidenceIsTheWeightedEstimate()
    {
        var responses = Population(32, agent => agent % 2 == 0 ? 0.2 : 0.4, agent => agent % 2 == 0 ? 0.4 : 0.2,
            agent => agent == 3 ? (10, -30) : (45, 5));
        var detector = new CoachingSignalDetector(new CoachingSignalOptions());

        var signal = Assert.Single(detector.Detect(responses), s => s.Kind == CoachingSignalKinds.Underperformance);

        // Independently: Σ w·x / Σ w over a3's responses, x = +1 promoter, −1 detractor, 0 passive, w = 1 / probability.
        var own = responses.Where(r => r.Agent == "a3").ToList();
        var expected = 100 * own.Sum(r => r.Weight * (r.Rating.Value >= 9 ? 1 : r.Rating.Value <= 6 ? -1 : 0)) / own.Sum(r => r.Weight);
        Assert.Equal("a3", signal.Value);
        Assert.True(signal.Evidence.Weighted);
        Assert.Equal(expected, signal.Evidence.Score, 9);
        var estimate = WeightedNpsEstimate.FromInclusionProbabilities([.. own.Select(r => (byte)r.Rating.Value)], [.. own.Select(r => r.InclusionProbability)]);
        Assert.Equal(estimate.ConfidenceInterval(0.95), signal.Evidence.Interval);
        Assert.Equal(own.Count, signal.Evidence.Count);
        Assert.InRange(signal.Evidence.Difference!.Value, -45, -25);
        Assert.True(signal.Evidence.StandardError > estimate.StandardError);
    }
}
