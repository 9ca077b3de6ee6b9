using System.Globalization;
using System.Text;

namespace Nps.Data;

/// <summary>
/// Reads <see cref="SurveyResponse"/>s from CSV or JSON Lines, one record at a time. The columns are those of
/// <see cref="ResponseColumns"/> (<c>rating</c> and <c>responded_at</c> required) plus the built-in dimensions
/// <c>team</c>, <c>agent</c>, <c>channel</c>, <c>product</c>, <c>touchpoint</c>; every other non-empty value is a free
/// attribute. A repeated <c>response_id</c> is an error naming the line it was first seen on.
/// </summary>
public sealed class SurveyResponseReader : DataReader<SurveyResponse>
{
    private readonly ResponseParser _parser;

    private SurveyResponseReader(RecordSource source, DataReaderOptions options)
        : base(source, options) =>
        _parser = new ResponseParser(source.Columns, options, options.Clock.GetUtcNow());

    /// <summary>Opens a reader over <paramref name="stream"/> (which it disposes).</summary>
    /// <param name="stream">The data: UTF-8 with or without a byte-order mark, or UTF-16 with one.</param>
    /// <param name="format">CSV or JSON Lines.</param>
    /// <param name="options">How to read; <see cref="DataReaderOptions.Default"/> when null.</param>
    /// <param name="reader">The reader, when the data can be read.</param>
    /// <param name="error">Why not (an empty file, a bad header, no rating column), when not.</param>
    /// <returns>Whether the reader is open.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static bool TryOpen(Stream stream, DataFormat format, DataReaderOptions? options, out SurveyResponseReader? reader, out DataError error)
    {
        options ??= DataReaderOptions.Default;
        var source = RecordSources.TryOpen(stream, format, options, responses: true, out _, out error);
        if (source is null)
        {
            reader = null;
            return false;
        }

        reader = new SurveyResponseReader(source, options);
        return true;
    }

    /// <summary>Opens the file at <paramref name="path"/>: JSON Lines for <c>.jsonl</c>/<c>.ndjson</c>, CSV otherwise.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read; <see cref="DataReaderOptions.Default"/> when null.</param>
    /// <param name="reader">The reader, when the file can be read.</param>
    /// <param name="error">Why not, when not.</param>
    /// <returns>Whether the reader is open.</returns>
    public static bool TryOpen(string path, DataReaderOptions? options, out SurveyResponseReader? reader, out DataError error) =>
        TryOpen(RecordSources.OpenFile(path), DataFormats.FromPath(path), options, out reader, out error);

    /// <summary>After reading: the error for a file with no record and no column at all (an empty JSON Lines file), else null.</summary>
    public DataError? EmptyFile => Records == 0 && Columns.Count == 0 ? new DataError(1, null, "the file is empty") : null;

    private protected override bool TryConvert(RawRecord record, out SurveyResponse? value, out DataError error)
    {
        value = null;
        if (!_parser.TryParse(record, Options.RequireRespondedAt ? $"{ResponseColumns.RespondedAt} is required" : null, checkDuplicates: true, out var parsed, out error))
        {
            return false;
        }

        var p = _parser;
        Dictionary<string, string>? attributes = null;
        var known = p.Known;
        for (var i = 0; i < record.FieldCount; i++)
        {
            if ((i >= known.Length || !known[i]) && record.Has(i) && !record[i].IsEmpty)
            {
                (attributes ??= new Dictionary<string, string>(StringComparer.Ordinal))[Source.Columns[i]] = Encoding.UTF8.GetString(record[i]);
            }
        }

        value = new SurveyResponse
        {
            ResponseId = Text(record, p.ResponseId, trim: true) ?? string.Create(CultureInfo.InvariantCulture, $"line-{record.Line}"),
            RespondentId = Text(record, p.CustomerId, trim: true) ?? "",
            InvitationId = Text(record, p.InvitationId, trim: true),
            Rating = parsed.Rating,
            RespondedAt = parsed.HasTime ? parsed.Time : DateTimeOffset.MinValue,
            Kind = parsed.Kind,
            Team = Text(record, p.Team),
            Agent = Text(record, p.Agent),
            Channel = Text(record, p.Channel),
            Product = Text(record, p.Product),
            Touchpoint = Text(record, p.Touchpoint),
            Comment = Utf8Text.IsBlank(p.Comment >= 0 ? record[p.Comment] : default) ? null : Text(record, p.Comment),
            CallbackRequested = parsed.CallbackRequested,
            IsManual = parsed.IsManual,
            InclusionProbability = parsed.InclusionProbability,
            Attributes = attributes ?? (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(StringComparer.Ordinal),
        };
        return true;
    }

    /// <summary>A column's value as text; null when absent or empty.</summary>
    internal static string? Text(RawRecord record, int column, bool trim = false)
    {
        if (column < 0 || !record.Has(column))
        {
            return null;
        }

        var value = trim ? Utf8Text.Trim(record[column]) : record[column];
        return value.IsEmpty ? null : Encoding.UTF8.GetString(value);
    }
}
