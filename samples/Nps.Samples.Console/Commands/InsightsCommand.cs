using System.CommandLine;
using System.Globalization;
using Nps.Insights;
using Nps.Data;
using Nps.Samples.Console.Output;
using Nps.Samples.Console.Reporting;

namespace Nps.Samples.Console.Commands;

/// <summary>
/// <c>nps insights &lt;responses&gt; --by agent|team --period month</c>: the coaching signals that fired
/// (underperformance, post-launch drop, inflation), each with its evidence. Never a leaderboard.
/// </summary>
public static class InsightsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<FileInfo>("responses") { Description = "Responses as CSV or JSON Lines (responded_at required)." }.AcceptExistingOnly();
        var by = new Option<string>("--by") { Description = "Whom the signals are about.", DefaultValueFactory = _ => "agent" };
        by.AcceptOnlyFromAmong("agent", "team");
        var period = new Option<string>("--period") { Description = "Period of the series the signals look at.", DefaultValueFactory = _ => "month" };
        period.AcceptOnlyFromAmong(PeriodNames.All);
        var timeZone = CommonOptions.TimeZone();
        var level = CommonOptions.Level("Confidence level of intervals and tests.");
        var minN = CommonOptions.MinimumCount("Minimum responses for a cell to count as evidence.", 1);
        var format = CommonOptions.Format("table", "json");
        var skipInvalid = CommonOptions.SkipInvalid();
        var command = new Command("insights", "Coaching signals per agent or team, each with its evidence (n, score, interval, p-value, periods).")
        {
            file, by, period, timeZone, level, minN, format, skipInvalid,
        };
        command.SetAction(parse =>
        {
            PeriodNames.TryParse(parse.GetValue(period), out var periodValue);
            var options = new CoachingSignalOptions
            {
                Dimension = parse.GetRequiredValue(by),
                Period = periodValue,
                TimeZone = CommonOptions.Zone(parse, timeZone),
                Level = parse.GetValue(level),
                MinimumCount = parse.GetValue(minN),
            };
            return Run(context, parse.GetRequiredValue(file).FullName, options, parse.GetValue(skipInvalid), parse.GetRequiredValue(format));
        });
        return command;
    }

    private static int Run(CliContext context, string path, CoachingSignalOptions options, bool skipInvalid, string format)
    {
        if (!SurveyResponseReader.TryOpen(path, new DataReaderOptions { SkipInvalid = skipInvalid }, out var reader, out var openError))
        {
            return context.InvalidInput(openError.Message);
        }

        using (reader)
        {
            var signals = new CoachingSignalDetector(options).Detect(reader!.ReadAll(problem => context.Error.WriteLine($"skipped: {problem.Message}")));
            if ((reader.Failure ?? reader.EmptyFile) is { } problem)
            {
                return context.InvalidInput(problem.Message);
            }

            var document = new InsightsDocument(
                options.Dimension,
                PeriodNames.Format(options.Period),
                options.Level,
                reader.Rejected,
                [.. signals.Select(Describe)]);
            if (format == "json")
            {
                Json.Write(context.Out, document, c => c.InsightsDocument);
            }
            else
            {
                WriteTable(context.Out, document);
            }

            return ExitCodes.Success;
        }
    }

    private static SignalResult Describe(CoachingSignal signal)
    {
        var e = signal.Evidence;
        return new SignalResult(
            signal.Kind,
            signal.Dimension,
            signal.Value,
            new EvidenceResult(
                e.Count,
                Math.Round(e.Score, 2),
                new IntervalResult(Math.Round(e.Interval.Lower, 2), Math.Round(e.Interval.Upper, 2), e.Interval.Level, Reporting.MethodNames.Format(e.Interval.Method)),
                e.PValue,
                e.Periods,
                e.Reference,
                Math.Round(e.ReferenceScore, 2),
                e.ReferenceCount,
                e.Summary));
    }

    private static void WriteTable(TextWriter writer, InsightsDocument document)
    {
        if (document.Signals.Count == 0)
        {
            writer.WriteLine($"No coaching signals per {document.Dimension} ({document.Period}ly series).");
            return;
        }

        var table = new TextTable("signal", document.Dimension, "n", "NPS", "interval", "p-value", "vs", "periods");
        foreach (var signal in document.Signals)
        {
            var e = signal.Evidence;
            table.Add(
                signal.Kind,
                signal.Value,
                e.N.ToString(CultureInfo.InvariantCulture),
                e.Score.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"[{e.Interval.Lower:+0.0;-0.0;0.0}, {e.Interval.Upper:+0.0;-0.0;0.0}]"),
                e.PValue < 0.0001 ? "<0.0001" : e.PValue.ToString("0.####", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{e.Reference} {e.ReferenceScore:+0.0;-0.0;0.0}"),
                e.Periods.Count == 0 ? "" : e.Periods.Count == 1 ? e.Periods[0] : $"{e.Periods[0]}..{e.Periods[^1]}");
        }

        table.Write(writer);
        writer.WriteLine();
        foreach (var signal in document.Signals)
        {
            writer.WriteLine($"- {signal.Kind} {signal.Dimension} {signal.Value}: {signal.Evidence.Summary}");
        }
    }
}
