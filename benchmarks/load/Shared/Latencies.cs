using System.Net;

/// <summary>What the load kits share about measuring: the HTTP client of N concurrent callers and percentiles.</summary>
static class Latencies
{
    /// <summary>A client with one connection per concurrent caller, no cookies, and connections kept for the whole run.</summary>
    public static HttpClient Client(string address, int clients, TimeSpan? timeout = null) => new(new SocketsHttpHandler
    {
        UseCookies = false, MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, AutomaticDecompression = DecompressionMethods.None,
    })
    { BaseAddress = new Uri(address), Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    /// <summary>The nearest-rank percentile <paramref name="q"/> (0 to 1) of sorted values; NaN when there are none.</summary>
    public static double Percentile(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1))];
}
