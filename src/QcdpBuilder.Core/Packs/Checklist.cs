using QcdpBuilder.Content;

namespace QcdpBuilder.Packs;

/// <summary>A heading and its tick-box items.</summary>
public sealed record ChecklistGroup(string Title, List<string> Items);

/// <summary>
/// The materials and room checklist for a pack, aggregated across its sessions: preparation, printing (with
/// counts for handouts marked one per participant), materials, and room set-up, or for online delivery the
/// breakout rooms and online-tool checks instead.
/// </summary>
public static class Checklist
{
    /// <summary>People per breakout room (or table) an activity's method needs, or null for whole-group work.</summary>
    public static string? RoomSize(string method) => method switch
    {
        "pairs" => "2",
        "trios" => "3",
        "small-groups" => "4–6",
        "breakout" => "4–6",
        "1-2-4-all" => "2, then 4",
        "carousel" => "4–6",
        _ => null,
    };

    static int? Rooms(string method, int participants) => method switch
    {
        "pairs" => participants / 2,
        "trios" => participants / 3,
        "small-groups" or "breakout" or "carousel" => (participants + 4) / 5,
        "1-2-4-all" => participants / 2,
        _ => null,
    };

    // Online tools the activities' virtual notes call for, and the check each needs before the day.
    static readonly (string Word, string Check)[] Tools =
    [
        ("breakout", "Breakout rooms enabled, and a co-host who can open, time and close them"),
        ("whiteboard", "Shared whiteboard prepared (one board or frame per activity) and its link ready to paste"),
        ("poll", "Polls written in advance and tested"),
        ("chat", "Chat open to everyone, and someone watching it"),
        ("annotat", "Annotation switched on for participants"),
        ("shared document", "Shared documents created, with edit access for participants"),
        ("timer", "An on-screen timer (or the platform's breakout-room countdown) ready"),
    ];

    /// <param name="personalised">The participant pack holds one named copy per participant (a roster was given).</param>
    public static List<ChecklistGroup> For(PackPlan plan, Programme programme, int? participants, bool personalised = false)
    {
        var groups = new List<ChecklistGroup>();
        var sessions = plan.Sessions;

        var prep = sessions.SelectMany(s => s.Preparation.Select(p => $"{p} ({s.Id})")).ToList();
        if (prep.Count > 0) groups.Add(new("Before the day", prep));

        var printing = new List<string>();
        string Count(int n) => participants is { } k ? $"{n * k} copies ({n} × {k} participants)" : "one per participant";
        printing.Add(personalised
            ? $"Participant packs: print the participant pack file once, double-sided (it holds a named copy for each of the {participants} participants); for spares, make an unnamed pack without --participants"
            : participants is { } pp ? $"Participant packs: {pp} copies (double-sided), plus two spares" : "Participant packs: one per participant (double-sided), plus two spares");
        foreach (var id in plan.HandoutIds)
        {
            var h = programme.FindHandout(id);
            if (h is null) continue;
            var used = string.Join(", ", sessions.Where(s => s.Handouts.Contains(id)).Select(s => s.Id));
            printing.Add(h.PerParticipant
                ? $"{h.Title} ({used}): {Count(1)} (in the participant pack{(plan.Online ? "; send the fillable PDF to anyone joining online" : "")})"
                : plan.GivenEarlier.Contains(id)
                    ? $"{h.Title} ({used}): participants have theirs from an earlier day; a few spares for anyone who forgot it"
                    : $"{h.Title} ({used}): a few copies for the room (in the participant pack)");
        }
        groups.Add(new(plan.InRoom ? "Printing" : "Printing and sending", printing));

        if (plan.InRoom)
        {
            var materials = new List<(string Text, List<string> Sessions)>();
            foreach (var s in sessions)
                foreach (var m in s.Materials)
                {
                    var same = materials.FirstOrDefault(x => string.Equals(x.Text, m, StringComparison.OrdinalIgnoreCase));
                    if (same.Text is null) materials.Add((m, [s.Id]));
                    else if (!same.Sessions.Contains(s.Id)) same.Sessions.Add(s.Id);
                }
            if (materials.Count > 0) groups.Add(new("Materials", materials.Select(m => $"{m.Text} ({string.Join(", ", m.Sessions)})").ToList()));

            var room = new List<string>();
            if (!string.IsNullOrWhiteSpace(plan.Venue)) room.Add($"Room booked and open in time to set up: {plan.Venue}");
            room.Add("Projector, screen and clicker tested with today's slides");
            foreach (var (size, used) in GroupWork(sessions))
                room.Add($"Tables or chairs for groups of {size} ({used})");
            if (sessions.Any(s => s.Activities.Any(a => a.Method == "fishbowl"))) room.Add("Space for an inner and outer circle of chairs (fishbowl)");
            if (sessions.Any(s => s.Activities.Any(a => a.Method == "carousel"))) room.Add("Flipchart stations around the walls (carousel)");
            room.Add("Wall space and tape or putty for flipchart sheets");
            room.Add("Sign-in sheet and pens by the door; refreshments ordered for the breaks");
            groups.Add(new("Room set-up", room));
        }

        if (plan.Online)
        {
            var rooms = new List<string>();
            foreach (var s in sessions)
                foreach (var a in s.Activities)
                {
                    if (RoomSize(a.Method) is not { } size) continue;
                    var count = participants is { } k && Rooms(a.Method, k) is { } r ? $": {Math.Max(1, r)} rooms for {k} participants" : "";
                    rooms.Add($"{s.Id} {a.Title} ({a.Minutes} min): rooms of {size}{count}");
                }
            if (rooms.Count > 0) groups.Add(new("Breakout rooms", rooms));

            var online = new List<string>();
            online.Add(string.IsNullOrWhiteSpace(plan.OnlineLink)
                ? "Joining link sent to every participant and tested"
                : $"Joining link tested and sent to every participant: {plan.OnlineLink}");
            online.Add("Slides shared from the facilitator's screen and checked for legibility; sound checked");
            var text = string.Join("\n", sessions.SelectMany(s => s.Activities.Select(a => a.Virtual))).ToLowerInvariant();
            foreach (var (word, check) in Tools)
                if (text.Contains(word, StringComparison.Ordinal))
                {
                    var used = string.Join(", ", sessions.Where(s => s.Activities.Any(a => a.Virtual.Contains(word, StringComparison.OrdinalIgnoreCase))).Select(s => s.Id));
                    online.Add($"{check} ({used})");
                }
            online.Add("Recording off unless everyone has agreed; cameras-on expectations agreed");
            groups.Add(new("Online-tool checks", online));
        }
        return groups;
    }

    /// <summary>Group sizes the day's activities need, with the sessions that need each.</summary>
    static IEnumerable<(string Size, string Used)> GroupWork(List<Session> sessions) =>
        sessions.SelectMany(s => s.Activities.Where(a => a.Method is "pairs" or "trios" or "small-groups" or "breakout")
                .Select(a => (Size: RoomSize(a.Method)!, s.Id)))
            .GroupBy(x => x.Size)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, string.Join(", ", g.Select(x => x.Id).Distinct())));
}
