using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Nps.Serialization;

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
            if (!NormalDistribution.IsConfidenceLevel(value))
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
                result.AddError($"--min-n {value}: The minimum count must be at least {minimum}.");
            }
        });
        return option;
    }

    /// <summary><c>--format</c> with the given choices (case-insensitive); the first is the default.</summary>
    public static Option<string> Format(params string[] formats) => Choice("--format", "Output format.", formats);

    /// <summary>
    /// An option whose value is one of <paramref name="choices"/>, case-insensitive (<c>--format JSON</c> is
    /// <c>json</c>); the value is the choice as listed; the first is the default.
    /// </summary>
    public static Option<string> Choice(string name, string description, params string[] choices)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            DefaultValueFactory = _ => choices[0],
            HelpName = string.Join('|', choices),
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (choices.FirstOrDefault(c => string.Equals(c, text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } choice) return choice;
                result.AddError($"{name} '{text}' is not one of {string.Join(", ", choices)}");
                return choices[0];
            },
        };
        option.CompletionSources.Add(choices);
        return option;
    }

    /// <summary>
    /// An option whose value is a member of <typeparamref name="T"/> by its wire name (<see cref="WireNames"/>),
    /// case-insensitive: <c>--period Quarter</c> and <c>--period quarter</c> are the same.
    /// </summary>
    public static Option<T> Wire<T>(string name, string description, T defaultValue)
        where T : struct, Enum
    {
        var option = new Option<T>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => ParseWire<T>(name, result),
            HelpName = string.Join('|', WireNames.All<T>()),
        };
        option.CompletionSources.Add(WireNames.All<T>().ToArray());
        return option;
    }

    /// <summary>As <see cref="Wire{T}(string, string, T)"/>, for an option that may be absent.</summary>
    public static Option<T?> OptionalWire<T>(string name, string description)
        where T : struct, Enum
    {
        var option = new Option<T?>(name)
        {
            Description = description,
            CustomParser = result => ParseWire<T>(name, result),
            HelpName = string.Join('|', WireNames.All<T>()),
        };
        option.CompletionSources.Add(WireNames.All<T>().ToArray());
        return option;
    }

    private static T ParseWire<T>(string name, ArgumentResult result)
        where T : struct, Enum
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (WireNames.TryParse(text, out T value)) return value;
        result.AddError($"{name} '{text}' is not {WireNames.Describe<T>()}");
        return default;
    }

    /// <summary>
    /// A file argument or option that must name a readable file: a missing path, a directory or a file that cannot be
    /// opened is a usage error naming the path (instead of an exception when the command opens it). With
    /// <paramref name="standardInput"/>, <c>-</c> names standard input.
    /// </summary>
    public static T ReadableFile<T>(this T symbol, bool standardInput = false)
        where T : Symbol
    {
        Action<SymbolResult> check = result =>
        {
            foreach (var token in result.Tokens)
            {
                if (standardInput && token.Value == CliContext.StandardInputPath) continue;
                if (ReadableFileProblem(token.Value) is { } problem) result.AddError(problem);
            }
        };
        switch (symbol)
        {
            case Argument argument:
                argument.Validators.Add(check);
                break;
            case Option option:
                option.Validators.Add(check);
                break;
        }

        return symbol;
    }

    /// <summary>Why <paramref name="path"/> cannot be read as a file, or null when it can.</summary>
    internal static string? ReadableFileProblem(string path)
    {
        if (Directory.Exists(path)) return $"'{path}' is a directory, not a file";
        if (!File.Exists(path)) return $"file '{path}' does not exist";
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read '{path}': {e.Message}";
        }
    }

    /// <summary>
    /// <c>--input-format auto|csv|jsonl</c>, on every command: how the inputs are read; <c>auto</c> goes by the
    /// extension (<c>.jsonl</c>, <c>.ndjson</c>: JSON Lines) and reads standard input and names without one as CSV,
    /// so <c>cat f.jsonl | nps report - --input-format jsonl</c> names the format a pipe cannot.
    /// </summary>
    public static Option<string> InputFormat()
    {
        var option = Choice("--input-format", "How inputs are read: by extension (auto), CSV, or JSON Lines; standard input and pipes are CSV under auto.", "auto", "csv", "jsonl");
        option.Recursive = true;
        return option;
    }

    /// <summary>The format a validated <c>--input-format</c> value names, or <see langword="null"/> for <c>auto</c>.</summary>
    public static Nps.Data.DataFormat? InputFormatOf(string? value) => value switch
    {
        "csv" => Nps.Data.DataFormat.Csv,
        "jsonl" => Nps.Data.DataFormat.JsonLines,
        _ => null,
    };

    /// <summary>
    /// <c>--column meaning=name</c>, repeatable, on every command: reads the user's column <c>name</c> as
    /// <c>meaning</c> (<c>--column rating=score --column responded_at=date</c>), so a file is read without renaming.
    /// </summary>
    public static Option<string[]> ColumnNames()
    {
        var option = new Option<string[]>("--column")
        {
            Description = "A column under the file's own name, as meaning=name (e.g. rating=score); repeat for more.",
            Recursive = true,
            Arity = ArgumentArity.ZeroOrMore,
            HelpName = "meaning=name",
        };
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                var parts = token.Value.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                {
                    result.AddError($"--column '{token.Value}' is not meaning=name (e.g. rating=score)");
                }
            }
        });
        return option;
    }

    /// <summary>The mapping of validated <c>--column</c> values.</summary>
    public static IReadOnlyDictionary<string, string> ColumnNamesOf(string[]? values)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values ?? [])
        {
            var parts = value.Split('=', 2, StringSplitOptions.TrimEntries);
            map[parts[0]] = parts[1];
        }

        return map;
    }

    /// <summary><c>--skip-invalid</c>.</summary>
    public static Option<bool> SkipInvalid() =>
        new("--skip-invalid") { Description = "Skip invalid rows (each reported on stderr, and counted) instead of failing." };

    /// <summary>The zone of a validated <c>--time-zone</c>.</summary>
    public static TimeZoneInfo Zone(ParseResult parse, Option<string> timeZone) =>
        TimeZoneInfo.FindSystemTimeZoneById(parse.GetRequiredValue(timeZone));
}
