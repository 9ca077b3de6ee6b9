using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Nps.Samples.Tests.AspNet;

/// <summary>
/// The web sample as a real process (<c>dotnet Nps.Samples.AspNet.dll</c>) with the sample project as its content
/// root, so its appsettings and wwwroot are the shipped ones. Killed (this process only) on dispose.
/// </summary>
internal sealed partial class SampleProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SampleProcess(IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ProjectDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(OutputDirectory, "Nps.Samples.AspNet.dll"));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(ProjectDirectory);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" }) start.Environment.Remove(name);
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Received(e.Data);
        process.ErrorDataReceived += (_, e) => Received(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The sample exited ({process.ExitCode}):\n{Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>samples/Nps.Samples.AspNet.</summary>
    public static string ProjectDirectory { get; } = Path.Combine(FindRoot(), "samples", "Nps.Samples.AspNet");

    /// <summary>The sample's build output for the configuration and framework these tests were built with.</summary>
    public static string OutputDirectory
    {
        get
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(ProjectDirectory, "bin", here.Parent!.Name, here.Name);
        }
    }

    /// <summary>Everything the process wrote so far.</summary>
    public string Output
    {
        get
        {
            lock (output) return string.Join('\n', output);
        }
    }

    /// <summary>The process, for its exit code.</summary>
    public Process Process => process;

    /// <summary>Starts the sample; the caller waits with <see cref="ListeningAsync"/> or <see cref="Process"/>.</summary>
    public static SampleProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments) => new(environment, arguments);

    /// <summary>The first address the server reports (Kestrel's "Now listening on:"), within 60 s.</summary>
    public async Task<Uri> ListeningAsync(CancellationToken cancellationToken) =>
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);

    /// <summary>Waits (at most 60 s) for the process to end and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(CancellationToken cancellationToken)
    {
        await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
        process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null) return;
        lock (output) output.Add(line);
        if (ListeningLine().Match(line) is { Success: true } match) listening.TrySetResult(new Uri(match.Groups[1].Value));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nps.Core.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Nps.Core.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
