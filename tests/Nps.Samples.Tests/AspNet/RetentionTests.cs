using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nps.Intake;

namespace Nps.Samples.Tests.AspNet;

/// <summary>
/// <c>Nps:Retention:Responses</c> in the sample: the background pass erases the seeded responses past their keeping time
/// once start-up is ready, the NPS report keeps counting them (from the rollups), and themes start at the cutoff.
/// </summary>
public sealed class RetentionTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly string _seed = Path.Combine(Path.GetTempPath(), $"nps-retention-seed-{Guid.NewGuid():N}.csv");

    public RetentionTests()
    {
        static string At(int daysAgo) => NpsApiFactory.Now.AddDays(-daysAgo).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        File.WriteAllText(_seed, $"""
            response_id,customer_id,responded_at,rating,team,comment
            R-old-1,cust-RT-old,{At(100)},9,Billing,Snel geholpen
            R-old-2,cust-RT-old,{At(60)},10,Billing,Snel geholpen
            R-new-1,cust-RT-new,{At(1)},9,Billing,Snel geholpen

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_ResponsesPastTheirKeepingTime_ErasedReportKeepsCountingThemThemesStartAtTheCutoff()
    {
        var token = TestContext.Current.CancellationToken;
        var pass = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var factory = new NpsApiFactory(_database.Path, builder =>
        {
            builder.UseSetting("Nps:SeedFile", _seed);
            builder.UseSetting("Nps:Retention:Responses", "30.00:00:00");
            builder.UseSetting("Logging:LogLevel:Nps.AspNetCore.Hosting.NpsRetentionService", "Information");
            builder.ConfigureLogging(logging => logging.AddProvider(new PassSignal(pass)));
        });
        using var client = factory.CreateClient(NpsApiFactory.AnalystKey);

        var logged = await pass.Task.WaitAsync(TimeSpan.FromMinutes(2), token); // a bound on a hang, not a speed target
        await factory.Services.GetRequiredService<Nps.AspNetCore.Hosting.NpsThemeMatching>().WhenCurrentAsync(token); // the seed's comments, matched in the background
        using var report = await client.GetAsync("/api/reports/nps?includeUnsolicited=true", token);
        using var themes = await client.GetAsync("/api/insights/themes?includeUnsolicited=true", token);

        Assert.Equal("Retention pass: 2 responses and follow-ups, 0 contact rows removed; finished: True.", logged);
        var store = factory.Services.GetRequiredService<IResponseStore>();
        Assert.Empty(await store.ListByRespondentAsync("cust-RT-old", token));
        Assert.NotNull(await store.FindAsync("R-new-1", token));
        Assert.Equal(3, (await report.ReadJsonAsync()).GetProperty("overall").GetProperty("count").GetInt64());
        Assert.Equal(1, (await themes.ReadJsonAsync()).GetProperty("commented").GetProperty("count").GetInt64());
    }

    public void Dispose()
    {
        _database.Dispose();
        File.Delete(_seed);
    }

    /// <summary>Completes with the first retention pass's log line.</summary>
    private sealed class PassSignal(TaskCompletionSource<string> pass) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name == "RetentionPass") pass.TrySetResult(formatter(state, exception));
        }

        public void Dispose()
        {
        }
    }
}
