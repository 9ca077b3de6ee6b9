using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Nps.Insights;

/// <summary>
/// Reads start dates for <see cref="CoachingSignalOptions.Launches"/> from CSV: a header with the columns
/// <c>value</c> and <c>launched</c> (in any order, case-insensitive, other columns ignored), then one row per team or
/// agent with an ISO date (<c>yyyy-MM-dd</c>). Fields may be quoted (<c>"North, East"</c>, <c>""</c> for a quote);
/// blank lines are skipped. Bad input is reported with its line and column, never thrown.
/// </summary>
public static class LaunchDates
{
    /// <summary>Reads start dates from CSV text.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="launches">The start dates by value (ordinal keys), when the whole file is valid.</param>
    /// <param name="error">The first problem, with its line, column and the refused value, when it is not; <see langword="default"/> when valid.</param>
    /// <returns>Whether the file was valid.</returns>
    public static bool TryReadCsv(TextReader reader, [NotNullWhen(true)] out IReadOnlyDictionary<string, DateOnly>? launches,
        out DataError error) => TryReadCsv(reader, "launched", out launches, out error);

    /// <summary>
    /// Reads dates per value from CSV text whose date column has another name, e.g. <c>acknowledged</c> for
    /// <see cref="CoachingSignalOptions.Acknowledged"/>; otherwise as <see cref="TryReadCsv(TextReader, out IReadOnlyDictionary{string, DateOnly}?, out DataError)"/>.
    /// </summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="dateColumn">The name of the date column (case-insensitive).</param>
    /// <param name="launches">The dates by value (ordinal keys), when the whole file is valid.</param>
    /// <param name="error">The first problem, with its line, column and the refused value, when it is not; <see langword="default"/> when valid.</param>
    /// <returns>Whether the file was valid.</returns>
    public static bool TryReadCsv(TextReader reader, string dateColumn, [NotNullWhen(true)] out IReadOnlyDictionary<string, DateOnly>? launches,
        out DataError error)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(dateColumn);
        launches = null;
        var result = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
        int valueColumn = -1, launchedColumn = -1;
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1 && line.Length > 0 && line[0] == '\uFEFF') line = line[1..];
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (!TrySplit(line, lineNumber, valueColumn < 0 ? "header" : "value", out var fields, out error)) return false;

            if (valueColumn < 0)
            {
                for (var i = 0; i < fields.Count; i++)
                {
                    var name = fields[i].Trim();
                    if (name.Equals("value", StringComparison.OrdinalIgnoreCase) && valueColumn < 0) valueColumn = i;
                    else if (name.Equals(dateColumn, StringComparison.OrdinalIgnoreCase) && launchedColumn < 0) launchedColumn = i;
                }

                if (valueColumn < 0 || launchedColumn < 0)
                {
                    error = new DataError(lineNumber, "header",
                        $"expected the columns 'value' and '{dateColumn}'; found '{string.Join(",", fields)}'.");
                    return false;
                }

                continue;
            }

            var value = valueColumn < fields.Count ? fields[valueColumn].Trim() : "";
            if (value.Length == 0)
            {
                error = new DataError(lineNumber, "value", "is empty; name the team or agent.", "");
                return false;
            }

            var text = launchedColumn < fields.Count ? fields[launchedColumn].Trim() : "";
            if (!IsoDate.TryParse(text, out var launched))
            {
                error = new DataError(lineNumber, dateColumn, $"'{text}' is not an ISO date (yyyy-MM-dd).", text);
                return false;
            }

            if (firstLine.TryGetValue(value, out var earlier))
            {
                error = new DataError(lineNumber, "value",
                    string.Create(CultureInfo.InvariantCulture, $"'{value}' already has {(dateColumn.Equals("launched", StringComparison.OrdinalIgnoreCase) ? "a start date" : "a date")} (line {earlier})."), value);
                return false;
            }

            firstLine[value] = lineNumber;
            result[value] = launched;
        }

        if (valueColumn < 0)
        {
            error = new DataError(Math.Max(1, lineNumber), "header", $"the file is empty; expected the columns 'value' and '{dateColumn}'.");
            return false;
        }

        launches = result;
        error = default;
        return true;
    }

    // One CSV line into fields: commas separate, a field may be quoted, "" inside quotes is a quote. A line that
    // cannot be split is reported on its line, under the column being read there.
    private static bool TrySplit(string line, long lineNumber, string column, out List<string> fields, out DataError error)
    {
        fields = [];
        error = default;
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        error = new DataError(lineNumber, column, "a quoted field is not closed.");
                        return false;
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(line[i++]);
                }

                if (i < line.Length && line[i] != ',')
                {
                    error = new DataError(lineNumber, column, "unexpected text after a closing quote.");
                    return false;
                }
            }
            else
            {
                while (i < line.Length && line[i] != ',') field.Append(line[i++]);
            }

            fields.Add(field.ToString());
            if (i >= line.Length) return true;
            i++; // the comma
        }
    }
}
