using System.CommandLine;
using System.CommandLine.Parsing;
using Nps.Samples.Console.Commands;

namespace Nps.Samples.Console;

/// <summary>
/// The <c>nps</c> command-line tool. <see cref="Run"/> is the whole program, with its output writers passed in,
/// so tests run the real commands in-process.
/// </summary>
public static class NpsCli
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="args">The command-line arguments, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors, rejected rows and progress go.</param>
    /// <param name="showProgress">Whether to write progress for long runs (only when stderr is a terminal).</param>
    /// <param name="stdin">What a file argument <c>-</c> reads; the process's standard input when null.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool showProgress = false, Func<Stream>? stdin = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var context = new CliContext(stdout, stderr, showProgress) { OpenStandardInput = stdin ?? System.Console.OpenStandardInput };
        var root = new RootCommand("nps: Net Promoter reports with their uncertainty, sample planning, survey-program simulation and the closed loop.")
        {
            ReportCommand.Create(context),
            PlanCommand.Create(context),
            SimulateCommand.Create(context),
            InsightsCommand.Create(context),
            CalibrateCommand.Create(context),
            ThemesCommand.Create(context),
            FollowUpsCommand.Create(context),
            HuddleCommand.Create(context),
            AmbitionCommand.Create(context),
            GenerateSampleDataCommand.Create(context),
        };
        var columns = CommonOptions.ColumnNames();
        root.Options.Add(columns);
        var inputFormat = CommonOptions.InputFormat();
        root.Options.Add(inputFormat);
        var parse = root.Parse(args);
        if (parse.CommandResult.Command == root && parse.UnmatchedTokens.Count > 0 && !parse.UnmatchedTokens[0].StartsWith('-'))
        {
            stderr.WriteLine($"error: unknown command '{parse.UnmatchedTokens[0]}'; the commands are {string.Join(", ", root.Subcommands.Select(c => c.Name))}. Run 'nps --help' for usage.");
            return ExitCodes.UsageError;
        }

        if (parse.Errors.Count > 0)
        {
            // One line with the first problem and where to look, instead of the whole help (which would land in
            // a redirected result file when written to stdout).
            var message = string.Join(' ', parse.Errors[0].Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            stderr.WriteLine($"error: {message}{(message.EndsWith('.') ? "" : ".")} Run '{CommandPath(parse.CommandResult)} --help' for usage.");
            return ExitCodes.UsageError;
        }

        context.ColumnNames = CommonOptions.ColumnNamesOf(parse.GetValue(columns));
        context.InputFormat = CommonOptions.InputFormatOf(parse.GetValue(inputFormat));
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        return parse.Invoke(configuration);
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult command)
            {
                names.Add(command.Command is RootCommand ? "nps" : command.Command.Name);
            }
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
