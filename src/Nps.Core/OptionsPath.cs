namespace Nps;

/// <summary>
/// Where an option sits, written the way configuration keys are (<c>Sampling:Policies:1:Rate</c>), so that an
/// error names the key to fix whether the options were bound from configuration or built in code.
/// </summary>
public readonly record struct OptionsPath
{
    private readonly string? _value;

    /// <summary>A path starting at <paramref name="value"/> (a configuration section such as <c>Nps</c>; empty for the root).</summary>
    /// <param name="value">The path, its parts separated by <c>:</c>.</param>
    public OptionsPath(string? value) => _value = string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The root: options that are not inside a section.</summary>
    public static OptionsPath Root => default;

    /// <summary>The path, its parts separated by <c>:</c>; empty for the root.</summary>
    public string Value => _value ?? "";

    /// <summary>The path of a member of the options at this path.</summary>
    /// <param name="name">The member's name, as the configuration key spells it.</param>
    /// <returns>This path followed by <paramref name="name"/>.</returns>
    public OptionsPath Then(string name) => new(_value is null ? name : _value + ":" + name);

    /// <summary>The path of an item of the list at this path.</summary>
    /// <param name="index">The 0-based index, as configuration keys number list items.</param>
    /// <returns>This path followed by the index.</returns>
    public OptionsPath At(int index) => Then(index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A problem with the option at this path: a <see cref="DataError"/> without a line, its field this path (none for the root).</summary>
    /// <param name="reason">What is wrong.</param>
    /// <returns>The error.</returns>
    public DataError Error(string reason) => new(0, _value, reason);

    /// <inheritdoc />
    public override string ToString() => Value;
}
