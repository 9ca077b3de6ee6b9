namespace Nps.Samples.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void ConsoleAssembly_Loads_HasEntryPoint()
    {
        var entry = typeof(Nps.Samples.Console.Marker).Assembly.EntryPoint;
        Assert.NotNull(entry);
    }
}
