namespace Nps.Fatigue;

/// <summary>Customers who are never surveyed: employees, test accounts, whole e-mail domains.</summary>
public sealed class ExclusionOptions
{
    /// <summary>Customer ids never surveyed (ordinal).</summary>
    public List<string> CustomerIds { get; set; } = [];

    /// <summary>E-mail domains never surveyed, e.g. <c>ourcompany.com</c> (case-insensitive; subdomains included).</summary>
    public List<string> EmailDomains { get; set; } = [];
}
