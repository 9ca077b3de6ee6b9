using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;
using Nps.Diagnostics;
using Nps.Insights;
using Nps.Intake;
using Nps.Segmentation;
using Nps.Serialization;

namespace Nps.AspNetCore.Api;

/// <summary>
/// Conditional GET for the read-only report routes (RFC 9110): a strong <c>ETag</c> derived from the version of the
/// stored responses (<see cref="IResponseDataVersion"/>), everything else that shapes the body — the normalised query,
/// the configured defaults it falls back on — and the build, so a deploy invalidates it. A matching
/// <c>If-None-Match</c> gets <c>304 Not Modified</c> before anything is counted; a <c>200</c> carries the <c>ETag</c>;
/// both say <c>Cache-Control: private, no-cache</c> (reports hold customer data: no shared cache may keep them, and a
/// client revalidates before reuse). Authentication and authorisation run before the route, so no key, no 304.
/// </summary>
/// <remarks>
/// <para>A body gets an <c>ETag</c> only when the version read before building it equals the one read after: nothing
/// was committed in between, so the body is exactly the data of that version (an optimistic read). When a write
/// landed meanwhile, the fresh body is sent without one. A source without a version (a custom
/// <see cref="INpsCountSource"/>) is served as before, without an <c>ETag</c>.</para>
/// <para>Bodies are kept in a small in-process cache keyed by the <c>ETag</c>, so a client that sends no
/// <c>If-None-Match</c> is not recomputed either (and when the data moved, the NPS report's body is still rebuilt only
/// if its counts changed: <see cref="ReportBodyCache"/>). Invalidation is exact by construction — a key holds the data version,
/// so a write makes every earlier key unreachable — and memory is bounded: at most <c>ReportCache:MaxBytes</c> of bodies
/// (configuration; <see cref="DefaultCacheBytes"/> by default, <c>0</c> turns the cache off), each counted by its
/// length, none above <see cref="LargestCachedBody"/>, an entry unused for <see cref="Idle"/> dropped.</para>
/// </remarks>
public sealed class ReportRevalidation : IDisposable
{
    /// <summary>The bytes of report bodies the cache holds at most unless <c>ReportCache:MaxBytes</c> says otherwise: 32 MiB.</summary>
    public const long DefaultCacheBytes = 32L * 1024 * 1024;

    /// <summary>The largest body the cache keeps.</summary>
    public const int LargestCachedBody = 4 * 1024 * 1024;

    /// <summary>How long an unused body stays cached.</summary>
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private const string CacheControl = "private, no-cache";

    private static readonly ConcurrentDictionary<Type, string> Builds = new();
    private static readonly ConcurrentDictionary<string, string> Zones = new(StringComparer.Ordinal);

    private readonly MemoryCache? _bodies;
    private readonly long _largest;

    /// <summary>Creates the validator with its cache of bodies sized by <c>ReportCache:MaxBytes</c>.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <exception cref="InvalidOperationException"><c>ReportCache:MaxBytes</c> is not a whole number of 0 or more.</exception>
    public ReportRevalidation(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var setting = configuration["ReportCache:MaxBytes"];
        var bytes = DefaultCacheBytes;
        if (setting is not null && (!long.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out bytes)))
        {
            throw new InvalidOperationException($"ReportCache:MaxBytes '{setting}' is not a whole number of bytes (0 turns the cache of report bodies off).");
        }

        _largest = Math.Min(bytes, LargestCachedBody);
        if (bytes > 0) _bodies = new MemoryCache(new MemoryCacheOptions { SizeLimit = bytes });
    }

    /// <summary>
    /// Answers a conditional GET of a report: <c>304</c> when <c>If-None-Match</c> matches the current <c>ETag</c>,
    /// otherwise the body (cached or built) with its <c>ETag</c>.
    /// </summary>
    /// <typeparam name="TDocument">The report document.</typeparam>
    /// <param name="context">The request.</param>
    /// <param name="source">What the report is computed from; versioned when it implements <see cref="IResponseDataVersion"/>.</param>
    /// <param name="query">The normalised query and defaults (see <see cref="NpsQuery"/>, <see cref="CoachingQuery(CoachingSignalOptions)"/>).</param>
    /// <param name="build">Builds the document (written by <see cref="NpsJson"/>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public Task<IResult> RespondAsync<TDocument>(HttpContext context, object source, string query,
        Func<CancellationToken, Task<TDocument>> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        return RespondAsync(context, source, query, async ct => NpsJson.SerializeToUtf8Bytes(await build(ct)), cancellationToken);
    }

    /// <summary>
    /// Answers a conditional GET of a report whose body is written elsewhere (<see cref="ReportBodyCache"/>): as
    /// <see cref="RespondAsync{TDocument}"/>, with <paramref name="write"/> writing the JSON body when it is neither
    /// a 304 nor cached.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="source">What the report is computed from; versioned when it implements <see cref="IResponseDataVersion"/>.</param>
    /// <param name="query">The normalised query and defaults (see <see cref="NpsQuery"/>, <see cref="CoachingQuery(CoachingSignalOptions)"/>).</param>
    /// <param name="write">Writes the body (UTF-8 JSON).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The result.</returns>
    public async Task<IResult> RespondAsync(HttpContext context, object source, string query, Func<CancellationToken, Task<byte[]>> write,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(write);
        var headers = context.Response.Headers;
        headers.CacheControl = CacheControl;
        var report = ReportName(context);
        if (source is not IResponseDataVersion versioned) return Body(await NpsTelemetry.MeasureReportAsync(report, write, cancellationToken));

        var version = await versioned.GetResponseVersionAsync(cancellationToken);
        var tag = ETag(source, version, query);
        if (Matches(context.Request, tag))
        {
            headers.ETag = tag;
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        if (_bodies is not null && _bodies.TryGetValue(tag, out byte[]? cached) && cached is not null)
        {
            headers.ETag = tag;
            return Body(cached);
        }

        var body = await NpsTelemetry.MeasureReportAsync(report, write, cancellationToken);
        if (await versioned.GetResponseVersionAsync(cancellationToken) == version)
        {
            headers.ETag = tag;
            if (_bodies is not null && body.Length <= _largest) _bodies.Set(tag, body, new MemoryCacheEntryOptions { Size = body.Length, SlidingExpiration = Idle });
        }

        return Body(body);
    }

    /// <summary>The report's name in telemetry: the last segment of the route (<c>nps</c>, <c>coaching</c>).</summary>
    private static string ReportName(HttpContext context)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText?.TrimEnd('/');
        return string.IsNullOrEmpty(route) ? "report" : route[(route.LastIndexOf('/') + 1)..];
    }

    /// <summary>The normalised <c>GET /api/reports/nps</c> query with every default that shapes its body.</summary>
    /// <param name="options">The report options (query values over the configured defaults).</param>
    /// <param name="from">The first instant included, or none.</param>
    /// <param name="to">The first instant excluded, or none.</param>
    /// <returns>The text the <c>ETag</c> is derived from.</returns>
    public static string NpsQuery(NpsReportOptions options, DateTimeOffset? from, DateTimeOffset? to)
    {
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder("nps");
        Field(text, "by", options.Dimensions);
        Field(text, "period", options.Period is { } period ? WireNames.Format(period) : "");
        Field(text, "from", from?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "");
        Field(text, "to", to?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "");
        Field(text, "level", options.Level.ToString("R", CultureInfo.InvariantCulture));
        Field(text, "method", WireNames.Format(options.IntervalMethod));
        Field(text, "zone", Zone(options.TimeZone));
        Field(text, "minimum-count", options.MinimumCount.ToString(CultureInfo.InvariantCulture));
        Field(text, "manual", options.IncludeManual ? "1" : "0");
        Field(text, "unsolicited", options.IncludeUnsolicited ? "1" : "0");
        return text.ToString();
    }

    /// <summary>The normalised <c>GET /api/insights/coaching</c> query with every option that shapes its body.</summary>
    /// <param name="options">The signal options (query values over the configured defaults).</param>
    /// <returns>The text the <c>ETag</c> is derived from.</returns>
    public static string CoachingQuery(CoachingSignalOptions options) => CoachingQuery(options, []);

    /// <summary>
    /// The normalised <c>GET /api/insights/coaching</c> query with every option that shapes its body, and the response
    /// rates it was detected with (they change as invitations are sent, while the responses stay the same).
    /// </summary>
    /// <param name="options">The signal options (query values over the configured defaults).</param>
    /// <param name="rates">Each value's invitations sent and answered over the window.</param>
    /// <returns>The text the <c>ETag</c> is derived from.</returns>
    public static string CoachingQuery(CoachingSignalOptions options, IReadOnlyCollection<ResponseRateCounts> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder("coaching");
        Field(text, "by", options.Dimension);
        Field(text, "period", WireNames.Format(options.Period));
        Field(text, "zone", Zone(options.TimeZone));
        Field(text, "level", options.Level.ToString("R", CultureInfo.InvariantCulture));
        Field(text, "fdr", options.FalseDiscoveryRate.ToString("R", CultureInfo.InvariantCulture));
        Field(text, "minimum-count", options.MinimumCount.ToString(CultureInfo.InvariantCulture));
        Field(text, "window", options.WindowPeriods.ToString(CultureInfo.InvariantCulture));
        Field(text, "below", options.MinimumPeriodsBelow.ToString(CultureInfo.InvariantCulture));
        Field(text, "honeymoon", options.HoneymoonPeriods.ToString(CultureInfo.InvariantCulture));
        Field(text, "launches", options.Launches.OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => l.Key + "=" + l.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList());
        Field(text, "require-launch", options.RequireLaunchDate ? "1" : "0");
        Field(text, "inflation", options.InflationMinimumExcess.ToString("R", CultureInfo.InvariantCulture));
        Field(text, "rate-excess", options.ResponseRateMinimumExcess.ToString("R", CultureInfo.InvariantCulture));
        Field(text, "rates", rates.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Value}={r.Sent}/{r.Answered}")).ToList());
        return text.ToString();
    }

    /// <inheritdoc />
    public void Dispose() => _bodies?.Dispose();

    /// <summary>Whether <c>If-None-Match</c> holds <c>*</c> or an entity tag equal to <paramref name="tag"/> by weak comparison (RFC 9110, 13.1.2).</summary>
    private static bool Matches(HttpRequest request, string tag)
    {
        if (request.Headers.IfNoneMatch.Count == 0) return false;
        var ours = EntityTagHeaderValue.Parse(tag);
        // A header that does not parse as a list of entity tags is ignored (the list comes back empty).
        return request.GetTypedHeaders().IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
    }

    /// <summary>A report body as the routes send it: 200, <c>application/json; charset=utf-8</c>, with its length.</summary>
    /// <param name="utf8Json">The body.</param>
    /// <returns>The result.</returns>
    public static IResult Body(byte[] utf8Json) => TypedResults.Bytes(utf8Json, "application/json; charset=utf-8");

    /// <summary>A strong entity tag: 128 bits of SHA-256 over the build, the data version and the query, quoted.</summary>
    private static string ETag(object source, long version, string query)
    {
        var text = Build(source.GetType()) + "\n" + version.ToString(CultureInfo.InvariantCulture) + "\n" + query;
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return "\"" + Convert.ToHexStringLower(hash[..16]) + "\"";
    }

    /// <summary>
    /// The build: the sample's version and the module ids of the sample, Nps.Core (statistics and documents) and the
    /// source's assembly (the counting). Deterministic builds give a module id from its content, so any code change
    /// gives another tag, and the same build on every instance gives the same one.
    /// </summary>
    private static string Build(Type source) => Builds.GetOrAdd(source, static type =>
    {
        var sample = typeof(ReportRevalidation).Assembly;
        var version = sample.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        return string.Join(" ", version, sample.ManifestModule.ModuleVersionId, typeof(NpsReport).Assembly.ManifestModule.ModuleVersionId,
            type.Assembly.ManifestModule.ModuleVersionId);
    });

    /// <summary>A zone by id and rules (so new time-zone data on the machine gives another tag).</summary>
    private static string Zone(TimeZoneInfo zone) => Zones.GetOrAdd(zone.Id, static (_, z) =>
        z.Id + "#" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(z.ToSerializedString())).AsSpan(0, 8)), zone);

    private static void Field(StringBuilder text, string name, string value) =>
        text.Append('\n').Append(name).Append('=').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);

    private static void Field(StringBuilder text, string name, IReadOnlyList<string> values)
    {
        text.Append('\n').Append(name).Append('=').Append(values.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var value in values) text.Append(',').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }
}
