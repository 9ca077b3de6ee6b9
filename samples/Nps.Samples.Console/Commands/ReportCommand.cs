using Nps.Serialization;
using System.CommandLine;
using System.Globalization;
using Nps.Data;
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

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<FileInfo>("file") { Description = "Responses as CSV (comma or semicolon) or JSON Lines (.jsonl)." }.ReadableFile(standardInput: true);
        var by = new Option<string?>("--by") { Description = "Dimensions to group by, comma-separated (any column other than the reserved ones), e.g. team,channel." };
        var period = CommonOptions.OptionalWire<Period>("--period", "Group by calendar period: day, week (ISO), month, quarter or year.");
        var timeZone = CommonOptions.TimeZone();
        var level = CommonOptions.Level("Confidence level of the intervals, in (0, 1).");
        var method = CommonOptions.Wire("--method", "Interval method.", IntervalMethod.AdjustedWald);
        var minN = CommonOptions.MinimumCount("Minimum responses for a cell to show a score (below it: not enough data).", 1);
        var format = CommonOptions.Format("table", "json", "csv");
        var skipInvalid = CommonOptions.SkipInvalid();
        var includeManual = new Option<bool>("--include-manual") { Description = "Count manual sends in the score (they are excluded by default)." };
        var includeUnsolicited = new Option<bool>("--include-unsolicited") { Description = "Count unsolicited responses (that matched no invitation) in the score (they are excluded by default)." };
        var threads = new Option<int>("--threads") { Description = "Threads that read the file (a UTF-8 CSV is split at record boundaries); all cores by default.", DefaultValueFactory = _ => Environment.ProcessorCount };
        threads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"--threads must be at least 1, got {result.GetValueOrDefault<int>()}");
            }
        });

        var command = new Command("report", "NPS with its confidence interval, overall and per segment and period.")
        {
            file, by, period, timeZone, level, method, minN, format, skipInvalid, includeManual, includeUnsolicited, threads,
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
                IncludeManual = parse.GetValue(includeManual),
                IncludeUnsolicited = parse.GetValue(includeUnsolicited),
            };
            return Run(context, CliContext.InputPath(parse.GetRequiredValue(file)), options, parse.GetValue(skipInvalid), parse.GetRequiredValue(format), parse.GetValue(threads));
        });
        return command;
    }

    private static int Run(CliContext context, string path, NpsReportOptions options, bool skipInvalid, string format, int threads)
    {
        foreach (var dimension in options.Dimensions)
        {
            if (ResponseColumns.IsReserved(dimension) || dimension.Equals("period", StringComparison.OrdinalIgnoreCase))
            {
                return context.UsageError($"--by {dimension}: '{dimension}' is not a dimension (use --period for periods)");
            }
        }

        if (options.Dimensions.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Dimensions.Count)
        {
            return context.UsageError("--by names a dimension twice");
        }

        try
        {
            _ = new NpsReportBuilder(options); // the library's own checks of the options, as a usage error
        }
        catch (ArgumentException e)
        {
            return context.UsageError(LibraryMessage(e));
        }

        var readOptions = new DataReaderOptions { SkipInvalid = skipInvalid, ColumnNames = context.ColumnNames };
        var opened = context.OpensAsStream(path)
            ? NpsReportReader.TryOpen(context.OpenStream(path), context.FormatOf(path), readOptions, out var reader, out var openError)
            : NpsReportReader.TryOpen(path, readOptions, out reader, out openError);
        if (!opened)
        {
            return context.InvalidInput(openError.Message);
        }

        using (reader)
        {
            var headerKnown = reader!.Columns.Count > 0; // CSV: the header is read; JSON Lines: keys appear as read
            if (headerKnown && options.Dimensions.FirstOrDefault(d => !reader.HasColumn(d)) is { } unknown)
            {
                return context.UsageError($"--by {unknown}: the file has no column '{unknown}'; dimensions: {string.Join(", ", reader.Columns.Where(c => !ResponseColumns.IsReserved(c)))}");
            }

            var result = ReadShowingProgress(context, path, reader, options, threads);
            if (result.Failure is { } failure)
            {
                return context.InvalidInput(failure.Message);
            }

            if (result.Records == 0 && result.Columns.Count == 0)
            {
                return context.InvalidInput(new DataError(1, null, "the file is empty").Message);
            }

            if (options.Dimensions.FirstOrDefault(d => !reader.HasColumn(d)) is { } missing)
            {
                return context.UsageError($"--by {missing}: no record has the key '{missing}'");
            }

            var rejected = result.Rejected;
            if (rejected > 0)
            {
                context.Error.WriteLine($"rejected {rejected:N0} invalid row{(rejected == 1 ? "" : "s")} of {result.Records:N0}");
            }

            if (result.WeightsBelowOne > 0)
            {
                context.Error.WriteLine($"note: {result.WeightsBelowOne:N0} row{(result.WeightsBelowOne == 1 ? "" : "s")} had a weight below 1; design weights are 1 / inclusion probability, so they were counted with weight 1");
            }

            var document = NpsReportDocument.From(result.Report!, rejected);
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

    /// <summary>Reads the report; on a terminal with a progress line polled from <see cref="NpsReportReader.BytesRead"/>.</summary>
    private static NpsReportReadResult ReadShowingProgress(CliContext context, string path, NpsReportReader reader, NpsReportOptions options, int threads)
    {
        Action<DataError> skipped = problem => context.Error.WriteLine($"skipped: {problem.Message}");
        var length = path == CliContext.StandardInputPath ? 0 : new FileInfo(path).Length; // a pipe's length is 0: no progress
        if (!context.ShowProgress || length == 0)
        {
            return reader.Read(options, skipped, threads);
        }

        var progress = new ReadProgress(context.Error, Path.GetFileName(path), length, TimeProvider.System);
        var gate = new object();
        var period = ReadProgress.Interval + TimeSpan.FromMilliseconds(50);
        var timer = new Timer(_ =>
        {
            lock (gate) progress.Report(reader.BytesRead);
        }, null, period, period);
        try
        {
            return reader.Read(options, problem =>
            {
                lock (gate)
                {
                    progress.Clear();
                    skipped(problem);
                }
            }, threads);
        }
        finally
        {
            using (var stopped = new ManualResetEvent(false))
            {
                if (timer.Dispose(stopped)) stopped.WaitOne();
            }

            progress.Clear();
        }
    }

    /// <summary>The library's message without the parameter and value lines .NET appends.</summary>
    private static string LibraryMessage(ArgumentException e)
    {
        var message = e.Message.Split('\n')[0].TrimEnd();
        var suffix = $" (Parameter '{e.ParamName}')";
        return message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
    }
}
