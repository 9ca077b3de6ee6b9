using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace Nps.Diagnostics;

/// <summary>
/// The <see cref="Meter"/> and <see cref="ActivitySource"/> named <see cref="Name"/> (<c>Nps</c>), with the
/// instruments every Nps package records to. Names follow the OpenTelemetry semantic conventions (dotted lower case,
/// UCUM units, <c>{thing}</c> for counts); tags never carry personal data (no ids, comments or tokens): only outcomes,
/// rule names, categories, provenance, report and store names. Subscribe with <c>AddMeter("Nps")</c> and
/// <c>AddSource("Nps")</c> in OpenTelemetry, or with a <see cref="MeterListener"/> / <see cref="ActivityListener"/>.
/// </summary>
public static class NpsTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "Nps";

    /// <summary>Counter of survey decisions; tags <see cref="OutcomeTag"/> (invite, suppress, defer) and <see cref="ReasonTag"/> (the deciding rule).</summary>
    public const string Decisions = "nps.decisions";

    /// <summary>Counter of responses stored (new ones only); tags <see cref="CategoryTag"/> and <see cref="ProvenanceTag"/>.</summary>
    public const string Responses = "nps.responses";

    /// <summary>Counter of follow-ups opened; tag <see cref="FollowUpReasonTag"/>.</summary>
    public const string FollowUpsOpened = "nps.follow_ups.opened";

    /// <summary>Counter of follow-ups closed.</summary>
    public const string FollowUpsClosed = "nps.follow_ups.closed";

    /// <summary>Gauge: the open follow-ups past their due time, as last counted (by an overdue list or the loop's metrics).</summary>
    public const string FollowUpsOverdue = "nps.follow_ups.overdue";

    /// <summary>Counter of invitations the outbox sent.</summary>
    public const string InvitationsSent = "nps.invitations.sent";

    /// <summary>Counter of invitations that failed for good (refused, opted out, out of attempts).</summary>
    public const string InvitationsFailed = "nps.invitations.failed";

    /// <summary>Counter of invitations recorded as bounced; tag <see cref="ComplaintTag"/>.</summary>
    public const string InvitationsBounced = "nps.invitations.bounced";

    /// <summary>Counter of stored comments matched into the theme counts by a <see cref="Insights.ThemeCountMatcher"/> (off the request path).</summary>
    public const string ThemeCommentsMatched = "nps.themes.comments.matched";

    /// <summary>Gauge: the stored comments not yet matched into the theme counts (the backlog), as a matcher last counted it.</summary>
    public const string ThemeCommentsPending = "nps.themes.comments.pending";

    /// <summary>Histogram of report build time in seconds; tag <see cref="ReportTag"/>.</summary>
    public const string ReportDuration = "nps.report.duration";

    /// <summary>Histogram of store operation time in seconds; tags <see cref="DbSystemTag"/> and <see cref="DbOperationTag"/>.</summary>
    public const string StoreOperationDuration = "nps.store.operation.duration";

    /// <summary>The activity around one store transaction or read (tags as <see cref="StoreOperationDuration"/>).</summary>
    public const string StoreActivity = "nps.store.operation";

    /// <summary>The activity around one report build (tag <see cref="ReportTag"/>).</summary>
    public const string ReportActivity = "nps.report.build";

    /// <summary>Tag: a decision's outcome (<c>invite</c>, <c>suppress</c>, <c>defer</c>).</summary>
    public const string OutcomeTag = "nps.decision.outcome";

    /// <summary>Tag: the rule that decided (a rule or policy name from the configuration, never a customer).</summary>
    public const string ReasonTag = "nps.decision.reason";

    /// <summary>Tag: a response's category (<c>promoter</c>, <c>passive</c>, <c>detractor</c>).</summary>
    public const string CategoryTag = "nps.response.category";

    /// <summary>Tag: a response's provenance (<c>solicited</c>, <c>unsolicited</c>, <c>historical</c>, ...).</summary>
    public const string ProvenanceTag = "nps.response.provenance";

    /// <summary>Tag: why a follow-up was opened (<c>detractor</c>, <c>callback_requested</c>, ...).</summary>
    public const string FollowUpReasonTag = "nps.follow_up.reason";

    /// <summary>Tag: whether a bounce was a complaint.</summary>
    public const string ComplaintTag = "nps.invitation.complaint";

    /// <summary>Tag: the report built (<c>nps</c>, <c>coaching</c>, <c>huddle</c>, <c>themes</c>, ...).</summary>
    public const string ReportTag = "nps.report";

    /// <summary>Tag: the store's database (<c>sqlite</c>, <c>postgresql</c>), the semantic conventions' name.</summary>
    public const string DbSystemTag = "db.system.name";

    /// <summary>Tag: the store operation (the store method, e.g. <c>AddAsync</c>).</summary>
    public const string DbOperationTag = "db.operation.name";

    private static readonly Meter Meter = new(Name);
    private static readonly ActivitySource Source = new(Name);

    private static readonly Counter<long> DecisionCounter = Meter.CreateCounter<long>(Decisions, "{decision}", "Survey decisions, by outcome and deciding rule.");
    private static readonly Counter<long> ResponseCounter = Meter.CreateCounter<long>(Responses, "{response}", "Responses stored, by category and provenance.");
    private static readonly Counter<long> OpenedCounter = Meter.CreateCounter<long>(FollowUpsOpened, "{follow_up}", "Follow-ups opened, by reason.");
    private static readonly Counter<long> ClosedCounter = Meter.CreateCounter<long>(FollowUpsClosed, "{follow_up}", "Follow-ups closed.");
    private static readonly Gauge<long> OverdueGauge = Meter.CreateGauge<long>(FollowUpsOverdue, "{follow_up}", "Open follow-ups past their due time, as last counted.");
    private static readonly Counter<long> SentCounter = Meter.CreateCounter<long>(InvitationsSent, "{invitation}", "Invitations sent by the outbox.");
    private static readonly Counter<long> FailedCounter = Meter.CreateCounter<long>(InvitationsFailed, "{invitation}", "Invitations that failed for good.");
    private static readonly Counter<long> BouncedCounter = Meter.CreateCounter<long>(InvitationsBounced, "{invitation}", "Invitations recorded as bounced.");
    private static readonly Counter<long> ThemeMatchedCounter = Meter.CreateCounter<long>(ThemeCommentsMatched, "{comment}", "Stored comments matched into the theme counts.");
    private static readonly Gauge<long> ThemePendingGauge = Meter.CreateGauge<long>(ThemeCommentsPending, "{comment}", "Stored comments not yet matched into the theme counts, as last counted.");
    private static readonly Histogram<double> ReportHistogram = Meter.CreateHistogram<double>(ReportDuration, "s", "Report build time.");
    private static readonly Histogram<double> StoreHistogram = Meter.CreateHistogram<double>(StoreOperationDuration, "s", "Store operation time.");

    internal static void Decided(string outcome, string reason) =>
        DecisionCounter.Add(1, new(OutcomeTag, outcome), new(ReasonTag, reason));

    internal static void ResponseStored(string category, string provenance) =>
        ResponseCounter.Add(1, new(CategoryTag, category), new(ProvenanceTag, provenance));

    internal static void FollowUpOpened(string reason) => OpenedCounter.Add(1, new KeyValuePair<string, object?>(FollowUpReasonTag, reason));

    internal static void FollowUpClosed() => ClosedCounter.Add(1);

    internal static void OverdueCounted(long overdue) => OverdueGauge.Record(overdue);

    internal static void ThemeCommentsMatchedPage(int matched, long pending)
    {
        if (matched > 0) ThemeMatchedCounter.Add(matched);
        ThemePendingGauge.Record(pending);
    }

    internal static void InvitationSent() => SentCounter.Add(1);

    internal static void InvitationFailed() => FailedCounter.Add(1);

    /// <summary>Records a bounce or complaint (called by the bounce path of a host: a mail webhook or a DSN reader).</summary>
    /// <param name="complaint">Whether the recipient complained rather than the mail bouncing.</param>
    public static void InvitationBounced(bool complaint) => BouncedCounter.Add(1, new KeyValuePair<string, object?>(ComplaintTag, complaint));

    /// <summary>Times one store operation (an activity and <see cref="StoreOperationDuration"/>) until disposed.</summary>
    /// <param name="system">The database (<c>sqlite</c>, <c>postgresql</c>).</param>
    /// <param name="operation">The store method; the caller's name unless given.</param>
    /// <returns>The running operation; dispose it when the operation ends.</returns>
    public static StoreOperation StartStoreOperation(string system, [CallerMemberName] string operation = "") => new(system, operation, Source);

    /// <summary>Builds a report inside an activity and records its time in <see cref="ReportDuration"/>.</summary>
    /// <typeparam name="T">What the build returns.</typeparam>
    /// <param name="report">The report's name (<see cref="ReportTag"/>).</param>
    /// <param name="build">The build.</param>
    /// <param name="cancellationToken">Passed to the build.</param>
    /// <returns>What the build returned.</returns>
    public static async Task<T> MeasureReportAsync<T>(string report, Func<CancellationToken, Task<T>> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        using var activity = Source.StartActivity(ReportActivity);
        activity?.SetTag(ReportTag, report);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await build(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
        finally
        {
            ReportHistogram.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>(ReportTag, report));
        }
    }

    internal static void StoreOperationEnded(string system, string operation, TimeSpan elapsed) =>
        StoreHistogram.Record(elapsed.TotalSeconds, new(DbSystemTag, system), new(DbOperationTag, operation));
}
