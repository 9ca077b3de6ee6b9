using System.Globalization;
using System.Text;

namespace Nps.Intake;

/// <summary>
/// The field rules every response meets before any store sees it, the same for every store, so that what one store
/// accepts another can hold (PostgreSQL's text holds no U+0000 and its indexes no key of a few kilobytes) and an id
/// is a key, not a payload: ids without control characters and at most <see cref="MaxIdBytes"/> bytes of UTF-8, no
/// U+0000 in any text, a comment of at most an option's bytes.
/// </summary>
public static class ResponseFieldRules
{
    /// <summary>The longest id accepted, in bytes of UTF-8.</summary>
    public const int MaxIdBytes = 256;

    /// <summary>The longest dimension value or attribute name or value accepted, in bytes of UTF-8.</summary>
    public const int MaxTextBytes = 1024;

    /// <summary>The default longest comment, in bytes of UTF-8 (8 KiB).</summary>
    public const int DefaultMaxCommentBytes = 8 * 1024;

    /// <summary>
    /// An instant at the precision every store keeps (1 µs, PostgreSQL's <c>timestamptz</c>): truncated, so that what
    /// the intake stores, echoes and compares a retry with is what a store gives back.
    /// </summary>
    /// <param name="at">The instant.</param>
    /// <returns>The instant with its ticks below a microsecond dropped, offset kept.</returns>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset at) => StoredTime.ToStoredPrecision(at);

    /// <summary>Why an id breaks the rules, or null when it keeps them.</summary>
    /// <param name="id">The id (a response, respondent, invitation or event id).</param>
    /// <returns>The reason, for people, or <see langword="null"/>.</returns>
    public static string? IdProblem(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        for (var i = 0; i < id.Length; i++)
        {
            if (char.IsControl(id[i])) return string.Create(CultureInfo.InvariantCulture, $"contains the control character U+{(int)id[i]:X4} at position {i}; ids must not.");
        }

        return TooLong(id, MaxIdBytes);
    }

    /// <summary>Checks a response's fields.</summary>
    /// <param name="response">The response.</param>
    /// <param name="maxCommentBytes">The longest comment accepted, in bytes of UTF-8.</param>
    /// <returns>One error per field that breaks a rule (fields named as on the wire, no line, no value: ids and text may be personal); empty when every field keeps them.</returns>
    public static IReadOnlyList<DataError> Check(SurveyResponse response, int maxCommentBytes = DefaultMaxCommentBytes)
    {
        ArgumentNullException.ThrowIfNull(response);
        var errors = new List<DataError>();
        Id("responseId", response.ResponseId);
        Id("respondentId", response.RespondentId);
        Id("invitationId", response.InvitationId);
        Id("eventId", response.EventId);
        if (response.Comment is { } comment && (NulProblem(comment) ?? TooLong(comment, maxCommentBytes)) is { } commentProblem)
        {
            errors.Add(new(0, "comment", commentProblem));
        }

        Text("team", response.Team);
        Text("agent", response.Agent);
        Text("channel", response.Channel);
        Text("product", response.Product);
        Text("touchpoint", response.Touchpoint);
        foreach (var (name, value) in response.Attributes)
        {
            if ((NulProblem(name) ?? TooLong(name, MaxTextBytes)) is { } nameProblem) errors.Add(new(0, "attributes", $"the name {Shown(name)} {nameProblem}"));
            else if ((NulProblem(value) ?? TooLong(value, MaxTextBytes)) is { } valueProblem) errors.Add(new(0, "attributes." + name, valueProblem));
        }

        return errors;

        void Id(string field, string? value)
        {
            if (value is not null && IdProblem(value) is { } problem) errors.Add(new(0, field, problem));
        }

        void Text(string field, string? value)
        {
            if (value is not null && (NulProblem(value) ?? TooLong(value, MaxTextBytes)) is { } problem) errors.Add(new(0, field, problem));
        }
    }

    // U+0000 is refused rather than stripped: a stripped answer is not the one given, and a retry must compare equal.
    private static string? NulProblem(string text)
    {
        var at = text.IndexOf('\0', StringComparison.Ordinal);
        return at < 0 ? null : string.Create(CultureInfo.InvariantCulture, $"contains U+0000 at position {at}; text must not.");
    }

    private static string? TooLong(string text, int maxBytes)
    {
        // Cheap first: a string of at most maxBytes/3 chars cannot exceed maxBytes in UTF-8.
        if (text.Length <= maxBytes / 3) return null;
        var bytes = Encoding.UTF8.GetByteCount(text);
        return bytes <= maxBytes ? null : string.Create(CultureInfo.InvariantCulture, $"is {bytes} bytes of UTF-8; at most {maxBytes} are accepted.");
    }

    private static string Shown(string name) => name.Length <= 40 ? $"'{name.Replace("\0", "\\0", StringComparison.Ordinal)}'" : $"'{name[..40].Replace("\0", "\\0", StringComparison.Ordinal)}…'";
}
