using System.CommandLine;
using System.Globalization;

namespace Nps.Samples.Console.Commands;

/// <summary>
/// The options several commands share, with their checks built in: a bad value is a parse error, so the command
/// never runs and the exit code is 1 (usage error).
/// </summary>
internal static class CommonOptions
{
    /// <summary><c>--level</c>: a confidence level in (0, 1), 0.95 by default.</summary>
    public static Option<double> Level(string description)
    {
        var option = new Option<double>("--level") { Description = description, DefaultValueFactory = _ => 0.95 };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (!(value > 0 && value < 1))
            {
                result.AddError($"--level must be between 0 and 1 (exclusive), got {value.ToString(CultureInfo.InvariantCulture)}");
            }
        });
        return option;
    }

    /// <summary><c>--time-zone</c>: an IANA time zone, UTC by default.</summary>
    public static Option<string> TimeZone()
    {
        var option = new Option<string>("--time-zone") { Description = "IANA time zone whose calendar defines the periods.", DefaultValueFactory = _ => "UTC" };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(value, out _))
            {
                result.AddError($"--time-zone '{value}' is not a known IANA time zone (e.g. Europe/Amsterdam)");
            }
        });
        return option;
    }

    /// <summary><c>--min-n</c>: at least <paramref name="minimum"/>.</summary>
    public static Option<int> MinimumCount(string description, int minimum)
    {
        var option = new Option<int>("--min-n") { Description = description, DefaultValueFactory = _ => ReportCommand.DefaultMinimumCount };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < minimum)
            {
                result.AddError($"--min-n must be at least {minimum}, got {value}");
            }
        });
        return option;
    }

    /// <summary><c>--format</c> with the given choices; the first is the default.</summary>
    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => formats[0] };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    /// <summary><c>--skip-invalid</c>.</summary>
    public static Option<bool> SkipInvalid() =>
        new("--skip-invalid") { Description = "Skip invalid rows (each reported on stderr, and counted) instead of failing." };

    /// <summary>The zone of a validated <c>--time-zone</c>.</summary>
    public static TimeZoneInfo Zone(ParseResult parse, Option<string> timeZone) =>
        TimeZoneInfo.FindSystemTimeZoneById(parse.GetRequiredValue(timeZone));
}
