using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;

/// <summary>
/// A running host for a load kit: a minimal host in the kit's own process, or the built web sample as a child process
/// on a free loopback port (its process, so a kit can read its memory from <c>/proc</c>).
/// </summary>
sealed class SampleHost(string address, WebApplication? app, Process? process) : IAsyncDisposable
{
    public string Address => address;

    /// <summary>The web sample's process, or null when the host runs in this process.</summary>
    public Process? Process => process;

    /// <summary>
    /// Starts the web sample (its built dll) on a free loopback port with <paramref name="environment"/> and waits until
    /// <c>/healthz/ready</c> answers 2xx (polled, at most <paramref name="readyWithin"/>), or the process exits.
    /// </summary>
    public static async Task<SampleHost> StartAsync(string dll, IReadOnlyDictionary<string, string> environment, TimeSpan? readyWithin = null)
    {
        string address;
        using (var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            address = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        }

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll))!, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.GetFullPath(dll), "--urls", address }) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var process = Process.Start(start)!;
        // Drained so a full pipe never blocks the sample; the last lines are kept to say why it did not start.
        var log = new Queue<string>();
        void Keep(object _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (log)
            {
                log.Enqueue(e.Data);
                if (log.Count > 40) log.Dequeue();
            }
        }

        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new SampleHost(address, null, process);
        using var probe = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(5) };
        var until = Stopwatch.GetTimestamp() + (long)((readyWithin ?? TimeSpan.FromMinutes(2)).TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until && !process.HasExited)
        {
            try
            {
                using var ready = await probe.GetAsync("/healthz/ready");
                if (ready.IsSuccessStatusCode) return host;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        await host.DisposeAsync();
        string[] last;
        lock (log) last = [.. log];
        throw new InvalidOperationException($"The web sample did not get ready at {address}. Its last lines:\n{string.Join('\n', last)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (process is not null)
        {
            if (!process.HasExited) process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }
}
