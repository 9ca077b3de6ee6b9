using System.Globalization;
using System.Runtime.CompilerServices;
using Nps.Fatigue;
using Nps.FollowUp;
using Nps.Intake;

namespace Nps.InMemory;

/// <summary>
/// An <see cref="IResponseStore"/> in process memory over an <see cref="InMemoryContactLedger"/> and an
/// <see cref="InMemoryFollowUpStore"/> (tests, single-node services): an add is one step under the store's lock, and
/// so is the <see cref="IResponseDataVersion"/> it bumps. It counts (<see cref="Segmentation.INpsCountSource"/>) and reads
/// slices (<see cref="IResponseSliceSource"/>) over a snapshot, as a database would in SQL.
/// </summary>
public sealed class InMemoryResponseStore : IResponseStore, IResponseDataVersion, IResponseSliceSource, Segmentation.INpsCountSource, Insights.IThemeCountSource,
    Insights.IThemeCountNotifications
{
    private readonly InMemoryThemeCounts _themes = new();
    private readonly Stores.CommentSignal _comments = new();
    private readonly InMemoryContactLedger _ledger;
    private readonly InMemoryFollowUpStore _followUps;
    private readonly Delivery.InMemoryInvitationStore? _invitations;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StoredResponse> _byId = new(StringComparer.Ordinal);
    private readonly List<StoredResponse> _inOrder = [];

    // Responses past their retention, without anything personal: only counts read them (the rollups of memory).
    private readonly List<SurveyResponse> _retained = [];
    private const string RetainedId = "retained";

    // A random start (below 2^46, far from overflow), so a store made anew after a restart does not repeat versions.
    private long _version = Random.Shared.NextInt64(1L << 46);

    /// <summary>Creates an empty store.</summary>
    /// <param name="ledger">The ledger that receives each response's contact.</param>
    /// <param name="followUps">The store that receives each response's follow-up.</param>
    /// <param name="invitations">The outbox whose invitation a bound response marks answered, in the same step; none when <see langword="null"/>.</param>
    public InMemoryResponseStore(InMemoryContactLedger ledger, InMemoryFollowUpStore followUps, Delivery.InMemoryInvitationStore? invitations = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(followUps);
        _ledger = ledger;
        _followUps = followUps;
        _invitations = invitations;
    }

    /// <summary>How many responses are stored.</summary>
    public int Count
    {
        get { lock (_gate) return _inOrder.Count; }
    }

    /// <inheritdoc/>
    public ValueTask<(StoredResponse Stored, bool Added)> AddAsync(StoredResponse response, ContactRecord? contact, FollowUpCase? followUp,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        cancellationToken.ThrowIfCancellationRequested();
        if (contact is not null) ArgumentException.ThrowIfNullOrEmpty(response.Response.RespondentId, nameof(response));
        lock (_gate)
        {
            if (_byId.TryGetValue(response.ResponseId, out var existing)) return ValueTask.FromResult((existing, false));
            if (contact is { } record) _ledger.Locked(response.Response.RespondentId, (_, append) => { append(new LedgerEntry(record)); return 0; });
            if (_invitations is not null && InvitationBinding.BoundInvitationId(response.Response) is { } invitationId) _invitations.Answer(invitationId);
            if (followUp is not null) _followUps.AddIfAbsentAsync(followUp, cancellationToken).AsTask().GetAwaiter().GetResult();
            _byId.Add(response.ResponseId, response);
            _inOrder.Add(response);
            _themes.Added(response);
            _version++;
        }

        if (!string.IsNullOrEmpty(response.Response.Comment)) _comments.Stored(); // outside the lock: a listener may read the store
        return ValueTask.FromResult((response, true));
    }

    /// <inheritdoc/>
    public Task ListenAsync(Action listening, Action commentsStored, CancellationToken cancellationToken) =>
        _comments.ListenAsync(listening, commentsStored, cancellationToken);

    /// <summary>Removes a respondent's responses (erasure), moving the version when any was removed.</summary>
    internal int Forget(string respondentId)
    {
        lock (_gate)
        {
            var removed = _inOrder.RemoveAll(r =>
            {
                if (!string.Equals(r.Response.RespondentId, respondentId, StringComparison.Ordinal) || !_byId.Remove(r.ResponseId)) return false;
                _themes.Removed(r);
                return true;
            });
            if (removed > 0) _version++;
            return removed;
        }
    }

    /// <summary>
    /// Removes up to <paramref name="limit"/> responses dated before <paramref name="before"/> (retention), moving the
    /// version when any was removed. Their counts stay, as the databases' rollups keep them: each is kept as an
    /// anonymous row (no ids, comment or attributes) that only counts serve, and only where a database would read
    /// its rollups (no dimension, one built-in dimension, or team and agent).
    /// </summary>
    internal int ForgetBefore(DateTimeOffset before, int limit)
    {
        lock (_gate)
        {
            var removed = 0;
            _inOrder.RemoveAll(r =>
            {
                if (removed >= limit || r.Response.RespondedAt >= before || !_byId.Remove(r.ResponseId)) return false;
                _retained.Add(Anonymous(r.Response));
                _themes.Removed(r);
                removed++;
                return true;
            });
            if (removed > 0) _version++;
            return removed;
        }
    }

    private static SurveyResponse Anonymous(SurveyResponse response) => response with
    {
        ResponseId = RetainedId, RespondentId = "", InvitationId = null, EventId = null, Comment = null, CallbackRequested = false,
        Attributes = new Dictionary<string, string>(StringComparer.Ordinal),
    };

    /// <summary>Whether the databases' counters answer a query from their rollups, which keep the counts of retained responses.</summary>
    private static bool RollupsServe(Segmentation.NpsCountQuery query) => query.Dimensions.Count switch
    {
        0 => true,
        1 => Segmentation.NpsCountQuery.BuiltInDimension(query.Dimensions[0]) is not null,
        2 => (Segmentation.NpsCountQuery.BuiltInDimension(query.Dimensions[0]), Segmentation.NpsCountQuery.BuiltInDimension(query.Dimensions[1]))
            is ("team", "agent") or ("agent", "team"),
        _ => false,
    };

    /// <inheritdoc/>
    public ValueTask<long> GetResponseVersionAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return ValueTask.FromResult(_version);
    }

    /// <inheritdoc/>
    public ValueTask<StoredResponse?> FindAsync(string responseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responseId);
        lock (_gate) return ValueTask.FromResult(_byId.TryGetValue(responseId, out var found) ? found : null);
    }

    /// <inheritdoc/>
    public ValueTask<ResponsePage> ListAsync(int limit, string? cursor = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 10_000);
        var start = 0;
        if (cursor is not null && (!int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start < 1))
        {
            throw new ArgumentException($"'{cursor}' is not a response cursor.", nameof(cursor));
        }

        lock (_gate)
        {
            if (start > _inOrder.Count) throw new ArgumentException($"'{cursor}' is not a response cursor.", nameof(cursor));
            var items = _inOrder.Skip(start).Take(limit).ToList();
            var next = start + items.Count;
            return ValueTask.FromResult(new ResponsePage(items, next < _inOrder.Count ? next.ToString(CultureInfo.InvariantCulture) : null));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<StoredResponse>> ListByRespondentAsync(string respondentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(respondentId);
        lock (_gate)
        {
            IReadOnlyList<StoredResponse> list = _inOrder
                .Where(r => string.Equals(r.Response.RespondentId, respondentId, StringComparison.Ordinal))
                .OrderBy(r => r.Response.RespondedAt).ThenBy(r => r.ResponseId, StringComparer.Ordinal).ToList();
            return ValueTask.FromResult(list);
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoredResponse> ReadAsync(DateTimeOffset? start = null, DateTimeOffset? until = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<StoredResponse> snapshot;
        lock (_gate)
        {
            snapshot = _inOrder
                .Where(r => (start is null || r.Response.RespondedAt >= start) && (until is null || r.Response.RespondedAt < until))
                .OrderBy(r => r.Response.RespondedAt).ThenBy(r => r.ResponseId, StringComparer.Ordinal).ToList();
        }

        foreach (var response in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return response;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask<ResponseSlice> ReadSliceAsync(ResponseSliceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        (long Ticks, string Id)? after = query.After is { } cursor ? ResponseSlice.ParseCursor(cursor) : null;
        List<SurveyResponse> page;
        lock (_gate)
        {
            page = _inOrder.Select(r => r.Response)
                .Where(r => query.Selects(r) && (after is not { } a || r.RespondedAt.UtcTicks > a.Ticks
                    || (r.RespondedAt.UtcTicks == a.Ticks && string.CompareOrdinal(r.ResponseId, a.Id) > 0)))
                .OrderBy(r => r.RespondedAt.UtcTicks).ThenBy(r => r.ResponseId, StringComparer.Ordinal)
                .Take(query.Limit + 1).ToList();
        }

        var more = page.Count > query.Limit;
        if (more) page.RemoveAt(page.Count - 1);
        return ValueTask.FromResult(new ResponseSlice(page, more ? ResponseSlice.Cursor(page[^1].RespondedAt.UtcTicks, page[^1].ResponseId) : null));
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Segmentation.NpsCountRow> CountAsync(Segmentation.NpsCountQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.ValidateFilter();
        List<SurveyResponse> snapshot;
        lock (_gate)
        {
            snapshot = _inOrder.Select(r => r.Response).Where(r => query.Covers(r.RespondedAt)).ToList();
            if (RollupsServe(query)) snapshot.AddRange(_retained.Where(r => query.Covers(r.RespondedAt)));
        }

        foreach (var row in Segmentation.NpsCounts.Count(snapshot, query))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<Insights.ThemeCountUpdate> UpdateThemeCountsAsync(Insights.ThemeTaxonomy taxonomy, int maximumComments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumComments, 1);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return ValueTask.FromResult(_themes.Update(taxonomy, maximumComments, _inOrder));
    }

    /// <inheritdoc />
    public ValueTask<Insights.ThemeCountSnapshot> CountThemesAsync(Insights.ThemeTaxonomy taxonomy, DateTimeOffset? start, DateTimeOffset? until,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return ValueTask.FromResult(_themes.Count(taxonomy, start, until, _inOrder));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<IReadOnlyList<Insights.ThemeExample>>> ReadThemeExamplesAsync(Insights.ThemeTaxonomy taxonomy, IReadOnlyList<int> themes,
        DateTimeOffset? start, DateTimeOffset? until, int limit, bool includeManual, bool includeUnsolicited, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        foreach (var theme in themes) ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)theme, (uint)taxonomy.Themes.Count, nameof(themes)); // negative too
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return ValueTask.FromResult(_themes.Examples(taxonomy, themes, start, until, limit, includeManual, includeUnsolicited));
    }
}
