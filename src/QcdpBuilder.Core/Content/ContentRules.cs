using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Content;

/// <summary>
/// The promises the content must keep, checked after loading: references resolve,
/// activities add up to their session, days add up to their timetable, every outcome is
/// taught somewhere. Each broken rule is one diagnostic at the place to fix.
/// </summary>
public static class ContentRules
{
    public static void Check(Programme p, Organisation? org, DiagnosticBag d)
    {
        Unique(p.Workstreams.SelectMany(w => w.Outcomes).Select(o => (o.Id, o.At)), "outcome id", d);
        Unique(p.Sessions.Select(s => (s.Id, SourceSpan.StartOf(s.File))), "session id", d);
        Unique(p.Workstreams.Select(w => (w.Id, SourceSpan.StartOf(w.File))), "workstream id", d);

        foreach (var s in p.Sessions)
        {
            var file = s.File;
            foreach (var o in s.Outcomes.Where(o => p.FindOutcome(o) is null))
            {
                var near = Suggest.Nearest(o, p.Workstreams.SelectMany(w => w.Outcomes).Select(x => x.Id));
                d.Report(Rules.UnknownOutcome, FindLine(s, o), $"session {s.Id} serves outcome '{o}', which no workstream defines",
                    near is null ? "use an outcome id from a workstream.yaml" : $"did you mean '{near}'?");
            }
            foreach (var h in s.Handouts.Where(h => p.FindHandout(h) is null))
            {
                var near = Suggest.Nearest(h, p.Handouts.Select(x => x.Id));
                d.Report(Rules.UnknownHandout, FindLine(s, h), $"session {s.Id} uses handout '{h}', but no handouts/{h}.md exists",
                    near is null ? "write the handout in the workstream's handouts/ folder" : $"did you mean '{near}'?");
            }
            // Summed as long: minutes are bounded where they are read, but a total must never overflow into a crash.
            var sum = s.Activities.Sum(a => (long)a.Minutes);
            if (s.Activities.Count > 0 && sum != s.Duration)
                d.Report(Rules.ActivityTimings, FindLine(s, "duration:"), $"activities in session {s.Id} add up to {sum} minutes but the session's duration is {s.Duration}",
                    sum > s.Duration ? $"shorten activities by {sum - s.Duration} minutes or raise the duration" : $"add {s.Duration - sum} minutes to the activities or lower the duration");
        }

        var served = p.Sessions.SelectMany(s => s.Outcomes).ToHashSet();
        foreach (var o in p.Workstreams.SelectMany(w => w.Outcomes).Where(o => !served.Contains(o.Id) && p.Unreadable.Count == 0))
        {
            // An organisation may leave out the only session that teaches an outcome: that is its choice, but it should know.
            if (p.ExcludedSessions.FirstOrDefault(x => x.Session.Outcomes.Contains(o.Id)) is { Session: not null } gone)
                d.Warning(gone.At, $"with session {gone.Session.Id} excluded, no session teaches outcome {o.Id} ({o.Text})", "teach it in a session of your own (list the outcome in its session.yaml), or accept the gap", Rules.DayShortened);
            else d.Report(Rules.OutcomeCoverage, o.At, $"outcome {o.Id} is not served by any session", "add its id to the 'outcomes' of the session(s) that teach it");
        }

        var scheduled = new HashSet<string>();
        foreach (var w in p.Workshops)
            foreach (var day in w.Days)
            {
                var total = 0L;
                foreach (var item in day.Items)
                {
                    if (item.Kind == DayItemKind.Session)
                    {
                        item.Session = p.FindSession(item.SessionId!);
                        if (item.Session is null && p.Unreadable.Contains(item.SessionId!)) continue;
                        if (item.Session is null) { d.Report(Rules.UnknownSession, item.At, $"day {day.Number} schedules session '{item.SessionId}', which does not exist", Near(item.SessionId!, p)); continue; }
                        scheduled.Add(item.Session.Id);
                        total += item.Session.Duration;
                    }
                    else total += item.Minutes;
                }
                var length = (int)(day.End - day.Start).TotalMinutes;
                if (total != length && day.Items.All(i => i.Kind != DayItemKind.Session || i.Session is not null))
                    d.Report(Rules.DayTimings, day.At, $"day {day.Number} runs {day.Start:HH\\:mm}–{day.End:HH\\:mm} ({length} minutes) but its sessions and breaks add up to {total} minutes",
                        total > length ? $"remove {total - length} minutes or end the day later" : $"add {length - total} minutes or end the day earlier");
            }
        foreach (var wb in p.Webinars)
        {
            wb.Session = p.FindSession(wb.SessionId);
            if (wb.Session is null && p.Unreadable.Contains(wb.SessionId)) continue;
            if (wb.Session is null) d.Report(Rules.UnknownSession, wb.At, $"webinar session '{wb.SessionId}' does not exist", Near(wb.SessionId, p));
            else
            {
                scheduled.Add(wb.SessionId);
                if (!wb.Session.IsWebinar) d.Report(Rules.WebinarKind, wb.At, $"session '{wb.SessionId}' is listed as a webinar but its kind is '{wb.Session.Kind}'", $"set 'kind: webinar' in {wb.Session.File}");
            }
        }
        foreach (var s in p.Sessions.Where(s => !scheduled.Contains(s.Id)))
            d.Report(Rules.Unscheduled, SourceSpan.StartOf(s.File), $"session {s.Id} is not scheduled on any day or as a webinar", "add it to content/programme.yaml");

        if (org is null) return;
        foreach (var w in p.Workshops)
        {
            if (!org.Cohort.WorkshopDates.TryGetValue(w.Id, out var dates))
                d.Report(Rules.CohortDates, CohortAt(org), $"the cohort has no dates for workshop {w.Id}", $"add '{w.Id}: [\"YYYY-MM-DD\", …]' under cohort.workshops");
            else if (dates.Count != w.Days.Count)
                d.Report(Rules.CohortDates, dates.Count > 0 ? dates[0].At : CohortAt(org), $"workshop {w.Id} has {w.Days.Count} days but the cohort gives {dates.Count} dates", "give one date per day");
        }
        foreach (var (id, (_, at)) in org.Cohort.WebinarDates)
            if (p.ExcludedSessions.Any(x => x.Session.Id == id)) d.Warning(at, $"webinar '{id}' is excluded, so this date is not used", "remove the date from cohort.webinars", Rules.DayShortened);
            else if (p.Webinars.All(w => w.SessionId != id)) d.Report(Rules.CohortDates, at, $"the cohort dates webinar '{id}', which programme.yaml does not list", "use a session id from programme.yaml 'webinars'");
    }

    static string? Near(string id, Programme p) => Suggest.Nearest(id, p.Sessions.Select(s => s.Id)) is { } n ? $"did you mean '{n}'?" : "use a session id from a workstream.yaml";

    static void Unique(IEnumerable<(string Id, SourceSpan At)> items, string what, DiagnosticBag d)
    {
        foreach (var g in items.GroupBy(i => i.Id).Where(g => g.Count() > 1))
            foreach (var dup in g.Skip(1))
                d.Report(Rules.DuplicateId, dup.At, $"{what} '{g.Key}' is used more than once (first at {g.First().At})", $"give each {what.Replace(" id", "")} its own id");
    }

    /// <summary>The position of the first line in the session file that mentions <paramref name="text"/>.</summary>
    static SourceSpan FindLine(Session s, string text)
    {
        var path = s.FilePath.Length > 0 ? s.FilePath : Path.Combine(s.Directory, "session.yaml");
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var col = lines[i].IndexOf(text, StringComparison.Ordinal);
            if (col >= 0) return new SourceSpan(s.File, i + 1, col + 1);
        }
        return SourceSpan.StartOf(s.File);
    }

    /// <summary>Where the profile's cohort is; the top of the profile when it has none.</summary>
    static SourceSpan CohortAt(Organisation org) => org.Cohort.At.Line > 0 ? org.Cohort.At with { File = org.File } : SourceSpan.StartOf(org.File);
}
