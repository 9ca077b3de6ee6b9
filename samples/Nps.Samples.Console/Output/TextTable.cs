using Nps.Data;

namespace Nps.Samples.Console.Output;

/// <summary>
/// A plain text table with aligned columns; numbers right-aligned. Values from files are written with their
/// control characters escaped, so a cell cannot move the cursor, clear the screen or break the alignment.
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> rows = [];
    private readonly string[] headers = Array.ConvertAll(headers, ControlCharacters.Escape);

    /// <summary>Adds a row (as many cells as headers).</summary>
    public void Add(params string[] cells) => rows.Add(Array.ConvertAll(cells, ControlCharacters.Escape));

    /// <summary>Writes the table.</summary>
    public void Write(TextWriter writer)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var numeric = headers.Select((_, i) => rows.Count > 0 && rows.All(r => r[i].Length == 0 || IsNumeric(r[i]))).ToArray();
        WriteRow(writer, headers, widths, numeric);
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            WriteRow(writer, row, widths, numeric);
        }
    }

    private static bool IsNumeric(string cell) => cell.Length > 0 && (char.IsAsciiDigit(cell[0]) || cell[0] is '-' or '+' or '[') && !cell.Contains("n<", StringComparison.Ordinal);

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths, bool[] numeric)
    {
        var parts = cells.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]));
        writer.WriteLine(string.Join("  ", parts).TrimEnd());
    }
}
