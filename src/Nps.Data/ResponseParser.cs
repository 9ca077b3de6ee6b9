using System.Globalization;

namespace Nps.Data;

/// <summary>The validated fields of one response record, before any string is made.</summary>
internal struct ParsedResponse
{
    public NpsRating Rating;
    public bool HasTime;
    public long LocalTicks;
    public int OffsetMinutes;
    public double InclusionProbability;
    public double Weight;
    public bool IsManual;
    public bool CallbackRequested;
    public SurveyKind Kind;

    public readonly DateTimeOffset Time => new(LocalTicks, TimeSpan.FromMinutes(OffsetMinutes));
}

/// <summary>
/// Validates response records: the one place that knows what each response column means. Used by
/// <see cref="SurveyResponseReader"/> and by the report reader, which skips making strings.
/// </summary>
internal sealed class ResponseParser
{
    private readonly ColumnSet _columns;
    private readonly PlausibilityLimits _limits;
    private readonly DateTimeOffset _now;
    private readonly long _earliestTicks;
    private readonly long _latestTicks;
    private int _version = -1;

    public ResponseParser(ColumnSet columns, DataReaderOptions options, DateTimeOffset now)
    {
        _columns = columns;
        _limits = options.Limits;
        _now = now;
        _earliestTicks = options.Limits.Earliest.UtcTicks;
        _latestTicks = now.UtcTicks + Math.Min(options.Limits.MaximumAheadOfClock.Ticks, DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks);
        Refresh();
    }

    public IdTable Ids { get; } = new();

    public int ResponseId { get; private set; }

    public int CustomerId { get; private set; }

    public int InvitationId { get; private set; }

    public int RespondedAt { get; private set; }

    public int Rating { get; private set; }

    public int Weight { get; private set; }

    public int Probability { get; private set; }

    public int Manual { get; private set; }

    public int Comment { get; private set; }

    public int Callback { get; private set; }

    public int Kind { get; private set; }

    public int Team { get; private set; }

    public int Agent { get; private set; }

    public int Channel { get; private set; }

    public int Product { get; private set; }

    public int Touchpoint { get; private set; }

    /// <summary>Per column: whether it has a meaning of its own (not a free attribute).</summary>
    public bool[] Known { get; private set; } = [];

    /// <summary>Looks the columns up again when JSON Lines keys were added.</summary>
    public void Refresh()
    {
        if (_version == _columns.Version)
        {
            return;
        }

        _version = _columns.Version;
        ResponseId = _columns.IndexOf(ResponseColumns.ResponseId);
        CustomerId = _columns.IndexOfAny([ResponseColumns.CustomerId, ResponseColumns.RespondentId]);
        InvitationId = _columns.IndexOf(ResponseColumns.InvitationId);
        RespondedAt = _columns.IndexOf(ResponseColumns.RespondedAt);
        Rating = _columns.IndexOf(ResponseColumns.Rating);
        Weight = _columns.IndexOf(ResponseColumns.Weight);
        Probability = _columns.IndexOf(ResponseColumns.InclusionProbability);
        Manual = _columns.IndexOfAny([ResponseColumns.Manual, "is_manual"]);
        Comment = _columns.IndexOf(ResponseColumns.Comment);
        Callback = _columns.IndexOf(ResponseColumns.CallbackRequested);
        Kind = _columns.IndexOfAny([ResponseColumns.SurveyKind, "kind"]);
        Team = _columns.IndexOf("team");
        Agent = _columns.IndexOf("agent");
        Channel = _columns.IndexOf("channel");
        Product = _columns.IndexOf("product");
        Touchpoint = _columns.IndexOf("touchpoint");
        var known = new bool[_columns.Count];
        foreach (var index in (ReadOnlySpan<int>)[ResponseId, CustomerId, InvitationId, RespondedAt, Rating, Weight, Probability, Manual, Comment, Callback, Kind, Team, Agent, Channel, Product, Touchpoint])
        {
            if (index >= 0)
            {
                known[index] = true;
            }
        }

        foreach (var alias in (ReadOnlySpan<string>)[ResponseColumns.CustomerId, ResponseColumns.RespondentId, ResponseColumns.Manual, "is_manual", ResponseColumns.SurveyKind, "kind"])
        {
            var index = _columns.IndexOf(alias);
            if (index >= 0)
            {
                known[index] = true;
            }
        }

        Known = known;
    }

    /// <summary>The name a column is reported by: as spelled in the file.</summary>
    private string Name(int column, string fallback) => column >= 0 ? _columns[column] : fallback;

    /// <summary>Validates a record; <paramref name="missingTime"/> is the reason when the time is required but absent (null: optional).</summary>
    public bool TryParse(RawRecord record, string? missingTime, bool checkDuplicates, out ParsedResponse parsed, out DataError error)
    {
        Refresh();
        parsed = default;
        var line = record.Line;
        if (Rating < 0)
        {
            error = new DataError(line, ResponseColumns.Rating, "rating is required but the file has no rating column");
            return false;
        }

        if (!FieldParsers.TryParseRating(record[Rating], Name(Rating, ResponseColumns.Rating), out parsed.Rating, out error))
        {
            error = error.AtLine(line);
            return false;
        }

        var time = RespondedAt >= 0 ? record[RespondedAt] : default;
        if (!Utf8Text.IsBlank(time))
        {
            var field = Name(RespondedAt, ResponseColumns.RespondedAt);
            var result = IsoTime.ParseParts(Utf8Text.Trim(time), out parsed.LocalTicks, out parsed.OffsetMinutes);
            if (result != IsoTime.Result.Ok || !TryCheckTime(parsed.LocalTicks, parsed.OffsetMinutes, field, out error))
            {
                if (result != IsoTime.Result.Ok)
                {
                    FieldParsers.TryParseTime(time, field, out _, out error);
                }

                error = error.AtLine(line);
                return false;
            }

            parsed.HasTime = true;
        }
        else if (missingTime is not null)
        {
            error = new DataError(line, Name(RespondedAt, ResponseColumns.RespondedAt), missingTime);
            return false;
        }

        parsed.Weight = 1;
        parsed.InclusionProbability = 1;
        var weight = Weight >= 0 ? record[Weight] : default;
        var probability = Probability >= 0 ? record[Probability] : default;
        if (!Utf8Text.IsBlank(weight))
        {
            var field = Name(Weight, ResponseColumns.Weight);
            if (!FieldParsers.TryParseWeight(weight, field, out parsed.Weight, out error) ||
                !_limits.TryCheckProbability(Math.Min(1, 1 / parsed.Weight), field, out error))
            {
                error = error.AtLine(line);
                return false;
            }

            parsed.InclusionProbability = Math.Min(1, 1 / parsed.Weight);
        }
        else if (!Utf8Text.IsBlank(probability))
        {
            var field = Name(Probability, ResponseColumns.InclusionProbability);
            if (!FieldParsers.TryParseProbability(probability, field, out parsed.InclusionProbability, out error) ||
                !_limits.TryCheckProbability(parsed.InclusionProbability, field, out error))
            {
                error = error.AtLine(line);
                return false;
            }

            parsed.Weight = 1 / parsed.InclusionProbability;
        }

        if ((Manual >= 0 && !FieldParsers.TryParseBoolean(record[Manual], Name(Manual, ResponseColumns.Manual), out parsed.IsManual, out error)) ||
            (Callback >= 0 && !FieldParsers.TryParseBoolean(record[Callback], Name(Callback, ResponseColumns.CallbackRequested), out parsed.CallbackRequested, out error)) ||
            (Kind >= 0 && !FieldParsers.TryParseSurveyKind(record[Kind], Name(Kind, ResponseColumns.SurveyKind), out parsed.Kind, out error)))
        {
            error = error.AtLine(line);
            return false;
        }

        if (checkDuplicates && ResponseId >= 0)
        {
            var id = Utf8Text.Trim(record[ResponseId]);
            if (!id.IsEmpty && !Ids.TryAdd(id, line, out var first))
            {
                error = new DataError(line, Name(ResponseId, ResponseColumns.ResponseId), string.Create(CultureInfo.InvariantCulture,
                    $"duplicate {Name(ResponseId, ResponseColumns.ResponseId)} '{Utf8Text.Show(id)}' (first seen on line {first})"));
                return false;
            }
        }

        error = default;
        return true;
    }

    /// <summary>Whether a parsed time is within the plausibility limits, by ticks (the message is made only on failure).</summary>
    public bool TryCheckTime(long localTicks, int offsetMinutes, string field, out DataError error)
    {
        var utc = localTicks - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (utc >= _earliestTicks && utc <= _latestTicks)
        {
            error = default;
            return true;
        }

        if (utc < DateTimeOffset.MinValue.UtcTicks || utc > DateTimeOffset.MaxValue.UtcTicks)
        {
            error = new DataError(0, field, $"{field} is outside the range of representable times");
            return false;
        }

        return _limits.TryCheckTime(new DateTimeOffset(localTicks, TimeSpan.FromMinutes(offsetMinutes)), field, _now, out error);
    }
}
