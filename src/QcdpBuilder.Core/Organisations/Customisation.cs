using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Organisations;

/// <summary>
/// The customise step: applies a profile's <c>exclude</c>, <c>add</c> and <c>reorder</c> to the
/// loaded programme, in that order. Every id is checked (with a "did you mean" hint) and every
/// problem is reported at the profile line that caused it. A day that loses a session to
/// <c>exclude</c> closes up: breaks left with no session between them go, and the day ends
/// earlier (a warning says by how much) unless the organisation's additions fill the time.
/// </summary>
public static class Customiser
{
    /// <summary>The programme as this organisation runs it: a new model; <paramref name="loaded"/> is left as it was.</summary>
    public static Programme Customise(Programme loaded, Organisation org, DiagnosticBag d)
    {
        var p = loaded.Copy();
        Apply(p, org, d);
        return p;
    }

    static void Apply(Programme p, Organisation org, DiagnosticBag d)
    {
        var c = org.Customisation;
        // Per day number: the profile line that last changed it, the first exclusion that took a session from it, and which.
        var changed = new Dictionary<int, (SourceSpan Last, SourceSpan? ExcludedAt, List<string> Excluded)>();
        var days = p.Workshops.SelectMany(w => w.Days).ToList();
        void Changed(WorkshopDay day, SourceSpan at, string? excluded = null)
        {
            var (_, excludedAt, ids) = changed.TryGetValue(day.Number, out var x) ? x : (at, null, new List<string>());
            if (excluded is not null) { excludedAt ??= at; if (!ids.Contains(excluded)) ids.Add(excluded); }
            changed[day.Number] = (at, excludedAt, ids);
        }

        // Breaks the programme itself puts side by side (or at the end of a day) are its choice; only newly stranded ones go.
        var strandedBefore = days.ToDictionary(day => day, day => Stranded(day).ToHashSet(ReferenceEqualityComparer.Instance));
        // A session that takes an excluded one's slot goes in first, so the slot (and the breaks around it) stay as they were.
        foreach (var a in c.Add.Where(a => a.InsteadOf is not null)) Add(p, a, c, days, Changed, d);
        foreach (var e in c.Exclude) Exclude(p, e, days, Changed, d);
        DropOrphanHandouts(p);
        foreach (var day in days.Where(x => changed.TryGetValue(x.Number, out var why) && why.ExcludedAt is not null)) RemoveStrandedBreaks(day, strandedBefore[day]);
        foreach (var a in c.Add.Where(a => a.InsteadOf is null)) Add(p, a, c, days, Changed, d);
        foreach (var r in c.Reorder) Reorder(p, r, days, Changed, d);

        foreach (var w in p.Workshops)
            for (var i = 0; i < w.Days.Count; i++)
                if (changed.TryGetValue(w.Days[i].Number, out var why))
                    w.Days[i] = CloseUp(p, w.Days[i], why.Last, why.ExcludedAt, why.Excluded, d);
    }

    static void Exclude(Programme p, Exclusion e, List<WorkshopDay> days, Action<WorkshopDay, SourceSpan, string?> changed, DiagnosticBag d)
    {
        List<Session> sessions;
        if (p.Workstreams.FirstOrDefault(w => (w.Id == e.Id || w.Folder == e.Id) && !w.IsLocal) is { } ws)
        {
            p.Workstreams.Remove(ws);
            p.ExcludedWorkstreams.Add(ws);
            sessions = [.. ws.Sessions];
            // Its worksheets go too, unless a session that stays uses them.
            p.Handouts.RemoveAll(h => h.File.Replace('\\', '/').Contains($"/workstreams/{ws.Folder}/handouts/") && !p.Sessions.Any(s => s.Handouts.Contains(h.Id)));
        }
        else if (p.FindSession(e.Id) is { } s)
        {
            s.Workstream.Sessions.Remove(s);
            if (s.Workstream.Sessions.Count == 0 && p.Workstreams.Remove(s.Workstream)) p.ExcludedWorkstreams.Add(s.Workstream);
            sessions = [s];
        }
        else
        {
            var already = p.ExcludedSessions.Any(x => x.Session.Id == e.Id) || p.ExcludedWorkstreams.Any(w => w.Id == e.Id || w.Folder == e.Id);
            if (already) d.Report(Rules.Customisation, e.At, $"'{e.Id}' is excluded more than once", "list each session or workstream once");
            else
            {
                var ids = p.Sessions.Select(x => x.Id).Concat(p.Workstreams.Where(w => !w.IsLocal).Select(w => w.Id)).ToList();
                var near = Suggest.Nearest(e.Id, ids.Concat(p.Workstreams.Select(w => w.Folder)));
                d.Report(Rules.Customisation, e.At, $"cannot exclude '{e.Id}': no session or workstream has that id",
                    (near is null ? "" : $"did you mean '{near}'? ") + "exclude takes session ids (\"6.4\", Wb5) and workstream ids (working-with-groups)");
            }
            return;
        }

        foreach (var s in sessions)
        {
            p.ExcludedSessions.Add((s, e.At));
            p.Webinars.RemoveAll(w => w.SessionId == s.Id);
            foreach (var day in days.Where(day => day.Items.Any(i => i.SessionId == s.Id)))
            {
                day.Items.RemoveAll(i => i.SessionId == s.Id);
                changed(day, e.At, s.Id);
            }
        }
    }

    /// <summary>A worksheet that belongs to an excluded session goes with it, unless a session that stays uses it.</summary>
    static void DropOrphanHandouts(Programme p)
    {
        var excluded = p.ExcludedSessions.Select(x => x.Session.Id).ToHashSet();
        p.Handouts.RemoveAll(h => h.SessionId is { } owner && excluded.Contains(owner) && !p.Sessions.Any(s => s.Handouts.Contains(h.Id)));
    }

    static void Add(Programme p, Addition a, Customisation c, List<WorkshopDay> days, Action<WorkshopDay, SourceSpan, string?> changed, DiagnosticBag d)
    {
        var session = p.FindSession(a.SessionId);
        if (session is null)
        {
            var excluded = p.ExcludedSessions.Any(x => x.Session.Id == a.SessionId);
            d.Report(Rules.Customisation, a.At, excluded ? $"cannot add session '{a.SessionId}': the profile excludes it" : $"cannot add session '{a.SessionId}': no session has that id",
                excluded ? "remove it from 'exclude' or from 'add'" : SessionHint(a.SessionId, p));
            return;
        }
        if (session.IsWebinar) { d.Report(Rules.Customisation, a.At, $"session '{a.SessionId}' is a webinar; only workshop sessions go into a day", $"set 'kind: workshop' in {session.File}"); return; }
        var day = days.FirstOrDefault(x => x.Number == a.Day);
        if (day is null) { d.Report(Rules.Customisation, a.DayAt, $"there is no day {a.Day}", DaysHint(days)); return; }
        if (day.Items.Any(i => i.SessionId == a.SessionId)) { d.Report(Rules.Customisation, a.At, $"session '{a.SessionId}' already runs on day {a.Day}", "use 'reorder' to move it within the day"); return; }

        bool Excluded(string id) => c.Exclude.Any(e => e.Id == id || (p.FindSession(id)?.Workstream is { } w && (w.Id == e.Id || w.Folder == e.Id)));
        if (a.InsteadOf is { } gone && !Excluded(gone))
        {
            d.Report(Rules.Customisation, a.PlaceAt, $"'instead_of: {gone}' names a session the profile does not exclude", $"add \"{gone}\" to 'exclude', or use 'after' or 'before' to place the session next to it");
            return;
        }
        var index = day.Items.Count;
        if ((a.After ?? a.Before ?? a.InsteadOf) is { } anchor)
        {
            var at = day.Items.FindIndex(i => i.SessionId == anchor);
            if (at < 0)
            {
                var onDay = day.Items.Where(i => i.SessionId is not null).Select(i => i.SessionId!).ToList();
                var near = Suggest.Nearest(anchor, onDay);
                d.Report(Rules.Customisation, a.PlaceAt, $"session '{anchor}' is not on day {a.Day}", (near is null ? "" : $"did you mean '{near}'? ") + $"Sessions on day {a.Day}: {string.Join(", ", onDay)}");
                return;
            }
            index = a.Before is not null ? at : at + 1;
        }
        day.Items.Insert(index, new DayItem(DayItemKind.Session, a.SessionId, 0, a.At));
        changed(day, a.At, null);
    }

    static void Reorder(Programme p, Reordering r, List<WorkshopDay> days, Action<WorkshopDay, SourceSpan, string?> changed, DiagnosticBag d)
    {
        var day = days.FirstOrDefault(x => x.Number == r.Day);
        if (day is null) { d.Report(Rules.Customisation, r.DayAt, $"there is no day {r.Day}", DaysHint(days)); return; }
        var ok = true;
        foreach (var item in r.Items.Where(i => i.SessionId is not null && p.FindSession(i.SessionId) is null))
        {
            d.Report(Rules.Customisation, item.At, $"session '{item.SessionId}' does not exist", SessionHint(item.SessionId!, p));
            ok = false;
        }
        if (!ok) return;
        // A reorder moves what the day holds; leaving out or adding sessions is what exclude and add are for.
        var had = day.Items.Where(i => i.SessionId is not null).Select(i => i.SessionId!).Order(StringComparer.Ordinal).ToList();
        var has = r.Items.Where(i => i.SessionId is not null).Select(i => i.SessionId!).Order(StringComparer.Ordinal).ToList();
        if (!had.SequenceEqual(has))
        {
            var missing = had.Except(has).ToList();
            var extra = has.Except(had).ToList();
            var what = string.Join("; ", new[] { missing.Count > 0 ? "it leaves out " + string.Join(", ", missing) : null, extra.Count > 0 ? "it adds " + string.Join(", ", extra) : null }.OfType<string>());
            d.Report(Rules.Customisation, r.At, $"the new order for day {r.Day} must hold the same sessions as the day ({string.Join(", ", had)}), but {(what.Length > 0 ? what : "it repeats a session")}",
                "list each of the day's sessions once; use 'exclude' to drop a session and 'add' to bring one in");
            return;
        }
        day.Items.Clear();
        day.Items.AddRange(r.Items);
        changed(day, r.At, null);
    }

    /// <summary>Breaks left with no session between them (or at either end of the day) by an exclusion go with it; lunch stays.</summary>
    static void RemoveStrandedBreaks(WorkshopDay day, HashSet<object?> strandedBefore)
    {
        while (Stranded(day).FirstOrDefault(i => i.Kind == DayItemKind.Break && !strandedBefore.Contains(i)) is { } item)
            day.Items.Remove(item);
    }

    /// <summary>The pauses of a day with no session on one side of them.</summary>
    static IEnumerable<DayItem> Stranded(WorkshopDay day)
    {
        bool IsPause(int i) => i >= 0 && i < day.Items.Count && day.Items[i].Kind != DayItemKind.Session;
        for (var i = 0; i < day.Items.Count; i++)
            if (IsPause(i) && (i == 0 || i == day.Items.Count - 1 || IsPause(i - 1) || IsPause(i + 1)))
                yield return day.Items[i];
    }

    /// <summary>Checks a changed day's timing; a day that lost sessions may end earlier.</summary>
    static WorkshopDay CloseUp(Programme p, WorkshopDay day, SourceSpan at, SourceSpan? excludedAt, List<string> excluded, DiagnosticBag d)
    {
        var total = day.Items.Sum(i => i.Kind == DayItemKind.Session ? p.FindSession(i.SessionId!)?.Duration ?? 0 : i.Minutes);
        var length = (int)(day.End - day.Start).TotalMinutes;
        if (total == length) return day;
        var end = day.Start.AddMinutes(total);
        if (total < length && excludedAt is { } lostAt)
        {
            d.Report(Rules.DayShortened, lostAt, $"excluding {string.Join(", ", excluded)} shortens day {day.Number} by {length - total} minutes: it now ends at {end:HH\\:mm} instead of {day.End:HH\\:mm}",
                $"to keep the full day, add a session of {length - total} minutes to day {day.Number} with 'add'");
            return day with { End = end };
        }
        d.Report(Rules.Customisation, at, $"day {day.Number} runs {day.Start:HH\\:mm}–{day.End:HH\\:mm} ({length} minutes), but with this change its sessions and breaks add up to {total} minutes",
            total > length ? $"make room: exclude {total - length} minutes of sessions from day {day.Number}, or add the session to another day"
                : $"fill {length - total} minutes: add a session to day {day.Number}");
        // Reported here, at the profile line; the content rules need not report it again against programme.yaml.
        return day with { End = end };
    }

    static string SessionHint(string id, Programme p) =>
        Suggest.Nearest(id, p.Sessions.Select(s => s.Id)) is { } near ? $"did you mean '{near}'?" : "use a session id from a session.yaml (an organisation's own sessions live in its content/sessions/ folder)";

    static string DaysHint(List<WorkshopDay> days) => $"days are numbered {days.Min(x => x.Number)}–{days.Max(x => x.Number)} in content/programme.yaml";
}
