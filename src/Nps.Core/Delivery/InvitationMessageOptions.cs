namespace Nps.Delivery;

/// <summary>What the survey message says and where its links point.</summary>
public sealed record InvitationMessageOptions : IValidatableOptions
{
    /// <summary>The absolute base address of the response pages (the links are <c>{BaseUrl}s/{token}</c>), e.g. <c>https://survey.example.com/</c>.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The organisation's name, as the question names it.</summary>
    public required string OrganisationName { get; init; }

    /// <summary>The domain part of each <c>Message-ID</c>; the base address's host when <see langword="null"/>.</summary>
    public string? MessageIdDomain { get; init; }

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || BaseUrl.Scheme is not ("https" or "http")) errors.Add(path.Then(nameof(BaseUrl)), "must be an absolute http(s) address.");
        errors.NotBlank(path.Then(nameof(OrganisationName)), OrganisationName);
    }
}
