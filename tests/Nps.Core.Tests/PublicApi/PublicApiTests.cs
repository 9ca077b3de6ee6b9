using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Nps.Tests.PublicApi;

/// <summary>
/// The public API is a contract: every public type and member of the shipped assemblies is listed in an
/// approved file per assembly and namespace (one file per namespace keeps parallel work free of merge conflicts).
/// A change to the surface fails this test until the approved file is updated on purpose:
/// <c>NPS_UPDATE_PUBLIC_API=1 dotnet test</c> rewrites the files, and the diff is reviewed with the change.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly Assembly[] Shipped =
    [
        typeof(NpsCategory).Assembly,
        typeof(NpsServiceCollectionExtensions).Assembly,
        typeof(Nps.Data.DataReaderOptions).Assembly,
        typeof(Nps.AspNetCore.NpsWebOptions).Assembly,
    ];

    public static TheoryData<string> ShippedAssemblies => [.. Shipped.Select(a => a.GetName().Name!)];

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void PublicApi_MatchesApprovedFiles(string assemblyName)
    {
        var assembly = Shipped.Single(a => a.GetName().Name == assemblyName);
        var actual = PublicApiRenderer.RenderByNamespace(assembly);
        var folder = ApprovedFolder();
        var update = Environment.GetEnvironmentVariable("NPS_UPDATE_PUBLIC_API") == "1";
        var prefix = assemblyName + "#";

        var problems = new List<string>();
        foreach (var (ns, text) in actual)
        {
            var path = Path.Combine(folder, prefix + ns + ".txt");
            if (update)
            {
                File.WriteAllText(path, text);
                continue;
            }

            var approved = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
            if (approved != text)
            {
                problems.Add($"{Path.GetFileName(path)} differs from the public API:\n" + Diff(approved, text));
            }
        }

        foreach (var stale in Directory.GetFiles(folder, prefix + "*.txt"))
        {
            var ns = Path.GetFileNameWithoutExtension(stale)[prefix.Length..];
            if (!actual.ContainsKey(ns))
            {
                if (update) File.Delete(stale);
                else problems.Add($"{Path.GetFileName(stale)} lists a namespace that no longer has public types.");
            }
        }

        Assert.True(problems.Count == 0,
            string.Join("\n\n", problems) + "\n\nIf the change is intended: NPS_UPDATE_PUBLIC_API=1 dotnet test, then review the diff.");
    }

    private static string Diff(string approved, string actual)
    {
        var before = approved.Split('\n').ToHashSet(StringComparer.Ordinal);
        var after = actual.Split('\n').ToHashSet(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var line in approved.Split('\n').Where(l => !after.Contains(l))) sb.Append("- ").AppendLine(line);
        foreach (var line in actual.Split('\n').Where(l => !before.Contains(l))) sb.Append("+ ").AppendLine(line);
        return sb.ToString();
    }

    private static string ApprovedFolder([CallerFilePath] string thisFile = "") => Path.GetDirectoryName(thisFile)!;
}

internal static class PublicApiRenderer
{
    public static SortedDictionary<string, string> RenderByNamespace(Assembly assembly)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in assembly.GetExportedTypes().GroupBy(t => t.Namespace ?? "(global)"))
        {
            var lines = new List<string>();
            foreach (var type in group)
            {
                lines.Add(Describe(type));
                const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
                                           BindingFlags.Static | BindingFlags.DeclaredOnly;
                foreach (var member in type.GetMembers(flags))
                {
                    var line = Describe(member);
                    if (line is not null) lines.Add(TypeName(type) + "::" + line);
                }
            }

            lines.Sort(StringComparer.Ordinal);
            result[group.Key] = string.Join("\n", lines) + "\n";
        }

        return result;
    }

    private static string Describe(Type type)
    {
        var kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? (IsReadOnly(type) ? "readonly struct" : "struct")
            : type.IsAbstract && type.IsSealed ? "static class" : type.IsAbstract ? "abstract class" : type.IsSealed ? "sealed class" : "class";
        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum)) bases.Add(TypeName(b));
        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(TypeName).Order(StringComparer.Ordinal));
        return $"{kind} {TypeName(type)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : "");
    }

    private static bool IsReadOnly(Type type) =>
        type.GetCustomAttributes().Any(a => a.GetType().FullName == "System.Runtime.CompilerServices.IsReadOnlyAttribute");

    private static string? Describe(MemberInfo member)
    {
        switch (member)
        {
            case ConstructorInfo c when IsVisible(c):
                return $"{Access(c)}.ctor({Parameters(c)})";
            case MethodInfo m when IsVisible(m) && !m.IsSpecialName || m is { IsSpecialName: true } && m.Name.StartsWith("op_", StringComparison.Ordinal) && IsVisible(m):
                var generic = m.IsGenericMethod ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : "";
                return $"{Access(m)}{(m.IsStatic ? "static " : "")}{(m.IsAbstract ? "abstract " : m.IsVirtual && !m.IsFinal ? "virtual " : "")}{TypeName(m.ReturnType)} {m.Name}{generic}({Parameters(m)})";
            case PropertyInfo p:
                var accessors = new[] { p.GetMethod, p.SetMethod }.Where(a => a is not null && IsVisible(a)).ToList();
                if (accessors.Count == 0) return null;
                var index = p.GetIndexParameters();
                var name = index.Length > 0 ? "this[" + string.Join(", ", index.Select(i => TypeName(i.ParameterType) + " " + i.Name)) + "]" : p.Name;
                var accessorText = string.Join(" ", accessors.Select(a => a == p.GetMethod ? "get;" : IsInitOnly(a!) ? "init;" : "set;"));
                return $"{(accessors[0]!.IsStatic ? "static " : "")}{TypeName(p.PropertyType)} {name} {{ {accessorText} }}";
            case FieldInfo f when (f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly) && !f.IsSpecialName:
                return f.DeclaringType!.IsEnum
                    ? $"{f.Name} = {Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}"
                    : $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : "")}{(f.IsInitOnly ? "readonly " : "")}{TypeName(f.FieldType)} {f.Name}";
            case EventInfo e when e.AddMethod is { } add && IsVisible(add):
                return $"event {TypeName(e.EventHandlerType!)} {e.Name}";
            default:
                return null;
        }
    }

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static bool IsVisible(MethodBase m) => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly;

    private static string Access(MethodBase m) => m.IsPublic ? "" : "protected ";

    private static string Parameters(MethodBase m) => string.Join(", ", m.GetParameters().Select(p =>
        (p.IsOut ? "out " : p.ParameterType.IsByRef ? (p.IsIn ? "in " : "ref ") : "") +
        TypeName(p.ParameterType) + " " + p.Name + (p.HasDefaultValue ? " = " + (p.DefaultValue?.ToString() ?? "null") : "")));

    private static string TypeName(Type t)
    {
        if (t.IsByRef) return TypeName(t.GetElementType()!);
        if (t.IsArray) return TypeName(t.GetElementType()!) + "[]";
        if (t.IsGenericParameter) return t.Name;
        var name = t.IsNested ? TypeName(t.DeclaringType!) + "." + t.Name : t.Namespace + "." + t.Name;
        if (!t.IsGenericType) return name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0) name = name[..tick];
        return name + "<" + string.Join(", ", t.GetGenericArguments().Select(TypeName)) + ">";
    }
}
