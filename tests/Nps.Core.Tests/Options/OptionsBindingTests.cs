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
/// Options are immutable records (<c>init</c>), except where configuration binding has to set them; and every options
/// type bound from configuration is bound key by key, through the packages' own registrations.
/// </summary>
/// <remarks>
/// Why the types bound from configuration keep <c>set</c>: Nps.Extensions.DependencyInjection and Nps.AspNetCore bind
/// with the configuration-binding source generator (<c>EnableConfigurationBindingGenerator</c>), which keeps them
/// trimming- and AOT-safe. In .NET 10 that generator cannot bind <c>init</c> properties: on a type with a parameterless
/// constructor it skips them (dotnet/runtime#107856, #117247), and on a type with a parameterized constructor its
/// generated initializer sets every absent <c>init</c> property to <c>default</c> (losing <c>= TimeSpan.FromHours(48)</c>
/// and <c>= new()</c>) and skips <c>init</c> collections altogether (the fix, dotnet/runtime#131597, targets .NET 12).
/// The reflection binder does set <c>init</c> properties, but it is not trimming- or AOT-safe. The options pattern
/// itself builds with <c>new T()</c> and configures in place. So those types keep <c>set</c>, and only those: the set
/// is computed from the bound roots, not listed by hand.
/// </remarks>
public sealed class OptionsBindingTests
{
    private static IEnumerable<Type> OptionsTypes() =>
        PublicApi.PublicApiTests.Shipped.SelectMany(a => a.GetExportedTypes())
            .Where(t => !t.IsInterface && !t.IsAbstract && typeof(IValidatableOptions).IsAssignableFrom(t));

    [Fact]
    public void EveryOptionsType_HasNoPublicSetterUnlessConfigurationBindsIt()
    {
        var bound = OptionsShape.BoundClosure(OptionsShape.BoundRoots.Select(r => r.Type));

        var mutable = OptionsTypes().Where(t => !bound.Contains(t)).SelectMany(OptionsShape.PublicSetters).Order(StringComparer.Ordinal).ToList();

        Assert.True(mutable.Count == 0, "Make these init (only types bound from configuration may keep set):\n" + string.Join("\n", mutable));
        Assert.Contains(typeof(global::Nps.Fatigue.QuietHoursOptions), bound); // nested through NpsOptions.Fatigue
        Assert.Contains(typeof(SamplingPolicyOptions), bound); // an element of a list
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
        using var provider = services.BuildServiceProvider();
        var configure = typeof(OptionsBindingTests).GetMethod(nameof(Configure), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        return configure.MakeGenericMethod(type).Invoke(null, [provider])!;
    }

    private static T Configure<T>(IServiceProvider provider)
        where T : class, new()
    {
        var options = new T();
        foreach (var step in provider.GetServices<IConfigureOptions<T>>()) step.Configure(options);
        return options;
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
