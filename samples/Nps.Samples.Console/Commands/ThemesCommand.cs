using System.CommandLine;
using System.Globalization;
using Nps.Insights;
using Nps.Data;
using Nps.Samples.Console.Output;
using Nps.Serialization;

namespace Nps.Samples.Console.Commands;

/// <summary>
/// <c>nps themes &lt;responses&gt; [--taxonomy file]</c>: what customers write about, per theme: mentions by
/// category and the NPS of those who mention it against the rest (the library's <see cref="ThemeAnalysis"/>).
/// </summary>
public static class ThemesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<FileInfo>("responses") { Description = "Responses as CSV or JSON Lines (with a comment column)." }.ReadableFile(standardInput: true);
        var taxonomy = new Option<FileInfo>("--taxonomy") { Description = "Theme taxonomy as JSON (default: the built-in Dutch and English drivers)." }.ReadableFile();
        var baseline = CommonOptions.Wire("--baseline", "Compare mentions with the other comments or with all other responses.", ThemeBaseline.OtherComments);
        var examples = new Option<int>("--examples") { Description = "Example comments per theme.", DefaultValueFactory = _ => 3 };
        var minMentions = new Option<int>("--min-mentions") { Description = "Mentions a theme needs before its impact is tested.", DefaultValueFactory = _ => 10 };
        var level = CommonOptions.Level("Confidence level of the impact interval.");
        var format = CommonOptions.Format("table", "json");
        var skipInvalid = CommonOptions.SkipInvalid();
        var includeManual = new Option<bool>("--include-manual") { Description = "Count manual sends (excluded by default)." };
        var command = new Command("themes", "Comment themes: mentions by category and the NPS impact of each theme.")
        {
            file, taxonomy, baseline, examples, minMentions, level, format, skipInvalid, includeManual,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(examples) < 0)
            {
                return context.UsageError($"--examples must be 0 or more, got {parse.GetValue(examples)}");
            }

            if (parse.GetValue(minMentions) < 1)
            {
                return context.UsageError($"--min-mentions must be 1 or more, got {parse.GetValue(minMentions)}");
            }

            var themes = ThemeTaxonomy.Default;
            if (parse.GetValue(taxonomy) is { } taxonomyFile)
            {
                if (!ThemeTaxonomy.TryParseJson(File.ReadAllText(taxonomyFile.FullName), out var parsed, out var errors))
                {
                    return context.InvalidInput($"{taxonomyFile.Name}: {string.Join("; ", errors)}");
                }

                themes = parsed!;
            }

            var options = new ThemeAnalysisOptions
            {
                ExamplesPerTheme = parse.GetValue(examples),
                MinimumMentions = parse.GetValue(minMentions),
                Level = parse.GetValue(level),
                Baseline = parse.GetValue(baseline),
                IncludeManual = parse.GetValue(includeManual),
            };
            return Run(context, CliContext.InputPath(parse.GetRequiredValue(file)), themes, options, parse.GetValue(skipInvalid), parse.GetRequiredValue(format));
        });
        return command;
    }

    private static int Run(CliContext context, string path, ThemeTaxonomy taxonomy, ThemeAnalysisOptions options, bool skipInvalid, string format)
    {
        if (!ResponseFile.TryOpen(context, path, new DataReaderOptions { SkipInvalid = skipInvalid, RequireRespondedAt = false }, out var reader, out var openError))
        {
            return context.InvalidInput(openError.Message);
        }

        using (reader)
        {
            var analysis = ThemeAnalysis.Analyze(ResponseFile.Valid(context, reader!), taxonomy, options);
            if ((reader!.Failure ?? reader.EmptyFile) is { } problem)
            {
                return context.InvalidInput(problem.Message);
            }

            var document = ThemeAnalysisDocument.From(analysis, reader.Rejected);
            if (format == "json")
            {
                Json.Write(context.Out, document);
            }
            else
            {
                WriteTable(context.Out, document, analysis);
            }

            return ExitCodes.Success;
        }
    }

    private static string PValue(double p) => p < 0.0001 ? "<0.0001" : p.ToString("0.####", CultureInfo.InvariantCulture);

    private static void WriteTable(TextWriter writer, ThemeAnalysisDocument document, ThemeAnalysis analysis)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{document.Commented.Count:N0} of {document.Responses.Count:N0} responses have a comment; {document.CommentsWithTheme:N0} mention a theme. Impact: NPS of mentions minus NPS of {document.Baseline}{(analysis.Weighted ? " (weighted where tested: inclusion probabilities differ)" : "")}."));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Impacts tested for themes with at least {analysis.MinimumMentions} mentions ({analysis.ImpactsTested} of {analysis.Themes.Count}); adjusted p: Benjamini–Hochberg across them."));
        var table = new TextTable("theme", "mentions", "negated", "share", "promoters", "passives", "detractors", "NPS with", "NPS without", "impact", "p-value", "adjusted p");
        foreach (var theme in document.Themes.OrderByDescending(t => t.Mentions.Count))
        {
            var result = analysis[theme.Id];
            table.Add(
                theme.Name,
                theme.Mentions.Count.ToString(CultureInfo.InvariantCulture),
                result.NegatedMentions.Count.ToString(CultureInfo.InvariantCulture),
                theme.ShareOfComments.ToString("0.0%", CultureInfo.InvariantCulture),
                theme.Mentions.Promoters.ToString(CultureInfo.InvariantCulture),
                theme.Mentions.Passives.ToString(CultureInfo.InvariantCulture),
                theme.Mentions.Detractors.ToString(CultureInfo.InvariantCulture),
                Signed(result.ImpactIsWeighted ? result.Impact!.Value.ScoreA : theme.Mentions.Nps),
                Signed(result.ImpactIsWeighted ? result.Impact!.Value.ScoreB : theme.Others.Nps),
                result.Impact is null ? "not tested" : Signed(result.Impact.Value.Difference),
                result.Impact is { } i ? PValue(i.PValue) : "",
                result.AdjustedPValue is { } q ? PValue(q) + (result.IsSignificant ? " *" : "") : "");
        }

        table.Write(writer);
        foreach (var theme in document.Themes.Where(t => t.Examples.Count > 0))
        {
            writer.WriteLine();
            writer.WriteLine($"{theme.Name}:");
            foreach (var example in theme.Examples)
            {
                writer.WriteLine($"  {example.Rating,2}  {example.Comment.ReplaceLineEndings(" / ")}");
            }
        }
    }

    private static string Signed(double? value) => value?.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) ?? "";
}
