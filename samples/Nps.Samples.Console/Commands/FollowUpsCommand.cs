using System.CommandLine;
using System.Globalization;
using Nps.FollowUp;
using Nps.Data;
using Nps.Samples.Console.Output;
using Nps.Serialization;
using Nps.Samples.Console.Simulation;

namespace Nps.Samples.Console.Commands;

/// <summary>
/// <c>nps follow-ups &lt;responses&gt; [--as-of]</c>: the closed-loop queue (every detractor and callback request,
/// with its due time, owner and overdue state) and its metrics, through the library's <see cref="FollowUpService"/>.
/// </summary>
public static class FollowUpsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<FileInfo>("responses") { Description = "Responses as CSV or JSON Lines (customer_id, responded_at, rating, callback_requested, …)." }.ReadableFile(standardInput: true);
        var asOf = new Option<string?>("--as-of") { Description = "Show the queue as of this moment (ISO 8601 with offset); now by default. Later responses are left out." };
        var includePassives = new Option<bool>("--include-passives") { Description = "Follow up passives too." };
        var status = CommonOptions.OptionalWire<FollowUpStatus>("--status", "Only follow-ups with this status.");
        var limit = new Option<int>("--limit") { Description = "Rows in the table (0: all); JSON always lists all.", DefaultValueFactory = _ => 20 };
        var format = CommonOptions.Format("table", "json");
        var skipInvalid = CommonOptions.SkipInvalid();
        var command = new Command("follow-ups", "The closed-loop queue: a follow-up for every detractor and callback request, with due time and overdue state.")
        {
            file, asOf, includePassives, status, limit, format, skipInvalid,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var moment = TimeProvider.System.GetUtcNow();
            if (parse.GetValue(asOf) is { } asOfText && !FieldParsers.TryParseTime(asOfText, "--as-of", out moment, out var invalid))
            {
                return context.UsageError($"--as-of: {invalid.Reason}");
            }

            if (parse.GetValue(limit) < 0)
            {
                return context.UsageError($"--limit must be 0 or more, got {parse.GetValue(limit)}");
            }

            var policy = new FollowUpPolicy { IncludePassives = parse.GetValue(includePassives) };
            var settings = new Settings(moment, policy, parse.GetValue(status), parse.GetValue(limit), parse.GetValue(skipInvalid), parse.GetRequiredValue(format));
            return await RunAsync(context, CliContext.InputPath(parse.GetRequiredValue(file)), settings, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private sealed record Settings(DateTimeOffset AsOf, FollowUpPolicy Policy, FollowUpStatus? Status, int Limit, bool SkipInvalid, string Format);

    private static async Task<int> RunAsync(CliContext context, string path, Settings settings, CancellationToken cancellationToken)
    {
        if (!ResponseFile.TryOpen(context, path, new DataReaderOptions { SkipInvalid = settings.SkipInvalid, RequireRespondedAt = false }, out var reader, out var openError))
        {
            return context.InvalidInput(openError.Message);
        }

        using (reader)
        {
            // Each follow-up is created at its response's time, so created-at and due times are those of the day.
            var clock = new ReplayClock();
            var service = new FollowUpService(new InMemoryFollowUpStore(), settings.Policy, clock);
            long anonymous = 0, afterAsOf = 0;
            foreach (var read in ResponseFile.Valid(context, reader!))
            {
                // A file without answer times (no responded_at): the SLA clock starts at --as-of, the moment the queue is
                // made, so every follow-up is due its SLA from now rather than at a made-up past time.
                var response = read.RespondedAt == DateTimeOffset.MinValue ? read with { RespondedAt = settings.AsOf } : read;
                if (response.RespondedAt > settings.AsOf)
                {
                    afterAsOf++;
                    continue;
                }

                clock.Now = response.RespondedAt;
                var result = await service.CreateFromResponseAsync(response, cancellationToken).ConfigureAwait(false);
                anonymous += result.Outcome == FollowUpCreationOutcome.Anonymous ? 1 : 0;
            }

            if ((reader!.Failure ?? reader.EmptyFile) is { } problem)
            {
                return context.InvalidInput(problem.Message);
            }

            clock.Now = settings.AsOf;
            var metrics = await service.GetMetricsAsync(cancellationToken).ConfigureAwait(false);
            var queue = await service.ListAsync(settings.Status, cancellationToken).ConfigureAwait(false);
            var document = FollowUpQueueDocument.From(queue, metrics, settings.AsOf, anonymous, afterAsOf, reader.Rejected);
            if (settings.Format == "json")
            {
                Json.Write(context.Out, document);
            }
            else
            {
                WriteTable(context.Out, document, metrics, settings.Limit);
            }

            return ExitCodes.Success;
        }
    }

    private static string Share(double? share) => share is { } s ? s.ToString("0.0%", CultureInfo.InvariantCulture) : "n/a";

    private static void WriteTable(TextWriter writer, FollowUpQueueDocument document, FollowUpMetrics m, int limit)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Follow-ups as of {document.AsOf:yyyy-MM-dd'T'HH:mm:sszzz}: {m.Total:N0} ({m.Open:N0} open, {m.Overdue:N0} overdue, {m.Contacted:N0} contacted, {m.Closed:N0} closed, {m.ClosedWithoutContact:N0} of them without contact)."));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Detractors contacted: {Share(m.DetractorFollowUpShare)} ({m.DetractorsFollowedUp:N0} of {m.Detractors:N0}); contacted within SLA: {Share(m.WithinSlaShare)} ({m.ContactedWithinSla:N0} of {m.Total - m.Pending:N0} due, {m.Pending:N0} not yet due); SLA breaches: {m.SlaBreaches:N0} ({m.ContactedLate:N0} contacted late)."));
        if (document.Anonymous > 0)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{document.Anonymous:N0} responses needed a follow-up but had no customer_id."));
        }

        var table = new TextTable("id", "customer", "reason", "rating", "due", "status", "team", "agent", "comment");
        foreach (var f in limit == 0 ? document.FollowUps : document.FollowUps.Take(limit))
        {
            var comment = f.Comment?.ReplaceLineEndings(" / ") ?? "";
            table.Add(
                f.Id, f.CustomerId, f.Reason, f.Rating.ToString(CultureInfo.InvariantCulture),
                f.DueAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                f.Overdue == true ? "OVERDUE" : f.Status, f.OwnerTeam ?? "", f.OwnerAgent ?? "",
                comment.Length > 50 ? comment[..49] + "…" : comment);
        }

        table.Write(writer);
        if (limit > 0 && document.FollowUps.Count > limit)
        {
            writer.WriteLine($"… {document.FollowUps.Count - limit:N0} more (--limit 0 shows all; --format json lists all).");
        }
    }
}
