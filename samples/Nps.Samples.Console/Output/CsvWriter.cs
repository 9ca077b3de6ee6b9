namespace Nps.Samples.Console.Output;

/// <summary>Writes RFC 4180 CSV: fields with a comma, quote or line break are quoted, inner quotes doubled.</summary>
internal static class CsvWriter
{
    /// <summary>Writes one record.</summary>
    public static void WriteRow(TextWriter writer, IEnumerable<string> fields) =>
        writer.WriteLine(string.Join(',', fields.Select(Escape)));

    private static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
