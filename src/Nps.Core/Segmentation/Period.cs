namespace Nps.Segmentation;

/// <summary>The length of a calendar period that responses are bucketed into.</summary>
public enum Period
{
    /// <summary>A calendar day, labelled <c>2026-03-14</c>.</summary>
    Day = 0,

    /// <summary>An ISO 8601 week (Monday to Sunday, in its week-based year), labelled <c>2026-W11</c>.</summary>
    Week = 1,

    /// <summary>A calendar month, labelled <c>2026-03</c>.</summary>
    Month = 2,

    /// <summary>A calendar quarter, labelled <c>2026-Q1</c>.</summary>
    Quarter = 3,

    /// <summary>A calendar year, labelled <c>2026</c>.</summary>
    Year = 4,
}
