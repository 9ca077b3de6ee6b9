using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Nps.Fatigue;
using Nps.Sampling;
using Nps.Serialization;
using Nps.Touchpoints;

namespace Nps.Tests.DependencyInjection;

/// <summary>Mirrors the code in docs/hosting.md: keep them in step.</summary>
public sealed class ReadmeHostingExampleTests
{
    [Fact]
    public async Task ReadmeExample_AddNpsInCode_DecidesWithTheKeyedDraw()
    {
        var samplingKey = Sampling.TestProgram.Key;

        var services = new ServiceCollection();
        services.AddNps(options => options with
        {
            SamplingKey = samplingKey, // base64, at least 16 bytes, from your secret store
            Fatigue = options.Fatigue with
            {
                Cooldowns = [new CooldownOptions { After = CooldownTrigger.Response, Days = 90 }],
                FrequencyCaps = [new FrequencyCapOptions { MaxInvitations = 4, WindowDays = 365 }],
            },
            Sampling = options.Sampling with { Policies = [new SamplingPolicyOptions { Name = "all", Rate = 0.25 }] },
            Reporting = options.Reporting with { MinimumCount = 50 },
        });
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var program = provider.GetRequiredService<SurveyProgram>();
        var decision = await program.DecideAsync(new TouchpointEvent
        {
            CustomerId = "C-1001", EventId = "call-77", OccurredAt = DateTimeOffset.Parse("2026-03-14T10:00:00+01:00", CultureInfo.InvariantCulture), Channel = "phone",
        }, TestContext.Current.CancellationToken);

        Assert.Contains(decision.Outcome, new[] { DecisionOutcome.Invite, DecisionOutcome.Suppress });
        Assert.Equal(("all", 0.25), (decision.Draw!.Value.Policy, decision.Draw.Value.Rate));
    }

    [Fact]
    public void ReadmeExample_ProgramFile_ReadsIntoASurveyProgram()
    {
        var json = """{ "samplingKey": "ZGVtby1rZXktbm90LWZvci1wcm9kdWN0aW9uLXVzZQ==", "sampling": { "policies": [ { "name": "all", "rate": 1.2 } ] } }""";

        Assert.False(NpsProgramJson.TryRead(json, out _, out var errors));
        Assert.Equal(["Sampling:Policies:0:Rate: must be within [0, 1] (it is 1.2)."], errors.Select(e => e.Message));

        Assert.True(NpsProgramJson.TryRead(json.Replace("1.2", "1.0", StringComparison.Ordinal), out var program, out _));
        var surveyProgram = new SurveyProgram(program.ToSurveyProgramOptions(), new InMemoryContactLedger(TimeProvider.System));
        Assert.NotNull(surveyProgram.Sampler);
    }

    [Fact]
    public void ReadmeExample_WireContract_WritesAndReadsTheReportDocument()
    {
        var builder = new Nps.Segmentation.NpsReportBuilder(new Nps.Segmentation.NpsReportOptions { Dimensions = ["team"] });
        builder.Add(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), NpsRating.From(9), ["Billing"]);
        var json = NpsJson.Serialize(NpsReportDocument.From(builder.Build()));
        var back = NpsJson.Deserialize<NpsReportDocument>(json);

        Assert.StartsWith("{\n  \"level\": 0.95,\n  \"method\": \"adjusted-wald\",", json, StringComparison.Ordinal);
        Assert.Equal(100, back!.Segments.Single().Nps);
    }
}
