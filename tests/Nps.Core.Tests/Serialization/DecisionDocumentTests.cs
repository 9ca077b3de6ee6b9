using Nps.Fatigue;
using Nps.Sampling;
using Nps.Serialization;
using Nps.Touchpoints;

namespace Nps.Tests.Serialization;

public sealed class DecisionDocumentTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static InviteDecision Invite(string eventId = "E1", string team = "Billing") => new()
    {
        CustomerId = "C1",
        EventId = eventId,
        Kind = SurveyKind.Relational,
        DecidedAt = At,
        SendAt = At,
        InclusionProbability = 1.0 / 3,
        Policy = "default",
        Checks = [new EligibilityCheck("cooldown-after-response", true, "no response in 30 days")],
        Draw = new SamplingDraw("default", 1.0 / 3, 0.125, true, eventId, "k1"),
    };

    private static SuppressDecision Suppress(string eventId = "E2") => new()
    {
        CustomerId = "C1",
        EventId = eventId,
        DecidedAt = At,
        Rule = "cooldown-after-response",
        Reason = "responded 2026-03-01; 30-day cooldown",
        EligibleAgainAt = At.AddDays(29),
    };

    [Fact]
    public void From_Invite_ExactFieldNamesKebabValuesAndNullsWritten()
    {
        var json = DocumentShape.Parse(NpsJson.Serialize(SurveyDecisionDocument.From(Invite())));

        Assert.Equal(
            ["outcome", "eventId", "customerId", "kind", "decidedAt", "rule", "reason", "sendAt", "eligibleAgainAt", "inclusionProbability",
             "policy", "isManual", "requestedBy", "checks", "draw"],
            DocumentShape.Names(json));
        Assert.Equal(("invite", "relational"), (json.GetProperty("outcome").GetString(), json.GetProperty("kind").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("rule").ValueKind);
        Assert.Equal("selected by policy default at rate 0.3333333333333333", json.GetProperty("reason").GetString());
        Assert.Equal(1.0 / 3, json.GetProperty("inclusionProbability").GetDouble());
        Assert.Equal(["rule", "passed", "detail", "eligibleAgainAt"], DocumentShape.Names(json.GetProperty("checks")[0]));
        Assert.Equal(["policy", "rate", "value", "selected", "input", "keyId"], DocumentShape.Names(json.GetProperty("draw")));
    }

    [Fact]
    public void From_Suppress_RuleReasonAndEligibleAgain_NoSendTime()
    {
        var document = SurveyDecisionDocument.From(Suppress());

        Assert.Equal(("suppress", "transactional", "cooldown-after-response"), (document.Outcome, document.Kind, document.Rule));
        Assert.Equal(At.AddDays(29), document.EligibleAgainAt);
        Assert.Null(document.SendAt);
        Assert.Null(document.InclusionProbability);
        Assert.Null(document.Draw);
    }

    [Fact]
    public void From_ManualInvite_SaysWhoAsked()
    {
        var document = SurveyDecisionDocument.From(Invite() with { IsManual = true, RequestedBy = "ann", Policy = "manual", Draw = null });

        Assert.Equal("manual invitation requested by ann", document.Reason);
        Assert.True(document.IsManual);
    }

    [Fact]
    public void SimulationBuilder_Decisions_CountsAndCoverageAtFullPrecision()
    {
        var builder = new SimulationDocumentBuilder("team");
        builder.Add(new TouchpointEvent { CustomerId = "C1", EventId = "E1", OccurredAt = At, Team = "Billing" }, Invite("E1"));
        builder.Add(new TouchpointEvent { CustomerId = "C1", EventId = "E2", OccurredAt = At, Team = "Billing" }, Suppress("E2"));
        builder.Add(new TouchpointEvent { CustomerId = "C1", EventId = "E3", OccurredAt = At, Team = "Billing" }, Suppress("E3"));
        builder.Add(new TouchpointEvent { CustomerId = "C2", EventId = "E4", OccurredAt = At }, Invite("E4"));

        var document = builder.Build(responseRate: 0.3, level: 0.95);
        var json = DocumentShape.Parse(NpsJson.Serialize(document));

        Assert.Equal(["E1", "E2", "E3", "E4"], document.Decisions.Select(d => d.EventId));
        var summary = document.Summary;
        Assert.Equal((4, 2, 0), (summary.Events, summary.Invitations, summary.Deferred));
        Assert.Equal(2, summary.Suppressions["cooldown-after-response"]);
        Assert.Equal(["", "Billing"], summary.Coverage.Select(c => c.Segment["team"]));
        Assert.Equal(1.0 / 3, summary.Coverage[1].Coverage);
        Assert.Equal(2 * 0.3, summary.ExpectedResponses);
        Assert.Null(summary.IntervalWidth); // below one expected response
        Assert.Equal(["decisions", "summary"], DocumentShape.Names(json));
        Assert.Equal(
            ["events", "invitations", "deferred", "suppressions", "coverage", "responseRate", "expectedResponses", "level", "intervalWidth"],
            DocumentShape.Names(json.GetProperty("summary")));
        Assert.Equal(["segment", "events", "invitations", "coverage"], DocumentShape.Names(json.GetProperty("summary").GetProperty("coverage")[0]));
    }

    [Fact]
    public void SimulationBuilder_ResponseRateOutOfRange_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SimulationDocumentBuilder("team").Build(0, 0.95));

        Assert.StartsWith("The response rate must be in (0, 1].", e.Message, StringComparison.Ordinal);
    }
}
