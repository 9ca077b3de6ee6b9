using System.Globalization;

namespace Nps.Samples.Console.Output;

/// <summary>
/// Writes RFC 4180 CSV for spreadsheets: fields with a comma, quote or line break are quoted, inner quotes doubled,
/// and a text field a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or
/// carriage return) is written as text: prefixed with <c>'</c> and quoted (OWASP's advice against CSV injection).
/// Numbers stay numbers: a numeric field that parses as one is written as it is, so <c>-12.5</c> is not touched.
/// </summary>
internal static class CsvWriter
{
    /// <summary>Writes one record of text fields.</summary>
    public static void WriteRow(TextWriter writer, IEnumerable<string> fields) => WriteRow(writer, fields, []);

    /// <summary>Writes one record: text fields, then numeric fields (any of these that is no number is treated as text).</summary>
    public static void WriteRow(TextWriter writer, IEnumerable<string> text, IEnumerable<string> numbers) =>
        writer.WriteLine(string.Join(',', text.Select(Text).Concat(numbers.Select(Number))));

    /// <summary>A text field, neutralised and escaped.</summary>
    internal static string Text(string field) =>
        field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            ? "\"'" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : Escape(field);

    /// <summary>A numeric field: as written when it is a number (or empty), else as text.</summary>
    internal static string Number(string field) =>
        field.Length == 0 || double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? field : Text(field);

    private static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
