namespace Nps.Tests.Segmentation;

/// <summary>Seeded synthetic responses for segmentation and insight tests.</summary>
internal static class ResponseFactory
{
    private static long _next;

    public static SurveyResponse Response(int rating, DateTimeOffset at, string? team = null, string? agent = null,
        string? channel = null, double inclusionProbability = 1, bool isManual = false) => new()
    {
        ResponseId = "r" + Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Rating = NpsRating.From(rating),
        RespondedAt = at,
        Team = team,
        Agent = agent,
        Channel = channel,
        InclusionProbability = inclusionProbability,
        IsManual = isManual,
    };

    /// <summary>A rating drawn so that the expected NPS is about <paramref name="score"/> points (passives 20%).</summary>
    public static int RatingForScore(Random random, double score)
    {
        var promoter = Math.Clamp(0.4 + score / 200, 0, 0.8);
        var detractor = 0.8 - promoter;
        var u = random.NextDouble();
        if (u < promoter) return u < promoter / 2 ? 10 : 9;
        if (u < promoter + detractor) return random.Next(0, 7);
        return random.Next(7, 9);
    }
}
