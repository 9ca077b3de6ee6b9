using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Nps.Fatigue;
using Nps.Data;
using Nps.Samples.Console.Output;
using Nps.Samples.Console.Simulation;
using Nps.Sampling;

namespace Nps.Samples.Console.Commands;

/// <summary>
/// <c>nps simulate &lt;events&gt; --program &lt;program.json&gt;</c>: replays a contact log through a
/// <see cref="SurveyProgram"/> to show what a rule change would do to the volume before it goes live.
/// </summary>
public static class SimulateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var events = new Argument<FileInfo>("events") { Description = "Contact log as CSV or JSON Lines (customer_id, event_id, occurred_at, survey_kind, touchpoint, …)." }.AcceptExistingOnly();
        var program = new Option<FileInfo>("--program") { Description = "The program file (the NpsOptions JSON format, e.g. samples/data/program.json).", Required = true }.AcceptExistingOnly();
        var format = CommonOptions.Format("table", "json");
        var by = new Option<string>("--by") { Description = "Dimension for coverage per segment (team, channel, touchpoint, product, survey_kind or an attribute).", DefaultValueFactory = _ => "team" };
        var responseRate = new Option<double>("--response-rate") { Description = "Share of invitations expected to answer, in (0, 1].", DefaultValueFactory = _ => 0.25 };
        var level = CommonOptions.Level("Confidence level for the interval width the expected responses buy.");
        var command = new Command("simulate", "Replay a contact log through a survey program: every decision, and what the volume buys.")
        {
            events, program, format, by, responseRate, level,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var rate = parse.GetValue(responseRate);
            if (!(rate > 0 && rate <= 1))
            {
                return context.UsageError($"--response-rate must be greater than 0 and at most 1, got {rate.ToString(CultureInfo.InvariantCulture)}");
            }

            if (!ProgramFile.TryLoad(parse.GetRequiredValue(program).FullName, out var options, out var programError))
            {
                return context.InvalidInput(programError);
            }

            var clock = new ReplayClock();
            SurveyProgram surveyProgram;
            try
            {
                surveyProgram = new SurveyProgram(options!, new InMemoryContactLedger(clock), clock);
            }
            catch (SurveyProgramConfigurationException exception)
            {
                return context.InvalidInput($"{parse.GetRequiredValue(program).Name}: {exception.Message}");
            }

            var settings = new SimulationSettings(parse.GetRequiredValue(by), rate, parse.GetValue(level));
            return await RunAsync(context, parse.GetRequiredValue(events).FullName, surveyProgram, clock, settings, parse.GetRequiredValue(format), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private sealed record SimulationSettings(string By, double ResponseRate, double Level);

    private static async Task<int> RunAsync(CliContext context, string path, SurveyProgram program, ReplayClock clock, SimulationSettings settings, string format, CancellationToken cancellationToken)
    {
        if (!TouchpointEventReader.TryOpen(path, null, out var reader, out var openError))
        {
            return context.InvalidInput(openError.Message);
        }

        using (reader)
        {
            var decisions = new List<SimulatedDecision>();
            var summary = new SimulationTally(settings.By);
            while (reader!.Read(out var touchpoint, out var error))
            {
                if (error is { } problem)
                {
                    return context.InvalidInput(problem.Message);
                }

                clock.Now = touchpoint!.OccurredAt;
                var decision = await program.DecideAsync(touchpoint, cancellationToken).ConfigureAwait(false);
                var simulated = Describe(decision);
                decisions.Add(simulated);
                summary.Add(touchpoint, simulated);
            }

            if (reader.EmptyFile is { } empty)
            {
                return context.InvalidInput(empty.Message);
            }

            var document = new SimulationDocument(decisions, summary.Build(settings.ResponseRate, settings.Level));
            if (format == "json")
            {
                Json.Write(context.Out, document, c => c.SimulationDocument);
            }
            else
            {
                WriteTable(context.Out, document.Summary, settings.By);
            }

            return ExitCodes.Success;
        }
    }

    private static SimulatedDecision Describe(SurveyDecision decision) => decision switch
    {
        InviteDecision invite => new SimulatedDecision(
            invite.EventId, invite.CustomerId, "invite", null,
            invite.IsManual ? "manual invitation" : $"selected by policy {invite.Policy}" + (invite.Draw is { } d ? string.Create(CultureInfo.InvariantCulture, $" at rate {d.Rate:0.###}") : ""),
            invite.SendAt, invite.InclusionProbability, invite.Policy, null),
        DeferDecision defer => new SimulatedDecision(
            defer.EventId, defer.CustomerId, "defer", defer.Rule, defer.Reason, defer.SendAt, defer.InclusionProbability, defer.Policy, null),
        SuppressDecision suppress => new SimulatedDecision(
            suppress.EventId, suppress.CustomerId, "suppress", suppress.Rule, suppress.Reason, null, null, null, suppress.EligibleAgainAt),
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown decision type."),
    };

    private static void WriteTable(TextWriter writer, SimulationSummary summary, string by)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Events:N0} events: {summary.Invitations:N0} invitations ({summary.Deferred:N0} deferred), {summary.Events - summary.Invitations:N0} suppressed."));
        writer.WriteLine();
        var rules = new TextTable("suppressed by", "events");
        foreach (var (rule, count) in summary.Suppressions)
        {
            rules.Add(rule, count.ToString(CultureInfo.InvariantCulture));
        }

        rules.Write(writer);
        writer.WriteLine();
        var coverage = new TextTable(by, "events", "invitations", "coverage");
        foreach (var segment in summary.Coverage)
        {
            coverage.Add(segment.Segment[by] is { Length: > 0 } v ? v : "(none)", segment.Events.ToString(CultureInfo.InvariantCulture),
                segment.Invitations.ToString(CultureInfo.InvariantCulture), segment.Coverage.ToString("0.0%", CultureInfo.InvariantCulture));
        }

        coverage.Write(writer);
        writer.WriteLine();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"At a {summary.ResponseRate:0.#%} response rate: {summary.ExpectedResponses:N0} responses, an interval of about {summary.IntervalWidth:0.#} NPS points wide (±{summary.IntervalWidth / 2:0.#}) at {summary.Level:0.##%}, worst case."));
    }
}
