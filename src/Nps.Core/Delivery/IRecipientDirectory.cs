namespace Nps.Delivery;

/// <summary>
/// The embedder's customer directory: the library stores no e-mail address and asks this at send time.
/// </summary>
public interface IRecipientDirectory
{
    /// <summary>The customer's address and locale.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    /// <returns>The recipient, or <see langword="null"/> when the customer has no address (the invitation fails with a reason).</returns>
    ValueTask<Recipient?> FindAsync(string customerId, CancellationToken cancellationToken = default);
}
