using System.CommandLine;
using System.Globalization;
using Nps.Samples.Console.Output;
using Nps.Serialization;

namespace Nps.Samples.Console.Commands;

/// <summary><c>nps plan --margin &lt;points&gt;</c>: how many responses a margin of error needs.</summary>
public static class PlanCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var margin = new Option<double>("--margin") { Description = "Margin of error (half the interval width) in NPS points, in (0, 100].", Required = true };
        var level = CommonOptions.Level("Confidence level, in (0, 1).");
        var promoters = new Option<double?>("--promoters") { Description = "Expected promoter share, 0–1 (or a percentage 0–100). Without it: the worst case." };
        var detractors = new Option<double?>("--detractors") { Description = "Expected detractor share, 0–1 (or a percentage 0–100); give it with --promoters." };
        var format = CommonOptions.Format("table", "json");
        var command = new Command("plan", "Responses needed for an NPS margin of error.") { margin, level, promoters, detractors, format };
        command.SetAction(parse =>
        {
            var marginValue = parse.GetValue(margin);
            var levelValue = parse.GetValue(level);
            if (!(marginValue > 0 && marginValue <= 100))
            {
                return context.UsageError($"--margin must be greater than 0 and at most 100 points, got {Text(marginValue)}");
            }

            var p = parse.GetValue(promoters);
            var d = parse.GetValue(detractors);
            if (p.HasValue != d.HasValue)
            {
                return context.UsageError("--promoters and --detractors go together: give both or neither");
            }

            long responses;
            double? promoterShare = null, detractorShare = null;
            if (p is { } pv && d is { } dv)
            {
                // Either both shares (0.4, 0.2) or both percentages (40, 20).
                var scale = pv > 1 || dv > 1 ? 100.0 : 1.0;
                promoterShare = pv / scale;
                detractorShare = dv / scale;
                if (promoterShare < 0 || detractorShare < 0 || promoterShare + detractorShare > 1)
                {
                    return context.UsageError($"--promoters and --detractors must be shares (or percentages) that add up to at most 1 (100), got {Text(pv)} and {Text(dv)}");
                }

                responses = NpsSampleSize.ForMarginOfError(marginValue, promoterShare.Value, detractorShare.Value, levelValue);
            }
            else
            {
                responses = NpsSampleSize.ForMarginOfError(marginValue, levelValue);
            }

            var document = new SampleSizePlanDocument(marginValue, levelValue, promoterShare, detractorShare, responses);
            if (parse.GetValue(format) == "json")
            {
                Json.Write(context.Out, document);
            }
            else
            {
                var assumption = promoterShare is null
                    ? "worst case: half promoters, half detractors"
                    : string.Create(CultureInfo.InvariantCulture, $"expecting {promoterShare.Value:P0} promoters and {detractorShare!.Value:P0} detractors");
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{responses:N0} responses for ±{Text(marginValue)} NPS points at {Text(levelValue * 100)}% confidence ({assumption})."));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Text(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
