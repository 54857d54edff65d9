using System.Globalization;
using System.Text;

namespace QcdpBuilder.Calendar;

/// <summary>One calendar event. Times are local to Europe/London; a null start makes an all-day event.</summary>
public sealed record CalendarEvent(string Uid, DateOnly Date, TimeOnly? Start, TimeOnly? End, string Summary, string Description, string Location, string? Url)
{
    /// <summary>The date the event ends on, when it runs past midnight (a webinar at 23:30); null for the same date.</summary>
    public DateOnly? EndDate { get; init; }
}

/// <summary>
/// Writes an iCalendar file (RFC 5545): CRLF line ends, content lines folded at 75 octets
/// without splitting a UTF-8 character, TEXT values escaped, local times with a
/// Europe/London VTIMEZONE (GMT/BST rules) so calendars in any zone show the right hour.
/// </summary>
public static class IcsWriter
{
    public const string TimeZone = "Europe/London";

    public static byte[] Write(string name, IEnumerable<CalendarEvent> events, DateTimeOffset stamp)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//QcdpBuilder//Quality Coach Development Programme//EN",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + Text(name), "X-WR-TIMEZONE:" + TimeZone,
            // Europe/London since 1996: BST from the last Sunday of March 01:00 UTC, GMT from the last Sunday of October.
            "BEGIN:VTIMEZONE", "TZID:" + TimeZone,
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST", "DTSTART:19810329T010000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT", "DTSTART:19961027T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
            "END:VTIMEZONE",
        };
        var dtstamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var e in events)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add("UID:" + e.Uid);
            lines.Add("DTSTAMP:" + dtstamp);
            lines.Add("SEQUENCE:" + Sequence(e, stamp).ToString(CultureInfo.InvariantCulture));
            if (e.Start is { } start)
            {
                lines.Add($"DTSTART;TZID={TimeZone}:{Local(e.Date, start)}");
                var (endDate, end) = e.End is { } given ? (e.EndDate ?? e.Date, given) : EndOf(e.Date, start, TimeSpan.FromHours(1));
                lines.Add($"DTEND;TZID={TimeZone}:{Local(endDate, end)}");
            }
            else
            {
                lines.Add("DTSTART;VALUE=DATE:" + e.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
                lines.Add("DTEND;VALUE=DATE:" + e.Date.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            }
            lines.Add("SUMMARY:" + Text(e.Summary));
            if (e.Description.Length > 0) lines.Add("DESCRIPTION:" + Text(e.Description));
            if (e.Location.Length > 0) lines.Add("LOCATION:" + Text(e.Location));
            if (e.Url is { Length: > 0 } url) lines.Add("URL:" + url);
            lines.Add("TRANSP:OPAQUE");
            lines.Add("END:VEVENT");
        }
        lines.Add("END:VCALENDAR");
        var sb = new StringBuilder();
        foreach (var line in lines) Fold(sb, line);
        return new UTF8Encoding(false).GetBytes(sb.ToString());
    }

    /// <summary>The date and time <paramref name="length"/> after <paramref name="start"/> on <paramref name="date"/>: past midnight is the next day.</summary>
    public static (DateOnly Date, TimeOnly Time) EndOf(DateOnly date, TimeOnly start, TimeSpan length)
    {
        var end = start.Add(length, out var wrappedDays);
        return (date.AddDays(wrappedDays), end);
    }

    /// <summary>
    /// The event's SEQUENCE (RFC 5545 3.8.7.4), which calendars compare to decide whether a file they import again
    /// updates an event they already have. It is made from the build's date stamp (days since 2000, so a build
    /// stamped later, e.g. with SOURCE_DATE_EPOCH set to the commit time, always supersedes) and, below that, from
    /// a hash of what the event says (date, times, title, place): the same content always gives the same number,
    /// so output stays byte-identical, and a moved date gives a different one.
    /// </summary>
    public static int Sequence(CalendarEvent e, DateTimeOffset stamp)
    {
        var days = Math.Clamp((int)(stamp.UtcDateTime.Date - new DateTime(2000, 1, 1)).TotalDays, 0, 200_000);
        var content = string.Join("\u001f", e.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture), e.Start?.ToString("HHmm", CultureInfo.InvariantCulture) ?? "",
            e.End?.ToString("HHmm", CultureInfo.InvariantCulture) ?? "", e.EndDate?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "", e.Summary, e.Location, e.Url ?? "", e.Description);
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(content));
        return days * 10_000 + (int)(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash) % 10_000);
    }

    static string Local(DateOnly d, TimeOnly t) =>
        d.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "T" + t.ToString("HHmmss", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, and newlines as \n.</summary>
    public static string Text(string value) => value
        .Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,")
        .Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    /// <summary>
    /// Appends one content line, folded (RFC 5545 3.1): at most 75 octets per physical line,
    /// continuation lines start with a space, and a break never falls inside a UTF-8 sequence.
    /// </summary>
    public static void Fold(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = 75;
        for (var i = 0; i < line.Length; i++)
        {
            var isPair = char.IsHighSurrogate(line[i]) && i + 1 < line.Length;
            var unit = isPair ? line.Substring(i, 2) : line[i].ToString();
            var size = Encoding.UTF8.GetByteCount(unit);
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 1; // the leading space counts towards the next line's 75
            }
            sb.Append(unit);
            octets += size;
            if (isPair) i++;
        }
        sb.Append("\r\n");
    }
}
