namespace Nps.Fatigue;

/// <summary>Customers who are never surveyed: employees, test accounts, whole e-mail domains.</summary>
public sealed record ExclusionOptions : IValidatableOptions
{
    /// <summary>Customer ids never surveyed (ordinal).</summary>
    public IReadOnlyList<string> CustomerIds { get; init; } = [];

    /// <summary>E-mail domains never surveyed, e.g. <c>ourcompany.com</c> (case-insensitive; subdomains included).</summary>
    public IReadOnlyList<string> EmailDomains { get; init; } = [];

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var ids = path.Then(nameof(CustomerIds));
        errors.NotNull(ids, CustomerIds);
        for (var i = 0; i < (CustomerIds?.Count ?? 0); i++) errors.NotBlank(ids.At(i), CustomerIds![i]);
        var domains = path.Then(nameof(EmailDomains));
        errors.NotNull(domains, EmailDomains);
        for (var i = 0; i < (EmailDomains?.Count ?? 0); i++)
        {
            var domain = EmailDomains![i];
            if (string.IsNullOrWhiteSpace(domain) || domain.Contains('@', StringComparison.Ordinal) || domain.Trim() != domain)
            {
                errors.Add(domains.At(i), "must be a domain such as example.com (no '@', no spaces).");
            }
        }
    }
}
