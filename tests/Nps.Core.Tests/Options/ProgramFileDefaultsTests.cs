using Nps.Fatigue;
using Nps.Sampling;
using Nps.Serialization;
using Nps.Tests.Sampling;

namespace Nps.Tests.Options;

/// <summary>
/// A program file names only what it changes: every property it leaves out keeps the default of its (immutable)
/// options record, at every depth and in every list element, as the same options built in code do.
/// </summary>
public sealed class ProgramFileDefaultsTests
{
    // Every options record a program file can hold, each with one or two values set and the rest left to its defaults.
    private static readonly NpsOptions InCode = new()
    {
        SamplingKey = TestProgram.Key,
        Fatigue = new()
        {
            Cooldowns = [new() { After = CooldownTrigger.Response, Days = 30, Scope = new() { Channel = "phone" } }],
            FrequencyCaps = [new() { MaxInvitations = 2, WindowDays = 30 }],
            NewCustomerDelay = new() { Days = 14 },
            Exclusions = new() { EmailDomains = ["example.com"] },
            QuietHours = new() { AllowedDays = [DayOfWeek.Monday] },
            ContactBudget = new() { MaxContacts = 3, WindowDays = 365 },
        },
        Sampling = new()
        {
            Policies = [new() { Name = "all", Rate = 0.5, Quota = new() { MaxInvitations = 10, PeriodDays = 7 } }],
            RelationalCadence = new() { CycleDays = 180 },
        },
        Reporting = new() { MinimumCount = 40 },
        FollowUps = new() { IncludePassives = true },
        Themes = [new() { Id = "waiting-time", Name = "Waiting time", Keywords = new Dictionary<string, IReadOnlyList<string>> { ["en"] = ["wait*"] } }],
        Retention = new() { BatchSize = 500 },
    };

    private const string InFile = $$"""
        {
          "samplingKey": "{{TestProgram.Key}}",
          "fatigue": {
            "cooldowns": [ { "after": "Response", "days": 30, "scope": { "channel": "phone" } } ],
            "frequencyCaps": [ { "maxInvitations": 2, "windowDays": 30 } ],
            "newCustomerDelay": { "days": 14 },
            "exclusions": { "emailDomains": [ "example.com" ] },
            "quietHours": { "allowedDays": [ "Monday" ] },
            "contactBudget": { "maxContacts": 3, "windowDays": 365 },
          },
          "sampling": {
            "policies": [ { "name": "all", "rate": 0.5, "quota": { "maxInvitations": 10, "periodDays": 7 } } ],
            "relationalCadence": { "cycleDays": 180 }
          },
          "reporting": { "minimumCount": 40 },
          "followUps": { "includePassives": true },
          "themes": [ { "id": "waiting-time", "name": "Waiting time", "keywords": { "en": [ "wait*" ] } } ],
          "retention": { "batchSize": 500 }
        }
        """;

    [Fact]
    public void TryRead_PropertiesLeftOut_KeepTheDefaultsAtEveryDepth()
    {
        Assert.True(NpsProgramJson.TryRead(InFile, out var read, out var errors), string.Join("\n", errors.Select(e => e.Message)));

        Assert.Equal(OptionsShape.Keys(InCode, "Nps"), OptionsShape.Keys(read, "Nps"));
        Assert.True(read.Fatigue.SkipWhileComplaintOpen); // a true default, not false
        Assert.Equal(TimeSpan.FromHours(48), read.FollowUps.DetractorSla);
        Assert.Equal(new TimeOnly(21, 0), read.Fatigue.QuietHours!.Start);
        Assert.Empty(read.Sampling.Policies[0].Scope.Attributes);
    }

    [Fact]
    public void TryRead_StreamAndText_ReadTheSame()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(InFile));

        Assert.True(NpsProgramJson.TryRead(stream, out var fromStream, out _));
        Assert.True(NpsProgramJson.TryRead(InFile, out var fromText, out _));
        Assert.Equal(OptionsShape.Keys(fromText, "Nps"), OptionsShape.Keys(fromStream, "Nps"));
    }

    [Fact]
    public void TryRead_WrittenProgram_ReadsBackEqual()
    {
        Assert.True(NpsProgramJson.TryRead(NpsProgramJson.Write(InCode), out var read, out _));

        Assert.Equal(OptionsShape.Keys(InCode, "Nps"), OptionsShape.Keys(read, "Nps"));
    }

    [Theory]
    [InlineData("""{ "fatigue": { "cooldownz": [] } }""", 1, "$.fatigue.cooldownz")]
    [InlineData("{\n  \"sampling\": {\n    \"policies\": [ { \"rate\": \"high\" } ]\n  }\n}", 3, "$.sampling.policies[0].rate")]
    public void TryRead_BadFile_ErrorNamesTheLineAndPathOfTheFileAsWritten(string json, int line, string path)
    {
        Assert.False(NpsProgramJson.TryRead(json, out _, out var errors));

        var error = Assert.Single(errors);
        Assert.Equal((line, path), (error.Line, error.Field));
    }
}
