using System.Globalization;

namespace Nps.FollowUp;

/// <summary>
/// Which responses become follow-ups and how soon they are due: every detractor and every callback request,
/// passives when <see cref="IncludePassives"/> is set; each with a service-level time per reason.
/// </summary>
/// <remarks>
/// When several reasons apply (a detractor who asks for a callback), the follow-up takes the reason with the
/// shortest SLA, so the tightest promise is kept; ties go to the callback, the customer's own request. The SLA
/// clock starts when the customer answered (<see cref="SurveyResponse.RespondedAt"/>), not when the follow-up
/// was created: a response imported late is no less urgent to the customer. SLAs are calendar time.
/// </remarks>
public sealed record FollowUpPolicy
{
    private readonly TimeSpan _detractorSla = TimeSpan.FromHours(48);
    private readonly TimeSpan _callbackSla = TimeSpan.FromHours(24);
    private readonly TimeSpan _passiveSla = TimeSpan.FromDays(5);

    /// <summary>Whether passives (7–8) get a follow-up too; false by default.</summary>
    public bool IncludePassives { get; init; }

    /// <summary>Time to first contact for a detractor; 48 hours by default.</summary>
    public TimeSpan DetractorSla { get => _detractorSla; init => _detractorSla = Positive(value, nameof(DetractorSla)); }

    /// <summary>Time to first contact for a callback request; 24 hours by default.</summary>
    public TimeSpan CallbackSla { get => _callbackSla; init => _callbackSla = Positive(value, nameof(CallbackSla)); }

    /// <summary>Time to first contact for a passive; 5 days by default.</summary>
    public TimeSpan PassiveSla { get => _passiveSla; init => _passiveSla = Positive(value, nameof(PassiveSla)); }

    /// <summary>The SLA for a reason.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The time to first contact.</returns>
    public TimeSpan SlaFor(FollowUpReason reason) => reason switch
    {
        FollowUpReason.Callback => CallbackSla,
        FollowUpReason.Detractor => DetractorSla,
        FollowUpReason.Passive => PassiveSla,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown follow-up reason."),
    };

    /// <summary>The reason a response needs a follow-up, or null when it needs none.</summary>
    /// <param name="response">The response.</param>
    /// <returns>The reason with the shortest SLA among those that apply, or null.</returns>
    public FollowUpReason? ReasonFor(SurveyResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        FollowUpReason? best = response.CallbackRequested ? FollowUpReason.Callback : null;
        FollowUpReason? byCategory = response.Category switch
        {
            NpsCategory.Detractor => FollowUpReason.Detractor,
            NpsCategory.Passive when IncludePassives => FollowUpReason.Passive,
            _ => null,
        };
        if (byCategory is { } category && (best is null || SlaFor(category) < SlaFor(best.Value))) best = category;
        return best;
    }

    private static TimeSpan Positive(TimeSpan value, string name) => value > TimeSpan.Zero
        ? value
        : throw new ArgumentOutOfRangeException(name, value,
            string.Create(CultureInfo.InvariantCulture, $"An SLA must be positive; got {value}."));
}
