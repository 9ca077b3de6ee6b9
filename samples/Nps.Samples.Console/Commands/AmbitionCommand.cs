using System.CommandLine;
using System.Globalization;
using Nps.Ambitions;
using Nps.Segmentation;
using Nps.Serialization;
using Nps.Samples.Console.Output;

namespace Nps.Samples.Console.Commands;

/// <summary>
/// <c>nps ambition &lt;responses&gt; --ambitions FILE [--as-of DATE] [--window-days 90] [--format table|json]</c>:
/// each ambition against its baseline, through the library's <see cref="AmbitionFile"/> and <see cref="AmbitionTracker"/>.
/// </summary>
public static class AmbitionCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = timeProvider ?? TimeProvider.System;
        var file = new Argument<FileInfo>("responses") { Description = "Responses as CSV or JSON Lines (responded_at, rating and the ambitions' dimensions)." }.ReadableFile(standardInput: true);
        var ambitions = new Option<FileInfo>("--ambitions") { Description = "The ambitions file (JSON: ambitions with dimension, value, target, by and baseline from/to).", Required = true }.ReadableFile();
        var asOf = new Option<string?>("--as-of") { Description = "Last day (yyyy-MM-dd) of the current window; default: today." };
        var windowDays = new Option<int>("--window-days") { Description = "Length of the current window in days.", DefaultValueFactory = _ => 90 };
        windowDays.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError($"--window-days must be at least 1, got {result.GetValueOrDefault<int>()}");
        });
        var format = CommonOptions.Format("table", "json");
        var timeZone = CommonOptions.TimeZone();
        var skipInvalid = CommonOptions.SkipInvalid();
        var command = new Command("ambition", "Ambitions against their baseline: baseline and current scores, the change, P(target reached) and whether on track.")
        {
            file, ambitions, asOf, windowDays, format, timeZone, skipInvalid,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var zone = CommonOptions.Zone(parse, timeZone);
            var day = TimeBucket.LocalDate(clock.GetUtcNow(), zone);
            if (parse.GetValue(asOf) is { } asOfText && !HuddleCommand.TryDate(asOfText, "--as-of", out day, out var problem))
            {
                return context.UsageError(problem.Message);
            }

            var ambitionFile = parse.GetRequiredValue(ambitions);
            if (!AmbitionFile.TryParse(await File.ReadAllTextAsync(ambitionFile.FullName, cancellationToken).ConfigureAwait(false), out var list, out var errors))
            {
                return context.InvalidInput($"{ambitionFile.Name}: {string.Join("; ", errors)}");
            }

            if (!ResponseFile.TryReadAll(context, CliContext.InputPath(parse.GetRequiredValue(file)), parse.GetValue(skipInvalid), out var responses, out var exit))
            {
                return exit;
            }

            var options = new AmbitionTrackerOptions { AsOf = day, WindowDays = parse.GetValue(windowDays), TimeZone = zone };
            var progress = AmbitionTracker.Evaluate(responses, list, options);
            if (parse.GetRequiredValue(format) == "json")
            {
                context.Out.Write(NpsJson.Serialize(AmbitionsDocument.From(progress)) + "\n");
            }
            else
            {
                WriteTable(context.Out, progress, options);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteTable(TextWriter writer, IReadOnlyList<AmbitionProgress> progress, AmbitionTrackerOptions options)
    {
        var first = progress.Count > 0 ? progress[0] : null;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ambitions as of {options.AsOf:yyyy-MM-dd}: current window {options.WindowDays} days ({first?.CurrentFrom ?? options.AsOf.AddDays(1 - options.WindowDays):yyyy-MM-dd}..{options.AsOf:yyyy-MM-dd}), {WireNames.Format(options.Method)} {options.Level * 100:0.##}% intervals"));
        var table = new TextTable("segment", "target", "by", "baseline", "n", "NPS", "current", "n", "NPS", string.Create(CultureInfo.InvariantCulture, $"{options.Level * 100:0.##}% interval"), "change", "p-value", "P(>=target)", "line", "on track");
        foreach (var p in progress)
        {
            var a = p.Ambition;
            table.Add(
                $"{a.Dimension}={a.Value}",
                Signed(a.Target),
                a.By.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{a.BaselineFrom:yyyy-MM-dd}..{a.BaselineTo:yyyy-MM-dd}"),
                p.Baseline.Count.ToString(CultureInfo.InvariantCulture),
                p.Baseline.IsEmpty ? "" : Signed(p.Baseline.Score),
                string.Create(CultureInfo.InvariantCulture, $"{p.CurrentFrom:yyyy-MM-dd}..{p.CurrentTo:yyyy-MM-dd}"),
                p.Current.Count.ToString(CultureInfo.InvariantCulture),
                p.Current.IsEmpty ? "" : Signed(p.Current.Score),
                p.Current.IsEmpty ? "" : $"[{Signed(p.CurrentInterval.Lower)}, {Signed(p.CurrentInterval.Upper)}]",
                p.Change is { } c ? Signed(c.Difference) : "",
                p.Change is { } t ? (t.PValue < 0.0001 ? "<0.0001" : t.PValue.ToString("0.0000", CultureInfo.InvariantCulture)) : "",
                p.ProbabilityAtLeastTarget.ToString("0.000", CultureInfo.InvariantCulture),
                p.ExpectedScore is { } line ? Signed(line) : "",
                p.OnTrack switch { true => "yes", false => "no", null => "n/a" });
        }

        table.Write(writer);
        writer.WriteLine("line: the straight line from the baseline score (at the baseline's end) to the target (at by), read at the as-of day; on track when the current NPS is at or above it.");
    }

    private static string Signed(double value) => value.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);
}
