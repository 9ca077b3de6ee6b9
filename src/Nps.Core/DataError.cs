using System.Globalization;

namespace Nps;

/// <summary>
/// One problem in data from outside (a file, a request): where it is and why. Every reader and every field parser
/// of this package reports bad data as a <see cref="DataError"/>, never as an exception.
/// </summary>
/// <param name="Line">
/// The 1-based physical line of the file the problem is on (for a record, the line it starts on; for invalid
/// UTF-8, the line of the invalid byte); 0 when the value did not come from a file (a request field, an option).
/// </param>
/// <param name="Field">The column or JSON field the problem is in, or <see langword="null"/> for the whole record.</param>
/// <param name="Reason">What is wrong, in words a spreadsheet user understands.</param>
public readonly record struct DataError(long Line, string? Field, string Reason)
{
    /// <summary>
    /// The full message, e.g. <c>line 7, column rating: rating must be an integer from 0 to 10, got '11'</c>;
    /// without a line: <c>rating: …</c>.
    /// </summary>
    public string Message => (Line, Field) switch
    {
        ( > 0, null) => string.Create(CultureInfo.InvariantCulture, $"line {Line}: {Reason}"),
        ( > 0, _) => string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Field}: {Reason}"),
        (_, null) => Reason ?? "",
        _ => $"{Field}: {Reason}",
    };

    /// <summary>The same error placed on <paramref name="line"/> (readers stamp field parsers' errors this way).</summary>
    /// <param name="line">The 1-based physical line.</param>
    /// <returns>The error on that line.</returns>
    public DataError AtLine(long line) => this with { Line = line };

    /// <inheritdoc />
    public override string ToString() => Message;
}
