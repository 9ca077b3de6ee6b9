using System.CommandLine;
using System.Globalization;
using Nps.Insights;
using Nps.Data;
using Nps.Samples.Console.Output;
using Nps.Serialization;

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
        var file = new Argument<FileInfo>("responses") { Description = "Responses as CSV or JSON Lines (responded_at required)." }.ReadableFile(standardInput: true);
        var by = CommonOptions.Choice("--by", "Whom the signals are about.", "agent", "team");
        var period = CommonOptions.Wire("--period", "Period of the series the signals look at.", Nps.Segmentation.Period.Month);
        var timeZone = CommonOptions.TimeZone();
        var level = CommonOptions.Level("Confidence level of the evidence's intervals.");
        var launches = new Option<FileInfo>("--launches")
        {
            Description = "Start dates per team or agent for post-launch-drop: CSV with columns value,launched (ISO dates).",
        }.ReadableFile();
        var acknowledged = new Option<FileInfo>("--acknowledged")
        {
            Description = "Acknowledged coaching conversations: CSV with columns value,acknowledged (ISO dates); monitoring restarts after them.",
        }.ReadableFile();
        var minN = CommonOptions.MinimumCount("Minimum responses for a cell to count as evidence.", 1);
        var format = CommonOptions.Format("table", "json");
        var skipInvalid = CommonOptions.SkipInvalid();
        var command = new Command("insights", "Coaching signals per agent or team, each with its evidence (n, score, interval, p-value, periods).")
        {
            file, by, period, timeZone, level, minN, launches, acknowledged, format, skipInvalid,
        };
        command.SetAction(parse =>
        {
            var options = new CoachingSignalOptions
            {
                Dimension = parse.GetRequiredValue(by),
                Period = parse.GetValue(period),
                TimeZone = CommonOptions.Zone(parse, timeZone),
                Level = parse.GetValue(level),
                MinimumCount = parse.GetValue(minN),
            };
            if (parse.GetValue(launches) is { } launchFile)
            {
                using var reader = launchFile.OpenText();
                if (!LaunchDates.TryReadCsv(reader, out var dates, out var error))
                {
                    return context.InvalidInput($"{launchFile.Name}: {error.Message}");
                }

                options = options with { Launches = dates };
            }

            if (parse.GetValue(acknowledged) is { } acknowledgedFile)
            {
                using var reader = acknowledgedFile.OpenText();
                if (!LaunchDates.TryReadCsv(reader, "acknowledged", out var dates, out var error))
                {
                    return context.InvalidInput($"{acknowledgedFile.Name}: {error.Message}");
                }

                options = options with { Acknowledged = dates };
            }

            return Run(context, CliContext.InputPath(parse.GetRequiredValue(file)), options, parse.GetValue(skipInvalid), parse.GetRequiredValue(format));
        });
        return command;
    }

    private static int Run(CliContext context, string path, CoachingSignalOptions options, bool skipInvalid, string format)
    {
        if (!ResponseFile.TryOpen(context, path, new DataReaderOptions { SkipInvalid = skipInvalid }, out var reader, out var openError))
        {
            return context.InvalidInput(openError.Message);
        }

        using (reader)
        {
            var signals = new CoachingSignalDetector(options).Detect(ResponseFile.Valid(context, reader!));
            if ((reader!.Failure ?? reader.EmptyFile) is { } problem)
            {
                return context.InvalidInput(problem.Message);
            }

            var document = CoachingSignalsDocument.From(signals, options, reader.Rejected);
            if (format == "json")
            {
                Json.Write(context.Out, document);
            }
            else
            {
                WriteTable(context.Out, document);
            }

            return ExitCodes.Success;
        }
    }

    private static void WriteTable(TextWriter writer, CoachingSignalsDocument document)
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
                e.Count.ToString(CultureInfo.InvariantCulture),
                Signed(e.Score),
                $"[{Signed(e.Interval.Lower)}, {Signed(e.Interval.Upper)}]",
                e.PValue is { } p ? (p < 0.0001 ? "<0.0001" : p.ToString("0.####", CultureInfo.InvariantCulture)) : "",
                $"{e.Reference} {Signed(e.ReferenceScore)}",
                e.Periods.Count == 0 ? "" : e.Periods.Count == 1 ? e.Periods[0] : $"{e.Periods[0]}..{e.Periods[^1]}");
        }

        table.Write(writer);
        writer.WriteLine();
        foreach (var signal in document.Signals)
        {
            writer.WriteLine($"- {signal.Kind} {signal.Dimension} {signal.Value}: {signal.Evidence.Summary}");
        }
    }

    private static string Signed(double? value) => value?.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) ?? "";
}
