namespace Nps.Serialization;

/// <summary>
/// The answer to a bulk import of responses (<c>POST /api/responses/import</c>): the totals, and the records that
/// were not stored (invalid, conflicting or failed), in file order and capped, with a count of those left out. Each
/// valid record went through the same intake as a single response.
/// </summary>
/// <param name="Totals">How many records were read and what became of them.</param>
/// <param name="Rejected">The first rejected records (invalid, conflict or failed), in file order.</param>
/// <param name="RejectedNotListed">How many more rejected records there were beyond <paramref name="Rejected"/>.</param>
public sealed record ResponseImportDocument(ResponseImportTotalsDocument Totals, IReadOnlyList<ResponseImportRowDocument> Rejected, long RejectedNotListed);

/// <summary>The totals of an import.</summary>
/// <param name="Rows">Records read.</param>
/// <param name="Created">Responses stored now.</param>
/// <param name="AlreadyStored">Retries of responses stored before (nothing new recorded).</param>
/// <param name="Conflicts">Records whose response id is stored with other content (nothing recorded).</param>
/// <param name="Invalid">Records refused by the reader or the intake (nothing recorded).</param>
/// <param name="Failed">Records the store failed on unexpectedly (nothing recorded; the import went on with the next).</param>
public sealed record ResponseImportTotalsDocument(long Rows, long Created, long AlreadyStored, long Conflicts, long Invalid, long Failed);

/// <summary>What became of one record.</summary>
/// <param name="Line">The 1-based line of the body the record starts on.</param>
/// <param name="ResponseId">The record's response id; null when the record could not be read far enough to know it.</param>
/// <param name="Outcome"><c>created</c>, <c>already-stored</c>, <c>conflict</c>, <c>invalid</c> or <c>failed</c>.</param>
/// <param name="Errors">Why the record was refused (invalid, failed); empty otherwise.</param>
public sealed record ResponseImportRowDocument(long Line, string? ResponseId, string Outcome, IReadOnlyList<ResponseImportErrorDocument> Errors);

/// <summary>One reason a record was refused.</summary>
/// <param name="Field">The column or field (as named in the body for reader errors, camelCase for intake errors); null for the whole record.</param>
/// <param name="Reason">What is wrong.</param>
public sealed record ResponseImportErrorDocument(string? Field, string Reason);
