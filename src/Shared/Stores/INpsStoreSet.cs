using Nps.Delivery;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;
using Nps.Privacy;
using Nps.Sampling;

// Compiled into Nps.Sqlite and Nps.PostgreSql (linked source, internal in each).
namespace Nps.Stores;

/// <summary>Every store one relational database holds, as each package's stores type opens them together.</summary>
internal interface INpsStoreSet
{
    /// <summary>The contact ledger.</summary>
    IContactLedger Ledger { get; }

    /// <summary>Decisions and quotas.</summary>
    IDecisionStore Decisions { get; }

    /// <summary>Responses.</summary>
    IResponseStore Responses { get; }

    /// <summary>Follow-ups.</summary>
    IFollowUpStore FollowUps { get; }

    /// <summary>The outbox.</summary>
    IInvitationStore Invitations { get; }

    /// <summary>Erasure of a customer.</summary>
    ICustomerEraser Eraser { get; }

    /// <summary>Retention.</summary>
    IRetentionStore Retention { get; }
}
