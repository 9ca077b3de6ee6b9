using Nps.Delivery;

namespace Nps.Samples.AspNet;

/// <summary>
/// Development only: every customer's address is <c>{customerId}@example.test</c> (a domain reserved for testing), so
/// the outbox can be watched at a local SMTP server. A real host registers the directory that knows its customers.
/// </summary>
internal sealed class DevelopmentRecipientDirectory : IRecipientDirectory
{
    public ValueTask<Recipient?> FindAsync(string customerId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<Recipient?>(new Recipient($"{customerId}@example.test"));
}
