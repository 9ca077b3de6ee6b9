using Nps.Data;
using Nps.Intake;
using Nps.AspNetCore.Api;

namespace Nps.AspNetCore.Hosting;

/// <summary>
/// <c>Nps:SeedFile</c>: a CSV or JSON Lines file of responses loaded at start through the same intake as
/// <c>POST /api/responses</c>, declared historical (a seed predates invitations, so its responses count as solicited
/// ones rather than unsolicited). Idempotent per response id, so a second start stores nothing new; a bad row is
/// logged and skipped, never a failed start. A relative path is looked up from the content root and its parent
/// folders, so <c>samples/data/responses.csv</c> is found whether the sample runs from its own folder or from the
/// repository root.
/// </summary>
public static partial class SeedFile
{
    /// <summary>How many folders above the content root a relative seed path is looked for.</summary>
    public const int MaxParentFolders = 6;

    /// <summary>How many bad rows are logged one by one (the rest are counted).</summary>
    public const int MaxLoggedRows = 20;

    /// <summary>
    /// Loads <c>Nps:SeedFile</c>, when set, before the host starts serving. <c>AddNpsWeb</c> already loads it in the
    /// background after the host listens (<see cref="NpsStartup"/>); call this only to hold the start until it is loaded.
    /// </summary>
    public static Task SeedNpsResponsesAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        return SeedAsync(app.Services, app.Configuration, app.Environment, cancellationToken);
    }

    /// <summary>Loads <c>Nps:SeedFile</c>, when set; the body of <see cref="SeedNpsResponsesAsync"/>.</summary>
    internal static async Task SeedAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, CancellationToken cancellationToken)
    {
        var configured = configuration["Nps:SeedFile"]?.Trim();
        if (string.IsNullOrEmpty(configured)) return;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SeedFile));
        if (Resolve(configured, environment.ContentRootPath) is not { } path)
        {
            LogNotFound(logger, configured, environment.ContentRootPath);
            return;
        }

        var intake = services.GetRequiredService<ResponseIntake>();
        var clock = services.GetRequiredService<TimeProvider>();
        var (document, error) = await ResponseImport.ImportAsync(File.OpenRead(path), DataFormats.FromPath(path), intake, clock, historical: true, cancellationToken,
            maxRejectedRows: MaxLoggedRows, logger: logger);
        if (error is { } unreadable)
        {
            LogUnreadable(logger, path, unreadable.Message);
            return;
        }

        var logged = 0;
        foreach (var row in document!.Rejected)
        {
            if (logged++ == MaxLoggedRows) break;
            LogBadRow(logger, path, row.Line, row.Outcome, string.Join("; ", row.Errors.Select(e => e.Field is null ? e.Reason : $"{e.Field}: {e.Reason}")));
        }

        var totals = document.Totals;
        LogSeeded(logger, path, totals.Rows, totals.Created, totals.AlreadyStored, totals.Conflicts, totals.Invalid);
    }

    /// <summary>The seed file's full path: as given when absolute, else the first of the content root and its parents that holds it.</summary>
    public static string? Resolve(string configured, string contentRoot)
    {
        if (Path.IsPathRooted(configured)) return File.Exists(configured) ? configured : null;
        var folder = new DirectoryInfo(contentRoot);
        for (var level = 0; folder is not null && level <= MaxParentFolders; level++, folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, configured);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nps:SeedFile '{Configured}' was not found from {ContentRoot} or its parent folders; nothing seeded.")]
    private static partial void LogNotFound(ILogger logger, string configured, string contentRoot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed file {Path} cannot be read: {Reason}; nothing seeded.")]
    private static partial void LogUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed file {Path}, line {Line}: {Outcome}: {Reasons}")]
    private static partial void LogBadRow(ILogger logger, string path, long line, string outcome, string reasons);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed file {Path}: {Rows} rows, {Created} stored, {AlreadyStored} already stored, {Conflicts} conflicts, {Invalid} invalid.")]
    private static partial void LogSeeded(ILogger logger, string path, long rows, long created, long alreadyStored, long conflicts, long invalid);
}
