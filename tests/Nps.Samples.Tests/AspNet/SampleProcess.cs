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

    /// <summary>The first address the server reports (Kestrel's "Now listening on:"), within <see cref="ReadyBound"/>.</summary>
    public async Task<Uri> ListeningAsync(CancellationToken cancellationToken) =>
        await listening.Task.WaitAsync(ReadyBound, cancellationToken);

    /// <summary>
    /// Polls <paramref name="path"/> (default <c>/healthz/ready</c>: stores open, seed file loaded) until it answers 200.
    /// The bound is generous on purpose: a loaded 2-core machine may take minutes to start and seed, and a test must
    /// wait for the signal, not for a guess. Fails at once if the process exits.
    /// </summary>
    public async Task<Uri> ReadyAsync(CancellationToken cancellationToken, string path = "/healthz/ready")
    {
        var address = await ListeningAsync(cancellationToken);
        await WaitForAsync(new Uri(address, path), () => process.HasExited ? $"The sample exited ({process.ExitCode}):\n{Output}" : null, cancellationToken);
        return address;
    }

    /// <summary>Polls <paramref name="condition"/> (bounded by <see cref="ReadyBound"/>, 100 ms apart); fails at once if the process exits.</summary>
    public async Task UntilAsync(Func<bool> condition, string what, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        while (!condition())
        {
            if (process.HasExited) throw new InvalidOperationException($"The sample exited ({process.ExitCode}) before {what}:\n{Output}");
            if (elapsed.Elapsed > ReadyBound) throw new TimeoutException($"Not within {ReadyBound}: {what}.\n{Output}");
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>How long readiness polling waits at most before it gives up.</summary>
    public static readonly TimeSpan ReadyBound = TimeSpan.FromMinutes(5);

    /// <summary>Polls <paramref name="probe"/> (bounded by <see cref="ReadyBound"/>, 100 ms apart) until it answers 200; <paramref name="failure"/> stops early with a reason.</summary>
    public static async Task WaitForAsync(Uri probe, Func<string?> failure, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var elapsed = Stopwatch.StartNew();
        string last = "no answer";
        while (elapsed.Elapsed < ReadyBound)
        {
            if (failure() is { } reason) throw new InvalidOperationException(reason);
            try
            {
                using var response = await client.GetAsync(probe, cancellationToken);
                if (response.StatusCode == System.Net.HttpStatusCode.OK) return;
                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
            catch (HttpRequestException exception)
            {
                last = exception.Message; // not listening yet
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"{probe} did not answer 200 within {ReadyBound}; last: {last}");
    }

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
