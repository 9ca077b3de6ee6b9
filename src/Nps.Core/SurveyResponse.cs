using System.Globalization;

namespace Nps;

/// <summary>
/// One answer to a Net Promoter survey, with the dimensions of the touchpoint it is about and how it was sampled.
/// </summary>
/// <remarks>
/// Immutable; the init accessors validate (programmer errors throw <see cref="ArgumentException"/>). Readers of
/// outside data should validate first and report the line and field instead.
/// </remarks>
public sealed record SurveyResponse
{
    private readonly string _responseId = "";
    private readonly double _inclusionProbability = 1;
    private readonly bool _inclusionProbabilityStated;
    private readonly IReadOnlyDictionary<string, string> _attributes = EmptyAttributes;

    private static readonly IReadOnlyDictionary<string, string> EmptyAttributes = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Names of the built-in dimensions, usable in reports besides free attributes.</summary>
    public static IReadOnlyList<string> BuiltInDimensions { get; } = ["team", "agent", "channel", "product", "touchpoint", "survey_kind"];

    /// <summary>A unique id of this response (idempotency key).</summary>
    public required string ResponseId
    {
        get => _responseId;
        init => _responseId = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A response id must not be empty.", nameof(ResponseId)) : value;
    }

    /// <summary>Who answered (customer id); may be empty for anonymous surveys.</summary>
    public string RespondentId { get; init; } = "";

    /// <summary>The invitation this answers, if it came from one (a sampled invitation's id is its event id).</summary>
    public string? InvitationId { get; init; }

    /// <summary>The touchpoint event whose invitation this answers, if known.</summary>
    public string? EventId { get; init; }

    /// <summary>Transactional or relational.</summary>
    public SurveyKind Kind { get; init; }

    /// <summary>The 0–10 rating.</summary>
    public required NpsRating Rating { get; init; }

    /// <summary>The category of the rating.</summary>
    public NpsCategory Category => Rating.Category;

    /// <summary>The free-text comment, if any.</summary>
    public string? Comment { get; init; }

    /// <summary>Whether the customer asked to be called back.</summary>
    public bool CallbackRequested { get; init; }

    /// <summary>When the answer was given (with its offset).</summary>
    public required DateTimeOffset RespondedAt { get; init; }

    /// <summary>The team that handled the touchpoint.</summary>
    public string? Team { get; init; }

    /// <summary>The agent (employee) who handled the touchpoint.</summary>
    public string? Agent { get; init; }

    /// <summary>The channel (phone, chat, e-mail, shop, …).</summary>
    public string? Channel { get; init; }

    /// <summary>The product the touchpoint was about.</summary>
    public string? Product { get; init; }

    /// <summary>The touchpoint (e.g. "support-call", "delivery").</summary>
    public string? Touchpoint { get; init; }

    /// <summary>Free dimensions (region, segment, …), by name.</summary>
    public IReadOnlyDictionary<string, string> Attributes
    {
        get => _attributes;
        init => _attributes = value ?? throw new ArgumentNullException(nameof(Attributes));
    }

    /// <summary>The probability with which this respondent was selected, in (0, 1]; 1 by default.</summary>
    public double InclusionProbability
    {
        get => _inclusionProbability;
        init
        {
            _inclusionProbability = value > 0 && value <= 1
                ? value
                : throw new ArgumentOutOfRangeException(nameof(InclusionProbability), value,
                    string.Create(CultureInfo.InvariantCulture, $"An inclusion probability must be in (0, 1]; got {value}."));
            _inclusionProbabilityStated = true;
        }
    }

    /// <summary>
    /// Whether <see cref="InclusionProbability"/> was set (rather than left at its default of 1). The intake gives a
    /// response that states none the probability recorded with its invitation.
    /// </summary>
    public bool HasStatedInclusionProbability => _inclusionProbabilityStated;

    /// <summary>The design weight 1 / <see cref="InclusionProbability"/>.</summary>
    public double Weight => 1 / _inclusionProbability;

    /// <summary>Whether the invitation was sent by hand; such responses are kept out of the unbiased score by default.</summary>
    public bool IsManual { get; init; }

    /// <summary>
    /// Where the response came from (<see cref="ResponseProvenance.Solicited"/> by default); the intake sets it when it
    /// binds a response to its invitation, or finds none.
    /// </summary>
    public ResponseProvenance Provenance { get; init; }

    /// <summary>Whether the response matched no invitation (<see cref="ResponseProvenance.Unsolicited"/>); such responses are kept out of the unbiased score by default.</summary>
    public bool IsUnsolicited => Provenance == ResponseProvenance.Unsolicited;

    /// <summary>
    /// The value of a dimension by name: the built-in <c>team</c>, <c>agent</c>, <c>channel</c>, <c>product</c>,
    /// <c>touchpoint</c>, <c>survey_kind</c> (case-insensitive), else a free attribute; null when absent.
    /// </summary>
    /// <param name="name">The dimension name.</param>
    /// <returns>The value, or null.</returns>
    public string? GetDimension(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToUpperInvariant() switch
        {
            "TEAM" => Team,
            "AGENT" => Agent,
            "CHANNEL" => Channel,
            "PRODUCT" => Product,
            "TOUCHPOINT" => Touchpoint,
            "SURVEY_KIND" or "KIND" => Kind == SurveyKind.Relational ? "relational" : "transactional",
            _ => Attributes.TryGetValue(name, out var value) ? value : null,
        };
    }
}
