namespace Nps.AspNetCore.Hosting;

/// <summary>
/// The one place that keeps request URLs out of the logs: ASP.NET Core writes the path and query of a request below
/// these levels, and paths carry customer ids (<c>/api/customers/{customerId}</c>) and survey links carry tokens
/// (<c>/s/{token}</c>). <c>AddNpsWeb</c> adds each floor as a <see cref="LoggerFilterRule"/> after the host's
/// configuration rules, so for the same category the floor wins whatever the host's <c>Logging:LogLevel</c> says.
/// </summary>
/// <remarks>
/// What still lowers a floor is what always outranks a category rule of its length: a rule for a longer category
/// (a sub-category), or a rule for one provider (<c>AddFilter&lt;TProvider&gt;(…)</c>). The library's own log lines
/// never hold ids, comments or tokens, so they need no floor.
/// </remarks>
internal static class RequestLogFloors
{
    /// <summary>The categories and the lowest level written for each.</summary>
    internal static readonly IReadOnlyList<(string Category, LogLevel Minimum)> Floors =
    [
        ("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning), // "Request starting/finished" lines: method, path, query
        ("Microsoft.AspNetCore.Routing", LogLevel.Information), // endpoint selection below Information names the path
        ("Microsoft.AspNetCore.Routing.Matching", LogLevel.Warning), // the matcher's lines name the path at Debug
        ("Microsoft.AspNetCore.Server.Kestrel.BadRequests", LogLevel.Information), // a bad request's details quote its target
    ];

    /// <summary>
    /// Appends the floors to the filter rules (after the configuration's, so they win for their categories), each at the
    /// higher of its floor and the level the rules so far give the category: a floor only ever removes lines, so a host
    /// that logs <c>Microsoft.AspNetCore</c> at Warning keeps Routing's Information lines off.
    /// </summary>
    /// <param name="options">The logging filter options.</param>
    internal static void Apply(LoggerFilterOptions options)
    {
        foreach (var (category, minimum) in Floors)
        {
            var configured = Configured(options, category);
            options.Rules.Add(new LoggerFilterRule(null, category, configured > minimum ? configured : minimum, null));
        }
    }

    /// <summary>The level the rules for every provider give <paramref name="category"/>: the longest matching category's, else the minimum level.</summary>
    private static LogLevel Configured(LoggerFilterOptions options, string category)
    {
        LoggerFilterRule? best = null;
        foreach (var rule in options.Rules)
        {
            if (rule.ProviderName is not null || rule.LogLevel is null || rule.Filter is not null) continue;
            if (rule.CategoryName is { } name && !category.StartsWith(name, StringComparison.OrdinalIgnoreCase)) continue;
            if (best is null || (rule.CategoryName?.Length ?? 0) >= (best.CategoryName?.Length ?? 0)) best = rule;
        }

        return best?.LogLevel ?? options.MinLevel;
    }
}
