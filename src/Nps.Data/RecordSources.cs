namespace Nps.Data;

/// <summary>Opens the record source for a format.</summary>
internal static class RecordSources
{
    public static RecordSource Open(Stream stream, DataFormat format, DataReaderOptions options, out bool transcoded)
    {
        var utf8 = Utf8Input.Open(stream, out transcoded);
        RecordSource source = format == DataFormat.JsonLines
            ? new JsonLinesRecordSource(utf8, options.MaxRecordSize)
            : new CsvRecordSource(utf8, options.MaxRecordSize);
        source.Columns.Map(options.ColumnNames);
        return source;
    }

    /// <summary>
    /// Opens the source and reads its header (a CSV of responses must have a rating column); on failure the source
    /// is disposed and the error returned.
    /// </summary>
    public static RecordSource? TryOpen(Stream stream, DataFormat format, DataReaderOptions options, bool responses, out bool transcoded, out DataError error)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        OptionsValidation.ThrowIfInvalid(options, nameof(options));
        var source = Open(stream, format, options, out transcoded);
        if (!source.TryReadHeader(out error))
        {
            source.Dispose();
            return null;
        }

        if (responses && format == DataFormat.Csv && source.Columns.IndexOf(ResponseColumns.Rating) < 0)
        {
            source.Dispose();
            error = new DataError(1, null, "the header has no 'rating' column");
            return null;
        }

        return source;
    }

    /// <summary>Opens <paramref name="path"/> for sequential reading.</summary>
    public static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
}
