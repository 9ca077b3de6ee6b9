// Placeholder: replaced by the System.CommandLine `nps` tool.
System.Console.WriteLine("nps");

namespace Nps.Samples.Console
{
    /// <summary>Anchor type so tests can find this assembly.</summary>
    public static class Marker;
}
