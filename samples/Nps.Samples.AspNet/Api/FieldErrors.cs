using System.Globalization;
using System.Text.RegularExpressions;

namespace Nps.Samples.AspNet.Api;

/// <summary>Collects invalid fields by JSON name, for a <c>400 application/problem+json</c> that names each of them.</summary>
public sealed partial class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public IResult ToProblem() => TypedResults.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
        title: "The request has invalid fields.");

    public string? Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) { Add(field, "is required."); return null; }
        return value;
    }

    /// <summary>A time in ISO 8601 with an explicit offset: a time without one is ambiguous, so it is refused, never guessed.</summary>
    public DateTimeOffset? Time(string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "is required.");
            return null;
        }

        if (!HasOffset().IsMatch(value) ||
            !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            Add(field, $"'{value}' is not an ISO 8601 time with a UTC offset, e.g. 2026-03-14T10:00:00+01:00 or 2026-03-14T09:00:00Z.");
            return null;
        }

        return time;
    }

    public SurveyKind Kind(string field, string? value)
    {
        if (value is null || value.Equals("transactional", StringComparison.OrdinalIgnoreCase)) return SurveyKind.Transactional;
        if (value.Equals("relational", StringComparison.OrdinalIgnoreCase)) return SurveyKind.Relational;
        Add(field, $"'{value}' is not a survey kind: transactional or relational.");
        return SurveyKind.Transactional;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HasOffset();
}
