namespace Nps.Intake;

/// <summary>A response as a store keeps it: the answer, when it was received, and the follow-up it created.</summary>
public sealed record StoredResponse
{
    /// <summary>The answer (its inclusion probability resolved from its invitation where it stated none).</summary>
    public required SurveyResponse Response { get; init; }

    /// <summary>When the intake accepted it (from the intake's clock).</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The id of the follow-up created with it, or <see langword="null"/> when none was due.</summary>
    public string? FollowUpId { get; init; }

    /// <summary>The response id.</summary>
    public string ResponseId => Response.ResponseId;
}
