namespace Nps.Samples.Console.Reporting;

/// <summary>The command-line names of the interval methods: adjusted-wald, wald, score.</summary>
public static class MethodNames
{
    /// <summary>The accepted names.</summary>
    public static readonly string[] All = ["adjusted-wald", "wald", "score"];

    /// <summary>Parses a <c>--method</c> value.</summary>
    public static bool TryParse(string? text, out IntervalMethod method)
    {
        switch (text)
        {
            case "adjusted-wald": method = IntervalMethod.AdjustedWald; return true;
            case "wald": method = IntervalMethod.Wald; return true;
            case "score": method = IntervalMethod.Score; return true;
            default: method = default; return false;
        }
    }

    /// <summary>The command-line name of <paramref name="method"/>.</summary>
    public static string Format(IntervalMethod method) => Nps.Serialization.NpsReportDocument.FormatMethod(method);
}
