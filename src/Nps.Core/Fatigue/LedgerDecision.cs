namespace Nps.Fatigue;

/// <summary>What a check-and-record decision function returns: its result, and the record to write, if any.</summary>
/// <typeparam name="TResult">The decision function's result.</typeparam>
/// <param name="Result">The result handed back to the caller.</param>
/// <param name="Record">The record to append atomically with the check, or <see langword="null"/> to write nothing.</param>
public readonly record struct LedgerDecision<TResult>(TResult Result, ContactRecord? Record);
