namespace Nps.Touchpoints;

/// <summary>The check of a <see cref="SurveyScope"/> inside options (a scope is part of many options, not options itself).</summary>
internal static class SurveyScopeCheck
{
    public static void Validate(SurveyScope? scope, OptionsPath path, ICollection<DataError> errors)
    {
        if (scope is null) { errors.Add(path, "must not be null."); return; }
        if (scope.Kind is { } kind) errors.Defined(path.Then(nameof(SurveyScope.Kind)), kind);
        NotBlankWhenSet(scope.Touchpoint, path.Then(nameof(SurveyScope.Touchpoint)), errors);
        NotBlankWhenSet(scope.Channel, path.Then(nameof(SurveyScope.Channel)), errors);
        NotBlankWhenSet(scope.Team, path.Then(nameof(SurveyScope.Team)), errors);
        NotBlankWhenSet(scope.Product, path.Then(nameof(SurveyScope.Product)), errors);
        var attributes = path.Then(nameof(SurveyScope.Attributes));
        errors.NotNull(attributes, scope.Attributes);
        foreach (var key in scope.Attributes?.Keys ?? [])
        {
            if (string.IsNullOrWhiteSpace(key)) errors.Add(attributes, "keys must not be empty.");
        }
    }

    public static bool Same(SurveyScope? a, SurveyScope? b) => a is not null && b is not null && a.Covers(b) && b.Covers(a);

    private static void NotBlankWhenSet(string? value, OptionsPath path, ICollection<DataError> errors)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value)) errors.Add(path, "must not be empty when set.");
    }
}
