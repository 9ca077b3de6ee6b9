using System.Globalization;

namespace Nps.Samples.Console.Input;

/// <summary>
/// Maps a validated <see cref="ResponseRow"/> to the library's <see cref="SurveyResponse"/>: the built-in
/// dimensions (team, agent, channel, product, touchpoint, survey_kind) to their properties, every other
/// non-reserved column to <see cref="SurveyResponse.Attributes"/>.
/// </summary>
public static class SurveyResponses
{
    private static readonly HashSet<string> BuiltIn = new(SurveyResponse.BuiltInDimensions, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The response; a row without <c>response_id</c> gets <c>line-N</c>. Requires <see cref="ResponseRow.RespondedAt"/>
    /// (read with <c>requireTimestamp: true</c>).
    /// </summary>
    public static SurveyResponse From(in ResponseRow row, IRecordReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var record = row.Record;
        Dictionary<string, string>? attributes = null;
        for (var i = 0; i < reader.Columns.Count; i++)
        {
            var name = reader.Columns[i];
            if (!BuiltIn.Contains(name) && !ResponseColumns.Reserved.Contains(name) && record[i] is { Length: > 0 } value)
            {
                (attributes ??= new Dictionary<string, string>(StringComparer.Ordinal))[name] = value;
            }
        }

        string? Cell(string name) => record[reader.IndexOf(name)] is { Length: > 0 } value ? value : null;
        return new SurveyResponse
        {
            ResponseId = row.ResponseId ?? string.Create(CultureInfo.InvariantCulture, $"line-{row.Line}"),
            Rating = NpsRating.From(row.Rating),
            RespondedAt = row.RespondedAt ?? throw new ArgumentException("The row has no responded_at.", nameof(row)),
            Kind = string.Equals(Cell("survey_kind"), "relational", StringComparison.OrdinalIgnoreCase) ? SurveyKind.Relational : SurveyKind.Transactional,
            Team = Cell("team"),
            Agent = Cell("agent"),
            Channel = Cell("channel"),
            Product = Cell("product"),
            Touchpoint = Cell("touchpoint"),
            Comment = row.Comment,
            CallbackRequested = row.CallbackRequested,
            IsManual = row.Manual,
            InclusionProbability = Math.Min(1, row.InclusionProbability),
            Attributes = attributes ?? (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(StringComparer.Ordinal),
        };
    }
}
