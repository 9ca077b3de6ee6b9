using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nps.AspNetCore;
using Nps.AspNetCore.Delivery;
using Nps.AspNetCore.Security;
using Nps.AspNetCore.Survey;

namespace Nps.Tests.Options;

/// <summary>
/// Nps.AspNetCore's options check themselves like every other options type: bound from configuration by the package's
/// own registration, or built in code, the same errors at the same configuration paths.
/// </summary>
public sealed class WebOptionsValidationTests
{
    private const string Key = "a-key-of-sixteen+chars";

    /// <summary>Configuration with one bad value, the same options built in code, the section they sit at, and the one message.</summary>
    public static TheoryData<Dictionary<string, string?>, IValidatableOptions, string, string> InvalidBound => new()
    {
        {
            new() { ["Nps:Web:MaxConcurrentReports"] = "0" },
            new NpsWebOptions { MaxConcurrentReports = 0 }, NpsWebOptions.SectionName,
            "Nps:Web:MaxConcurrentReports: must be at least 1 (it is 0)."
        },
        {
            new() { ["Nps:Survey:RateLimit:WindowSeconds"] = "0" },
            new NpsSurveyOptions { RateLimit = new() { WindowSeconds = 0 } }, NpsSurveyOptions.SectionName,
            "Nps:Survey:RateLimit:WindowSeconds: must be at least 1 (it is 0)."
        },
        {
            new() { ["Nps:Survey:Questions:0:Id"] = "Ease", ["Nps:Survey:Questions:0:Text:en"] = "How easy was it?" },
            new NpsSurveyOptions { Questions = [new() { Id = "Ease", Text = { ["en"] = "How easy was it?" } }] }, NpsSurveyOptions.SectionName,
            "Nps:Survey:Questions:0:Id: must be 1 to 32 of a-z, 0-9, '-' and '_'."
        },
        {
            new() { ["Nps:Survey:Questions:0:Id"] = "ease", ["Nps:Survey:Questions:0:Text:en"] = "How easy?", ["Nps:Survey:Questions:0:Choices:0:Value"] = new string('x', 65) },
            new NpsSurveyOptions { Questions = [new() { Id = "ease", Text = { ["en"] = "How easy?" }, Choices = [new() { Value = new string('x', 65) }] }] }, NpsSurveyOptions.SectionName,
            "Nps:Survey:Questions:0:Choices:0:Value: must be 1 to 64 characters without surrounding spaces."
        },
        {
            new() { ["Nps:Delivery:PollInterval"] = "00:00:00" },
            new NpsDeliveryOptions { PollInterval = TimeSpan.Zero }, NpsDeliveryOptions.SectionName,
            "Nps:Delivery:PollInterval: must be > 0 (it is 00:00:00)."
        },
        {
            new()
            {
                ["Nps:Delivery:Smtp:Host"] = "smtp.example.test", ["Nps:Delivery:Smtp:Port"] = "70000", ["Nps:Delivery:Smtp:From"] = "survey@example.test",
                ["Nps:Delivery:BaseUrl"] = "https://survey.example.test/", ["Nps:Delivery:OrganisationName"] = "Acme",
            },
            new NpsDeliveryOptions
            {
                Smtp = new() { Host = "smtp.example.test", Port = 70000, From = "survey@example.test" }, BaseUrl = "https://survey.example.test/", OrganisationName = "Acme",
            },
            NpsDeliveryOptions.SectionName,
            "Nps:Delivery:Smtp:Port: must be from 1 to 65535 (it is 70000)."
        },
        {
            new() { ["Authentication:ApiKeys:0:Name"] = "crm", ["Authentication:ApiKeys:0:Key"] = Key, ["Authentication:ApiKeys:0:Role"] = "boss" },
            new ApiKeyOptions { ApiKeys = [new() { Name = "crm", Key = Key, Role = "boss" }] }, ApiKeyOptions.Section,
            "Authentication:ApiKeys:0:Role: must be survey, analyst or privacy (it is 'boss')."
        },
        {
            new() { ["Authentication:Jwt:Authority"] = "https://id.example.test", ["Authentication:Jwt:Audiences:0"] = "nps", ["Authentication:Jwt:ClockSkewSeconds"] = "900" },
            new JwtOptions { Authority = "https://id.example.test", Audiences = ["nps"], ClockSkewSeconds = 900 }, JwtOptions.Section,
            "Authentication:Jwt:ClockSkewSeconds: must be from 0 to 300 (it is 900)."
        },
    };

    [Theory]
    [MemberData(nameof(InvalidBound))]
    public void Registration_InvalidValueFromConfigurationOrCode_SameErrorNamingTheKey(Dictionary<string, string?> settings, IValidatableOptions inCode, string section, string message)
    {
        var bound = StartupFailures(settings, inCode.GetType(), Environments.Development);

        Assert.Equal([message], bound);
        Assert.Equal(bound, inCode.Errors(new OptionsPath(section)).Select(e => e.Message));
    }

    [Fact]
    public void AddNpsWeb_ConfigureDelegate_AppliesAfterTheSectionAndIsCheckedTheSameWay()
    {
        var failures = StartupFailures(new() { ["Nps:Web:MaxConcurrentImports"] = "3" }, typeof(NpsWebOptions), Environments.Development, o => o with { BusyRetryAfterSeconds = 0 });

        Assert.Equal(["Nps:Web:BusyRetryAfterSeconds: must be at least 1 (it is 0)."], failures);
    }

    [Fact]
    public void AddNpsApiKeys_ProductionWithShortKey_HostCheckAddsToTheOwnCheckAtTheSamePath()
    {
        var failures = StartupFailures(new()
        {
            ["Authentication:ApiKeys:0:Name"] = "", ["Authentication:ApiKeys:0:Key"] = "short", ["Authentication:ApiKeys:0:Role"] = "survey",
        }, typeof(ApiKeyOptions), Environments.Production);

        Assert.Equal(
        [
            "Authentication:ApiKeys:0:Name: must not be empty.",
            "Authentication:ApiKeys:0:Key: must be at least 16 characters outside Development (it is 5).",
        ], failures);
    }

    [Fact]
    public void AddNpsApiKeys_HttpAuthorityOutsideDevelopment_RefusedOnlyThere()
    {
        Dictionary<string, string?> settings = new()
        {
            ["Authentication:ApiKeys:0:Name"] = "crm", ["Authentication:ApiKeys:0:Key"] = Key, ["Authentication:ApiKeys:0:Role"] = "survey",
            ["Authentication:Jwt:Authority"] = "http://id.example.test", ["Authentication:Jwt:Audiences:0"] = "nps",
        };

        Assert.Empty(StartupFailures(settings, typeof(JwtOptions), Environments.Development));
        Assert.Equal(
            ["Authentication:Jwt:Authority: must use https outside Development; the 'Production' environment would fetch signing keys over plain http (it is 'http://id.example.test')."],
            StartupFailures(settings, typeof(JwtOptions), Environments.Production));
    }

    [Fact]
    public void AddNpsDelivery_RegisteredSenderWithoutSmtp_NeedsTheLinksBaseAddress()
    {
        var failures = StartupFailures([], typeof(NpsDeliveryOptions), Environments.Development, sender: true);

        Assert.Equal(
        [
            "Nps:Delivery:BaseUrl: must be the absolute http(s) address the survey links point to (e.g. https://survey.example.com/).",
        ], failures);
        Assert.Empty(StartupFailures([], typeof(NpsDeliveryOptions), Environments.Development));
    }

    [Fact]
    public void SecretOptions_ToString_HidesTheSecrets()
    {
        var smtp = new NpsSmtpOptions { Host = "smtp.example.test", UserName = "survey", Password = "hunter2-secret" };
        var jwt = new JwtOptions { SigningKey = "c2VjcmV0LXNpZ25pbmcta2V5" };

        Assert.DoesNotContain("hunter2-secret", smtp.ToString(), StringComparison.Ordinal);
        Assert.Contains("UserName = survey", smtp.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0LXNpZ25pbmcta2V5", jwt.ToString(), StringComparison.Ordinal);
        var key = new Nps.AspNetCore.Security.ApiKey { Name = "crm", Key = "api-key-secret-0123456789", Role = "survey" };
        Assert.Equal("ApiKey { Name = crm, Key = ***, Role = survey }", key.ToString());
        var program = new NpsOptions { SamplingKey = Sampling.TestProgram.Key };
        Assert.DoesNotContain(Sampling.TestProgram.Key, program.ToString(), StringComparison.Ordinal);
        Assert.Contains("DefaultTimeZone = UTC", program.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Sampling.TestProgram.Key, program.ToSurveyProgramOptions().ToString(), StringComparison.Ordinal);
        Assert.Contains("Fatigue = FatigueOptions {", program.ToSurveyProgramOptions().ToString(), StringComparison.Ordinal);
    }

    /// <summary>The start-up failures of <paramref name="options"/> registered as the package does, from <paramref name="settings"/>.</summary>
    private static string[] StartupFailures(Dictionary<string, string?> settings, Type options, string environment, Func<NpsWebOptions, NpsWebOptions>? web = null, bool sender = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new TestEnvironment(environment));
        if (sender) services.AddSingleton<Nps.Delivery.IInvitationSender>(new NoSender());
        services.AddNpsWeb(web).AddNpsDelivery(configuration).AddNpsApiKeys(configuration);
        using var provider = services.BuildServiceProvider();
        var accessor = typeof(IOptions<>).MakeGenericType(options);
        try
        {
            _ = accessor.GetProperty(nameof(IOptions<object>.Value))!.GetValue(provider.GetRequiredService(accessor));
            return [];
        }
        catch (TargetInvocationException e) when (e.InnerException is OptionsValidationException failed)
        {
            return [.. failed.Failures];
        }
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Nps.Core.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class NoSender : Nps.Delivery.IInvitationSender
    {
        public ValueTask<Nps.Delivery.InvitationSendResult> SendAsync(Nps.Delivery.InvitationMessage message, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("never sends in these tests");
    }
}
