namespace Nps.AspNetCore.Hosting;

/// <summary>
/// Where the start-up work stands: the stores opened (schema created or migrated), then <c>Nps:SeedFile</c> loaded.
/// Both run in the background after the host listens, so <c>/healthz/live</c> answers at once while
/// <c>/healthz/ready</c> answers 503 with <see cref="Status"/> until <see cref="IsReady"/>.
/// </summary>
public sealed class NpsStartup
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string status = "Opening the stores.";

    /// <summary>True once the stores are open and the seed file (if any) is loaded.</summary>
    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    /// <summary>What start-up is doing or waiting for, in words (never personal data).</summary>
    public string Status => status;

    /// <summary>How many times opening the stores failed so far.</summary>
    public int FailedAttempts { get; private set; }

    /// <summary>Completes when the service is ready; faults when start-up failed for good (the host then stops).</summary>
    public Task WhenReady => ready.Task;

    internal void Failed(string reason)
    {
        FailedAttempts++;
        status = reason;
    }

    internal void Stage(string text) => status = text;

    internal void Fatal(Exception exception)
    {
        status = $"Start-up failed: {exception.GetType().Name}: {exception.Message}";
        ready.TrySetException(exception);
    }

    internal void Ready()
    {
        status = "Ready.";
        ready.TrySetResult();
    }
}
