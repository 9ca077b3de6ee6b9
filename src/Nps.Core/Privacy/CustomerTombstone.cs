namespace Nps.Privacy;

/// <summary>
/// What is kept of an erased customer: a keyed hash of the id (<see cref="CustomerTombstones.Hash"/>) and when the
/// customer was erased — nothing that names the customer, but enough to refuse the customer's old rows when an import
/// or a retry brings them again.
/// </summary>
/// <param name="CustomerHash">The keyed hash of the customer id (base64url, 43 characters).</param>
/// <param name="ErasedAt">When the customer was erased; rows dated at or before it are refused.</param>
public sealed record CustomerTombstone(string CustomerHash, DateTimeOffset ErasedAt);
