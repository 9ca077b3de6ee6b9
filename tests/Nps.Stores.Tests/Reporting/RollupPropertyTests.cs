using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Data.Sqlite;
using Nps.Intake;
using Nps.Reporting;
using Nps.Segmentation;
using Nps.Sqlite;
using Nps.Sqlite.Reporting;
using Nps.Tests.Segmentation;

namespace Nps.Stores.Tests.Reporting;

/// <summary>
/// Random responses over two months around a DST change and month ends, and random queries (zone, period, dimension,
/// from/to): the SQLite rollup path, the raw path and the in-memory builder give the same report. Each case starts
/// by deleting the previous case's responses, so the delete triggers are exercised too. The window holds whole UTC
/// months, so the month rows are read too (less the shorter sides of their split days).
/// </summary>
public sealed class RollupPropertyTests : IDisposable
{
    private static readonly string[] Zones = ["UTC", "Europe/Amsterdam", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns"];
    private static readonly Period?[] Periods = [null, Period.Day, Period.Week, Period.Month, Period.Quarter, Period.Year];
    private static readonly string[][] DimensionSets = [[], ["team"], ["survey_kind"]];
    private static readonly string?[] Teams = [null, "a", "b", ""];
    private static readonly double[] Probabilities = [1, 0.5, 0.3];
    private static readonly DateTimeOffset Anchor = new(2026, 3, 29, 1, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("nps-rollup-property-").FullName;
    private readonly SqliteNpsStores _stores;

    /// <summary>One database for all cases.</summary>
    public RollupPropertyTests() => _stores = new SqliteNpsStores($"Data Source={Path.Combine(_folder, "nps.db")}");

    /// <inheritdoc/>
    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Property(MaxTest = 60)]
    public Property CountAsync_RandomResponsesAndQueries_RollupsEqualRawAndInMemory() => Prop.ForAll(Cases().ToArbitrary(), c =>
    {
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "nps.db")}"))
        {
            connection.Open();
            using var clear = connection.CreateCommand();
            clear.CommandText = "DELETE FROM nps_responses; SELECT count(*) FROM nps_response_days;";
            Assert.Equal(0L, clear.ExecuteScalar());
        }

        var responses = c.Responses.Select((r, i) => new SurveyResponse
        {
            ResponseId = "P" + i,
            RespondentId = "C" + i,
            Rating = NpsRating.From(r.Rating),
            RespondedAt = Anchor.AddMinutes(r.Minute).AddSeconds(r.Minute % 7),
            Team = Teams[r.Team],
            Kind = r.Relational ? SurveyKind.Relational : SurveyKind.Transactional,
            // Unit weights; one probability per team (rows of one team are not mixed, so month rows less their split
            // days' shorter sides are exact, weighted); or mixed everywhere (months of mixed rows are read as weeks and days).
            InclusionProbability = c.Weights switch { 0 => 1, 1 => Probabilities[r.Team % Probabilities.Length], _ => Probabilities[r.Probability] },
            IsManual = r.Manual,
        }).ToList();
        foreach (var response in responses)
        {
            _stores.Responses.AddAsync(new StoredResponse { Response = response }, null, null, TestContext.Current.CancellationToken).AsTask().GetAwaiter().GetResult();
        }

        var options = new NpsReportOptions
        {
            Dimensions = DimensionSets[c.Dimensions],
            Period = Periods[c.Period],
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(Zones[c.Zone]),
            MinimumCount = 2,
            IncludeManual = c.IncludeManual,
        };
        DateTimeOffset? from = c.From is { } f ? Anchor.AddMinutes(f) : null;
        DateTimeOffset? to = c.To is { } t ? Anchor.AddMinutes(t) : null;
        var expected = new NpsReportBuilder(options);
        expected.AddRange(responses.Where(r => (from is null || r.RespondedAt >= from) && (to is null || r.RespondedAt < to)));
        var fingerprint = ReportFingerprint.Of(expected.Build());
        foreach (var use in new[] { RollupUse.Always, RollupUse.Never, RollupUse.Auto })
        {
            var actual = new SqliteResponseCounter(_stores.Database, use).BuildReportAsync(options, from, to, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
            ResponseCounterTests.AssertSameReport(fingerprint, ReportFingerprint.Of(actual), $"{use} {c}");
        }
    });

    private static Gen<Case> Cases()
    {
        const int window = 45 * 24 * 60; // minutes either side of the anchor
        var response = Gen.Choose(-window, window).SelectMany(minute => Gen.Choose(0, 10).SelectMany(rating => Gen.Choose(0, Teams.Length - 1).SelectMany(team =>
            Gen.Choose(0, Probabilities.Length - 1).SelectMany(p => Gen.Choose(0, 15).Select(flags =>
                new Generated(minute, rating, team, p, (flags & 1) != 0 && (flags & 2) != 0, (flags & 12) == 12))))));
        var bound = Gen.Choose(-window, window).Select(m => (int?)m);
        return response.ArrayOf().Where(r => r.Length > 0).SelectMany(responses => Gen.Choose(0, Zones.Length - 1).SelectMany(zone =>
            Gen.Choose(0, Periods.Length - 1).SelectMany(period => Gen.Choose(0, DimensionSets.Length - 1).SelectMany(dimensions =>
                Gen.Frequency((2, Gen.Constant((int?)null)), (1, bound)).SelectMany(from => Gen.Frequency((2, Gen.Constant((int?)null)), (1, bound)).SelectMany(to =>
                    Gen.Choose(0, 5).Select(flags => new Case(responses, zone, period, dimensions, from, to, flags % 3, flags >= 3))))))));
    }

    /// <summary>One generated response: minutes from the anchor, rating, team index, probability index and flags.</summary>
    public sealed record Generated(int Minute, int Rating, int Team, int Probability, bool Relational, bool Manual);

    /// <summary>One generated case: responses and a query.</summary>
    public sealed record Case(Generated[] Responses, int Zone, int Period, int Dimensions, int? From, int? To, int Weights, bool IncludeManual)
    {
        /// <inheritdoc/>
        public override string ToString() =>
            $"{Responses.Length} responses, zone {Zones[Zone]}, period {Periods[Period]}, by {string.Join(',', DimensionSets[Dimensions])}, from {From}, to {To}, weights {Weights}";
    }
}
