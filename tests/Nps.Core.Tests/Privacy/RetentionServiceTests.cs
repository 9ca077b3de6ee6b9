using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Nps.AspNetCore;
using Nps.Intake;
using Nps.Segmentation;
using Nps.Tests.Sampling;

namespace Nps.Tests.Privacy;

/// <summary>The retention pass <c>AddNpsWeb</c> hosts: it runs once start-up is ready, erases what is past <c>Nps:Retention</c>, and logs counts, never ids.</summary>
public sealed class RetentionServiceTests
{
    private const string OldCustomer = "cust-RT-7Q4X";

    [Fact]
    public async Task RetentionService_ResponsesPastTheirKeepingTime_ErasedCountsKeptLoggedWithoutIds()
    {
        var token = TestContext.Current.CancellationToken;
        var logs = new PassLoggerProvider();
        using var host = Build(logs, new() { ["Nps:Retention:Responses"] = "30.00:00:00" });
        var intake = host.Services.GetRequiredService<ResponseIntake>();
        foreach (var (id, customer, daysAgo) in new[] { ("R-old-1", OldCustomer, 100), ("R-old-2", OldCustomer, 40), ("R-new-1", "cust-new", 2) })
        {
            var response = new SurveyResponse { ResponseId = id, RespondentId = customer, Rating = NpsRating.From(9), RespondedAt = TestProgram.Start.AddDays(-daysAgo), Team = "support" };
            Assert.Equal(ResponseIntakeOutcome.Created, (await intake.SubmitAsync(response, token)).Outcome);
        }

        await host.StartAsync(token);
        var pass = await logs.FirstPass.Task.WaitAsync(token);
        await host.StopAsync(token);

        Assert.Equal("Retention pass: 2 responses and follow-ups, 0 contact rows removed; finished: True.", pass);
        var store = host.Services.GetRequiredService<IResponseStore>();
        Assert.Empty(await store.ListByRespondentAsync(OldCustomer, token));
        Assert.NotNull(await store.FindAsync("R-new-1", token));
        long counted = 0;
        await foreach (var row in host.Services.GetRequiredService<INpsCountSource>().CountAsync(new NpsCountQuery { Dimensions = ["team"] }, token)) counted += row.Count;
        Assert.Equal(3, counted); // the counts outlive the rows
        Assert.DoesNotContain(logs.Lines, line => line.Contains(OldCustomer, StringComparison.Ordinal) || line.Contains("R-old", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetentionService_NothingConfigured_LogsOffAndErasesNothing()
    {
        var token = TestContext.Current.CancellationToken;
        var logs = new PassLoggerProvider();
        using var host = Build(logs, []);
        var response = new SurveyResponse { ResponseId = "R-old-1", RespondentId = OldCustomer, Rating = NpsRating.From(9), RespondedAt = TestProgram.Start.AddDays(-1000) };
        await host.Services.GetRequiredService<ResponseIntake>().SubmitAsync(response, token);

        await host.StartAsync(token);
        var off = await logs.Off.Task.WaitAsync(token);
        await host.StopAsync(token);

        Assert.StartsWith("Retention is off", off, StringComparison.Ordinal);
        Assert.False(logs.FirstPass.Task.IsCompleted);
        Assert.NotNull(await host.Services.GetRequiredService<IResponseStore>().FindAsync("R-old-1", token));
    }

    private static IHost Build(PassLoggerProvider logs, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Nps:SamplingKey"] = TestProgram.Key,
            ["Nps:Sampling:Policies:0:Name"] = "all",
            ["Nps:Sampling:Policies:0:Rate"] = "1",
        });
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestProgram.Start));
        builder.Services.AddNps(builder.Configuration.GetSection("Nps")).AddNpsWeb();
        return builder.Build();
    }

    /// <summary>Keeps every line and signals the retention service's first pass and its "off" line.</summary>
    private sealed class PassLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public TaskCompletionSource<string> FirstPass { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<string> Off { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(PassLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = formatter(state, exception);
                provider.Lines.Enqueue($"{line} {exception}");
                if (eventId.Name == "RetentionPass") provider.FirstPass.TrySetResult(line);
                if (eventId.Name == "RetentionOff") provider.Off.TrySetResult(line);
            }
        }
    }
}
