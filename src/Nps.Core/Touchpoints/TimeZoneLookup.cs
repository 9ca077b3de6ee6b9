using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Nps.Touchpoints;

/// <summary>Finds IANA (or Windows) time zones and remembers the ones found.</summary>
internal static class TimeZoneLookup
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Cache = new(StringComparer.Ordinal);

    public static bool TryFind(string id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        if (Cache.TryGetValue(id, out zone)) return true;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }

        // Only known zones are remembered: ids come from outside, and unknown ones must not grow the cache.
        Cache.TryAdd(id, zone);
        return true;
    }
}
