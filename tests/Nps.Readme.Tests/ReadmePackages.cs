using System.Collections.Concurrent;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.CodeAnalysis;

namespace Nps.Readme.Tests;

/// <summary>
/// The assemblies a newcomer's project sees: the .NET shared framework (ASP.NET Core's too in a web project) and
/// the named packages with everything they depend on. A package's dependencies come from this test's deps.json and,
/// because deps.json leaves out what the shared framework supplies, from the assembly references of its assemblies.
/// Nothing else: a block that needs a package its text does not name fails to compile.
/// </summary>
public static class ReadmePackages
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Trusted = new(LoadTrusted);
    private static readonly Lazy<IReadOnlyDictionary<string, Library>> Libraries = new(LoadLibraries);
    private static readonly ConcurrentDictionary<string, string[]> ReferencedAssemblies = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ConcurrentDictionary<string, MetadataReference> Cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The references for a block that names <paramref name="packages"/>.</summary>
    /// <param name="packages">The package ids the text names.</param>
    /// <param name="web">True for a web project (Microsoft.NET.Sdk.Web), which has the ASP.NET Core shared framework.</param>
    /// <returns>The references.</returns>
    /// <exception cref="ArgumentException">A package this test cannot provide (add it to the test project).</exception>
    public static IReadOnlyList<MetadataReference> References(IEnumerable<string> packages, bool web)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        AddFramework(typeof(object).Assembly.Location, names);
        if (web) AddFramework(typeof(WebApplication).Assembly.Location, names);
        var seeds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var package in packages)
        {
            if (!Libraries.Value.ContainsKey(package) && !Trusted.Value.ContainsKey(package))
                throw new ArgumentException($"The package '{package}' is not one this test can load: reference it in Nps.Readme.Tests.csproj.", nameof(packages));
            AddPackage(package, seeds, new HashSet<string>(StringComparer.OrdinalIgnoreCase));
        }

        foreach (var assembly in seeds.ToArray()) AddReferencedAssemblies(assembly, seeds);
        names.UnionWith(seeds);

        return [.. names.Where(Trusted.Value.ContainsKey).Select(n => Cache.GetOrAdd(n, k => MetadataReference.CreateFromFile(Trusted.Value[k])))];
    }

    private static void AddFramework(string anyAssemblyOfIt, HashSet<string> names)
    {
        var directory = Path.GetDirectoryName(anyAssemblyOfIt)!;
        foreach (var (name, path) in Trusted.Value)
        {
            if (string.Equals(Path.GetDirectoryName(path), directory, StringComparison.Ordinal)) names.Add(name);
        }
    }

    private static void AddPackage(string id, HashSet<string> names, HashSet<string> seen)
    {
        if (!seen.Add(id)) return;
        // A package's assemblies are its runtime files; when the shared framework supplies a package's assembly,
        // deps.json lists none, and the package's own name is its assembly's.
        if (Trusted.Value.ContainsKey(id)) names.Add(id);
        if (Libraries.Value.TryGetValue(id, out var library))
        {
            foreach (var assembly in library.Assemblies) names.Add(assembly);
            foreach (var dependency in library.Dependencies) AddPackage(dependency, names, seen);
        }
    }

    private static void AddReferencedAssemblies(string assembly, HashSet<string> names)
    {
        foreach (var name in ReferencedAssemblies.GetOrAdd(assembly, ReadReferences))
        {
            if (names.Add(name)) AddReferencedAssemblies(name, names);
        }
    }

    private static string[] ReadReferences(string assembly)
    {
        if (!Trusted.Value.TryGetValue(assembly, out var path)) return [];
        using var reader = new PEReader(File.OpenRead(path));
        var metadata = reader.GetMetadataReader();
        return
        [
            .. metadata.AssemblyReferences
                .Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name))
                .Where(Trusted.Value.ContainsKey),
        ];
    }

    private static Dictionary<string, string> LoadTrusted()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var trusted = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths.Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
            trusted.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        return trusted;
    }

    private static Dictionary<string, Library> LoadLibraries()
    {
        var depsFile = Path.Combine(AppContext.BaseDirectory, typeof(ReadmePackages).Assembly.GetName().Name + ".deps.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(depsFile));
        var libraries = new Dictionary<string, Library>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in document.RootElement.GetProperty("targets").EnumerateObject())
        {
            foreach (var entry in target.Value.EnumerateObject())
            {
                var id = entry.Name[..entry.Name.IndexOf('/', StringComparison.Ordinal)];
                var dependencies = entry.Value.TryGetProperty("dependencies", out var d) ? d.EnumerateObject().Select(p => p.Name).ToArray() : [];
                var assemblies = entry.Value.TryGetProperty("runtime", out var r)
                    ? r.EnumerateObject().Select(p => Path.GetFileNameWithoutExtension(p.Name)).ToArray()
                    : [];
                libraries.TryAdd(id, new Library(dependencies, assemblies));
            }
        }

        return libraries;
    }

    private sealed record Library(IReadOnlyList<string> Dependencies, IReadOnlyList<string> Assemblies);
}
