using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;
using Nps.Sampling;

namespace Nps.Customers;

/// <summary>Reads a customer's record from the stores, with eligibility judged by the survey program's rules.</summary>
public sealed class CustomerRecords
{
    private readonly SurveyProgram _program;
    private readonly IContactLedger _ledger;
    private readonly IResponseStore _responses;
    private readonly IFollowUpStore _followUps;

    /// <summary>Creates the reader.</summary>
    /// <param name="program">The survey program whose rules judge eligibility.</param>
    /// <param name="ledger">The contact ledger.</param>
    /// <param name="responses">The response store.</param>
    /// <param name="followUps">The follow-up store.</param>
    public CustomerRecords(SurveyProgram program, IContactLedger ledger, IResponseStore responses, IFollowUpStore followUps)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(followUps);
        _program = program;
        _ledger = ledger;
        _responses = responses;
        _followUps = followUps;
    }

    /// <summary>Reads a customer's record (an unknown customer has an empty one, eligible now).</summary>
    /// <param name="customerId">The customer (non-empty).</param>
    /// <param name="cancellationToken">Cancels the store reads.</param>
    /// <returns>The record.</returns>
    public async ValueTask<CustomerRecord> ReadAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        var entries = await _ledger.GetEntriesAsync(customerId, cancellationToken).ConfigureAwait(false);
        var responses = await _responses.ListByRespondentAsync(customerId, cancellationToken).ConfigureAwait(false);
        var followUps = await _followUps.ListByCustomerAsync(customerId, cancellationToken).ConfigureAwait(false);
        return new CustomerRecord
        {
            CustomerId = customerId,
            Contacts = entries,
            Responses = responses,
            FollowUps = followUps,
            EligibleAgainAt = _program.EligibleAgainAt(customerId, ContactHistory.From(entries.Select(e => e.Record))),
        };
    }
}
