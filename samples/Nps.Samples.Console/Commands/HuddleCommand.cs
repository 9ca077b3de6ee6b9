using System.CommandLine;
using Nps.FollowUp;
using Nps.Huddle;
using Nps.Segmentation;
using Nps.Serialization;
using Nps.Samples.Console.Simulation;

namespace Nps.Samples.Console.Commands;

/// <summary>
/// <c>nps huddle &lt;responses&gt; --team T [--week 2026-W11 | --from DATE --to DATE] [--follow-ups FILE]
/// [--format markdown|html|json]</c>: the one-page brief for a team's huddle, from the library's
/// <see cref="HuddleBriefBuilder"/> and <see cref="HuddleBriefRenderer"/>.
/// </summary>
public static class HuddleCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = timeProvider ?? TimeProvider.System;
        var file = new Argument<FileInfo>("responses") { Description = "Responses as CSV or JSON Lines (team, responded_at, rating, comment, callback_requested, agent, …)." }.ReadableFile(standardInput: true);
        var team = new Option<string>("--team") { Description = "The team the brief is for (matched ignoring case).", Required = true };
        var week = new Option<string?>("--week") { Description = "An ISO week, e.g. 2026-W11; default: the last complete ISO week." };
        var from = new Option<string?>("--from") { Description = "First day (yyyy-MM-dd) of a period of days, with --to." };
        var to = new Option<string?>("--to") { Description = "Last day (yyyy-MM-dd, included) of a period of days, with --from." };
        var followUps = new Option<FileInfo>("--follow-ups") { Description = "Follow-up export (JSON of GET /api/follow-ups or nps follow-ups --format json); default: the period's own detractors and callback requests, all open." }.ReadableFile();
        var format = CommonOptions.Format("markdown", "html", "json");
        var timeZone = CommonOptions.TimeZone();
        var skipInvalid = CommonOptions.SkipInvalid();
        var command = new Command("huddle", "A one-page brief for a team's huddle: score and trend with intervals, the change, what customers said, compliments, follow-ups and points to discuss.")
        {
            file, team, week, from, to, followUps, format, timeZone, skipInvalid,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var zone = CommonOptions.Zone(parse, timeZone);
            if (!TryPeriod(parse.GetValue(week), parse.GetValue(from), parse.GetValue(to), clock, zone, out var period, out var problem))
            {
                return context.UsageError(problem);
            }

            IReadOnlyList<FollowUpCase>? exported = null;
            if (parse.GetValue(followUps) is { } followUpFile)
            {
                if (!HuddleFollowUpFile.TryParse(await File.ReadAllTextAsync(followUpFile.FullName, cancellationToken).ConfigureAwait(false), out var parsed, out var errors))
                {
                    return context.InvalidInput($"{followUpFile.Name}: {string.Join("; ", errors)}");
                }

                exported = parsed;
            }

            if (!ResponseFile.TryReadAll(context, CliContext.InputPath(parse.GetRequiredValue(file)), parse.GetValue(skipInvalid), out var responses, out var exit))
            {
                return exit;
            }

            var teamName = parse.GetRequiredValue(team);
            if (!responses.Any(r => string.Equals(r.Team, teamName, StringComparison.OrdinalIgnoreCase)))
            {
                var known = responses.Select(r => r.Team).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
                return context.InvalidInput($"no responses of team '{teamName}' in {CliContext.InputName(CliContext.InputPath(parse.GetRequiredValue(file)))} (teams: {string.Join(", ", known)})");
            }

            var builder = new HuddleBriefBuilder(new HuddleBriefOptions { Team = teamName, Period = period, TimeZone = zone }, clock);
            var resolved = builder.Period;
            var queue = exported ?? await DeriveFollowUpsAsync(responses.Where(r => resolved.Contains(TimeBucket.LocalDate(r.RespondedAt, zone))), cancellationToken).ConfigureAwait(false);
            var brief = builder.Build(responses, queue);
            context.Out.Write(parse.GetRequiredValue(format) switch
            {
                "json" => NpsJson.Serialize(HuddleBriefDocument.From(brief)) + "\n",
                "html" => HuddleBriefRenderer.ToHtml(brief),
                _ => HuddleBriefRenderer.ToMarkdown(brief),
            });
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool TryPeriod(string? week, string? from, string? to, TimeProvider clock, TimeZoneInfo zone, out HuddlePeriod period, out string problem)
    {
        period = default;
        problem = "";
        if (week is not null && (from is not null || to is not null))
        {
            problem = "give either --week or --from and --to, not both";
            return false;
        }

        if (week is not null)
        {
            if (!HuddlePeriod.TryParseIsoWeek(week, out period))
            {
                problem = $"--week must be an ISO week such as 2026-W11, got '{week}'";
                return false;
            }

            problem = period.TrendProblem(new HuddleBriefOptions { Team = "-" }.TrendPeriods) is { } weekProblem ? $"--week {weekProblem}" : "";
            return problem.Length == 0;
        }

        if (from is null && to is null)
        {
            period = HuddlePeriod.LastCompleteIsoWeek(clock, zone);
            return true;
        }

        if (from is null || to is null)
        {
            problem = "--from and --to go together";
            return false;
        }

        if (!TryDate(from, "--from", out var first, out var dateError) || !TryDate(to, "--to", out var last, out dateError))
        {
            problem = dateError.Message;
            return false;
        }

        if (last < first)
        {
            problem = $"--to ({to}) is before --from ({from})";
            return false;
        }

        if (last.DayNumber - first.DayNumber >= HuddlePeriod.MaxDays)
        {
            problem = $"--from {from} --to {to} is {last.DayNumber - first.DayNumber + 1} days; a huddle covers at most {HuddlePeriod.MaxDays}";
            return false;
        }

        period = HuddlePeriod.FromDates(first, last);
        problem = period.TrendProblem(new HuddleBriefOptions { Team = "-" }.TrendPeriods) is { } rangeProblem ? $"--from {rangeProblem}" : "";
        return problem.Length == 0;
    }

    /// <summary>A day given to <paramref name="option"/>, read by <see cref="IsoDate"/>; otherwise its error, naming the option.</summary>
    internal static bool TryDate(string text, string option, out DateOnly date, out DataError error)
    {
        error = default;
        if (IsoDate.TryParse(text, out date)) return true;
        error = new DataError(0, option, $"must be a date ({IsoDate.Format}), got '{text}'", text);
        return false;
    }

    /// <summary>Without an export, the queue is the follow-ups of the period's own detractors and callback requests, all
    /// open: a file of responses has no contact history, so older ones cannot be known to be still open.</summary>
    private static async Task<IReadOnlyList<FollowUpCase>> DeriveFollowUpsAsync(IEnumerable<SurveyResponse> responses, CancellationToken cancellationToken)
    {
        var clock = new ReplayClock();
        var service = new FollowUpService(new InMemoryFollowUpStore(), new FollowUpPolicy(), clock);
        foreach (var response in responses)
        {
            clock.Now = response.RespondedAt;
            await service.CreateFromResponseAsync(response, cancellationToken).ConfigureAwait(false);
        }

        return await service.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
