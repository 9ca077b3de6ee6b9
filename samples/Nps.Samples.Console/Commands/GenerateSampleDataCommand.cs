using System.CommandLine;
using Nps.Samples.Console.SampleData;

namespace Nps.Samples.Console.Commands;

/// <summary><c>nps generate-sample-data --out samples/data --seed 42</c>: rewrites the bundled data set.</summary>
public static class GenerateSampleDataCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write the files into.", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("samples", "data")) };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed writes identical files.", DefaultValueFactory = _ => 42 };
        var command = new Command("generate-sample-data", "Write the synthetic data set (a year of responses, a month of touchpoint events, a JSON Lines extract).")
        {
            output,
            seed,
        };
        command.SetAction(parse =>
        {
            var directory = parse.GetRequiredValue(output);
            foreach (var path in new SampleDataGenerator(parse.GetValue(seed)).WriteTo(directory.FullName))
            {
                context.Out.WriteLine($"wrote {path} ({new FileInfo(path).Length:N0} bytes)");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
