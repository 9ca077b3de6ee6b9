namespace Nps.Samples.Console.Input;

/// <summary>The column names with a meaning of their own; every other column is a dimension.</summary>
public static class ResponseColumns
{
    /// <summary>Unique id of the response; a repeated id is an error.</summary>
    public const string ResponseId = "response_id";

    /// <summary>ISO 8601 timestamp with offset.</summary>
    public const string RespondedAt = "responded_at";

    /// <summary>The 0–10 rating (required).</summary>
    public const string Rating = "rating";

    /// <summary>Sampling weight (&gt; 0).</summary>
    public const string Weight = "weight";

    /// <summary>Inclusion probability in (0, 1]; weight = 1 / p.</summary>
    public const string InclusionProbability = "inclusion_probability";

    /// <summary>Whether the invitation was a manual send.</summary>
    public const string Manual = "manual";

    /// <summary>Free-text comment.</summary>
    public const string Comment = "comment";

    /// <summary>Whether the customer asked for a callback.</summary>
    public const string CallbackRequested = "callback_requested";

    /// <summary>All reserved names.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(
        [ResponseId, RespondedAt, Rating, Weight, InclusionProbability, Manual, Comment, CallbackRequested],
        StringComparer.OrdinalIgnoreCase);
}
