using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Nps.Readme.Tests;

/// <summary>
/// Compiles a chain of README blocks into one program the way a newcomer's project would: the blocks' using
/// directives first, then their statements in order (top-level statements), then their type declarations, with
/// the implicit usings of a console project (of a web project when the code uses <c>WebApplication</c>), and only the
/// assemblies of the packages the text names (<see cref="ReadmePackages"/>). <c>#line</c> directives make every diagnostic name the README line.
/// </summary>
public static class ReadmeCompiler
{
    private static readonly string[] ConsoleUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly string[] WebUsings =
    [
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    /// <summary>The program text the chain compiles to (for messages).</summary>
    /// <param name="chain">The blocks, first first.</param>
    /// <returns>The C# source.</returns>
    public static string ToProgram(IReadOnlyList<ReadmeBlock> chain)
    {
        var usings = new List<string>();
        var statements = new StringBuilder();
        var types = new StringBuilder();
        var web = IsWeb(chain);
        foreach (var global in web ? ConsoleUsings.Concat(WebUsings) : ConsoleUsings) usings.Add($"global using global::{global};");

        foreach (var block in chain)
        {
            var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(block.Code, ParseOptions).GetRoot();
            foreach (var directive in root.Usings)
            {
                var text = directive.ToString().Trim();
                if (!usings.Contains(text)) usings.Add(text);
            }

            foreach (var member in root.Members)
            {
                var target = member is GlobalStatementSyntax ? statements : types;
                var line = member.GetLocation().GetLineSpan().StartLinePosition.Line + block.Line;
                target.Append("#line ").Append(line).Append(" \"").Append(block.File).Append("\"\n");
                target.Append(member.ToFullString().TrimStart('\r', '\n')).Append('\n');
            }
        }

        var program = new StringBuilder();
        foreach (var directive in usings.Where(u => u.StartsWith("global ", StringComparison.Ordinal))) program.Append(directive).Append('\n');
        foreach (var directive in usings.Where(u => !u.StartsWith("global ", StringComparison.Ordinal))) program.Append(directive).Append('\n');
        program.Append(statements).Append("#line default\n").Append(types);
        return program.ToString();
    }

    /// <summary>Compiles the chain; returns the assembly image, or the error diagnostics.</summary>
    /// <param name="chain">The blocks, first first.</param>
    /// <param name="errors">The errors, each naming the README file and line.</param>
    /// <returns>The image, or null when it does not compile.</returns>
    public static byte[]? Compile(IReadOnlyList<ReadmeBlock> chain, out IReadOnlyList<string> errors)
    {
        var tree = CSharpSyntaxTree.ParseText(ToProgram(chain), ParseOptions, path: "readme-program.cs", encoding: Encoding.UTF8);
        var compilation = CSharpCompilation.Create(
            "ReadmeBlock_" + Guid.NewGuid().ToString("N"),
            [tree],
            ReadmePackages.References(chain[^1].ChainPackages, IsWeb(chain)),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        errors = [.. result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Describe)];
        return result.Success ? image.ToArray() : null;
    }

    /// <summary>Runs a compiled block with the repository root as the working directory and returns what it printed.</summary>
    /// <param name="image">The assembly image.</param>
    /// <param name="workingDirectory">The directory the program runs in.</param>
    /// <returns>Standard output and standard error.</returns>
    public static (string Output, string Error) Run(byte[] image, string workingDirectory)
    {
        var context = new AssemblyLoadContext("readme-block", isCollectible: true);
        var previousOut = Console.Out;
        var previousError = Console.Error;
        var previousDirectory = Directory.GetCurrentDirectory();
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(image));
            var entry = assembly.EntryPoint ?? throw new InvalidOperationException("The program has no entry point.");
            Console.SetOut(output);
            Console.SetError(error);
            Directory.SetCurrentDirectory(workingDirectory);
            try
            {
                entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new InvalidOperationException($"The block threw {e.InnerException.GetType().Name}: {e.InnerException.Message}\n{output}", e.InnerException);
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
            Console.SetOut(previousOut);
            Console.SetError(previousError);
            context.Unload();
        }

        return (output.ToString(), error.ToString());
    }

    private static CSharpParseOptions ParseOptions => new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Regular);

    private static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        return $"{span.Path}:{span.StartLinePosition.Line + 1}: {diagnostic.Id} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static bool IsWeb(IReadOnlyList<ReadmeBlock> chain) => chain.Any(b => b.Code.Contains("WebApplication", StringComparison.Ordinal));
}
