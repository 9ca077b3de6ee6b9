using System.Globalization;
using Nps.FollowUp;
using Nps.Insights;

namespace Nps.Tests.Huddle;

/// <summary>A constructed week for team "care": ISO week 2026-W11 (Monday 2026-03-09 to Sunday 2026-03-15), UTC.</summary>
internal static class HuddleTestData
{
    public static readonly ThemeTaxonomy Taxonomy = new(
    [
        new Theme { Id = "waiting", Name = "Waiting", Keywords = new Dictionary<string, IReadOnlyList<string>> { ["en"] = ["wait*"] } },
        new Theme { Id = "friendly", Name = "Friendliness", Keywords = new Dictionary<string, IReadOnlyList<string>> { ["en"] = ["friendly"] } },
    ]);

    public static SurveyResponse[] Responses() =>
    [
        // W11, team care.
        Response("R1", 10, "2026-03-09T09:00:00Z", "Super friendly, thank you Anna", agent: "anna"),
        Response("R2", 9, "2026-03-09T10:00:00Z", "Quick and correct answer", agent: "bob"),
        Response("R3", 9, "2026-03-10T08:00:00Z", null, agent: "anna", callback: true),
        Response("R4", 8, "2026-03-10T09:00:00Z", "ok"),
        Response("R5", 7, "2026-03-11T09:00:00Z", "Please call me about my bill", callback: true),
        Response("R6", 3, "2026-03-12T09:00:00Z", "Waited 40 minutes", agent: "bob"),
        Response("R7", 0, "2026-03-15T23:59:00Z", "Transferred three times, waited forever", agent: "carl", callback: true),
        Response("R8", 6, "2026-03-13T09:00:00Z", "   "),
        Response("R9", 10, "2026-03-14T09:00:00Z", "Great", agent: "dave", manual: true),
        // Not in the brief: another team, and the next week.
        Response("R10", 0, "2026-03-11T09:00:00Z", "bad", team: "sales", callback: true),
        Response("R11", 0, "2026-03-16T00:00:00Z", "next week", callback: true),
        // W10: NPS +40 from 5 answers.
        Response("R20", 10, "2026-03-02T09:00:00Z", null),
        Response("R21", 10, "2026-03-03T09:00:00Z", null),
        Response("R22", 9, "2026-03-04T09:00:00Z", null),
        Response("R23", 0, "2026-03-05T09:00:00Z", null),
        Response("R24", 8, "2026-03-08T23:00:00Z", null),
        // W04 is the oldest of the 8 trend periods; W03 is before them.
        Response("R30", 9, "2026-01-19T09:00:00Z", null),
        Response("R31", 9, "2026-01-18T09:00:00Z", null),
    ];

    public static FollowUpCase[] FollowUps() =>
    [
        FollowUp("R6", "care", "2026-03-12T09:00:00Z", "2026-03-14T09:00:00Z", FollowUpStatus.Open),   // overdue at the week's end
        FollowUp("R7", "care", "2026-03-15T23:59:00Z", "2026-03-16T23:59:00Z", FollowUpStatus.Open),   // not yet due
        FollowUp("R5", "care", "2026-03-11T09:00:00Z", "2026-03-12T09:00:00Z", FollowUpStatus.Closed),
        FollowUp("R10", "sales", "2026-03-11T09:00:00Z", "2026-03-12T09:00:00Z", FollowUpStatus.Open),
    ];

    public static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    internal static SurveyResponse Response(string id, int rating, string at, string? comment, string team = "care", string? agent = null, bool callback = false, bool manual = false) => new()
    {
        ResponseId = id,
        RespondentId = "C-" + id,
        Rating = NpsRating.From(rating),
        RespondedAt = At(at),
        Comment = comment,
        Team = team,
        Agent = agent,
        CallbackRequested = callback,
        IsManual = manual,
    };

    private static FollowUpCase FollowUp(string responseId, string team, string respondedAt, string dueAt, FollowUpStatus status) => new()
    {
        Id = FollowUpCase.IdFor(responseId),
        ResponseId = responseId,
        CustomerId = "C-" + responseId,
        RespondedAt = At(respondedAt),
        DueAt = At(dueAt),
        OwnerTeam = team,
        Status = status,
    };
}
