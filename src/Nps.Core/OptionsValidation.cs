using System.Globalization;

namespace Nps;

/// <summary>Runs the one options check (<see cref="IValidatableOptions"/>) and turns its result into an exception where needed.</summary>
public static class OptionsValidation
{
    /// <summary>Every problem with <paramref name="options"/>; empty when they are valid.</summary>
    /// <param name="options">The options.</param>
    /// <param name="path">Where the options sit (e.g. the configuration section they were bound from); the root by default.</param>
    /// <returns>The problems, each with its option path as the field.</returns>
    public static IReadOnlyList<DataError> Errors(this IValidatableOptions options, OptionsPath path = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<DataError>();
        options.Validate(path, errors);
        return errors;
    }

    /// <summary>Throws <see cref="NpsOptionsException"/> with every problem when <paramref name="options"/> are invalid.</summary>
    /// <param name="options">The options.</param>
    /// <param name="paramName">The parameter that held them.</param>
    public static void ThrowIfInvalid(IValidatableOptions options, string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(options, paramName);
        if (options.Errors() is { Count: > 0 } errors) throw new NpsOptionsException(errors, paramName);
    }

    /// <summary>Adds a problem with the option at <paramref name="path"/>.</summary>
    /// <param name="errors">Receives the problem.</param>
    /// <param name="path">The option's path.</param>
    /// <param name="reason">What is wrong.</param>
    public static void Add(this ICollection<DataError> errors, OptionsPath path, string reason) => errors.Add(path.Error(reason));

    /// <summary>An error that also carries the refused value (options are never secrets, except the sampling key, which is never passed here).</summary>
    /// <param name="errors">Receives the problem.</param>
    /// <param name="path">The option's path.</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="value">The refused value, as text (never a secret).</param>
    public static void Add(this ICollection<DataError> errors, OptionsPath path, string reason, string value) => errors.Add(path.Error(reason) with { Value = value });

    /// <summary>Checks nested options at <paramref name="path"/>; <see langword="null"/> is a problem.</summary>
    /// <param name="errors">Receives the problems.</param>
    /// <param name="path">The nested options' path.</param>
    /// <param name="options">The nested options.</param>
    public static void Nested(this ICollection<DataError> errors, OptionsPath path, IValidatableOptions? options)
    {
        if (options is null) errors.Add(path, "must not be null.");
        else options.Validate(path, errors);
    }

    /// <summary>Checks each item of a list of options at <paramref name="path"/> (items at <c>path:0</c>, <c>path:1</c>, …); a <see langword="null"/> list or item is a problem.</summary>
    /// <typeparam name="T">The item's options type.</typeparam>
    /// <param name="errors">Receives the problems.</param>
    /// <param name="path">The list's path.</param>
    /// <param name="items">The list.</param>
    public static void Each<T>(this ICollection<DataError> errors, OptionsPath path, IReadOnlyList<T?>? items) where T : class, IValidatableOptions
    {
        if (items is null) { errors.Add(path, "must not be null."); return; }
        for (var i = 0; i < items.Count; i++) errors.Nested(path.At(i), items[i]);
    }

    /// <summary>A <see langword="null"/> value is a problem.</summary>
    /// <param name="errors">Receives the problem.</param>
    /// <param name="path">The option's path.</param>
    /// <param name="value">The value.</param>
    public static void NotNull(this ICollection<DataError> errors, OptionsPath path, object? value)
    {
        if (value is null) errors.Add(path, "must not be null.");
    }

    /// <summary>An empty or blank text is a problem.</summary>
    /// <param name="errors">Receives the problem.</param>
    /// <param name="path">The option's path.</param>
    /// <param name="value">The value.</param>
    public static void NotBlank(this ICollection<DataError> errors, OptionsPath path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(path, "must not be empty.");
    }

    /// <summary>A number that is not above 0 is a problem.</summary>
    /// <param name="errors">Receives the problem.</param>
    /// <param name="path">The option's path.</param>
    /// <param name="value">The value.</param>
    public static void Positive(this ICollection<DataError> errors, OptionsPath path, int value)
    {
        if (value <= 0) errors.Add(path, string.Create(CultureInfo.InvariantCulture, $"must be > 0 (it is {value})."), value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A duration that is not above 0 is a problem.</summary>
    /// <param name="errors">Receives the problem.</param>
    /// <param name="path">The option's path.</param>
    /// <param name="value">The value.</param>
    public static void Positive(this ICollection<DataError> errors, OptionsPath path, TimeSpan value)
    {
        if (value <= TimeSpan.Zero) errors.Add(path, $"must be > 0 (it is {value.ToString("c", CultureInfo.InvariantCulture)}).", value.ToString("c", CultureInfo.InvariantCulture));
    }

    /// <summary>A number outside [<paramref name="min"/>, <paramref name="max"/>] is a problem.</summary>
    /// <param name="errors">Receives the problem.</param>
    /// <param name="path">The option's path.</param>
    /// <param name="value">The value.</param>
    /// <param name="min">The smallest value allowed.</param>
    /// <param name="max">The largest value allowed.</param>
    public static void Range(this ICollection<DataError> errors, OptionsPath path, int value, int min, int max)
    {
        if (value < min || value > max) errors.Add(path, string.Create(CultureInfo.InvariantCulture, $"must be from {min} to {max} (it is {value})."), value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A number below <paramref name="min"/> is a problem.</summary>
    /// <param name="errors">Receives the problem.</param>
    /// <param name="path">The option's path.</param>
    /// <param name="value">The value.</param>
    /// <param name="min">The smallest value allowed.</param>
    public static void AtLeast(this ICollection<DataError> errors, OptionsPath path, int value, int min)
    {
        if (value < min) errors.Add(path, string.Create(CultureInfo.InvariantCulture, $"must be at least {min} (it is {value})."), value.ToString(CultureInfo.InvariantCulture));
    }

    internal static void AtLeast(this ICollection<DataError> errors, OptionsPath path, double value, double min)
    {
        if (!(value >= min && double.IsFinite(value))) errors.Add(path, string.Create(CultureInfo.InvariantCulture, $"must be at least {min} (it is {value:R})."), value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>The one confidence-level check for options (the statistics' own guard uses the same rule and words).</summary>
    internal static void Level(this ICollection<DataError> errors, OptionsPath path, double level)
    {
        if (!NormalDistribution.IsConfidenceLevel(level)) errors.Add(path, NormalDistribution.LevelError(level), level.ToString("R", CultureInfo.InvariantCulture));
    }

    internal static void Defined<TEnum>(this ICollection<DataError> errors, OptionsPath path, TEnum value) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value)) errors.Add(path, $"'{value}' is not a {typeof(TEnum).Name} value.", value.ToString());
    }
}
