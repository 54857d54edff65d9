using System.Globalization;
using System.Text;

namespace QcdpBuilder.Calendar;

/// <summary>One calendar event. Times are local to Europe/London; a null start makes an all-day event.</summary>
public sealed record CalendarEvent(string Uid, DateOnly Date, TimeOnly? Start, TimeOnly? End, string Summary, string Description, string Location, string? Url);

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
            if (e.Start is { } start)
            {
                lines.Add($"DTSTART;TZID={TimeZone}:{Local(e.Date, start)}");
                lines.Add($"DTEND;TZID={TimeZone}:{Local(e.Date, e.End ?? start.AddHours(1))}");
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
