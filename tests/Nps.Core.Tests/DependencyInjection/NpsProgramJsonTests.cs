using Nps.Fatigue;
using Nps.Serialization;

namespace Nps.Tests.DependencyInjection;

public sealed class NpsProgramJsonTests
{
    private static string SampleProgram => File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "data", "program.json"));

    [Fact]
    public void TryRead_SampleProgramFile_IsValidAndComplete()
    {
        Assert.True(NpsProgramJson.TryRead(SampleProgram, out var options, out var errors), string.Join("\n", errors));

        Assert.Equal("Europe/Amsterdam", options.DefaultTimeZone);
        Assert.Equal(CooldownTrigger.Response, options.Fatigue.Cooldowns[1].After);
        Assert.Equal(14, options.Fatigue.NewCustomerDelay!.Days);
        Assert.Equal(6, options.Fatigue.ContactBudget!.MaxContacts);
        Assert.Equal(new TimeOnly(21, 0), options.Fatigue.QuietHours!.Start);
        Assert.Equal(400, options.Sampling.Policies[4].Quota!.MaxInvitations);
        Assert.Equal(SurveyKind.Relational, options.Sampling.Policies[0].Scope.Kind);
        Assert.Equal((30, 0.95, IntervalMethod.AdjustedWald), (options.Reporting.MinimumCount, options.Reporting.Level, options.Reporting.Method));
        Assert.Equal(TimeSpan.FromDays(2), options.FollowUps.DetractorSla);
        Assert.Equal(["waiting-time"], options.ToThemeTaxonomy().FindThemes("Veel te lang in de wacht gestaan").Select(t => t.Id));
        Assert.Empty(options.ToSurveyProgramOptions().Errors());
    }

    [Fact]
    public void TryRead_UnknownField_FailsNamingItsPath()
    {
        var json = SampleProgram.Replace("\"newCustomerDelay\"", "\"newCustomerDelai\"", StringComparison.Ordinal);

        Assert.False(NpsProgramJson.TryRead(json, out var options, out var errors));

        Assert.Null(options);
        var error = Assert.Single(errors);
        Assert.Equal("$.fatigue.newCustomerDelai", error.Field);
        Assert.True(error.Line > 1);
        Assert.StartsWith("line ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("The JSON property 'newCustomerDelai' could not be mapped to any .NET member contained in type 'Nps.Fatigue.FatigueOptions'.", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_EnumAsUnknownString_FailsNamingItsPath()
    {
        var json = SampleProgram.Replace("\"after\": \"Response\"", "\"after\": \"Answer\"", StringComparison.Ordinal);

        Assert.False(NpsProgramJson.TryRead(json, out _, out var errors));

        Assert.Equal("$.fatigue.cooldowns[1].after", Assert.Single(errors).Field);
        Assert.True(errors[0].Line > 1);
    }

    [Fact]
    public void TryRead_InvalidValues_ListsEveryOptionPath()
    {
        var json = SampleProgram
            .Replace("\"days\": 90", "\"days\": 0", StringComparison.Ordinal)
            .Replace("\"rate\": 0.2", "\"rate\": 1.2", StringComparison.Ordinal)
            .Replace("\"minimumCount\": 30", "\"minimumCount\": 0", StringComparison.Ordinal);

        Assert.False(NpsProgramJson.TryRead(json, out _, out var errors));

        Assert.Equal(
            [
                "Fatigue:Cooldowns:1:Days: must be > 0 (it is 0).",
                "Sampling:Policies:4:Rate: must be within [0, 1] (it is 1.2).",
                "Reporting:MinimumCount: must be at least 1 (it is 0).",
            ],
            errors.Select(e => e.Message));
        Assert.Equal(new DataError(0, "Sampling:Policies:4:Rate", "must be within [0, 1] (it is 1.2).", "1.2"), errors[1]);
    }

    [Fact]
    public void TryRead_NotAnObject_Fails()
    {
        Assert.False(NpsProgramJson.TryRead("null", out _, out var errors));
        Assert.Equal(["$: the program must be a JSON object."], errors.Select(e => e.Message));
    }

    [Fact]
    public void Write_ThenTryRead_RoundTrips()
    {
        Assert.True(NpsProgramJson.TryRead(SampleProgram, out var options, out _));

        var written = NpsProgramJson.Write(options);

        Assert.Contains("\"samplingKey\"", written, StringComparison.Ordinal);
        Assert.Contains("\"after\": \"Invitation\"", written, StringComparison.Ordinal);
        Assert.True(NpsProgramJson.TryRead(written, out var again, out var errors), string.Join("\n", errors));
        Assert.Equal(written, NpsProgramJson.Write(again));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Nps.Core.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Nps.Core.sln not found above the test assembly.");
    }
}
