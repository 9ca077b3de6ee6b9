using System.Globalization;
using System.Runtime.CompilerServices;

namespace Nps;

/// <summary>Argument checks shared by the statistics: programmer errors become standard argument exceptions.</summary>
internal static class Guard
{
    public static void Level(double level, [CallerArgumentExpression(nameof(level))] string? name = null)
    {
        if (!NormalDistribution.IsConfidenceLevel(level)) throw new ArgumentOutOfRangeException(name, level, NormalDistribution.LevelError(level));
    }

    public static void Method(IntervalMethod method, [CallerArgumentExpression(nameof(method))] string? name = null)
    {
        if (method is not (IntervalMethod.AdjustedWald or IntervalMethod.Wald or IntervalMethod.Score))
        {
            throw new ArgumentOutOfRangeException(name, method, "Unknown interval method.");
        }
    }

    public static void Share(double share, [CallerArgumentExpression(nameof(share))] string? name = null)
    {
        if (!(share >= 0 && share <= 1))
        {
            throw new ArgumentOutOfRangeException(name, share,
                string.Create(CultureInfo.InvariantCulture, $"A share must lie in [0, 1]; got {share}."));
        }
    }

    public static void NonNegative(long count, [CallerArgumentExpression(nameof(count))] string? name = null)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(name, count,
                string.Create(CultureInfo.InvariantCulture, $"A count cannot be negative; got {count}."));
        }
    }
}
