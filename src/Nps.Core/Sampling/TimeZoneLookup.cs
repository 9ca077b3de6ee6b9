using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Nps.Sampling;

/// <summary>Finds IANA (or Windows) time zones once and remembers the answer, unknown ids included.</summary>
internal static class TimeZoneLookup
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Cache = new(StringComparer.Ordinal);

    public static bool TryFind(string id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = Cache.GetOrAdd(id, static key =>
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(key);
            }
            catch (TimeZoneNotFoundException)
            {
                return null;
            }
            catch (InvalidTimeZoneException)
            {
                return null;
            }
        });
        return zone is not null;
    }
}
