using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nps.AspNetCore;
using Nps.Fatigue;

namespace Nps.Tests.Options;

/// <summary>The options pattern for immutable records: bound sections, then changes in code, then validation.</summary>
public sealed class NpsOptionsBuilderTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] keys) =>
        new ConfigurationBuilder().AddInMemoryCollection(keys.Select(k => KeyValuePair.Create(k.Key, (string?)k.Value))).Build();

    [Fact]
    public void Steps_BoundSectionsThenChangesInCode_EachInRegistrationOrder()
    {
        var services = new ServiceCollection();
        var trace = new List<string>();
        services.AddOptions<NpsWebOptions>()
            .ConfigureNpsOptions(o => { trace.Add($"code 1 saw {o.MaxConcurrentImports}"); return o with { MaxConcurrentImports = o.MaxConcurrentImports + 10 }; })
            .BindNpsOptions(Settings(("MaxConcurrentImports", "3"), ("BusyRetryAfterSeconds", "7")))
            .ConfigureNpsOptions(o => { trace.Add($"code 2 saw {o.MaxConcurrentImports}"); return o with { BusyRetryAfterSeconds = o.BusyRetryAfterSeconds * 2 }; })
            .BindNpsOptions(Settings(("MaxConcurrentImports", "4")));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<NpsWebOptions>>().Value;

        Assert.Equal(["code 1 saw 4", "code 2 saw 14"], trace);
        Assert.Equal((14, 14), (options.MaxConcurrentImports, options.BusyRetryAfterSeconds));
    }

    [Fact]
    public void BindNpsOptions_NestedRecordsAndLists_BindsInitPropertiesKeepingUnsetDefaults()
    {
        var services = new ServiceCollection();
        services.AddOptions<NpsOptions>().BindNpsOptions(Settings(
            ("Fatigue:Cooldowns:0:After", "Response"), ("Fatigue:Cooldowns:0:Days", "45"), ("FollowUps:PassiveSla", "3.00:00:00")));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<NpsOptions>>().Value;

        Assert.Equal((CooldownTrigger.Response, 45), (options.Fatigue.Cooldowns[0].After, options.Fatigue.Cooldowns[0].Days));
        Assert.Equal(TimeSpan.FromDays(3), options.FollowUps.PassiveSla);
        Assert.Equal(new NpsOptions().FollowUps.DetractorSla, options.FollowUps.DetractorSla); // an absent key keeps its default
        Assert.True(new NpsOptions().Fatigue.SkipWhileComplaintOpen && options.Fatigue.SkipWhileComplaintOpen);
    }

    [Fact]
    public void BindNpsOptions_SectionPath_ReadsTheHostsConfiguration()
    {
        var services = new ServiceCollection().AddSingleton(Settings(("Nps:Web:MaxQueuedReports", "9")));
        services.AddOptions<NpsWebOptions>().BindNpsOptions(NpsWebOptions.SectionName);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(9, provider.GetRequiredService<IOptions<NpsWebOptions>>().Value.MaxQueuedReports);
    }

    [Fact]
    public void BindNpsOptions_ConfigurationReloaded_MonitorBuildsTheOptionsAgain()
    {
        var source = new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = [KeyValuePair.Create("Nps:Web:MaxQueuedReports", (string?)"3")] };
        var root = new ConfigurationBuilder().Add(source).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(root);
        services.AddOptions<NpsWebOptions>().BindNpsOptions(NpsWebOptions.SectionName).ConfigureNpsOptions(o => o with { MaxConcurrentImports = 7 });
        services.AddOptions<NpsWebOptions>("direct").BindNpsOptions(root.GetSection(NpsWebOptions.SectionName));
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<NpsWebOptions>>();
        Assert.Equal((3, 3), (monitor.CurrentValue.MaxQueuedReports, monitor.Get("direct").MaxQueuedReports));

        root["Nps:Web:MaxQueuedReports"] = "5";
        root.Reload();

        Assert.Equal((5, 7, 5), (monitor.CurrentValue.MaxQueuedReports, monitor.CurrentValue.MaxConcurrentImports, monitor.Get("direct").MaxQueuedReports));
    }

    [Fact]
    public void Steps_NamedOptions_ApplyOnlyToTheirName()
    {
        var services = new ServiceCollection();
        services.AddOptions<NpsWebOptions>("a").ConfigureNpsOptions(o => o with { MaxQueuedReports = 1 });
        services.AddOptions<NpsWebOptions>("b").ConfigureNpsOptions(o => o with { MaxQueuedReports = 2 });
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<NpsWebOptions>>();

        Assert.Equal((1, 2), (monitor.Get("a").MaxQueuedReports, monitor.Get("b").MaxQueuedReports));
        Assert.Equal(new NpsWebOptions().MaxQueuedReports, monitor.CurrentValue.MaxQueuedReports);
    }

    [Fact]
    public void ConfigureNpsOptions_ChangeReturnsNull_FailsNamingTheType()
    {
        var services = new ServiceCollection();
        services.AddOptions<NpsWebOptions>().ConfigureNpsOptions(_ => null!);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<NpsWebOptions>>().Value);

        Assert.Contains("NpsWebOptions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigureNpsOptions_InvalidChange_FailsValidationWithItsPath()
    {
        var services = new ServiceCollection();
        services.AddOptions<NpsWebOptions>().ConfigureNpsOptions(o => o with { BusyRetryAfterSeconds = 0 }).ValidateNpsOptions(new OptionsPath(NpsWebOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<NpsWebOptions>>().Value);

        Assert.Equal(["Nps:Web:BusyRetryAfterSeconds: must be at least 1 (it is 0)."], error.Failures);
    }

    [Fact]
    public void GetNpsOptions_Section_DefaultsWithTheKeysBoundOver()
    {
        var options = Settings(("Fatigue:SkipFollowUpContacts", "false")).GetNpsOptions<NpsOptions>();

        Assert.False(options.Fatigue.SkipFollowUpContacts);
        Assert.Equal(new NpsOptions().Fatigue.SkipWhileComplaintOpen, options.Fatigue.SkipWhileComplaintOpen);
        Assert.Empty(Settings().GetNpsOptions<NpsOptions>().Sampling.Policies);
    }

    [Fact]
    public void Arguments_Null_Throw()
    {
        var builder = new ServiceCollection().AddOptions<NpsWebOptions>();

        Assert.Throws<ArgumentNullException>("configuration", () => builder.BindNpsOptions((IConfiguration)null!));
        Assert.Throws<ArgumentException>("sectionPath", () => builder.BindNpsOptions(""));
        Assert.Throws<ArgumentNullException>("configure", () => builder.ConfigureNpsOptions(null!));
        Assert.Throws<ArgumentNullException>("builder", () => NpsOptionsBuilderExtensions.ConfigureNpsOptions<NpsWebOptions>(null!, o => o));
    }
}
