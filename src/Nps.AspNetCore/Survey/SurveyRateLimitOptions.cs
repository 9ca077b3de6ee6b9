namespace Nps.AspNetCore.Survey;

/// <summary>
/// The response page's own limits (ASP.NET Core's rate limiter, a fixed window per token and one per client address,
/// both must admit a request); beyond them 429 with <c>Retry-After</c>.
/// </summary>
public sealed record SurveyRateLimitOptions : IValidatableOptions
{
    /// <summary>Requests per token per window (a customer opening, correcting and sending the form uses a few).</summary>
    public int PerToken { get; init; } = 20;

    /// <summary>Requests per client address per window (an office behind one address answers many surveys).</summary>
    public int PerAddress { get; init; } = 300;

    /// <summary>The window in seconds.</summary>
    public int WindowSeconds { get; init; } = 60;

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.AtLeast(path.Then(nameof(PerToken)), PerToken, 1);
        errors.AtLeast(path.Then(nameof(PerAddress)), PerAddress, 1);
        errors.AtLeast(path.Then(nameof(WindowSeconds)), WindowSeconds, 1);
    }
}
