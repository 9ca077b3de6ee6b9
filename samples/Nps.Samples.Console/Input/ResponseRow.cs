namespace Nps.Samples.Console.Input;

/// <summary>One valid survey response read from a file.</summary>
/// <param name="Line">The line the record starts on.</param>
/// <param name="ResponseId">The <c>response_id</c> cell, when the file has one.</param>
/// <param name="Rating">The rating, 0 to 10.</param>
/// <param name="RespondedAt">When the customer answered, when known.</param>
/// <param name="Weight">The sampling weight: <c>weight</c>, else 1 / <c>inclusion_probability</c>, else 1.</param>
/// <param name="InclusionProbability">The inclusion probability (1 / weight).</param>
/// <param name="Manual">Whether the invitation was sent by hand (kept out of the unbiased score by default).</param>
/// <param name="CallbackRequested">Whether the customer asked to be called back.</param>
/// <param name="Comment">The free-text comment, when given.</param>
/// <param name="Record">The raw record, for dimension values.</param>
public readonly record struct ResponseRow(
    long Line,
    string? ResponseId,
    byte Rating,
    DateTimeOffset? RespondedAt,
    double Weight,
    double InclusionProbability,
    bool Manual,
    bool CallbackRequested,
    string? Comment,
    RawRecord Record);
