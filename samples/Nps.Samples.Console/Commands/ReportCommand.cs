using Nps.Serialization;
using System.CommandLine;
using System.Globalization;
using Nps.Samples.Console.Input;
using Nps.Samples.Console.Output;
using Nps.Samples.Console.Reporting;
using Nps.Segmentation;

namespace Nps.Samples.Console.Commands;

/// <summary>
/// <c>nps report &lt;file&gt;</c>: NPS with its confidence interval, overall and per segment and period, streamed
/// from a CSV or JSON Lines file.
/// </summary>
public static class ReportCommand
{
    /// <summary>The default minimum n (the library's): below 30 responses an NPS interval is wider than ±30 points.</summary>
    public const int DefaultMinimumCount = NpsReportOptions.DefaultMinimumCount;

    private const long ProgressEvery = 1_000_000;

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<FileInfo>("file") { Description = "Responses as CSV (comma or semicolon) or JSON Lines (.jsonl)." }.AcceptExistingOnly();
        var by = new Option<string?>("--by") { Description = "Dimensions to group by, comma-separated (any column other than the reserved ones), e.g. team,channel." };
        var period = CommonOptions.OptionalWire<Period>("--period", "Group by calendar period: day, week (ISO), month, quarter or year.");
        var timeZone = CommonOptions.TimeZone();
        var level = CommonOptions.Level("Confidence level of the intervals, in (0, 1).");
        var method = CommonOptions.Wire("--method", "Interval method.", IntervalMethod.AdjustedWald);
        var minN = CommonOptions.MinimumCount("Minimum responses for a cell to show a score (below it: not enough data).", 0);
        var format = CommonOptions.Format("table", "json", "csv");
        var skipInvalid = CommonOptions.SkipInvalid();
        var includeManual = new Option<bool>("--include-manual") { Description = "Count manual sends in the score (they are excluded by default)." };

        var command = new Command("report", "NPS with its confidence interval, overall and per segment and period.")
        {
            file, by, period, timeZone, level, method, minN, format, skipInvalid, includeManual,
        };
        command.SetAction(parse =>
        {
            var options = new NpsReportOptions
            {
                Dimensions = (parse.GetValue(by) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Period = parse.GetValue(period),
                TimeZone = CommonOptions.Zone(parse, timeZone),
                Level = parse.GetValue(level),
                IntervalMethod = parse.GetValue(method),
                MinimumCount = parse.GetValue(minN),
                IncludeManualSends = parse.GetValue(includeManual),
            };
            return Run(context, parse.GetRequiredValue(file).FullName, options, parse.GetValue(skipInvalid), parse.GetRequiredValue(format));
        });
        return command;
    }

    private static int Run(CliContext context, string path, NpsReportOptions options, bool skipInvalid, string format)
    {
        foreach (var dimension in options.Dimensions)
        {
            if (ResponseColumns.Reserved.Contains(dimension) || dimension.Equals("period", StringComparison.OrdinalIgnoreCase))
            {
                return context.UsageError($"--by {dimension}: '{dimension}' is not a dimension (use --period for periods)");
            }
        }

        if (options.Dimensions.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Dimensions.Count)
        {
            return context.UsageError("--by names a dimension twice");
        }

        if (!RecordReaders.TryOpen(path, out var records, out var openError))
        {
            return context.InvalidInput(openError.Message);
        }

        using (records)
        {
            var headerKnown = records!.Columns.Count > 0; // CSV: the header is read; JSON Lines: keys appear as read
            if (headerKnown && records.IndexOf(ResponseColumns.Rating) < 0)
            {
                return context.InvalidInput(new InputError(1, null, "the header has no 'rating' column").Message);
            }

            if (headerKnown && UnknownDimension(records, options) is { } unknown)
            {
                return context.UsageError($"--by {unknown}: the file has no column '{unknown}'; dimensions: {string.Join(", ", Dimensions(records))}");
            }

            var builder = new NpsReportBuilder(options);
            var columns = new int[options.Dimensions.Count];
            var values = new string?[options.Dimensions.Count];
            var responses = new ResponseReader(records, requireTimestamp: options.Period is not null);
            long rows = 0, rejected = 0, clampedWeights = 0;
            foreach (var (row, error) in responses.Read())
            {
                rows++;
                if (context.ShowProgress && rows % ProgressEvery == 0)
                {
                    context.Error.Write($"\rread {rows:N0} rows…");
                }

                if (error is { } problem)
                {
                    if (!skipInvalid)
                    {
                        ClearProgress(context, rows);
                        return context.InvalidInput(problem.Message);
                    }

                    rejected++;
                    context.Error.WriteLine($"skipped: {problem.Message}");
                    continue;
                }

                for (var i = 0; i < values.Length; i++)
                {
                    // JSON Lines keys can first appear on any row, so the index is looked up until found.
                    if (columns[i] <= 0)
                    {
                        columns[i] = records.IndexOf(options.Dimensions[i]) + 1;
                    }

                    values[i] = row.Record[columns[i] - 1] is { Length: > 0 } value ? value : null;
                }

                // The library takes inclusion probabilities (weight = 1/p >= 1); a smaller weight counts as 1.
                clampedWeights += row.Weight < 1 ? 1 : 0;
                builder.Add(row.RespondedAt ?? default, NpsRating.From(row.Rating), values, Math.Min(1, row.InclusionProbability), row.Manual);
            }

            ClearProgress(context, rows);
            if (rows == 0 && records.Columns.Count == 0)
            {
                return context.InvalidInput(new InputError(1, null, "the file is empty").Message);
            }

            if (UnknownDimension(records, options) is { } missing)
            {
                return context.UsageError($"--by {missing}: no record has the key '{missing}'");
            }

            if (rejected > 0)
            {
                context.Error.WriteLine($"rejected {rejected:N0} invalid row{(rejected == 1 ? "" : "s")} of {rows:N0}");
            }

            if (clampedWeights > 0)
            {
                context.Error.WriteLine($"note: {clampedWeights:N0} row{(clampedWeights == 1 ? "" : "s")} had a weight below 1; design weights are 1 / inclusion probability, so they were counted with weight 1");
            }

            var document = NpsReportDocument.From(builder.Build(), rejected);
            switch (format)
            {
                case "json":
                    Json.Write(context.Out, document);
                    break;
                case "csv":
                    ReportWriters.WriteCsv(context.Out, document, options);
                    break;
                default:
                    ReportWriters.WriteTable(context.Out, document, options);
                    break;
            }

            return ExitCodes.Success;
        }
    }

    private static string? UnknownDimension(IRecordReader records, NpsReportOptions options) =>
        options.Dimensions.FirstOrDefault(d => records.IndexOf(d) < 0);

    private static IEnumerable<string> Dimensions(IRecordReader records) =>
        records.Columns.Where(c => !ResponseColumns.Reserved.Contains(c));

    private static void ClearProgress(CliContext context, long rows)
    {
        if (context.ShowProgress && rows >= ProgressEvery)
        {
            context.Error.Write("\r" + new string(' ', 40) + "\r");
        }
    }
}
