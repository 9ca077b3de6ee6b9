using Nps.Samples.Console;

return NpsCli.Run(args, Console.Out, Console.Error, showProgress: !Console.IsErrorRedirected);

namespace Nps.Samples.Console
{
    /// <summary>Anchor type so tests can find this assembly.</summary>
    public static class Marker;
}
