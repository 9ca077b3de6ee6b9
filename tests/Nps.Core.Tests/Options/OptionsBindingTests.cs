using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nps.AspNetCore;
using Nps.AspNetCore.Delivery;
using Nps.AspNetCore.Security;
using Nps.Data;
using Nps.Sampling;

namespace Nps.Tests.Options;

/// <summary>
/// Options are immutable (<c>init</c>, never a public <c>set</c>), the types bound from configuration included; and every
/// options type bound from configuration is bound key by key, through the packages' own registrations.
/// </summary>
/// <remarks>
/// The packages bind through <c>BindNpsOptions</c> (the reflection binder sets <c>init</c> properties), because in .NET
/// 10 the configuration-binding source generator skips them (dotnet/runtime#107856, #117247; the fix,
/// dotnet/runtime#131597, targets .NET 12). These round trips fail on any key such a binder would skip.
/// </remarks>
public sealed class OptionsBindingTests
{
    private static IEnumerable<Type> OptionsTypes() =>
        PublicApi.PublicApiTests.Shipped.SelectMany(a => a.GetExportedTypes())
            .Where(t => !t.IsInterface && !t.IsAbstract && typeof(IValidatableOptions).IsAssignableFrom(t));

    [Fact]
    public void EveryOptionsType_HasNoPublicSetter()
    {
        var bound = OptionsShape.BoundClosure(OptionsShape.BoundRoots.Select(r => r.Type));

        var mutable = OptionsTypes().Concat(bound).Distinct().SelectMany(OptionsShape.PublicSetters).Order(StringComparer.Ordinal).ToList();

        Assert.True(mutable.Count == 0, "Make these init (options are immutable records):\n" + string.Join("\n", mutable));
        Assert.Contains(typeof(global::Nps.Fatigue.QuietHoursOptions), bound); // nested through NpsOptions.Fatigue
        Assert.Contains(typeof(SamplingPolicyOptions), bound); // an element of a list
        Assert.Contains(typeof(global::Nps.Touchpoints.SurveyScope), bound); // not an options type itself, but bound
        Assert.DoesNotContain(typeof(DataReaderOptions), bound);
    }

    [Fact]
    public void PublicSetters_MutableAndImmutableExamples_FoundOnlyInTheMutable()
    {
        Assert.Equal(["MutableExample.Rate"], OptionsShape.PublicSetters(typeof(MutableExample)));
        Assert.Empty(OptionsShape.PublicSetters(typeof(ImmutableExample)));
        Assert.DoesNotContain(typeof(MutableExample), OptionsShape.BoundClosure(OptionsShape.BoundRoots.Select(r => r.Type)));
    }

    public static TheoryData<string> BoundRoots => [.. OptionsShape.BoundRoots.Select(r => r.Type.Name)];

    [Theory]
    [MemberData(nameof(BoundRoots))]
    public void Bind_EveryKeySet_RoundTripsEveryValue(string root)
    {
        var (type, section) = OptionsShape.BoundRoots.Single(r => r.Type.Name == root);
        var expected = OptionsShape.Keys(OptionsShape.Filled(type, 0), section);
        Assert.DoesNotContain(expected.Values, v => v is "[]" or "(null)"); // every key has a value

        var actual = OptionsShape.Keys(Bind(type, expected), section);

        var unbound = expected.Where(e => actual.GetValueOrDefault(e.Key) != e.Value).Select(e => $"{e.Key}: set {e.Value}, bound {actual.GetValueOrDefault(e.Key) ?? "nothing"}");
        Assert.True(expected.SequenceEqual(actual), "Not bound as set (an init property is skipped by the source-generated binder):\n" + string.Join("\n", unbound));
        Assert.All(OptionsShape.Keys(Activator.CreateInstance(type), section), d => Assert.NotEqual(d.Value, actual.GetValueOrDefault(d.Key)));
    }

    [Theory]
    [MemberData(nameof(BoundRoots))]
    public void Bind_EmptySection_GivesTheDefaults(string root)
    {
        var (type, section) = OptionsShape.BoundRoots.Single(r => r.Type.Name == root);

        var bound = Bind(type, new Dictionary<string, string?> { ["Unrelated:Key"] = "1" });

        Assert.Equal(OptionsShape.Keys(Activator.CreateInstance(type), section), OptionsShape.Keys(bound, section));
    }

    // Binds through the registration the packages ship (AddNps, AddNpsWeb, AddNpsApiKeys, AddNpsDelivery), without
    // validating: the sample values are unlike the defaults, not valid.
    private static object Bind(Type type, IDictionary<string, string?> keys)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(keys).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddNps(configuration.GetSection("Nps")).AddNpsWeb().AddNpsApiKeys(configuration).AddNpsDelivery(configuration);
        foreach (var validation in services.Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidateOptions<>)).ToList())
        {
            services.Remove(validation);
        }

        using var provider = services.BuildServiceProvider();
        var accessor = typeof(IOptions<>).MakeGenericType(type);
        return accessor.GetProperty(nameof(IOptions<object>.Value))!.GetValue(provider.GetRequiredService(accessor))!;
    }

    private sealed record MutableExample
    {
        public double Rate { get; set; }

        public string Name { get; init; } = "";
    }

    private sealed record ImmutableExample
    {
        public double Rate { get; init; }
    }
}
