namespace Nps.Data;

/// <summary>
/// A strict, allocation-free parser of ISO 8601 date-times with offset, straight from UTF-8:
/// <c>yyyy-MM-dd(T| )HH:mm[:ss[.f{1,7}]](Z|±hh[[:]mm])</c>.
/// </summary>
internal static class IsoTime
{
    public enum Result
    {
        Ok,
        Empty,
        Malformed,
        NoOffset,
        OutOfRange,
    }

    private const long MaxOffsetMinutes = 14 * 60;

    /// <summary>Parses <paramref name="text"/> (already trimmed).</summary>
    public static Result Parse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        var result = ParseParts(text, out var localTicks, out var offsetMinutes);
        if (result != Result.Ok)
        {
            value = default;
            return result;
        }

        var utcTicks = localTicks - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (utcTicks < DateTimeOffset.MinValue.UtcTicks || utcTicks > DateTimeOffset.MaxValue.UtcTicks)
        {
            value = default;
            return Result.OutOfRange;
        }

        value = new DateTimeOffset(localTicks, TimeSpan.FromMinutes(offsetMinutes));
        return Result.Ok;
    }

    /// <summary>
    /// Parses into the local clock reading (ticks of the wall time) and the offset in minutes; the caller builds
    /// the instant (or uses the parts as a cache key).
    /// </summary>
    public static Result ParseParts(ReadOnlySpan<byte> text, out long localTicks, out int offsetMinutes)
    {
        localTicks = 0;
        offsetMinutes = 0;
        if (text.IsEmpty)
        {
            return Result.Empty;
        }

        // yyyy-MM-ddTHH:mm is the shortest accepted form (16 bytes).
        if (text.Length < 16 || text[4] != '-' || text[7] != '-' || text[10] is not ((byte)'T' or (byte)'t' or (byte)' ') || text[13] != ':')
        {
            return Result.Malformed;
        }

        if (!Digits4(text, 0, out var year) || !Digits2(text, 5, out var month) || !Digits2(text, 8, out var day) ||
            !Digits2(text, 11, out var hour) || !Digits2(text, 14, out var minute))
        {
            return Result.Malformed;
        }

        var position = 16;
        var second = 0;
        long fraction = 0;
        if (position < text.Length && text[position] == ':')
        {
            if (!Digits2(text, position + 1, out second))
            {
                return Result.Malformed;
            }

            position += 3;
            if (position < text.Length && text[position] is (byte)'.' or (byte)',')
            {
                position++;
                var digits = 0;
                while (position < text.Length && (uint)(text[position] - '0') <= 9)
                {
                    if (digits == 7)
                    {
                        return Result.Malformed;
                    }

                    fraction = (fraction * 10) + (text[position] - '0');
                    digits++;
                    position++;
                }

                if (digits == 0)
                {
                    return Result.Malformed;
                }

                for (; digits < 7; digits++)
                {
                    fraction *= 10;
                }
            }
        }

        if (position == text.Length)
        {
            return Result.NoOffset;
        }

        var sign = text[position];
        if (sign is (byte)'Z' or (byte)'z')
        {
            if (position + 1 != text.Length)
            {
                return Result.Malformed;
            }
        }
        else if (sign is (byte)'+' or (byte)'-')
        {
            var rest = text[(position + 1)..];
            int offsetHours, offsetMinute = 0;
            if (rest.Length == 2 && Digits2(rest, 0, out offsetHours))
            {
            }
            else if (rest.Length == 4 && Digits2(rest, 0, out offsetHours) && Digits2(rest, 2, out offsetMinute))
            {
            }
            else if (rest.Length == 5 && rest[2] == ':' && Digits2(rest, 0, out offsetHours) && Digits2(rest, 3, out offsetMinute))
            {
            }
            else
            {
                return Result.Malformed;
            }

            if (offsetMinute > 59 || (offsetHours * 60) + offsetMinute > MaxOffsetMinutes)
            {
                return Result.OutOfRange;
            }

            offsetMinutes = ((offsetHours * 60) + offsetMinute) * (sign == '-' ? -1 : 1);
        }
        else
        {
            return Result.Malformed;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return Result.OutOfRange;
        }

        // DateOnly.DayNumber counts days from 0001-01-01, the same origin as DateTime ticks.
        localTicks = (new DateOnly(year, month, day).DayNumber * TimeSpan.TicksPerDay) + (hour * TimeSpan.TicksPerHour) +
                     (minute * TimeSpan.TicksPerMinute) + (second * TimeSpan.TicksPerSecond) + fraction;
        return Result.Ok;
    }

    private static bool Digits2(ReadOnlySpan<byte> text, int at, out int value)
    {
        value = 0;
        if (at + 2 > text.Length)
        {
            return false;
        }

        uint a = (uint)(text[at] - '0'), b = (uint)(text[at + 1] - '0');
        if (a > 9 || b > 9)
        {
            return false;
        }

        value = (int)((a * 10) + b);
        return true;
    }

    private static bool Digits4(ReadOnlySpan<byte> text, int at, out int value)
    {
        value = 0;
        if (!Digits2(text, at, out var high) || !Digits2(text, at + 2, out var low))
        {
            return false;
        }

        value = (high * 100) + low;
        return true;
    }
}
