using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Nps.Data;

namespace Nps.AspNetCore.Api;

/// <summary>
/// Collects invalid fields by JSON name, for a <c>400 application/problem+json</c> that names each of them. The
/// parsing and plausibility checks are Nps.Data's (the same as for files); this only gathers their errors.
/// </summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly List<DataError> _all = [];

    public bool Any => _errors.Count > 0;

    /// <summary>Every error in the order found, each naming its field (no line: a request has none).</summary>
    public IReadOnlyList<DataError> All => _all;

    /// <summary>Runs <paramref name="bind"/> on a fresh collector: the value when nothing was invalid, and every error.</summary>
    public static bool TryBind<T>(Func<FieldErrors, T?> bind, [NotNullWhen(true)] out T? value, out IReadOnlyList<DataError> errors)
        where T : class
    {
        var found = new FieldErrors();
        value = bind(found);
        errors = found.All;
        if (found.Any) value = null;
        return value is not null;
    }

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        _all.Add(new DataError(0, field, message));
    }

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
        title: "The request has invalid fields.");

    /// <summary>Adds a field parser's error under its field.</summary>
    public void Add(DataError error) => Add(error.Field ?? "$", error.Reason);

    public string? Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) { Add(field, "is required."); return null; }
        return value;
    }

    /// <summary>
    /// A time in ISO 8601 with an explicit offset (a time without one is ambiguous, so it is refused, never guessed),
    /// within the plausibility limits when <paramref name="now"/> is given.
    /// </summary>
    public DateTimeOffset? Time(string field, string? value, bool required, DateTimeOffset? now = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "is required.");
            return null;
        }

        var valid = now is { } clock
            ? FieldParsers.TryParsePlausibleTime(value, field, PlausibilityLimits.Default, clock, out var time, out var error)
            : FieldParsers.TryParseTime(value, field, out time, out error);
        if (!valid)
        {
            Add(error);
            return null;
        }

        return time;
    }

    public SurveyKind Kind(string field, string? value)
    {
        if (FieldParsers.TryParseSurveyKind(value, field, out var kind, out var error)) return kind;
        Add(error);
        return SurveyKind.Transactional;
    }

    public NpsRating? Rating(string field, int? value)
    {
        if (value is not { } number)
        {
            Add(field, "is required.");
            return null;
        }

        if (FieldParsers.TryParseRating(number, field, out var rating, out var error)) return rating;
        Add(error);
        return null;
    }

    public double Probability(string field, double? value)
    {
        if (value is not { } p) return 1;
        if (FieldParsers.TryCheckProbability(p, field, out var error) && PlausibilityLimits.Default.TryCheckProbability(p, field, out error)) return p;
        Add(error);
        return 1;
    }

    public void TimeZone(string field, string? value)
    {
        if (value is not null && !FieldParsers.TryParseTimeZone(value, field, out _, out var error)) Add(error);
    }

    /// <summary>
    /// The explicit <c>attributes</c> merged with the extra top-level fields: string values become attributes
    /// (explicit ones win); any other value is reported by its field name.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Attributes(Dictionary<string, string>? attributes, Dictionary<string, System.Text.Json.JsonElement>? extra)
    {
        var errors = new List<DataError>();
        var merged = FieldParsers.MergeAttributes(attributes, extra, errors);
        foreach (var error in errors) Add(error);
        return merged;
    }
}
