using System.Reflection;

namespace Nps.Tests.Architecture;

/// <summary>
/// Bad data has one shape: <see cref="DataError"/>. Fails when a public or protected member of a shipped assembly
/// returns or outs another type named <c>…Error</c> (directly or inside a generic such as a list), a sequence of
/// strings as its errors (a member or out parameter named <c>…error…</c>, or a <c>Validate</c> method), or a single
/// reason as a bare string (an out parameter named <c>…error…</c> or <c>…reason…</c>).
/// </summary>
public sealed class OneErrorTypeTests
{
    [Fact]
    public void ShippedAssemblies_ReportBadDataOnlyAsDataError()
    {
        var violations = PublicApi.PublicApiTests.Shipped.SelectMany(a => a.GetExportedTypes()).SelectMany(Violations).ToList();

        Assert.True(violations.Count == 0, "Report bad data as DataError:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Violations_OtherErrorShapes_AreFound()
    {
        Assert.Equal(
        [
            "OneErrorTypeTests+OtherShapes.Check returns IReadOnlyList`1[OneErrorTypeTests+OtherShapes+ParseError]",
            "OneErrorTypeTests+OtherShapes.TryConvert outs reason as String",
            "OneErrorTypeTests+OtherShapes.TryParse outs errors as IReadOnlyList`1[String]",
            "OneErrorTypeTests+OtherShapes.TryRead outs error as String",
            "OneErrorTypeTests+OtherShapes.Validate returns IReadOnlyList`1[String]",
            "OneErrorTypeTests+OtherShapes.get_Errors returns String[]",
        ], Violations(typeof(OtherShapes)).Order(StringComparer.Ordinal));
        Assert.Empty(Violations(typeof(OneShape)));
    }

    private static IEnumerable<string> Violations(Type type)
    {
        const BindingFlags Members = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        // A record's Deconstruct outs its properties (a document's Reason is data, not an error channel).
        foreach (var method in type.GetMethods(Members).Where(m => (m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly) && m.Name != "Deconstruct"))
        {
            var name = $"{Name(type)}.{method.Name}";
            var errorsByName = method.Name.Contains("error", StringComparison.OrdinalIgnoreCase) || method.Name == "Validate";
            if (OtherErrorType(method.ReturnType) || (errorsByName && IsStrings(method.ReturnType)))
            {
                yield return $"{name} returns {Name(method.ReturnType)}";
            }

            foreach (var parameter in method.GetParameters().Where(p => p.ParameterType.IsByRef))
            {
                var parameterType = parameter.ParameterType.GetElementType()!;
                var errorsByParameter = parameter.Name?.Contains("error", StringComparison.OrdinalIgnoreCase) == true;
                var reasonByParameter = errorsByParameter || parameter.Name?.Contains("reason", StringComparison.OrdinalIgnoreCase) == true;
                if (OtherErrorType(parameterType) || (errorsByParameter && IsStrings(parameterType)) || (reasonByParameter && parameterType == typeof(string)))
                {
                    yield return $"{name} outs {parameter.Name} as {Name(parameterType)}";
                }
            }
        }
    }

    // A type named ...Error other than DataError, itself or as an element or generic argument (Nullable, lists, tuples).
    private static bool OtherErrorType(Type type)
    {
        if (type.HasElementType) return OtherErrorType(type.GetElementType()!);
        if (type.IsGenericType && type.GetGenericArguments().Any(OtherErrorType)) return true;
        var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;
        return name.EndsWith("Error", StringComparison.Ordinal) && type != typeof(DataError);
    }

    private static bool IsStrings(Type type) => type != typeof(string) && typeof(IEnumerable<string>).IsAssignableFrom(type);

    // Without the namespace: String, IReadOnlyList`1[String], OneErrorTypeTests+OtherShapes.
    private static string Name(Type type) =>
        type.IsGenericType ? $"{type.Name}[{string.Join(",", type.GetGenericArguments().Select(Name))}]"
        : type.FullName is { } full && type.Namespace is { } ns ? full[(ns.Length + 1)..] : type.Name;

    /// <summary>Every shape the rule refuses (the test proves it can fail).</summary>
    public static class OtherShapes
    {
        public static string[] Errors => [];

        public static bool TryParse(string text, out IReadOnlyList<string> errors) => (errors = [text]).Count == 0;

        public static IReadOnlyList<string> Validate() => [];

        public static IReadOnlyList<ParseError> Check() => [];

        public static bool TryRead(string text, out string? error) => (error = text) is null;

        public static bool TryConvert(string text, out string reason) => (reason = text).Length == 0;

        public sealed record ParseError(string Reason);
    }

    /// <summary>The shape the rule asks for.</summary>
    public static class OneShape
    {
        public static IReadOnlyList<string> Names => [];

        public static bool TryParse(string text, out IReadOnlyList<DataError> errors) => (errors = [new(0, null, text)]).Count == 0;

        public static IReadOnlyList<DataError> Validate() => [];

        public static bool TryRead(string text, out DataError error) => (error = new(1, "x", text)).Line == 0;

        public static bool TryCheck(string text, out DataError? error, out string value)
        {
            (error, value) = (null, text);
            return true;
        }
    }
}
