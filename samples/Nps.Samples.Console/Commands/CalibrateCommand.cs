using System.CommandLine;
using System.Globalization;
using Nps.Insights;
using Nps.Samples.Console.Output;

namespace Nps.Samples.Console.Commands;

/// <summary>
/// <c>nps calibrate --seeds 200 --seed 1</c>: the seeded calibration table of the sequential coaching signals
/// (<see cref="CoachingCalibration"/>): false alarms per 100 value-years, and detection within 3, 6 and 12 periods
/// for gaps of 10–25 points at 25, 50 and 100 responses a period.
/// </summary>
public static class CalibrateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seeds = new Option<int>("--seeds") { Description = "Simulated populations per line.", DefaultValueFactory = _ => 200 };
        var seed = new Option<int>("--seed") { Description = "The first seed (the same seed gives the same table).", DefaultValueFactory = _ => 1 };
        var command = new Command("calibrate", "How the coaching signals behave, by seeded simulation: false alarms per 100 value-years and detection delay by gap and n.")
        {
            seeds, seed,
        };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(seeds);
            if (count < 1) return context.InvalidInput($"--seeds must be at least 1; got {count}.");
            var rows = CoachingCalibration.Run(new CoachingSignalOptions(), count, parse.GetValue(seed));
            var table = new TextTable("signal", "n/month", "gap", "false alarms /100 value-years", "within 3", "within 6", "within 12");
            foreach (var row in rows)
            {
                table.Add(row.Kind, row.PerPeriod.ToString(CultureInfo.InvariantCulture), row.Gap == 0 ? "none" : row.Gap.ToString("0", CultureInfo.InvariantCulture),
                    row.Gap == 0 ? row.FalseAlarmsPer100ValueYears.ToString("0.00", CultureInfo.InvariantCulture) : "",
                    Share(row.WithinThree), Share(row.WithinSix), Share(row.WithinTwelve));
            }

            table.Write(context.Out);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Share(double share) => double.IsNaN(share) ? "" : share.ToString("0 %", CultureInfo.InvariantCulture);
}
