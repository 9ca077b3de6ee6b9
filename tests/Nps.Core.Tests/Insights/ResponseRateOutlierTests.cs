using Nps.Delivery;
using Nps.Insights;
using Nps.Segmentation;

namespace Nps.Tests.Insights;

/// <summary>
/// The response-rate indicator (possible solicitation) as seeded simulations, 200 seeds each, default options: 18
/// agents of equal scores, 120 invitations sent to each agent's customers, peers answering at 20 %.
/// </summary>
public sealed class ResponseRateOutlierTests
{
    private const int Seeds = 200;
    private const int Agents = 18;
    private const int SentPerAgent = 120;

    /// <summary>Each agent's 30 responses of one month, all drawn from one profile (no score signal to find).</summary>
    private static List<SurveyResponse> Responses(Random random)
    {
        var profile = CoachingSignalSimulationTests.AtScore(30);
        var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var responses = new List<SurveyResponse>();
        for (var agent = 0; agent < Agents; agent++)
        {
            for (var i = 0; i < 30; i++)
            {
                responses.Add(new SurveyResponse
                {
                    ResponseId = $"r-{agent}-{i}", RespondentId = $"c-{agent}-{i}", Agent = $"agent-{agent}",
                    Rating = NpsRating.From(CoachingSignalSimulationTests.Draw(random, profile)), RespondedAt = start.AddHours(i),
                });
            }
        }

        return responses;
    }

    /// <summary>Invitations sent and answered per agent: agent-0 at <paramref name="firstRate"/>, the others at 20 %.</summary>
    private static List<ResponseRateCounts> Rates(Random random, double firstRate)
    {
        var rates = new List<ResponseRateCounts>();
        for (var agent = 0; agent < Agents; agent++)
        {
            var rate = agent == 0 ? firstRate : 0.2;
            var answered = 0;
            for (var i = 0; i < SentPerAgent; i++) answered += random.NextDouble() < rate ? 1 : 0;
            rates.Add(new ResponseRateCounts($"agent-{agent}", SentPerAgent, answered));
        }

        return rates;
    }

    private static (int FirstFlagged, int OthersFlagged) Run(double firstRate)
    {
        var detector = new CoachingSignalDetector(new CoachingSignalOptions());
        int first = 0, others = 0;
        for (var seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(seed);
            var signals = detector.Detect(Responses(random), Rates(random, firstRate))
                .Where(s => s.Kind == CoachingSignalKinds.ResponseRateOutlier).ToList();
            if (signals.Any(s => s.Value == "agent-0")) first++;
            if (signals.Any(s => s.Value != "agent-0")) others++;
        }

        return (first, others);
    }

    [Fact]
    public void Detect_AgentAnsweredAtTwiceThePeersRate_FlaggedInMostSeeds()
    {
        var (first, others) = Run(firstRate: 0.4);

        // 40 % of 120 against 20 % of 2,040: z ≈ 5 before adjustment.
        Assert.InRange(first, (int)(0.9 * Seeds), Seeds);
        Assert.InRange(others, 0, (int)(0.02 * Seeds));
    }

    [Fact]
    public void Detect_EqualResponseRates_RarelyFlagged()
    {
        var (first, others) = Run(firstRate: 0.2);

        // Measured: 6 of the 200 seeds flag some agent (3 %); 18 one-sided tests of 120 invitations each.
        Assert.InRange(first + others, 0, (int)(0.05 * Seeds));
    }

    [Fact]
    public void Detect_HigherResponseRate_InflationCitesIt()
    {
        var random = new Random(7);
        var responses = Responses(random);
        List<ResponseRateCounts> rates = [new("agent-0", 600, 300), .. Enumerable.Range(1, Agents - 1).Select(a => new ResponseRateCounts($"agent-{a}", 600, 120))];

        var signals = new CoachingSignalDetector(new CoachingSignalOptions()).Detect(responses, rates);
        var without = new CoachingSignalDetector(new CoachingSignalOptions()).Detect(responses);

        var inflation = Assert.Single(signals, s => s.Kind == CoachingSignalKinds.Inflation);
        Assert.Equal("agent-0", inflation.Value);
        Assert.Contains("response rate beyond peers: 30.0 points", inflation.Evidence.Summary, StringComparison.Ordinal);
        var outlier = Assert.Single(signals, s => s.Kind == CoachingSignalKinds.ResponseRateOutlier);
        Assert.Equal("possible solicitation: response rate 50.0 % (300 of 600 sent) against peers' 20.0 % (2,040 of 10,200)", outlier.Evidence.Summary);
        Assert.DoesNotContain(without, s => s.Kind is CoachingSignalKinds.Inflation or CoachingSignalKinds.ResponseRateOutlier);
    }

    [Fact]
    public void Detect_AnsweredAboveSent_ClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => new CoachingSignalDetector(new CoachingSignalOptions()).Detect([], [new ResponseRateCounts("agent-1", 10, 11)]));

        Assert.StartsWith("The response rate of agent-1 has 11 answered of 10 sent; answered must lie in [0, sent].", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_ResponseRateCells_SumsTheDimensionsPeriods()
    {
        var january = TimeBucket.Containing(new DateOnly(2026, 1, 1), Period.Month);
        ResponseRateCell[] cells =
        [
            new(new Dictionary<string, string>(), null, 30, 9, 0.3, 0, 1),
            new(new Dictionary<string, string> { ["period"] = january.Label }, january, 30, 9, 0.3, 0, 1),
            new(new Dictionary<string, string> { ["agent"] = "a", ["period"] = january.Label }, january, 10, 4, 0.4, 0, 1),
            new(new Dictionary<string, string> { ["agent"] = "a", ["period"] = january.Next.Label }, january.Next, 5, 1, 0.2, 0, 1),
            new(new Dictionary<string, string> { ["agent"] = "b", ["period"] = january.Label }, january, 15, 4, 0.2, 0, 1),
        ];

        Assert.Equal([new("a", 15, 5), new("b", 15, 4)], ResponseRateCounts.From(cells, "agent"));
    }
}
