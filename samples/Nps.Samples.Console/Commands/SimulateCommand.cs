using System.CommandLine;
using System.Globalization;
using Nps.Fatigue;
using Nps.Data;
using Nps.Samples.Console.Output;
using Nps.Samples.Console.Simulation;
using Nps.Sampling;
using Nps.Serialization;

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
        var events = new Argument<FileInfo>("events") { Description = "Contact log as CSV or JSON Lines (customer_id, event_id, occurred_at, survey_kind, touchpoint, …)." }.ReadableFile(standardInput: true);
        var program = new Option<FileInfo>("--program") { Description = "The program file (the NpsOptions JSON format, e.g. samples/data/program.json).", Required = true }.ReadableFile();
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
            catch (NpsOptionsException exception)
            {
                return context.InvalidInput($"{parse.GetRequiredValue(program).Name}: {exception.Message}");
            }

            var settings = new SimulationSettings(parse.GetRequiredValue(by), rate, parse.GetValue(level));
            return await RunAsync(context, CliContext.InputPath(parse.GetRequiredValue(events)), surveyProgram, clock, settings, parse.GetRequiredValue(format), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private sealed record SimulationSettings(string By, double ResponseRate, double Level);

    private static async Task<int> RunAsync(CliContext context, string path, SurveyProgram program, ReplayClock clock, SimulationSettings settings, string format, CancellationToken cancellationToken)
    {
        var readOptions = new DataReaderOptions { ColumnNames = context.ColumnNames };
        var opened = context.OpensAsStream(path)
            ? TouchpointEventReader.TryOpen(context.OpenStream(path), context.FormatOf(path), readOptions, out var reader, out var openError)
            : TouchpointEventReader.TryOpen(path, readOptions, out reader, out openError);
        if (!opened)
        {
            return context.InvalidInput(openError.Message);
        }

        using (reader)
        {
            var simulation = new SimulationDocumentBuilder(settings.By);
            while (reader!.Read(out var touchpoint, out var error))
            {
                if (error is { } problem)
                {
                    return context.InvalidInput(problem.Message);
                }

                clock.Now = touchpoint!.OccurredAt;
                var decision = await program.DecideAsync(touchpoint, cancellationToken).ConfigureAwait(false);
                simulation.Add(touchpoint, decision);
            }

            if (reader.EmptyFile is { } empty)
            {
                return context.InvalidInput(empty.Message);
            }

            var document = simulation.Build(settings.ResponseRate, settings.Level);
            if (format == "json")
            {
                Json.Write(context.Out, document);
            }
            else
            {
                WriteTable(context.Out, document.Summary, settings.By);
            }

            return ExitCodes.Success;
        }
    }

    private static void WriteTable(TextWriter writer, SimulationSummaryDocument summary, string by)
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
