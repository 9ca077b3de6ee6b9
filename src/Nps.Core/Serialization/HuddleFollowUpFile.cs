using System.Globalization;
using System.Text.Json;
using Nps.FollowUp;
using Nps.Huddle;
using Nps.Serialization;

namespace Nps.Serialization;

/// <summary>
/// Reads a follow-up export for a huddle brief: the JSON array of follow-ups that the web sample's
/// <c>GET /api/follow-ups</c> returns, or the object that <c>nps follow-ups --format json</c> writes (its
/// <c>followUps</c> array).
/// </summary>
/// <remarks>
/// Per follow-up, <c>responseId</c>, <c>status</c> (<c>open</c>, <c>contacted</c> or <c>closed</c>, any case) and
/// <c>dueAt</c> (ISO 8601 with an offset) are required; <c>id</c>, <c>customerId</c>, <c>ownerTeam</c>,
/// <c>ownerAgent</c>, <c>rating</c> and <c>respondedAt</c> are read when present; other fields are ignored. Errors are
/// <see cref="DataError"/>s naming the element and field as their field (<c>[3].dueAt</c>) with the refused value, never thrown.
/// </remarks>
public static class HuddleFollowUpFile
{
    /// <summary>Parses a follow-up export.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="followUps">The follow-ups when valid; empty otherwise.</param>
    /// <param name="errors">Every problem, each naming its JSON path as the field and the refused value; empty when valid.</param>
    /// <returns>Whether the file is valid.</returns>
    public static bool TryParse(string json, out IReadOnlyList<FollowUpCase> followUps, out IReadOnlyList<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<DataError>();
        var result = new List<FollowUpCase>();
        followUps = [];
        errors = problems;
        if (!JsonFileText.TryParse(json, problems, out var document)) return false;

        using (document)
        {
            var root = document.RootElement;
            var prefix = "";
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("followUps", out var inner))
            {
                root = inner;
                prefix = "followUps";
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new(0, null, "expected an array of follow-ups, or an object with a \"followUps\" array"));
                return false;
            }

            var index = 0;
            foreach (var item in root.EnumerateArray())
            {
                if (Read(item, string.Create(CultureInfo.InvariantCulture, $"{prefix}[{index}]"), problems) is { } followUp) result.Add(followUp);
                index++;
            }
        }

        if (problems.Count > 0) return false;
        followUps = result;
        return true;
    }

    private static FollowUpCase? Read(JsonElement item, string path, List<DataError> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(0, path, "must be an object"));
            return null;
        }

        var before = problems.Count;
        var responseId = Text(item, "responseId", path, problems, required: true);
        var statusText = Text(item, "status", path, problems, required: true);
        FollowUpStatus status = default;
        if (statusText is not null && !WireNames.TryParse(statusText, out status))
        {
            problems.Add(new(0, $"{path}.status", $"must be open, contacted or closed, got '{statusText}'", statusText));
        }

        var dueAt = Time(item, "dueAt", path, problems, required: true);
        var respondedAt = Time(item, "respondedAt", path, problems, required: false);
        var rating = NpsRating.From(0);
        if (item.TryGetProperty("rating", out var ratingElement) && ratingElement.ValueKind != JsonValueKind.Null)
        {
            if (ratingElement.ValueKind == JsonValueKind.Number && ratingElement.TryGetInt32(out var value) && value is >= 0 and <= 10) rating = NpsRating.From(value);
            else problems.Add(new(0, $"{path}.rating", $"must be an integer from 0 to 10, got {ratingElement.GetRawText()}", JsonFileText.Shown(ratingElement)));
        }

        var id = Text(item, "id", path, problems, required: false);
        var customerId = Text(item, "customerId", path, problems, required: false);
        var team = Text(item, "ownerTeam", path, problems, required: false);
        var agent = Text(item, "ownerAgent", path, problems, required: false);
        if (problems.Count > before) return null;
        return new FollowUpCase
        {
            Id = id ?? FollowUpCase.IdFor(responseId!),
            ResponseId = responseId!,
            CustomerId = customerId ?? "",
            Rating = rating,
            Status = status,
            DueAt = dueAt!.Value,
            RespondedAt = respondedAt ?? DateTimeOffset.MinValue,
            OwnerTeam = team,
            OwnerAgent = agent,
        };
    }

    private static string? Text(JsonElement item, string name, string path, List<DataError> problems, bool required)
    {
        if (!item.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required) problems.Add(new(0, $"{path}.{name}", "is missing"));
            return null;
        }

        if (element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString())) return element.GetString();
        problems.Add(new(0, $"{path}.{name}", "must be a non-empty string", JsonFileText.Shown(element)));
        return null;
    }

    private static DateTimeOffset? Time(JsonElement item, string name, string path, List<DataError> problems, bool required)
    {
        if (Text(item, name, path, problems, required) is not { } text) return null;
        // An offset is required: a time without one would be guessed, never right for every reader.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            && (text.EndsWith('Z') || text.EndsWith('z') || HasOffset(text)))
        {
            return value;
        }

        problems.Add(new(0, $"{path}.{name}", $"must be an ISO 8601 time with an offset (e.g. 2026-03-14T10:00:00+01:00), got '{text}'", text));
        return null;
    }

    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        return t > 0 && text.AsSpan(t).IndexOfAny('+', '-') > 0;
    }
}
