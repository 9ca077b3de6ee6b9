namespace Nps.Data;

/// <summary>
/// The columns (CSV) or keys (JSON Lines) of a response file that have a meaning of their own; every other one
/// is a free dimension (<see cref="SurveyResponse.Attributes"/>). Names match ignoring case, <c>_</c> and
/// <c>-</c>, so <c>responded_at</c> and <c>respondedAt</c> are the same column.
/// </summary>
public static class ResponseColumns
{
    /// <summary>Unique id of the response; a repeated id is an error; <c>line-N</c> when absent.</summary>
    public const string ResponseId = "response_id";

    /// <summary>Who answered (<see cref="SurveyResponse.RespondentId"/>); <c>respondent_id</c> is the same column.</summary>
    public const string CustomerId = "customer_id";

    /// <summary>The alias of <see cref="CustomerId"/>.</summary>
    public const string RespondentId = "respondent_id";

    /// <summary>The invitation answered, when known.</summary>
    public const string InvitationId = "invitation_id";

    /// <summary>ISO 8601 time with offset (required).</summary>
    public const string RespondedAt = "responded_at";

    /// <summary>The 0–10 rating (required).</summary>
    public const string Rating = "rating";

    /// <summary>Sampling weight (&gt; 0); the inclusion probability is 1 / weight, at most 1.</summary>
    public const string Weight = "weight";

    /// <summary>Inclusion probability in (0, 1].</summary>
    public const string InclusionProbability = "inclusion_probability";

    /// <summary>Whether the invitation was a manual send; <c>is_manual</c> is the same column.</summary>
    public const string Manual = "manual";

    /// <summary>Free-text comment.</summary>
    public const string Comment = "comment";

    /// <summary>Whether the customer asked for a callback.</summary>
    public const string CallbackRequested = "callback_requested";

    /// <summary><c>transactional</c> or <c>relational</c>; <c>kind</c> is the same column.</summary>
    public const string SurveyKind = "survey_kind";

    /// <summary>The reserved names (not dimensions): every column above but the built-in dimension <c>survey_kind</c>.</summary>
    public static IReadOnlyList<string> Reserved { get; } =
        [ResponseId, CustomerId, RespondentId, InvitationId, RespondedAt, Rating, Weight, InclusionProbability, Manual, "is_manual", Comment, CallbackRequested];

    /// <summary>Whether <paramref name="name"/> is reserved (loosely, as columns match).</summary>
    /// <param name="name">A column name.</param>
    /// <returns>Whether it is one of <see cref="Reserved"/>.</returns>
    public static bool IsReserved(string name)
    {
        var columns = new ColumnSet();
        foreach (var reserved in Reserved)
        {
            columns.Add(reserved);
        }

        return columns.IndexOf(name) >= 0;
    }
}
