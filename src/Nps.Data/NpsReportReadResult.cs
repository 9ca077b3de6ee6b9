using Nps.Segmentation;

namespace Nps.Data;

/// <summary>What <see cref="NpsReportReader.Read(Nps.Segmentation.NpsReportOptions, System.Action{DataError}?, int)"/> found: the report, or the error that stopped reading.</summary>
/// <param name="Report">The report; null when reading stopped at an error (strict mode).</param>
/// <param name="Records">Records read, valid or not.</param>
/// <param name="Rejected">Records rejected (skipping mode); as many as were passed to the callback.</param>
/// <param name="WeightsBelowOne">Valid records whose weight was below 1 (counted with inclusion probability 1).</param>
/// <param name="Failure">The error that stopped reading (strict mode), or null.</param>
/// <param name="Columns">The columns of the file (for JSON Lines: every key met).</param>
public sealed record NpsReportReadResult(
    NpsReport? Report,
    long Records,
    long Rejected,
    long WeightsBelowOne,
    DataError? Failure,
    IReadOnlyList<string> Columns);
