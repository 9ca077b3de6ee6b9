using Nps.Intake;
using Nps.Segmentation;

namespace Nps.Stores.Tests;

/// <summary>
/// A count query's dimension filter (<see cref="NpsCountQuery.Filter"/>) keeps exactly the groups the in-memory count
/// keeps — values compared as stored (case-differing spellings apart), a value no response has, a free attribute,
/// a value of 3,000 characters — by local day, week and month in zones with DST, a half-hour offset and none, and
/// the store hands out no other value's rows.
/// </summary>
public abstract partial class StoreContractTests
{
    private static readonly string LongTeam = "team-" + new string('x', 2_990) + "-\u00e9\U0001F600";

    [Fact]
    public async Task CountAsync_DimensionFilter_EqualsInMemoryCountInEveryZone()
    {
        var (responses, views) = await SeedFilterAsync(seed: 131);
        var filters = new (string[] Dimensions, NpsDimensionFilter Filter)[]
        {
            (["team"], new NpsDimensionFilter("team", ["north"])),
            (["TEAM"], new NpsDimensionFilter("team", ["NORTH", "south"])),
            (["team"], new NpsDimensionFilter("Team", ["nobody"])),
            (["team"], new NpsDimensionFilter("team", [LongTeam])),
            (["channel"], new NpsDimensionFilter("channel", ["chat"])),
            (["survey_kind"], new NpsDimensionFilter("kind", ["relational"])),
            (["team", "agent"], new NpsDimensionFilter("agent", ["agent-3"])),
            (["agent", "team"], new NpsDimensionFilter("team", ["north", "east"])),
            (["region"], new NpsDimensionFilter("region", ["west"])),
            (["team", "region"], new NpsDimensionFilter("region", ["east", "West"])),
        };
        foreach (var zone in new[] { "Europe/Amsterdam", "Asia/Kolkata", "America/New_York", "UTC" }.Select(TimeZoneInfo.FindSystemTimeZoneById))
        {
            foreach (var period in new Period?[] { Period.Day, Period.Week, Period.Month, null })
            {
                foreach (var (dimensions, filter) in filters)
                {
                    var query = new NpsCountQuery
                    {
                        Dimensions = dimensions, Period = period, TimeZone = zone, Filter = filter,
                        From = new DateTimeOffset(2025, 12, 3, 5, 30, 0, TimeSpan.Zero), To = new DateTimeOffset(2026, 10, 29, 0, 0, 0, TimeSpan.Zero),
                    };
                    var expected = Fingerprint(NpsCounts.Count(responses, query));
                    views.Reset();
                    var actual = new List<NpsCountRow>();
                    await foreach (var row in views.CountAsync(query, Cancel)) actual.Add(row);

                    var what = $"{string.Join(',', dimensions)} {filter.Dimension}={string.Join('|', filter.Values.Select(v => v.Length > 20 ? v[..20] : v))} {period} {zone.Id}";
                    Assert.True(expected.SequenceEqual(Fingerprint(actual)), $"{what}: {string.Join(", ", expected.Except(Fingerprint(actual)).Take(3))} / {string.Join(", ", Fingerprint(actual).Except(expected).Take(3))}");
                    var index = filter.IndexIn(dimensions);
                    Assert.All(actual, row => Assert.True(filter.Matches(row.DimensionValues[index]), what));
                }
            }
        }

        // The filter holds something to find: the long value's responses and both north spellings are counted apart.
        Assert.Contains(responses, r => r.Team == LongTeam);
        Assert.Contains(responses, r => r.Team == "NORTH");
    }

    [Fact]
    public async Task CountAsync_FilterOnDimensionNotGrouped_ArgumentErrorNamingIt()
    {
        var stores = await OpenAsync();
        var counts = stores.Counts ?? (INpsCountSource)stores.Responses;
        var query = new NpsCountQuery { Dimensions = ["agent"], Filter = new NpsDimensionFilter("team", ["north"]) };

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(async () => { await foreach (var _ in counts.CountAsync(query, Cancel)) { } });

        Assert.Equal("Filter", error.ParamName);
        Assert.Contains("'team'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'agent'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The rows' content in a stable order (weight sums rounded: the stores add them in another order; the inclusion
    /// probability bounds left out: the rollups keep them per group of ratings, not per rating).
    /// </summary>
    private static List<string> Fingerprint(IEnumerable<NpsCountRow> rows) =>
    [
        .. rows.Select(r => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{r.Period}|{string.Join('\u001f', r.DimensionValues.Select(v => v ?? "\u0000"))}|{r.Rating.Value}|{r.IsManual}|{r.IsUnsolicited}|{r.Count}|{r.WeightSum:F6}|{r.SquaredWeightSum:F6}"))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Responses over a year whose teams differ by case, one team 3,000 characters long, and a free attribute in two spellings.</summary>
    private async Task<(List<SurveyResponse> Responses, CountingViews Views)> SeedFilterAsync(int seed)
    {
        var stores = await OpenAsync();
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero);
        string?[] teams = ["north", "NORTH", "south", "east", LongTeam, null];
        string?[] regions = ["west", "West", "east", null];
        var responses = new List<SurveyResponse>();
        for (var i = 0; i < 900; i++)
        {
            var at = start.AddDays(random.Next(390)).AddMinutes(i % 3 == 0 ? (22 * 60) + random.Next(240) : random.Next(24 * 60));
            var region = regions[random.Next(regions.Length)];
            responses.Add(new SurveyResponse
            {
                ResponseId = $"filter-{seed}-{i:D4}",
                RespondentId = $"customer-{random.Next(300)}",
                Rating = NpsRating.From(random.Next(11)),
                RespondedAt = at.ToOffset(TimeSpan.FromMinutes(30 * random.Next(-10, 20))),
                Team = teams[random.Next(teams.Length)],
                Agent = random.Next(10) == 0 ? null : $"agent-{random.Next(5)}",
                Channel = random.Next(2) == 0 ? "chat" : "phone",
                Kind = random.Next(4) == 0 ? SurveyKind.Relational : SurveyKind.Transactional,
                IsManual = random.Next(12) == 0,
                InclusionProbability = random.Next(3) == 0 ? 0.5 : 1,
                Provenance = random.Next(10) == 0 ? ResponseProvenance.Unsolicited : ResponseProvenance.Solicited,
                Attributes = region is null
                    ? new Dictionary<string, string>(StringComparer.Ordinal)
                    : new Dictionary<string, string>(StringComparer.Ordinal) { ["region"] = region },
            });
        }

        foreach (var response in responses) await stores.Responses.AddAsync(new StoredResponse { Response = response }, null, null, Cancel);
        return (responses, new CountingViews(stores.Counts ?? (INpsCountSource)stores.Responses, (IResponseSliceSource)stores.Responses) { Stores = stores });
    }
}
