using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Nps.Tests.Architecture;

/// <summary>
/// Finds, in a sample's source, what belongs in a package instead: a parser or a document type. Concretely, a type
/// <list type="bullet">
/// <item>named <c>…Parser</c>, <c>…Reader</c>, <c>…Document</c> or <c>…Converter</c>;</item>
/// <item>with a <c>Parse</c> or <c>TryParse</c> method, or implementing <c>IParsable</c>/<c>ISpanParsable</c>/<c>IUtf8SpanParsable</c>;</item>
/// <item>deriving from <c>JsonConverter</c>, or from a reader base of the library (<c>DataReader</c>, <c>RecordSource</c>);</item>
/// <item>shaped for the wire: a member marked <c>[JsonPropertyName]</c>, <c>[JsonPropertyOrder]</c>, <c>[JsonRequired]</c>,
/// <c>[JsonInclude]</c> or <c>[JsonConverter]</c>, or the type named in a <c>[JsonSerializable(typeof(…))]</c>;</item>
/// <item>or one that parses JSON by hand: <c>JsonSerializer.Deserialize</c>, <c>JsonDocument</c>,
/// <c>JsonNode</c>, <c>JsonElement</c> or a <c>Utf8JsonReader</c>.</item>
/// </list>
/// A name alone (<c>ResponseFile</c>, <c>ProgramFile</c>, <c>Json</c>) is not a finding: such a helper that only calls a
/// package's reader or writer is the thin glue a sample is for.
/// </summary>
internal static class SampleParsers
{
    private static readonly string[] ParserSuffixes = ["Parser", "Reader", "Document", "Converter"];
    private static readonly HashSet<string> ParsingInterfaces = ["IParsable", "ISpanParsable", "IUtf8SpanParsable"];
    private static readonly HashSet<string> ParserBases = ["JsonConverter", "DataReader", "RecordSource"];
    private static readonly HashSet<string> WireAttributes = ["JsonPropertyName", "JsonPropertyOrder", "JsonRequired", "JsonInclude", "JsonConverter"];
    private static readonly HashSet<string> HandParsing = ["JsonSerializer.Deserialize", "JsonSerializer.DeserializeAsync"];
    private static readonly HashSet<string> HandParsingTypes = ["JsonElement", "Utf8JsonReader", "JsonDocument", "JsonNode"];

    /// <summary>The names of the types a file declares.</summary>
    public static IEnumerable<string> DeclaredTypes(string text) =>
        CSharpSyntaxTree.ParseText(text).GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText);

    /// <summary>Each finding in one file's text, as "path:line: what"; <paramref name="sampleTypes"/> are the types the samples declare.</summary>
    public static IEnumerable<string> Find(string path, string text, IReadOnlySet<string> sampleTypes)
    {
        var root = CSharpSyntaxTree.ParseText(text).GetRoot();
        string At(SyntaxNode node) => $"{path}:{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";

        foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
        {
            var name = type.Identifier.ValueText;
            if (ParserSuffixes.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal) && name.Length > s.Length) is { } suffix)
            {
                yield return $"{At(type)}: {name} is named as a {suffix.ToLowerInvariant()}";
            }

            foreach (var b in type.BaseList?.Types ?? default)
            {
                var baseName = SimpleName(b.Type);
                if (ParsingInterfaces.Contains(baseName)) yield return $"{At(type)}: {name} implements {baseName}";
                if (ParserBases.Contains(baseName)) yield return $"{At(type)}: {name} derives from {baseName}";
            }
        }

        foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            if (method.Identifier.ValueText is "Parse" or "TryParse")
            {
                yield return $"{At(method)}: {Owner(method)} declares {method.Identifier.ValueText}";
            }
        }

        foreach (var attribute in root.DescendantNodes().OfType<AttributeSyntax>())
        {
            var attributeName = SimpleName(attribute.Name).RemoveSuffix("Attribute");
            if (WireAttributes.Contains(attributeName) && attribute.Parent?.Parent is MemberDeclarationSyntax or ParameterSyntax)
            {
                yield return $"{At(attribute)}: {Owner(attribute)} is shaped for the wire ([{attributeName}])";
            }

            if (attributeName == "JsonSerializable" && attribute.ArgumentList?.Arguments.FirstOrDefault()?.Expression is TypeOfExpressionSyntax typeOf
                && sampleTypes.Contains(SimpleName(typeOf.Type)))
            {
                yield return $"{At(attribute)}: {SimpleName(typeOf.Type)}, declared in the sample, is a JSON document ([JsonSerializable])";
            }
        }

        foreach (var access in root.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
        {
            var called = $"{SimpleName(access.Expression)}.{access.Name.Identifier.ValueText}";
            if (HandParsing.Contains(called)) yield return $"{At(access)}: {Owner(access)} parses JSON by hand ({called})";
        }

        foreach (var name in root.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (HandParsingTypes.Contains(name.Identifier.ValueText)) yield return $"{At(name)}: {Owner(name)} reads JSON by hand ({name.Identifier.ValueText})";
        }
    }

    private static string Owner(SyntaxNode node) =>
        node.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText ?? "(top level)";

    private static string SimpleName(SyntaxNode type) => type switch
    {
        GenericNameSyntax g => g.Identifier.ValueText,
        QualifiedNameSyntax q => SimpleName(q.Right),
        AliasQualifiedNameSyntax a => SimpleName(a.Name),
        MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
        IdentifierNameSyntax i => i.Identifier.ValueText,
        _ => type.ToString(),
    };

    private static string RemoveSuffix(this string text, string suffix) =>
        text.EndsWith(suffix, StringComparison.Ordinal) ? text[..^suffix.Length] : text;
}
