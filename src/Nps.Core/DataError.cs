using System.Globalization;

namespace Nps;

/// <summary>
/// One problem in data from outside (a file, a request, a configuration): where it is and why. Every reader, file
/// format, field parser and options validator of the Nps packages reports bad data as a <see cref="DataError"/>,
/// never as an exception and never as a bare string.
/// </summary>
/// <param name="Line">
/// The 1-based physical line of the file the problem is on (for a record, the line it starts on; for invalid
/// UTF-8, the line of the invalid byte); 0 when the value did not come from a file with lines (a request field, an
/// option, a JSON element read by path).
/// </param>
/// <param name="Field">
/// Where in the record the problem is: a column, a JSON field or path (<c>ambitions[0].by</c>), or an option's
/// configuration path (<c>Sampling:Policies:1:Rate</c>); <see langword="null"/> for the whole record or file.
/// </param>
/// <param name="Reason">What is wrong, in words a spreadsheet user understands.</param>
/// <param name="Value">
/// The value that was refused, as text, when it is safe to show (never a secret such as a sampling key);
/// <see langword="null"/> when there is none or it is withheld.
/// </param>
public readonly record struct DataError(long Line, string? Field, string Reason, string? Value = null)
{
    /// <summary>
    /// The full message, e.g. <c>line 7, column rating: rating must be an integer from 0 to 10, got '11'</c>;
    /// without a line: <c>rating: …</c>; without a field: <c>line 7: …</c> or the reason alone.
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
