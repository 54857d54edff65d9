using QcdpBuilder.Branding;
using QcdpBuilder.Content;
using QcdpBuilder.Decks;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Documents;
using QcdpBuilder.Evaluation;
using QcdpBuilder.Markdown;
using QcdpBuilder.Organisations;
using QcdpBuilder.Pptx;
using QcdpBuilder.Templates;

namespace QcdpBuilder.Pipeline;

/// <summary>
/// The content as one organisation's build sees it, made once per build and shared by every product:
/// load → customise → check → fill templates → parse. <c>qcdp build</c>, <c>validate</c>, <c>pack</c>, <c>report</c>,
/// <c>serve</c> and <c>--watch</c> all open one, so they accept and reject exactly the same content; each
/// command only chooses which products to make from it and where to write them. Parsed Markdown, decks and
/// handouts are made on first use and remembered, with the files read to make them (<see cref="Record{T}"/>),
/// so an output's inputs for incremental rebuilds are the files actually read for it.
/// Every template and placeholder is filled here (<see cref="Render"/>, <see cref="Title"/>). A session is used
/// by the one thread that plans the build; what it makes is immutable and may be rendered on any thread.
/// </summary>
public sealed class ContentSession
{
    /// <summary>The templates (in <c>templates/</c>, or the organisation's overlay) the facilitator guides and the timetable are made from.</summary>
    public const string GuideTemplate = "facilitator-guide.md.sbn", TimetableTemplate = "timetable.md.sbn";

    readonly ContentLoader loader;
    readonly TemplateEngine templates;
    readonly DocumentFrames frames;
    readonly Dictionary<string, object> data;
    readonly MarkdownReader reader, quietReader;
    readonly EvaluationDefinition evaluation;
    readonly IReadOnlyList<string> outlineFiles, workstreamFiles, evaluationFiles;
    readonly string selfAssessmentFile;
    readonly Dictionary<string, (object? Value, IReadOnlyList<string> Reads)> made = new(StringComparer.Ordinal);
    readonly Task termsCheck;

    public string Root { get; }
    public DiagnosticBag Diagnostics { get; }
    public BuildContext Context { get; }
    public Overlay Overlay { get; }
    public Organisation Organisation { get; }
    public Brand Brand { get; }

    /// <summary>The customised programme, for choosing what to make. A product that shows programme-wide facts reads <see cref="Outline"/>.</summary>
    public Programme Programme { get; }

    /// <summary>
    /// The programme, read for what it shows across sessions (timings, titles, outcomes, handout titles): every
    /// session's, workstream's and handout's file counts as read by the output being made.
    /// </summary>
    public Programme Outline { get { Context.Reads.Read(outlineFiles); return Programme; } }

    /// <summary>The workstreams, read for their titles (every site page's navigation): their files count as read.</summary>
    public IReadOnlyList<Workstream> Workstreams { get { Context.Reads.Read(workstreamFiles); return Programme.Workstreams; } }

    /// <summary>The evaluation (measures and self-assessment items); its two files count as read.</summary>
    public EvaluationDefinition Evaluation { get { Context.Reads.Read(evaluationFiles); return evaluation; } }

    /// <summary>The values placeholders can use (see content/README.md), for templates that add their own on top.</summary>
    public IReadOnlyDictionary<string, object> Data => data;

    ContentSession(string root, DiagnosticBag diagnostics, BuildContext context, OrganisationContent content, Programme programme, EvaluationDefinition evaluation,
        Brand brand, Dictionary<string, object> data, Task termsCheck)
    {
        Root = root; Diagnostics = diagnostics; Context = context;
        (Overlay, loader, Organisation, Programme) = (content.Overlay, content.Loader, content.Organisation, programme);
        this.evaluation = evaluation; Brand = brand; this.data = data; this.termsCheck = termsCheck;
        loader.Reading = context.Reads.Read;
        // Templates may include others, from templates/ and the organisation's templates/ overlay only.
        templates = new TemplateEngine(TemplateIncludes.For(root, Overlay.TemplatesFolder));
        // Passages for the other delivery mode are dropped; pictures resolve through the overlay and count as read.
        string Picture(string path) { var file = Overlay.Content(path); context.Reads.Read(file); return file; }
        reader = new MarkdownReader(root, diagnostics) { Delivery = Organisation.Cohort.Delivery, Resolve = Picture, Paths = context.Paths };
        // Products that show Markdown a build has already parsed (and reported) parse it again quietly.
        quietReader = new MarkdownReader(root, new DiagnosticBag()) { Delivery = Organisation.Cohort.Delivery, Resolve = Picture, Paths = context.Paths };
        workstreamFiles = Programme.Workstreams.Select(w => Path.GetFullPath(w.File, root)).ToList();
        outlineFiles = Programme.Sessions.Select(s => s.File).Concat(Programme.Workstreams.Select(w => w.File)).Select(f => Path.GetFullPath(f, root))
            .Concat(Programme.Handouts.Select(h => Path.GetFullPath(h.File))).Distinct().ToList();
        evaluationFiles = [Path.Combine(root, EvaluationLoader.MeasuresFile), selfAssessmentFile = Path.Combine(root, EvaluationLoader.SelfAssessmentFile)];
        // Handouts, the contract and programme documents are placed in their frame templates (which an organisation can override).
        frames = new DocumentFrames(templates, reader, Overlay, loader.Rel, loader.ReadText, data, diagnostics);
    }

    /// <summary>
    /// Loads, customises and checks the content for one organisation, and fills the placeholders in its YAML texts.
    /// Null when the profile or the programme cannot be read at all (the diagnostics say why); otherwise every
    /// problem is in <paramref name="diagnostics"/> and the session can still be used to find more.
    /// </summary>
    public static ContentSession? Open(string root, string? profileOption, DiagnosticBag diagnostics, BuildContext? context = null)
    {
        root = Path.GetFullPath(root);
        context ??= new BuildContext();

        // 1. Load: the organisation profile (its folder holds its overlay), then the content read through that overlay.
        if (OrganisationContent.Load(root, profileOption, diagnostics, ProfileFileChecks.All, context.Paths) is not { } content) return null;
        var org = content.Organisation;
        // The terms check reads every file again on its own and reports by file and line: it runs beside the rest.
        var termsCheck = Task.Run(() => Validation.Terms.Check(root, diagnostics, Path.GetDirectoryName(content.Profile)));

        // 2. Customise (a new model: the loaded one stays as read): the organisation's exclusions, additions and new order,
        //    then the rules that tie content and profile together.
        var programme = Customiser.Customise(content.Programme, org, diagnostics);
        ContentRules.Check(programme, org, diagnostics);
        // The evaluation (measures and self-assessment items) and its traceability to the outcomes taught.
        var evaluation = EvaluationLoader.Load(root, diagnostics);
        Traceability.Check(programme, evaluation, diagnostics);
        // The brand every writer uses, checked for legible colours and a usable reference deck.
        var brand = OrganisationBrand.Make(root, org, programme);
        BrandContrast.Check(brand, key => org.ColourAt.TryGetValue(key, out var at) ? at : SourceSpan.StartOf(org.File), diagnostics);
        if (org.ReferenceDeck is { } template) TemplateCheck.Check(template, brand.LayoutNames, org.ReferenceDeckAt, diagnostics);

        // 3. The values placeholders can use, filled into the short texts that come from YAML.
        var data = TemplateData.ForContent(org, programme);
        data["self_assessment"] = EvaluationTemplateData.SelfAssessment(evaluation);
        var session = new ContentSession(root, diagnostics, context, content, programme, evaluation, brand, data, termsCheck);
        YamlText.FillPlaceholders(programme, data, session.templates, diagnostics);
        return session;
    }

    /// <summary>Waits for the checks still running beside the rest; then every diagnostic is in.</summary>
    public void Finish()
    {
        termsCheck.GetAwaiter().GetResult();
        // Text the PDFs' fonts cannot show would print as '?': an error at the character, in every file read.
        Validation.Glyphs.Check(Brand, loader.TextsRead, loader.Rel, Diagnostics);
    }

    // ---------------- reading, with every read recorded ----------------

    /// <summary>Runs <paramref name="make"/> and gives what it made with the files it read (see <see cref="ReadLog"/>).</summary>
    public (T Value, IReadOnlyList<string> Inputs) Record<T>(Func<T> make) => Context.Reads.Record(make);

    /// <summary>Made once per session: later uses get the same value and count the same files as read.</summary>
    T Once<T>(string key, Func<T> make)
    {
        if (made.TryGetValue(key, out var known)) { Context.Reads.Read(known.Reads); return (T)known.Value!; }
        var (value, reads) = Context.Reads.Record(make);
        made[key] = (value, reads);
        return value;
    }

    /// <summary>Repository-relative path with forward slashes, as diagnostics show it.</summary>
    public string Rel(string path) => loader.Rel(path);

    /// <summary>A content or template file's text, read once and checked; null (with an error) if it cannot be used or is missing.</summary>
    public string? Text(string path) => loader.ReadText(path);

    /// <summary>The file a build uses for template <paramref name="name"/> (the organisation's copy, else the shared one).</summary>
    public string TemplatePath(string name) => Overlay.Template(name);

    /// <summary>
    /// Fills the placeholders in Markdown (a content file's text or a template) with <see cref="Data"/> or
    /// <paramref name="with"/>; null (with errors at <paramref name="file"/>) when it cannot be filled.
    /// </summary>
    public string? Render(string text, string file, int firstLine = 1, IDictionary<string, object>? with = null, bool quietly = false)
    {
        NoteData(text);
        return templates.Render(text, with ?? data, file, quietly ? new DiagnosticBag() : Diagnostics, firstLine);
    }

    /// <summary>
    /// Renders a product's template (the facilitator guide, the timetable) with <paramref name="with"/>; templates
    /// may include others. Null (with errors at the template file) when it cannot be rendered.
    /// </summary>
    public string? RenderTemplate(string text, string file, IDictionary<string, object> with) =>
        templates.RenderTemplate(text, with, file, Diagnostics);

    /// <summary>A title from front matter or YAML with its placeholders filled, as plain text ("Become a {{terms.coach}}").</summary>
    public string Title(string title, string file)
    {
        NoteData(title);
        return templates.RenderPlain(title, data, Rel(file), Diagnostics) ?? title;
    }

    // The self-assessment items come from their own file: text that uses them is made from it too.
    void NoteData(string text)
    {
        if (text.Contains("self_assessment", StringComparison.Ordinal)) Context.Reads.Read(selfAssessmentFile);
    }

    /// <summary>Markdown already filled in, parsed as if it were the file at <paramref name="path"/> (for links and pictures).</summary>
    public List<Block> Parse(string markdown, string path, bool quietly = false) => (quietly ? quietReader : reader).Parse(markdown, path);

    /// <summary>
    /// Parses a template's output that has other files spliced into it (facilitator notes in a guide): problems in
    /// a spliced passage, and its relative picture paths, are the spliced file's.
    /// </summary>
    public List<Block> Parse(string markdown, string path, IReadOnlyList<(string Text, string Path)> spliced) => reader.Parse(markdown, path, spliced);

    /// <summary>Whether spliced-in Markdown (facilitator notes in the guide) nests sanely, checked against its own file.</summary>
    public bool NestingIsSane(string markdown, string path) => reader.NestingIsSane(markdown, path);

    /// <summary>A content file's text with its placeholders filled, or null.</summary>
    public string? Filled(string path) => Text(path) is { } text ? Render(text, Rel(path)) : null;

    /// <summary>A content Markdown file, filled and parsed (once per session).</summary>
    public IReadOnlyList<Block> Markdown(string path) =>
        Once("md:" + Path.GetFullPath(path), () => Filled(path) is { } md ? reader.Parse(md, path) : []);

    /// <summary>A snippet of Markdown from a YAML file (an activity's notes) filled and parsed; quietly when a build has already reported its problems.</summary>
    public List<Block> Snippet(string markdown, string file, bool quietly = false) =>
        Render(markdown, file, quietly: quietly) is { } md ? Parse(md, Path.GetFullPath(file, Root), quietly) : [];

    /// <summary>
    /// A session's deck: the title slide (its title from session.yaml and the workstream's), then what the deck
    /// template (<c>templates/session-deck.md.sbn</c>, or the organisation's) makes of the session around the slides
    /// of slides.md, which it places with <c>{{ slides | raw }}</c>. Problems in slides.md keep slides.md's lines.
    /// </summary>
    public Deck Deck(Session s) => Once("deck:" + s.Id, () =>
    {
        Context.Reads.Read([Path.GetFullPath(s.File, Root), Path.GetFullPath(s.Workstream.File, Root)]);
        var slides = Filled(s.SlidesFile);
        var parts = frames.Parts(DocumentFrames.SessionDeck, s.SlidesFile, slides, AboutDeck(s, slides ?? ""));
        return SlideBuilder.Build($"Session {s.Id}: {s.Title}", $"{s.Workstream.Title} · {Organisation.Name}",
            [.. parts.Select(p => ((IReadOnlyList<Block>)p.Blocks, Rel(p.File)))], Diagnostics);
    });

    /// <summary>
    /// What the deck template knows about a session (<c>session.*</c>, <c>workstream.*</c>, and <c>slides</c>, the
    /// same text as <c>body</c>); reading it counts the files it comes from.
    /// </summary>
    public Dictionary<string, object> AboutDeck(Session s, string slides)
    {
        var outcomes = s.Outcomes.Select(Programme.FindOutcome).OfType<Outcome>().ToList();
        Context.Reads.Read([.. outcomes.Select(o => Path.GetFullPath(o.At.File, Root)).Distinct()]);
        // Whether a workshop day opens with this session: where a day's standard slides (housekeeping) belong.
        var days = Programme.Workshops.SelectMany(w => w.Days).ToList();
        Context.Reads.Read([.. days.Select(d => Path.GetFullPath(d.At.File, Root)).Distinct()]);
        var firstOfDay = days.Any(d => d.Items.FirstOrDefault(i => i.Kind == DayItemKind.Session)?.SessionId == s.Id);
        return new()
        {
            ["slides"] = slides,
            ["session"] = new Dictionary<string, object>
            {
                ["id"] = s.Id,
                ["title"] = s.Title,
                ["summary"] = s.Summary,
                ["duration"] = s.Duration,
                ["is_webinar"] = s.IsWebinar,
                ["first_of_day"] = firstOfDay,
                ["outcomes"] = outcomes.Select(o => new Dictionary<string, object> { ["id"] = o.Id, ["text"] = o.Text }).ToList(),
                ["activities"] = s.Activities.Select((a, i) => new Dictionary<string, object> { ["number"] = i + 1, ["title"] = a.Title, ["minutes"] = a.Minutes }).ToList(),
            },
            ["workstream"] = new Dictionary<string, object> { ["number"] = s.Workstream.Number, ["title"] = s.Workstream.Title, ["is_local"] = s.Workstream.IsLocal },
        };
    }

    /// <summary>A handout as a document, its title's placeholders filled; null for an unknown id.</summary>
    public Document? Handout(string id) => Programme.FindHandout(id) is { } h ? Handout(h) : null;

    public Document Handout(Handout h) => Once("handout:" + h.Id, () =>
    {
        var title = Title(h.Title, h.File);
        return new Document(title, frames.Parse(DocumentFrames.Handout, h.File, Filled(h.File), DocumentFrames.About(h, title))) { Subtitle = Programme.Title, Meta = Meta };
    });

    /// <summary>A programme document (a material or the applicant contract) as a document, in its frame template.</summary>
    public Document Material(Material m, string subtitle, string frame = DocumentFrames.ProgrammeDocument) => Once("material:" + m.File, () =>
    {
        var title = Title(m.Title, m.File);
        return new Document(title, frames.Parse(frame, m.File, Filled(m.File), DocumentFrames.About(m, title))) { Subtitle = subtitle, Meta = Meta };
    });

    /// <summary>What every document of the package carries in its properties.</summary>
    public IReadOnlyDictionary<string, string> Meta => new Dictionary<string, string>
    {
        ["organisation"] = Organisation.Name,
        ["version"] = Programme.Version,
        ["licence"] = Programme.Licence,
        ["cohort"] = Organisation.Cohort.Name,
    };
}
