using QcdpBuilder.Content;

namespace QcdpBuilder.Calendar;

/// <summary>
/// The cohort's calendar: one event per workshop day (at the cohort's start time, ending when
/// the programme's day ends shifted by the same amount) and one per webinar (as long as the
/// webinar session), with the venue or joining link as the location.
/// </summary>
public static class CohortCalendar
{
    /// <summary>The file's name: <c>calendar/&lt;cohort slug&gt;.ics</c>.</summary>
    public static string PathFor(Organisation org) => $"calendar/{CohortSlug(org)}.ics";

    static string CohortSlug(Organisation org) => Slugs.Make(org.Cohort.Name) is { Length: > 0 } s ? s : "cohort";

    public static List<CalendarEvent> Events(Programme p, Organisation org)
    {
        var cohort = org.Cohort;
        var events = new List<CalendarEvent>();
        var label = p.ShortTitle.Length > 0 ? p.ShortTitle : p.Title;
        string Uid(string what) => $"{what}.{CohortSlug(org)}.{org.Slug}@qcdp-builder";

        foreach (var w in p.Workshops)
            for (var i = 0; i < w.Days.Count; i++)
            {
                if (cohort.Day(w.Id, i) is not { } day) continue;
                var programmeDay = w.Days[i];
                var start = day.Start ?? cohort.Start ?? programmeDay.Start;
                var (endDate, end) = IcsWriter.EndOf(day.Date, start, programmeDay.End - programmeDay.Start);
                var venue = day.Venue.Length > 0 ? day.Venue : cohort.Venue;
                var link = day.OnlineLink.Length > 0 ? day.OnlineLink : cohort.OnlineLink;
                var online = cohort.IsVirtual || venue.Length == 0;
                var url = cohort.Delivery == DeliveryModes.InPerson && day.OnlineLink.Length == 0 ? null : link;
                var sessions = programmeDay.Items.Where(x => x.Kind == DayItemKind.Session && x.Session is not null)
                    .Select(x => $"- {x.Session!.Id} {x.Session.Title}");
                var description = $"{org.Name}: {cohort.Name}\n{w.Title}, day {i + 1} of {w.Days.Count}\n\nSessions:\n{string.Join("\n", sessions)}";
                events.Add(new CalendarEvent(Uid($"{Slugs.Make(w.Id)}-day{i + 1}"), day.Date, start, end,
                    $"{label}: {w.Title}, day {i + 1}", description, online ? link : venue, url is { Length: > 0 } ? url : null) { EndDate = endDate == day.Date ? null : endDate });
            }

        foreach (var wb in p.Webinars)
        {
            if (!cohort.Webinars.TryGetValue(wb.SessionId, out var when)) continue;
            var start = when.Start ?? cohort.WebinarStart;
            var minutes = wb.Session?.Duration is { } d && d > 0 ? d : 60;
            var link = when.OnlineLink.Length > 0 ? when.OnlineLink : cohort.OnlineLink;
            var title = wb.Session?.Title ?? wb.SessionId;
            // A webinar at 23:30 ends on the next day, not at 00:30 before it started.
            var ends = start is { } s ? IcsWriter.EndOf(when.Date, s, TimeSpan.FromMinutes(minutes)) : ((DateOnly, TimeOnly)?)null;
            events.Add(new CalendarEvent(Uid($"webinar-{Slugs.Make(wb.SessionId)}"), when.Date, start, ends?.Item2,
                $"{label} webinar: {title}", $"{org.Name}: {cohort.Name}\nWebinar {wb.SessionId}: {title} ({minutes} minutes, online)",
                link.Length > 0 ? link : "Online", link.Length > 0 ? link : null) { EndDate = ends is { } x && x.Item1 != when.Date ? x.Item1 : null });
        }
        return events.OrderBy(e => e.Date).ThenBy(e => e.Start).ThenBy(e => e.Uid, StringComparer.Ordinal).ToList();
    }

    public static byte[] Write(Programme p, Organisation org, DateTimeOffset stamp) =>
        IcsWriter.Write($"{p.Title}: {org.Cohort.Name}", Events(p, org), stamp);
}
