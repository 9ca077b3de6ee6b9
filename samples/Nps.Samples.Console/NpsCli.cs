using System.CommandLine;
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
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool showProgress = false)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var context = new CliContext(stdout, stderr, showProgress);
        var root = new RootCommand("nps: Net Promoter reports with their uncertainty, sample planning, survey-program simulation and the closed loop.")
        {
            ReportCommand.Create(context),
            PlanCommand.Create(context),
            SimulateCommand.Create(context),
            InsightsCommand.Create(context),
            ThemesCommand.Create(context),
            FollowUpsCommand.Create(context),
            HuddleCommand.Create(context),
            AmbitionCommand.Create(context),
            GenerateSampleDataCommand.Create(context),
        };
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        return root.Parse(args).Invoke(configuration);
    }
}
