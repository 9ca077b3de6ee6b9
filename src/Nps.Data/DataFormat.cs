namespace Nps.Data;

/// <summary>The file formats the readers understand.</summary>
public enum DataFormat
{
    /// <summary>RFC 4180 CSV with a header row; <c>,</c>, <c>;</c> or tab, detected from the header.</summary>
    Csv,

    /// <summary>JSON Lines: one flat JSON object per line.</summary>
    JsonLines,
}

/// <summary>Helpers for <see cref="DataFormat"/>.</summary>
public static class DataFormats
{
    /// <summary>JSON Lines for <c>.jsonl</c> and <c>.ndjson</c>, CSV for anything else.</summary>
    /// <param name="path">A file name or path.</param>
    /// <returns>The format its extension implies.</returns>
    public static DataFormat FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        return extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || extension.Equals(".ndjson", StringComparison.OrdinalIgnoreCase)
            ? DataFormat.JsonLines
            : DataFormat.Csv;
    }
}
