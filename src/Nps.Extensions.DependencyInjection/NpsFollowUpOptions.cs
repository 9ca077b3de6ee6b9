using Nps.FollowUp;

namespace Nps;

/// <summary>Which responses get a follow-up (closing the loop) and how soon someone must call.</summary>
public sealed record NpsFollowUpOptions : IValidatableOptions
{
    /// <summary>Passives get a follow-up too (default off: detractors and callback requests only).</summary>
    public bool IncludePassives { get; init; }

    /// <summary>Time to first contact for a detractor (default 48 hours).</summary>
    public TimeSpan DetractorSla { get; init; } = TimeSpan.FromHours(48);

    /// <summary>Time to first contact for a callback request (default 24 hours).</summary>
    public TimeSpan CallbackSla { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Time to first contact for a passive, when included (default 5 days).</summary>
    public TimeSpan PassiveSla { get; init; } = TimeSpan.FromDays(5);

    /// <summary>The follow-up policy these options describe (validate first: SLAs must be positive).</summary>
    /// <returns>The policy.</returns>
    public FollowUpPolicy ToPolicy() => new()
    {
        IncludePassives = IncludePassives, DetractorSla = DetractorSla, CallbackSla = CallbackSla, PassiveSla = PassiveSla,
    };

    /// <inheritdoc />
    public void Validate(OptionsPath path, ICollection<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Positive(path.Then(nameof(DetractorSla)), DetractorSla);
        errors.Positive(path.Then(nameof(CallbackSla)), CallbackSla);
        errors.Positive(path.Then(nameof(PassiveSla)), PassiveSla);
    }
}
