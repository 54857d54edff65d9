using System.Text.RegularExpressions;
using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Packs;

/// <summary>What a pack covers: a whole workshop day, one session, or one webinar.</summary>
public enum PackKind { Day, Session, Webinar }

/// <summary>One slot of a pack's timetable: a session, a break or lunch, with its clock time when the cohort gives one.</summary>
public sealed record PackSlot(DayItemKind Kind, Session? Session, TimeOnly? Start, int Minutes)
{
    public TimeOnly? End => Start?.AddMinutes(Minutes);
}

/// <summary>
/// The plan of one pack: which sessions, breaks and lunch it covers, when (the cohort's date and start time,
/// which shift every clock time of the programme's day) and where (venue or joining link).
/// </summary>
public sealed partial class PackPlan
{
    public required PackKind Kind { get; init; }
    /// <summary>The id the user gives (<c>W2.1</c>, <c>5.1</c>, <c>Wb1</c>).</summary>
    public required string Id { get; init; }
    /// <summary>File name stem, e.g. <c>workshop-2-day-1</c>, <c>session-5.1</c>, <c>webinar-wb1</c>.</summary>
    public required string Stem { get; init; }
    /// <summary>What the pack is for, e.g. "Workshop 2, day 1".</summary>
    public required string Title { get; init; }
    public DateOnly? Date { get; init; }
    /// <summary>First clock time, or null when the cohort does not say (times are then elapsed, 0:00 onwards).</summary>
    public TimeOnly? Start { get; init; }
    public string Venue { get; init; } = "";
    public string OnlineLink { get; init; } = "";
    /// <summary>in-person, virtual or hybrid; webinars are always virtual.</summary>
    public string Delivery { get; init; } = DeliveryModes.InPerson;
    public List<PackSlot> Slots { get; init; } = [];
    /// <summary>Handouts participants were given on an earlier workshop day (the daily log, say).</summary>
    public HashSet<string> GivenEarlier { get; init; } = [];

    public int Minutes => Slots.Sum(s => s.Minutes);
    public TimeOnly? End => Start?.AddMinutes(Minutes);
    public bool Online => Delivery is DeliveryModes.Virtual or DeliveryModes.Hybrid;
    public bool InRoom => Delivery is DeliveryModes.InPerson or DeliveryModes.Hybrid;

    /// <summary>The sessions of the pack, each once, in the order they first run.</summary>
    public List<Session> Sessions => Slots.Where(s => s.Session is not null).Select(s => s.Session!).Distinct().ToList();

    /// <summary>Every handout the pack's sessions use, each once, in the order they are first used.</summary>
    public List<string> HandoutIds => Sessions.SelectMany(s => s.Handouts).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The id of every workshop day of the programme (<c>W1.1</c>, <c>W1.2</c> …).</summary>
    public static IEnumerable<string> DayIds(Programme p) =>
        p.Workshops.SelectMany(w => w.Days.Select((_, i) => $"{w.Id}.{i + 1}"));

    /// <summary>Plans for every workshop day and webinar of the programme (what <c>qcdp pack --all</c> writes).</summary>
    public static List<PackPlan> All(Programme p, Organisation org)
    {
        var plans = DayIds(p).Select(id => ForDay(p, org, id, new DiagnosticBag())!).ToList();
        plans.AddRange(p.Webinars.Where(w => w.Session is not null).Select(w => ForWebinar(p, org, w.SessionId, new DiagnosticBag())!));
        return plans;
    }

    [GeneratedRegex(@"^\s*(?<w>[A-Za-z]*\d+)\s*(?:\.|-\s*D|\s+D|-)\s*(?<d>\d+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DayIdRegex();

    /// <summary>
    /// A workshop day by id: <c>W2.1</c> is Workshop 2, day 1 (also written <c>W2-D1</c>). Clock times start
    /// at the cohort's start for that day (its own, else the cohort's default, else the programme's).
    /// </summary>
    public static PackPlan? ForDay(Programme p, Organisation org, string id, DiagnosticBag diagnostics)
    {
        var at = new SourceSpan("--day", 1, 1);
        var valid = string.Join(", ", DayIds(p));
        var m = DayIdRegex().Match(id);
        var workshop = m.Success ? p.Workshops.FirstOrDefault(w => string.Equals(w.Id, m.Groups["w"].Value, StringComparison.OrdinalIgnoreCase)
                                                                 || string.Equals(w.Id, "W" + m.Groups["w"].Value, StringComparison.OrdinalIgnoreCase)) : null;
        if (workshop is null)
        {
            diagnostics.Report(Rules.PackOptions, at, $"'{id}' is not a workshop day", $"write the workshop and the day within it, e.g. W2.1 for Workshop 2, day 1; days here: {valid}");
            return null;
        }
        int index = int.Parse(m.Groups["d"].Value, System.Globalization.CultureInfo.InvariantCulture) - 1;
        if (index < 0 || index >= workshop.Days.Count)
        {
            diagnostics.Report(Rules.PackOptions, at, $"{workshop.Title} has {workshop.Days.Count} day(s), so there is no day {index + 1}", $"days here: {valid}");
            return null;
        }
        var day = workshop.Days[index];
        var cohortDay = org.Cohort.Day(workshop.Id, index);
        var start = cohortDay?.Start ?? org.Cohort.Start ?? day.Start;
        var slots = new List<PackSlot>();
        var t = start;
        foreach (var item in day.Items)
        {
            int minutes = item.Kind == DayItemKind.Session ? item.Session?.Duration ?? item.Minutes : item.Minutes;
            slots.Add(new PackSlot(item.Kind, item.Session, t, minutes));
            t = t.AddMinutes(minutes);
        }
        var earlier = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in p.Workshops.TakeWhile(w => w != workshop).Append(workshop))
            foreach (var d in w == workshop ? w.Days.Take(index) : w.Days)
                foreach (var item in d.Items)
                    if (item.Session is { } s) earlier.UnionWith(s.Handouts);
        return new PackPlan
        {
            GivenEarlier = earlier,
            Kind = PackKind.Day,
            Id = $"{workshop.Id}.{index + 1}",
            Stem = $"{Slug(workshop.Title)}-day-{index + 1}",
            Title = $"{workshop.Title}, day {index + 1}",
            Date = cohortDay?.Date,
            Start = start,
            Venue = Nonempty(cohortDay?.Venue, org.Cohort.Venue),
            OnlineLink = Nonempty(cohortDay?.OnlineLink, org.Cohort.OnlineLink),
            Delivery = org.Cohort.Delivery,
            Slots = slots,
        };
    }

    /// <summary>One session: a webinar's plan for webinars, else the session at its first slot in the cohort's day.</summary>
    public static PackPlan? ForSession(Programme p, Organisation org, string id, DiagnosticBag diagnostics)
    {
        var session = p.Sessions.FirstOrDefault(s => string.Equals(s.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
        if (session is null)
        {
            diagnostics.Report(Rules.PackOptions, new SourceSpan("--session", 1, 1), $"there is no session '{id}'",
                $"sessions: {string.Join(", ", p.Sessions.Select(s => s.Id))}");
            return null;
        }
        if (session.IsWebinar || p.Webinars.Any(w => w.SessionId == session.Id)) return ForWebinar(p, org, session.Id, diagnostics);
        // The session within its (first) day, so its clock times follow the cohort's start for that day.
        foreach (var dayId in DayIds(p))
        {
            var day = ForDay(p, org, dayId, new DiagnosticBag())!;
            if (day.Slots.FirstOrDefault(s => s.Session == session) is { } slot)
                return new PackPlan
                {
                    Kind = PackKind.Session, Id = session.Id, Stem = $"session-{session.Id.ToLowerInvariant()}",
                    Title = $"Session {session.Id}: {session.Title}", Date = day.Date, Start = slot.Start,
                    Venue = day.Venue, OnlineLink = day.OnlineLink, Delivery = day.Delivery, Slots = [slot],
                };
        }
        return new PackPlan
        {
            Kind = PackKind.Session, Id = session.Id, Stem = $"session-{session.Id.ToLowerInvariant()}",
            Title = $"Session {session.Id}: {session.Title}", Venue = org.Cohort.Venue, OnlineLink = org.Cohort.OnlineLink,
            Delivery = org.Cohort.Delivery, Slots = [new PackSlot(DayItemKind.Session, session, null, session.Duration)],
        };
    }

    /// <summary>A webinar (always online) at the cohort's date and start time for it.</summary>
    public static PackPlan? ForWebinar(Programme p, Organisation org, string id, DiagnosticBag diagnostics)
    {
        var webinar = p.Webinars.FirstOrDefault(w => string.Equals(w.SessionId, id.Trim(), StringComparison.OrdinalIgnoreCase));
        if (webinar?.Session is not { } session)
        {
            diagnostics.Report(Rules.PackOptions, new SourceSpan("--webinar", 1, 1), $"there is no webinar '{id}'",
                $"webinars: {string.Join(", ", p.Webinars.Select(w => w.SessionId))}");
            return null;
        }
        var cw = org.Cohort.Webinars.GetValueOrDefault(session.Id);
        var start = cw?.Start ?? org.Cohort.WebinarStart;
        return new PackPlan
        {
            Kind = PackKind.Webinar, Id = session.Id, Stem = $"webinar-{session.Id.ToLowerInvariant()}",
            Title = $"Webinar {session.Id}: {session.Title}", Date = cw?.Date, Start = start,
            OnlineLink = Nonempty(cw?.OnlineLink, org.Cohort.OnlineLink), Delivery = DeliveryModes.Virtual,
            Slots = [new PackSlot(DayItemKind.Session, session, start, session.Duration)],
        };
    }

    static string Nonempty(string? first, string fallback) => string.IsNullOrWhiteSpace(first) ? fallback : first;

    static string Slug(string s) => string.Join("-", new string(s.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray())
        .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
