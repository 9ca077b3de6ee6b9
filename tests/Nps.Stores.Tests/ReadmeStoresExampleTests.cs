using Microsoft.Data.Sqlite;
using Nps.Intake;
using Nps.Sampling;
using Nps.Sqlite;
using Nps.Touchpoints;

namespace Nps.Stores.Tests;

/// <summary>Mirrors the code of docs/stores.md and src/Nps.Sqlite/README.md: keep them in step.</summary>
public sealed class ReadmeStoresExampleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nps-readme-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ReadmeExample_SqliteStores_DecideOnceAndTakeInAResponse()
    {
        var programOptions = new SurveyProgramOptions
        {
            SamplingKey = "bnBzLWNvcmUtdGVzdC1rZXktMDEyMzQ1Njc4OWFiY2RlZg==",
            Sampling = new() { Policies = [new SamplingPolicyOptions { Name = "all", Rate = 1 }] },
        };
        var touchpoint = new TouchpointEvent { CustomerId = "C-1001", EventId = "call-77", OccurredAt = DateTimeOffset.Parse("2026-03-14T10:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture) };
        var response = new SurveyResponse { ResponseId = "R-1", RespondentId = "C-1001", EventId = "call-77", Rating = NpsRating.From(3), RespondedAt = touchpoint.OccurredAt };
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(touchpoint.OccurredAt.AddHours(1));

        var stores = new SqliteNpsStores($"Data Source={Path.Combine(_folder, "nps.db")}"); // creates or migrates the schema
        var program = new SurveyProgram(programOptions, stores.Decisions, clock);
        var intake = new ResponseIntake(stores.Responses, stores.Ledger, timeProvider: clock);

        var decision = await program.DecideAsync(touchpoint, TestContext.Current.CancellationToken); // a retry of this customer + event returns the same decision
        var result = await intake.SubmitAsync(response, TestContext.Current.CancellationToken);       // Created, AlreadyStored, Conflict or Invalid (with the fields)

        Assert.IsType<InviteDecision>(decision);
        Assert.Equal(ResponseIntakeOutcome.Created, result.Outcome);
        Assert.Equal("fu-R-1", result.Stored!.FollowUpId);
    }
}
