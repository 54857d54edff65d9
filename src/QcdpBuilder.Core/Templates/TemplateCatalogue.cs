using System.Collections;
using System.Text;

namespace QcdpBuilder.Templates;

/// <summary>One template in <c>templates/</c>: its file name, the product it makes and the top-level names of the data it receives.</summary>
public sealed record TemplateInfo(string Name, string Product, IReadOnlyList<string> Data);

/// <summary>
/// Every template an organisation can override, with the product it makes and the data it receives. The field
/// descriptions are written here by hand; which fields exist is checked against the data the build really passes
/// (a test builds each template's data and walks its keys, see <see cref="Paths"/>), and templates/README.md is
/// generated from this catalogue (<see cref="Markdown"/>), so neither can drift from the code.
/// </summary>
public static class TemplateCatalogue
{
    /// <summary>What every template (and content itself) can use.</summary>
    public static readonly IReadOnlyList<string> ContentData = ["org", "terms", "cohort", "lead", "contact", "programme", "self_assessment"];

    /// <summary>The templates. Adding one is one line here (plus descriptions of any new fields in <see cref="Fields"/>).</summary>
    public static readonly IReadOnlyList<TemplateInfo> All =
    [
        new("facilitator-guide.md.sbn", "the facilitator guide of each workstream (guides/)", [.. ContentData, "workstream", "sessions", "virtual_delivery"]),
        new("timetable.md.sbn", "the cohort timetable (programme/timetable)", [.. ContentData, "workshops", "webinars"]),
        new("handout.md.sbn", "the frame of each handout (handouts/, and in packs)", [.. ContentData, "handout", "body"]),
        new("applicant-contract.md.sbn", "the frame of the applicant contract (contracts/)", [.. ContentData, "document", "body"]),
        new("programme-document.md.sbn", "the frame of each programme document (programme/)", [.. ContentData, "document", "body"]),
        new("session-deck.md.sbn", "each session's slide deck after its title slide (slides/: PPTX and the three PDFs)", [.. ContentData, "session", "workstream", "slides", "body"]),
    ];

    /// <summary>Groups whose keys come from the organisation's profile, so their fields are not listed one by one.</summary>
    public static readonly IReadOnlySet<string> OpenGroups = new HashSet<string>(StringComparer.Ordinal) { "terms", "org.links" };

    /// <summary>
    /// Every name in the data, as dotted paths (<c>sessions[].activities[].title</c>), with one line each. Fields marked
    /// "Markdown" are written by content authors and inserted with <c>{{ value | raw }}</c>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["org"] = "the organisation, from its profile",
        ["org.name"] = "its full name",
        ["org.short_name"] = "its short name",
        ["org.qi_platform"] = "its local term for the QI platform (terminology)",
        ["org.sponsor_term"] = "its local term for a sponsor",
        ["org.qi_forum"] = "its local term for the QI forum",
        ["org.coach_term"] = "its local term for a coach",
        ["org.contact"] = "the programme contact (`name`, `role`, `email`, `phone`)",
        ["org.contact.name"] = "name", ["org.contact.role"] = "role", ["org.contact.email"] = "email address", ["org.contact.phone"] = "telephone number",
        ["org.lead"] = "the programme lead (`name`, `role`, `email`, `phone`)",
        ["org.lead.name"] = "name", ["org.lead.role"] = "role", ["org.lead.email"] = "email address", ["org.lead.phone"] = "telephone number",
        ["org.links"] = "the profile's named links (e.g. `org.links.intranet`)",
        ["org.setting"] = "the care setting",
        ["org.system_wide"] = "true for a partnership of organisations",
        ["org.in_house"] = "true for a single organisation",
        ["org.partners"] = "the partner organisations (a list of names)",
        ["org.partners_text"] = "the partners as text: \"A, B and C\"",
        ["org.host"] = "the host organisation of a partnership",
        ["org.delivery"] = "how the cohort is delivered: in-person, virtual or hybrid",
        ["org.virtual"] = "true when delivered online",
        ["org.hybrid"] = "true when delivered in the room and online together",
        ["org.in_person"] = "true when delivered in the room",
        ["terms"] = "the organisation's terminology, by key (e.g. `terms.coach`)",
        ["cohort"] = "the cohort being built for",
        ["cohort.name"] = "its name",
        ["cohort.delivery"] = "its delivery mode",
        ["cohort.venue"] = "its venue",
        ["cohort.protected_hours"] = "protected hours a week (empty when not given)",
        ["cohort.dates"] = "its calendar as a Markdown table (Markdown)",
        ["lead"] = "the programme lead (as `org.lead`, without the phone)",
        ["lead.name"] = "name", ["lead.role"] = "role", ["lead.email"] = "email address",
        ["contact"] = "the programme contact (as `org.contact`, without the role)",
        ["contact.name"] = "name", ["contact.email"] = "email address", ["contact.phone"] = "telephone number",
        ["programme"] = "the programme",
        ["programme.title"] = "its title",
        ["programme.short_title"] = "its short title",
        ["programme.version"] = "its version",
        ["programme.summary"] = "its summary (timetable only)",
        ["self_assessment"] = "the self-assessment items (content/evaluation)",
        ["self_assessment.items"] = "each item",
        ["self_assessment.items[].number"] = "its number, from 1",
        ["self_assessment.items[].id"] = "its id",
        ["self_assessment.items[].title"] = "its title",
        ["self_assessment.items[].description"] = "its description",
        ["self_assessment.count"] = "how many items there are",
        ["self_assessment.min"] = "the lowest score on the scale",
        ["self_assessment.max"] = "the highest score on the scale",
        ["workstream"] = "the workstream the guide is for",
        ["workstream.number"] = "its number",
        ["workstream.is_local"] = "true for the organisation's own local sessions",
        ["workstream.label"] = "\"Workstream 3\", or \"the local sessions\"",
        ["workstream.title"] = "its title",
        ["workstream.aim"] = "its aim",
        ["workstream.outcomes"] = "its learning outcomes",
        ["workstream.outcomes[].id"] = "the outcome's id",
        ["workstream.outcomes[].text"] = "the outcome",
        ["workstream.prerequisites"] = "its prerequisites (a list of texts)",
        ["workstream.indicative_content"] = "its indicative content (a list of texts)",
        ["virtual_delivery"] = "true when the cohort is delivered online or hybrid",
        ["slides"] = "the session's slides.md, placeholders filled (Markdown; place it with | raw)",
        ["session"] = "the session the deck is for",
        ["session.id"] = "its id (\"1.1\")",
        ["session.title"] = "its title",
        ["session.summary"] = "its summary",
        ["session.duration"] = "its length in minutes",
        ["session.is_webinar"] = "true for a webinar",
        ["session.first_of_day"] = "true when it opens a workshop day (where housekeeping slides belong)",
        ["session.outcomes"] = "the outcomes it teaches",
        ["session.outcomes[].id"] = "the outcome's id",
        ["session.outcomes[].text"] = "the outcome",
        ["session.activities"] = "its activities, in order",
        ["session.activities[].number"] = "the activity's number (from 1)",
        ["session.activities[].title"] = "its title",
        ["session.activities[].minutes"] = "its length in minutes",
        ["sessions"] = "the workstream's sessions, in order",
        ["sessions[].id"] = "the session's id (\"1.1\")",
        ["sessions[].title"] = "its title",
        ["sessions[].summary"] = "its summary",
        ["sessions[].duration"] = "its length in minutes",
        ["sessions[].kind_text"] = "what kind of session it is for this cohort, as a phrase",
        ["sessions[].when"] = "when it runs for this cohort",
        ["sessions[].outcomes"] = "the outcomes it teaches",
        ["sessions[].outcomes[].id"] = "the outcome's id",
        ["sessions[].outcomes[].text"] = "the outcome",
        ["sessions[].runsheet"] = "its run sheet, one row per activity",
        ["sessions[].runsheet[].start"] = "clock time the activity starts",
        ["sessions[].runsheet[].end"] = "clock time it ends",
        ["sessions[].runsheet[].minutes"] = "its length in minutes",
        ["sessions[].runsheet[].title"] = "its title",
        ["sessions[].runsheet[].method"] = "its method",
        ["sessions[].runsheet[].output"] = "what it produces",
        ["sessions[].preparation"] = "what the facilitator prepares (a list of texts)",
        ["sessions[].materials"] = "the materials needed (a list of texts)",
        ["sessions[].handouts"] = "the handouts used",
        ["sessions[].handouts[].id"] = "the handout's id",
        ["sessions[].handouts[].title"] = "its title",
        ["sessions[].prework"] = "the participants' pre-work (Markdown)",
        ["sessions[].activities"] = "its activities, in order",
        ["sessions[].activities[].number"] = "the activity's number, from 1",
        ["sessions[].activities[].title"] = "its title",
        ["sessions[].activities[].minutes"] = "its length in minutes",
        ["sessions[].activities[].method"] = "its method",
        ["sessions[].activities[].output"] = "what it produces",
        ["sessions[].activities[].instructions"] = "how to run it (Markdown)",
        ["sessions[].activities[].facilitator_notes"] = "notes for the facilitator (Markdown)",
        ["sessions[].activities[].virtual"] = "how to run it online (Markdown)",
        ["sessions[].notes"] = "the session's facilitator notes file, headings one level down (Markdown)",
        ["workshops"] = "the workshops, in order",
        ["workshops[].title"] = "the workshop's title",
        ["workshops[].month"] = "the programme month it falls in",
        ["workshops[].days"] = "its days",
        ["workshops[].days[].number"] = "the programme day number",
        ["workshops[].days[].date"] = "the cohort's date for it (empty when not set)",
        ["workshops[].days[].items"] = "the day's sessions and breaks",
        ["workshops[].days[].items[].start"] = "clock time it starts",
        ["workshops[].days[].items[].end"] = "clock time it ends",
        ["workshops[].days[].items[].minutes"] = "its length in minutes",
        ["workshops[].days[].items[].label"] = "the session (id, title, workstream), \"Lunch\" or \"Break\"",
        ["webinars"] = "the webinars, in order",
        ["webinars[].month"] = "the programme month",
        ["webinars[].date"] = "the cohort's date, or \"to be confirmed\"",
        ["webinars[].label"] = "the session's id and title",
        ["webinars[].minutes"] = "its length in minutes",
        ["handout"] = "the handout being framed",
        ["handout.id"] = "its id",
        ["handout.title"] = "its title, placeholders filled",
        ["handout.session"] = "the session it belongs to (empty for none)",
        ["handout.per_participant"] = "true when each participant gets a copy",
        ["document"] = "the contract or programme document being framed",
        ["document.id"] = "its id",
        ["document.title"] = "its title, placeholders filled",
        ["document.kind"] = "its kind (e.g. form, comms, guide)",
        ["document.audience"] = "who it is for",
        ["body"] = "the document's own text, placeholders filled; place it with `{{ body | raw }}` (Markdown)",
    };

    /// <summary>The template called <paramref name="name"/>, or null.</summary>
    public static TemplateInfo? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>
    /// The dotted paths of every name in <paramref name="data"/> (a template's data as the build passes it): a group's
    /// fields follow it (<c>org.name</c>), a list of groups gives <c>list[].field</c>; <see cref="OpenGroups"/> are not opened.
    /// </summary>
    public static SortedSet<string> Paths(IDictionary data)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Walk(data, "", paths);
        return paths;
    }

    static void Walk(IDictionary map, string prefix, SortedSet<string> paths)
    {
        foreach (DictionaryEntry e in map)
        {
            var path = prefix + e.Key;
            paths.Add(path);
            if (OpenGroups.Contains(path)) continue;
            switch (e.Value)
            {
                case IDictionary inner: Walk(inner, path + ".", paths); break;
                case IEnumerable list and not string:
                    foreach (var item in list)
                        if (item is IDictionary fields) Walk(fields, path + "[].", paths);
                    break;
            }
        }
    }

    /// <summary>The data model as Markdown, for the generated section of templates/README.md.</summary>
    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("| Template | Makes | Data |\n|---|---|---|\n");
        foreach (var t in All)
        {
            var own = t.Data.Except(ContentData).Select(n => $"`{n}`");
            sb.Append($"| `{t.Name}` | {t.Product} | everything content can use{string.Concat(own.Select(n => ", " + n))} |\n");
        }
        sb.Append("\n\"Everything content can use\" is ").Append(string.Join(", ", ContentData.Select(n => $"`{n}`"))).Append(".\n");
        foreach (var top in All.SelectMany(t => t.Data).Distinct())
        {
            var about = Describe(top);
            sb.Append($"\n### `{top}`\n\n{char.ToUpperInvariant(about[0])}{about[1..]}.");
            var fields = Fields.Keys.Where(k => k.StartsWith(top + ".", StringComparison.Ordinal) || k.StartsWith(top + "[].", StringComparison.Ordinal)).ToList();
            if (fields.Count > 0)
            {
                sb.Append("\n\n| Name | What |\n|---|---|\n");
                foreach (var f in fields) sb.Append($"| `{f}` | {Describe(f)} |\n");
            }
            else sb.Append('\n');
        }
        return sb.ToString();
    }

    static string Describe(string path) => Fields.TryGetValue(path, out var d) ? d.Replace("|", "\\|") : "";
}
