using System.Globalization;

namespace Nps.Intake;

/// <summary>
/// Which responses an <see cref="IResponseSliceSource"/> reads: those answered in [<see cref="From"/>,
/// <see cref="To"/>), of the given <see cref="Teams"/> (exact values) when set, with a comment or a callback request
/// when <see cref="OnlyWithCommentOrCallback"/>, at most <see cref="Limit"/> of them after <see cref="After"/>.
/// </summary>
public sealed record ResponseSliceQuery
{
    /// <summary>The most responses one page may hold.</summary>
    public const int MaximumLimit = 10_000;

    private readonly int _limit = 500;

    /// <summary>The first instant read (inclusive).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>The instant where reading stops (exclusive).</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>The team values to read, compared exactly (ordinal); null for every team. An empty list selects nothing.</summary>
    public IReadOnlyList<string>? Teams { get; init; }

    /// <summary>
    /// Read only responses with a non-empty comment or a callback request (the rows a comment view shows); a
    /// comment of white space alone is still read, and the caller decides.
    /// </summary>
    public bool OnlyWithCommentOrCallback { get; init; }

    /// <summary>How many responses a page holds at most; 500 by default, 1 to <see cref="MaximumLimit"/>.</summary>
    public int Limit
    {
        get => _limit;
        init => _limit = value is >= 1 and <= MaximumLimit
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Limit), value, string.Create(CultureInfo.InvariantCulture, $"A page holds 1 to {MaximumLimit} responses."));
    }

    /// <summary>The cursor of the previous page (<see cref="ResponseSlice.NextCursor"/>), or null for the first page.</summary>
    public string? After { get; init; }

    /// <summary>Whether a response falls in the slice (the reference for every store).</summary>
    /// <param name="response">The response.</param>
    /// <returns><see langword="true"/> when it is selected, cursor aside.</returns>
    public bool Selects(SurveyResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.RespondedAt < From || response.RespondedAt >= To) return false;
        if (Teams is { } teams && (response.Team is not { } team || !teams.Contains(team, StringComparer.Ordinal))) return false;
        return !OnlyWithCommentOrCallback || !string.IsNullOrEmpty(response.Comment) || response.CallbackRequested;
    }
}
