namespace Nps.Tests.Architecture;

public sealed class SampleTests
{
    [Fact]
    public void Samples_DeclareNoParserOrDocumentType()
    {
        var files = RepositoryFiles.CSharpFiles("samples").Select(f => (Path: f, Text: File.ReadAllText(Path.Combine(RepositoryFiles.Root, f)))).ToList();
        Assert.NotEmpty(files);
        var declared = files.SelectMany(f => SampleParsers.DeclaredTypes(f.Text)).ToHashSet(StringComparer.Ordinal);

        var findings = files.SelectMany(f => SampleParsers.Find(f.Path, f.Text, declared)).Distinct().ToList();

        Assert.True(findings.Count == 0, $"A sample declares a parser or a document type (it belongs in a package):\n{string.Join("\n", findings)}");
    }

    [Theory]
    [InlineData("internal static class DateParser { }", "DateParser is named as a parser")]
    [InlineData("internal sealed class ReportDocument { }", "ReportDocument is named as a document")]
    [InlineData("internal readonly record struct Level(double Value) { public static bool TryParse(string s, out Level l) { l = default; return true; } }", "Level declares TryParse")]
    [InlineData("internal sealed class Window : IParsable<Window> { }", "Window implements IParsable")]
    [InlineData("internal sealed class KindConverter2 : JsonConverter<int> { }", "KindConverter2 derives from JsonConverter")]
    [InlineData("internal sealed record Row([property: JsonPropertyName(\"n\")] int N);", "Row is shaped for the wire ([JsonPropertyName])")]
    [InlineData("internal sealed record Row(int N); [JsonSerializable(typeof(Row))] internal partial class Ctx : JsonSerializerContext;", "Row, declared in the sample, is a JSON document ([JsonSerializable])")]
    [InlineData("internal static class Load { public static int Run(string s) => JsonSerializer.Deserialize<int>(s); }", "Load parses JSON by hand (JsonSerializer.Deserialize)")]
    [InlineData("internal static class Load { public static int Run(string s) => JsonDocument.Parse(s).RootElement.GetInt32(); }", "Load reads JSON by hand (JsonDocument)")]
    public void Find_ParserOrDocument_Named(string source, string expected)
    {
        var findings = SampleParsers.Find("x.cs", source, SampleParsers.DeclaredTypes(source).ToHashSet()).ToList();

        Assert.Contains(findings, f => f.EndsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("internal static class ProgramFile { public static bool TryLoad(string path, out NpsProgram? p, out IReadOnlyList<string> e) => NpsProgramJson.TryRead(File.OpenRead(path), out p, out e); }")]
    [InlineData("internal static class Json { public static void Write<T>(TextWriter w, T d) => w.Write(NpsJson.Serialize(d)); }")]
    [InlineData("[JsonSerializable(typeof(string))] internal sealed partial class SampleDataJsonContext : JsonSerializerContext;")]
    public void Find_GlueThatCallsAPackage_NoFinding(string source) =>
        Assert.Empty(SampleParsers.Find("x.cs", source, SampleParsers.DeclaredTypes(source).ToHashSet()));
}
