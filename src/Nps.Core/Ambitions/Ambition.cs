namespace Nps.Ambitions;

/// <summary>
/// An ambition for one segment: "NPS <see cref="Target"/> for <see cref="Dimension"/> = <see cref="Value"/> by
/// <see cref="By"/>", measured from the baseline ("0-meting") over <see cref="BaselineFrom"/>–<see cref="BaselineTo"/>.
/// </summary>
/// <param name="Dimension">Any report dimension: <c>team</c>, <c>agent</c>, <c>channel</c>, <c>product</c>, <c>touchpoint</c>, <c>survey_kind</c> or a free attribute.</param>
/// <param name="Value">The segment's value (matched ignoring case).</param>
/// <param name="Target">The ambition in points, in [−100, 100].</param>
/// <param name="By">The day by which the target should be reached.</param>
/// <param name="BaselineFrom">The first day of the baseline measurement.</param>
/// <param name="BaselineTo">The last day of the baseline measurement (included).</param>
public sealed record Ambition(string Dimension, string Value, double Target, DateOnly By, DateOnly BaselineFrom, DateOnly BaselineTo);
