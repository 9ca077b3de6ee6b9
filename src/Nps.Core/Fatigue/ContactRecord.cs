using Nps.Sampling;

namespace Nps.Fatigue;

/// <summary>
/// One contact in a customer's history, packed into 8 bytes so a ledger of millions of customers stays small:
/// the time to the millisecond, the contact kind, the survey kind and the manual flag. Times are rounded
/// <em>up</em> to the next millisecond, which can only make a cooldown or window end later, never earlier.
/// </summary>
public readonly record struct ContactRecord : IComparable<ContactRecord>
{
    private const int TimeShift = 8;
    private const long KindMask = 0xF;
    private const long SurveyBit = 0x10;
    private const long ManualBit = 0x20;
    private readonly long _packed;

    private ContactRecord(long packed) => _packed = packed;

    /// <summary>Creates a record.</summary>
    /// <param name="kind">What happened.</param>
    /// <param name="at">When (kept to the millisecond, rounded up).</param>
    /// <param name="survey">The survey kind (for invitations and responses; transactional otherwise).</param>
    /// <param name="isManual">Whether an invitation was a manual one.</param>
    /// <returns>The record.</returns>
    public static ContactRecord Create(ContactKind kind, DateTimeOffset at, SurveyKind survey = SurveyKind.Transactional, bool isManual = false)
    {
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown contact kind.");
        if (!Enum.IsDefined(survey)) throw new ArgumentOutOfRangeException(nameof(survey), survey, "Unknown survey kind.");
        var milliseconds = (at.UtcTicks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;
        if (milliseconds > DateTimeOffset.MaxValue.UtcTicks / TimeSpan.TicksPerMillisecond)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, "A contact time must round to a millisecond before the end of year 9999.");
        }

        return new ContactRecord((milliseconds << TimeShift) | (long)kind | (survey == SurveyKind.Relational ? SurveyBit : 0) | (isManual ? ManualBit : 0));
    }

    /// <summary>Restores a record from <see cref="Packed"/> (e.g. a database column).</summary>
    /// <param name="packed">A value produced by <see cref="Packed"/>.</param>
    /// <returns>The record.</returns>
    public static ContactRecord FromPacked(long packed)
    {
        var record = new ContactRecord(packed);
        if (packed < 0 || !Enum.IsDefined(record.Kind) || (packed & ~(KindMask | SurveyBit | ManualBit) & 0xFF) != 0 ||
            (packed >> TimeShift) > DateTimeOffset.MaxValue.UtcTicks / TimeSpan.TicksPerMillisecond)
        {
            throw new ArgumentOutOfRangeException(nameof(packed), packed, "Not a packed contact record.");
        }

        return record;
    }

    /// <summary>The 8-byte packed form, ordered by time first: storable as one 64-bit integer.</summary>
    public long Packed => _packed;

    /// <summary>What happened.</summary>
    public ContactKind Kind => (ContactKind)(_packed & KindMask);

    /// <summary>When (UTC, millisecond resolution).</summary>
    public DateTimeOffset At => new((_packed >> TimeShift) * TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    /// <summary>The survey kind of an invitation or response.</summary>
    public SurveyKind Survey => (_packed & SurveyBit) != 0 ? SurveyKind.Relational : SurveyKind.Transactional;

    /// <summary>Whether an invitation was a manual one.</summary>
    public bool IsManual => (_packed & ManualBit) != 0;

    internal long UtcTicks => (_packed >> TimeShift) * TimeSpan.TicksPerMillisecond;

    /// <inheritdoc/>
    public int CompareTo(ContactRecord other) => _packed.CompareTo(other._packed);

    /// <summary>Orders records by time.</summary>
    /// <param name="left">The left record.</param>
    /// <param name="right">The right record.</param>
    /// <returns>Whether left is earlier.</returns>
    public static bool operator <(ContactRecord left, ContactRecord right) => left.CompareTo(right) < 0;

    /// <summary>Orders records by time.</summary>
    /// <param name="left">The left record.</param>
    /// <param name="right">The right record.</param>
    /// <returns>Whether left is later.</returns>
    public static bool operator >(ContactRecord left, ContactRecord right) => left.CompareTo(right) > 0;

    /// <summary>Orders records by time.</summary>
    /// <param name="left">The left record.</param>
    /// <param name="right">The right record.</param>
    /// <returns>Whether left is not later.</returns>
    public static bool operator <=(ContactRecord left, ContactRecord right) => left.CompareTo(right) <= 0;

    /// <summary>Orders records by time.</summary>
    /// <param name="left">The left record.</param>
    /// <param name="right">The right record.</param>
    /// <returns>Whether left is not earlier.</returns>
    public static bool operator >=(ContactRecord left, ContactRecord right) => left.CompareTo(right) >= 0;

    /// <summary>A readable form, e.g. <c>Invitation Relational 2026-03-01T09:00:00.0000000+00:00</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Kind} {Survey}{(IsManual ? " manual" : "")} {At.ToString("O", System.Globalization.CultureInfo.InvariantCulture)}";
}
