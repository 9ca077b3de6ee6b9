using Nps.Segmentation;

namespace Nps.Tests.Segmentation;

/// <summary>
/// Seeded responses for checking pushed-down counts against the in-memory report builder: spread over a DST
/// change in spring and autumn, with many answers within an hour of local midnights, missing and empty values,
/// free attributes, manual sends and unequal inclusion probabilities.
/// </summary>
/// <remarks>Linked into the store tests too, so every store is checked on the same data.</remarks>
internal static class CountTestData
{
    /// <summary>Zones with DST (northern and southern, a 30-minute shift) and one with a 45-minute offset.</summary>
    public static readonly string[] Zones = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"];

    public static readonly string?[] Teams = ["north", "south", "east", null, ""];

    public static IReadOnlyList<SurveyResponse> Responses(int seed, int count)
    {
        var random = new Random(seed);
        var provenances = new Random(~seed); // apart, so the other fields stay those of the seed
        var responses = new List<SurveyResponse>(count);
        DateTimeOffset[] anchors =
        [
            new(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), // Europe: clocks forward (Sunday 29 March)
            new(2026, 10, 25, 1, 0, 0, TimeSpan.Zero), // Europe: clocks back (Sunday 25 October)
            new(2026, 3, 8, 7, 0, 0, TimeSpan.Zero), // America/New_York forward
            new(2026, 4, 4, 15, 0, 0, TimeSpan.Zero), // Lord Howe back 30 minutes (5 April 02:00 local)
            new(2026, 6, 30, 22, 0, 0, TimeSpan.Zero), // a month and quarter end
            new(2025, 12, 31, 23, 30, 0, TimeSpan.Zero), // a year end
        ];
        for (var i = 0; i < count; i++)
        {
            var anchor = anchors[random.Next(anchors.Length)];
            // Most within ±2 days of the anchor, on whole minutes and odd seconds; some within ±1 hour of a whole hour.
            var at = random.Next(4) == 0
                ? anchor.AddHours(random.Next(-48, 49)).AddMinutes(random.Next(-60, 61))
                : anchor.AddMinutes(random.Next(-2 * 24 * 60, 2 * 24 * 60)).AddSeconds(random.Next(60));
            var offset = TimeSpan.FromMinutes(15 * random.Next(-48, 57));
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            if (random.Next(3) > 0) attributes["region"] = random.Next(2) == 0 ? "emea" : "apac";
            if (random.Next(5) == 0) attributes["Region"] = "case-differs";
            responses.Add(new SurveyResponse
            {
                ResponseId = $"count-{seed}-{i}",
                RespondentId = $"customer-{random.Next(count / 3 + 1)}",
                Rating = NpsRating.From(random.Next(11)),
                RespondedAt = at.ToOffset(offset),
                Kind = random.Next(4) == 0 ? SurveyKind.Relational : SurveyKind.Transactional,
                Team = Teams[random.Next(Teams.Length)],
                Agent = random.Next(6) == 0 ? null : $"agent-{random.Next(7)}",
                Channel = random.Next(2) == 0 ? "phone" : "chat",
                Attributes = attributes,
                InclusionProbability = random.Next(4) switch { 0 => 0.5, 1 => 0.25, 2 => 0.3, _ => 1 },
                IsManual = random.Next(10) == 0,
                Provenance = provenances.Next(8) switch { 0 => ResponseProvenance.Unsolicited, 1 => ResponseProvenance.Historical, _ => ResponseProvenance.Solicited },
            });
        }

        return responses;
    }

    /// <summary>Report options across dimensions (built-in, derived, free, absent), periods and zones.</summary>
    public static IEnumerable<NpsReportOptions> Options()
    {
        string[][] dimensions = [[], ["team"], ["Team", "region"], ["survey_kind", "channel", "agent"], ["Region", "missing"]];
        Period?[] periods = [null, Period.Day, Period.Week, Period.Month, Period.Quarter, Period.Year];
        var index = 0;
        foreach (var zone in Zones)
        {
            foreach (var period in periods)
            {
                var dims = dimensions[index++ % dimensions.Length];
                yield return new NpsReportOptions
                {
                    Dimensions = dims,
                    Period = period,
                    TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone),
                    MinimumCount = 5,
                    IncludeManual = index % 3 == 0,
                    IncludeUnsolicited = index % 4 == 1,
                };
            }
        }
    }
}
