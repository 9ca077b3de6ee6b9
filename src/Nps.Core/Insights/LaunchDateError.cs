using System.Globalization;

namespace Nps.Insights;

/// <summary>Why a start-dates file could not be read: the line (1-based), the column and the reason.</summary>
/// <param name="Line">The 1-based line number (the header is line 1).</param>
/// <param name="Field">The column the problem is in: <c>value</c>, <c>launched</c>, or <c>header</c>.</param>
/// <param name="Reason">What is wrong, in a sentence.</param>
public sealed record LaunchDateError(long Line, string Field, string Reason)
{
    /// <summary>The error as one line, e.g. <c>line 3, column launched: '2026-13-01' is not an ISO date (yyyy-MM-dd).</c></summary>
    public string Message => string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Field}: {Reason}");

    /// <inheritdoc />
    public override string ToString() => Message;
}
