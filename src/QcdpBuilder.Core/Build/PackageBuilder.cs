using System.Security.Cryptography;
using QcdpBuilder.Branding;
using QcdpBuilder.Calendar;
using QcdpBuilder.Content;
using QcdpBuilder.Decks;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Documents;
using QcdpBuilder.Docx;
using QcdpBuilder.Evaluation;
using QcdpBuilder.Html;
using QcdpBuilder.Markdown;
using QcdpBuilder.Organisations;
using QcdpBuilder.PdfOutput;
using QcdpBuilder.Pptx;
using QcdpBuilder.Templates;

namespace QcdpBuilder.Build;

/// <summary>What to build and where.</summary>
public sealed record BuildOptions(string Root)
{
    /// <summary>
    /// The organisation: a slug (<c>organisations/&lt;slug&gt;/organisation.yaml</c>) or a path to a profile;
    /// null builds the default organisation (see <see cref="OrganisationFolders"/>).
    /// </summary>
    public string? Profile { get; init; }
    /// <summary>Output folder; defaults to <c>output/&lt;organisation slug&gt;</c>.</summary>
    public string? OutputDir { get; init; }
    /// <summary>False for <c>qcdp validate</c>: everything is checked, nothing written.</summary>
    public bool Write { get; init; } = true;
    /// <summary>Only files with these extensions ("pptx", "docx", "pdf"); null for the whole package.</summary>
    public IReadOnlySet<string>? Only { get; init; }
    /// <summary>Also write the programme as a static website into <c>site/</c> (<c>qcdp build --format html</c>).</summary>
    public bool Site { get; init; }
}

/// <summary>One file of the package: where it goes, what kind it is, what it came from, and how to make it.</summary>
public sealed record Artefact(string Path, string Kind, string Source, Func<byte[]> Render)
{
    /// <summary>
    /// The content files (full paths) this file is made from, for incremental rebuilds. Files no artefact
    /// claims (programme.yaml, the profile, the logo, fonts) count as inputs of every artefact. Null when not
    /// known: such an artefact is made again after every change.
    /// </summary>
    public IReadOnlyList<string>? Inputs { get; init; }

    /// <summary>
    /// Facts from the whole plan the file shows beyond its <see cref="Inputs"/> (a site page's picture names and
    /// the list of files it may link to): when it differs from the last plan's, an incremental rebuild makes the file again.
    /// </summary>
    public string? Context { get; init; }

    /// <summary>Bytes rendered ahead of time by <see cref="EarlyRender"/>, waiting for <see cref="Take"/>.</summary>
    readonly EarlySlot early = new();

    /// <summary>Renders now, keeping the bytes (or the exception) for <see cref="Take"/>; does nothing if already taken or rendered.</summary>
    public void RenderEarly() => early.Fill(Render);

    /// <summary>The artefact's bytes: those rendered early if there are any (and then forgets them), else rendered now.</summary>
    public byte[] Take() => early.Take(Render);

    sealed class EarlySlot
    {
        byte[]? bytes;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? error;
        bool taken;

        public void Fill(Func<byte[]> render)
        {
            lock (this)
            {
                if (taken || bytes is not null || error is not null) return;
                try { bytes = render(); }
                catch (Exception e) when (e is not OutOfMemoryException) { error = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e); }
            }
        }

        public byte[] Take(Func<byte[]> render)
        {
            lock (this) // waits for an early render still under way
            {
                if (!taken)
                {
                    taken = true;
                    var (b, e) = (bytes, error);
                    (bytes, error) = (null, null);
                    e?.Throw();
                    if (b is not null) return b;
                }
            }
            return render();
        }
    }
}

/// <summary>The outcome of a build: every diagnostic, and the files written (empty when nothing was).</summary>
public sealed record BuildResult(DiagnosticBag Diagnostics, string? OutputDir, IReadOnlyList<ManifestEntry> Files);

/// <summary>Everything a build would write, not yet rendered: what <see cref="PackageBuilder.Plan"/> returns.</summary>
public sealed record BuildPlan(DiagnosticBag Diagnostics, IReadOnlyList<Artefact> Artefacts, Programme? Programme, Organisation? Organisation);

/// <summary>
/// The build pipeline, top to bottom: load → customise → render templates → parse → write.
/// Nothing is written unless every step succeeded; output goes to a temporary folder that
/// replaces the old one only at the end, so a failed build leaves the previous package intact.
/// </summary>
public static class PackageBuilder
{
    public static BuildResult Run(BuildOptions options, Action<string>? progress = null)
    {
        // While this thread loads, checks and parses, the other cores render what is already planned; the plan
        // still decides everything, and nothing is written unless it has no errors.
        using var early = options.Write ? new EarlyRender(a => options.Only is not { } only || only.Contains(Path.GetExtension(a.Path).TrimStart('.'))) : null;
        var plan = Plan(options, progress, early);
        early?.Stop();
        if (!options.Write || plan.Organisation is null) return new BuildResult(plan.Diagnostics, null, []);
        // Tidy up after an earlier build that was killed, even if this one is about to fail.
        OutputFolder.Recover(OutputDirFor(options, plan.Organisation));
        if (plan.Diagnostics.HasErrors || plan.Programme is null) return new BuildResult(plan.Diagnostics, null, []);
        return Write(options, plan, progress);
    }

    /// <summary>Step 5 for a plan without errors: render every artefact into a temporary folder, then swap it in.</summary>
    public static BuildResult Write(BuildOptions options, BuildPlan plan, Action<string>? progress = null)
    {
        if (plan.Diagnostics.HasErrors || plan.Programme is null || plan.Organisation is null) return new BuildResult(plan.Diagnostics, null, []);
        var outDir = OutputDirFor(options, plan.Organisation);
        var artefacts = options.Only is { } only ? plan.Artefacts.Where(a => only.Contains(Path.GetExtension(a.Path).TrimStart('.'))).ToList() : plan.Artefacts;
        var files = OutputFolder.Replace(outDir, artefacts, plan.Programme, plan.Organisation, plan.Diagnostics, progress);
        return files is null ? new BuildResult(plan.Diagnostics, null, []) : new BuildResult(plan.Diagnostics, outDir, files);
    }

    /// <summary>Where a build writes: <c>--out</c>, or <c>output/&lt;organisation slug&gt;</c>.</summary>
    public static string OutputDirFor(BuildOptions options, Organisation org)
    {
        var root = Path.GetFullPath(options.Root);
        return Path.GetFullPath(options.OutputDir ?? Path.Combine(root, "output", org.Slug), root);
    }

    /// <summary>Steps 1–4: load, customise, render templates and parse, giving every output still to be rendered.</summary>
    public static BuildPlan Plan(BuildOptions options, Action<string>? progress = null) => Plan(options, progress, early: null);

    static BuildPlan Plan(BuildOptions options, Action<string>? progress, EarlyRender? early)
    {
        var root = Path.GetFullPath(options.Root);
        var diagnostics = new DiagnosticBag();
        BuildPlan Fail() => new(diagnostics, [], null, null);
        SourceFiles.ForgetResolvedPaths();

        // 1. Load: the organisation profile (its folder holds its overlay), then the content read through that overlay.
        progress?.Invoke("Loading content");
        if (OrganisationContent.Load(root, options.Profile, diagnostics) is not var (profile, overlay, loader, org, programme)) return Fail();

        // 2. Customise: the organisation's exclusions, additions and new order, then the rules that tie content and
        //    profile together; the brand every writer uses, the values placeholders can use, and the delivery mode
        //    that keeps or drops ::: {.virtual} and ::: {.in-person} passages.
        // Compiling the guide and timetable templates (Handlebars: expression trees, then code) is slow the first
        // time in a process; do it beside the steps below. The render step reads, checks and reports them as before.
        _ = Task.Run(() =>
        {
            foreach (var name in new[] { GuideTemplate, TimetableTemplate })
            {
                try
                {
                    if (overlay.Template(name) is var path && File.Exists(path) && SourceFiles.IsInside(path, root) && RegularFile.Problem(path) is null && new FileInfo(path).Length <= SourceFiles.MaxTextBytes)
                        TemplateEngine.Prepare(File.ReadAllText(path));
                }
                catch (IOException) { } // only a head start: the render step reads the file itself and reports any problem
                catch (UnauthorizedAccessException) { }
            }
        });
        // The terms check reads every file again on its own and reports by file and line: it runs beside the rest.
        var termsCheck = Task.Run(() => Validation.Terms.Check(root, diagnostics, Path.GetDirectoryName(profile)));
        Customiser.Apply(programme, org, diagnostics);
        ContentRules.Check(programme, org, diagnostics);
        // The evaluation (measures and self-assessment items) and its traceability to the outcomes taught.
        var evaluation = EvaluationLoader.Load(root, diagnostics);
        Traceability.Check(programme, evaluation, diagnostics);
        var brand = MakeBrand(root, org, programme);
        // Measuring slide text needs the brand's fonts and the deck's layouts: load them beside the parsing below.
        var overflowReady = Task.Run(() => new SlideOverflow(brand, org.ReferenceDeck));
        BrandContrast.Check(brand, key => org.ColourAt.TryGetValue(key, out var at) ? at : SourceSpan.StartOf(org.File), diagnostics);
        if (org.ReferenceDeck is { } template) TemplateCheck.Check(template, brand.LayoutNames, org.ReferenceDeckAt, diagnostics);
        var data = TemplateData.ForContent(org, programme);
        data["self_assessment"] = EvaluationTemplateData.SelfAssessment(evaluation);
        var templates = new TemplateEngine();
        YamlText.FillPlaceholders(programme, data, templates, diagnostics);
        var reader = new MarkdownReader(root, diagnostics) { Delivery = org.Cohort.Delivery, Resolve = overlay.Content };

        string? Templated(string path)
        {
            var text = loader.ReadText(path);
            return text is null ? null : templates.Render(text, data, loader.Rel(path), diagnostics);
        }
        List<Block> ParseFile(string path) => Templated(path) is { } md ? reader.Parse(md, path) : [];
        // Titles from front matter may use placeholders too ("Become a {{terms.coach}}"); they are plain text.
        string Title(string title, string path) => templates.RenderPlain(title, data, loader.Rel(path), diagnostics) ?? title;

        // 3 and 4. Render templates and parse: every output as a document or deck, in memory.
        progress?.Invoke("Rendering templates and parsing Markdown");
        var artefacts = new EarlyRender.List(early);
        var decks = new Dictionary<string, Deck>();
        var handouts = new Dictionary<string, Document>();

        // Every document goes out as an editable DOCX and a print-ready PDF from the same model.
        void AddDocument(string stem, string kind, string source, Document doc, DocxKind docx, PdfKind pdf, IEnumerable<string>? inputs, int contentsDepth = 3)
        {
            var files = inputs?.Concat(Pictures(doc.Blocks)).Distinct().ToList();
            artefacts.Add(new Artefact(stem + ".docx", kind, source,
                () => DocxWriter.Write(doc, brand, new DocxOptions(docx) { ReferenceDocxPath = org.ReferenceDocument, ContentsDepth = contentsDepth })) { Inputs = files });
            artefacts.Add(new Artefact(stem + ".pdf", kind, source, () => PdfWriter.Write(doc, brand, pdf)) { Inputs = files });
        }
        // Run sheets and the timetable use every session's timings; outcome texts come from every workstream.
        // (Session and workstream files are known by their paths from the root; inputs are full paths.)
        var allSessionFiles = programme.Sessions.Select(s => s.File).Concat(programme.Workstreams.Select(w => w.File)).Select(f => Path.GetFullPath(f, root)).ToList();

        // Slide text that will not fit its placeholder, measured with the brand's fonts in the deck's layouts.
        var toMeasure = new List<(Deck Deck, string File)>();
        foreach (var session in programme.Sessions)
        {
            var slidesFile = loader.Rel(session.SlidesFile);
            var blocks = ParseFile(session.SlidesFile);
            var deck = SlideBuilder.Build($"Session {session.Id}: {session.Title}", $"{session.Workstream.Title} · {org.Name}",
                blocks, slidesFile, diagnostics);
            List<string> inputs = [session.SlidesFile, Path.GetFullPath(session.File, root), Path.GetFullPath(session.Workstream.File, root), .. Pictures(blocks)];
            decks[session.Id] = deck;
            var count = deck.Slides.Count;
            if (count > MaxSlides)
            {
                // A deck this long is a mistake (or an attack on the build's time and memory); refuse it before rendering.
                diagnostics.Error(new SourceSpan(slidesFile, Math.Max(1, deck.Slides[MaxSlides].SourceLine), 1), $"the deck has {count} slides; a deck may have at most {MaxSlides}",
                    "split the session's slides; decks should have 8–20", Rules.SlideCount);
                continue;
            }
            if (count < 8 || count > 20)
                diagnostics.Report(Rules.SlideCount, SourceSpan.StartOf(slidesFile), $"the deck has {count} slides (with its title slide); decks should have 8–20", count < 8 ? "add slides" : "split or trim the deck");
            toMeasure.Add((deck, slidesFile));
            artefacts.Add(new Artefact($"slides/{session.Slug}.pptx", "slides", slidesFile, () => PptxWriter.Write(deck, brand, org.ReferenceDeck)) { Inputs = inputs });
            artefacts.Add(new Artefact($"slides/{session.Slug}.pdf", "slides", slidesFile, () => PdfWriter.Slides(deck, brand)) { Inputs = inputs });
            artefacts.Add(new Artefact($"slides/{session.Slug}-notes.pdf", "notes-pages", slidesFile, () => PdfWriter.NotesHandout(deck, brand)) { Inputs = inputs });
            artefacts.Add(new Artefact($"slides/{session.Slug}-speaker-notes.pdf", "speaker-notes", slidesFile, () => PdfWriter.SpeakerNotes(deck, brand)) { Inputs = inputs });
        }

        // The decks are measured beside the parsing of the guides and documents below (findings go by file and line).
        var overflowChecked = Task.Run(() =>
        {
            var overflow = overflowReady.GetAwaiter().GetResult();
            foreach (var (deck, file) in toMeasure) overflow.Check(deck, file, diagnostics);
        });

        var guideTemplate = overlay.Template(GuideTemplate);
        var guideSource = File.Exists(guideTemplate) ? loader.ReadText(guideTemplate) ?? "" : "";
        if (!File.Exists(guideTemplate)) diagnostics.Report(Rules.MissingFile, SourceSpan.StartOf(loader.Rel(guideTemplate)), "the facilitator guide template is missing");
        foreach (var ws in programme.Workstreams)
        {
            // Notes are spliced into the guide; check them against their own file first, and remember where each came from
            // so the guide's problems and relative picture paths in them are the notes file's.
            var spliced = new List<(string Text, string Path)>();
            string? Notes(string path) => Templated(path) is { } md && reader.NestingIsSane(md, path) ? Spliced(md, path) : null;
            string Spliced(string md, string path) { spliced.Add((GuideData.ShiftHeadings(md, 1), path)); return md; }
            var guideData = GuideData.For(ws, programme, org, data, Notes, (md, at) => templates.Render(md, data, at.File, diagnostics, at.Line));
            var guideMarkdown = templates.Render(guideSource, guideData, loader.Rel(guideTemplate), diagnostics);
            if (guideMarkdown is null) continue;
            var doc = new Document(ws.IsLocal ? ws.Title : $"Workstream {ws.Number}: {ws.Title}", reader.Parse(guideMarkdown, guideTemplate, spliced))
            {
                Subtitle = $"Facilitator guide · {programme.Title}",
                Meta = Meta(programme, org),
            };
            var guideInputs = allSessionFiles.Append(guideTemplate).Concat(ws.Sessions.Select(s => s.NotesFile))
                .Concat(ws.Sessions.SelectMany(s => s.Handouts).Select(id => programme.FindHandout(id)?.File).OfType<string>());
            AddDocument($"guides/{ws.Slug}-facilitator-guide", "facilitator-guide", ws.File, doc, DocxKind.Guide, PdfKind.Guide, guideInputs, contentsDepth: 2);
        }

        foreach (var h in programme.Handouts)
        {
            var doc = new Document(Title(h.Title, h.File), ParseFile(h.File)) { Subtitle = programme.Title, Meta = Meta(programme, org) };
            handouts[h.Id] = doc;
            Validation.HeadingOrder.Check(doc.Blocks, loader.Rel(h.File), diagnostics);
            AddDocument($"handouts/{h.Id}", "handout", loader.Rel(h.File), doc, DocxKind.Handout, PdfKind.Handout, [h.File]);
        }

        if (programme.Contract is { } contract)
        {
            var doc = new Document(Title(contract.Title, contract.File), ParseFile(contract.File)) { Subtitle = $"{programme.Title} · {org.Cohort.Name}", Meta = Meta(programme, org) };
            Validation.HeadingOrder.Check(doc.Blocks, loader.Rel(contract.File), diagnostics);
            AddDocument("contracts/applicant-contract", "applicant-contract", loader.Rel(contract.File), doc, DocxKind.Form, PdfKind.Form, [contract.File]);
        }

        foreach (var m in programme.Materials)
        {
            var doc = new Document(Title(m.Title, m.File), ParseFile(m.File)) { Subtitle = programme.Title, Meta = Meta(programme, org) };
            Validation.HeadingOrder.Check(doc.Blocks, loader.Rel(m.File), diagnostics);
            var (docx, pdf) = m.Kind switch { "form" => (DocxKind.Form, PdfKind.Form), "comms" => (DocxKind.Handout, PdfKind.Handout), _ => (DocxKind.Guide, PdfKind.Guide) };
            AddDocument($"programme/{m.Id}", m.Kind, loader.Rel(m.File), doc, docx, pdf, [m.File]);
        }

        var timetableTemplate = overlay.Template(TimetableTemplate);
        if (File.Exists(timetableTemplate) && loader.ReadText(timetableTemplate) is { } timetableSource)
        {
            var md = templates.Render(timetableSource, TimetableData.For(programme, org, data), loader.Rel(timetableTemplate), diagnostics);
            if (md is not null)
            {
                var doc = new Document($"Timetable: {org.Cohort.Name}", reader.Parse(md, timetableTemplate)) { Subtitle = programme.Title, Meta = Meta(programme, org) };
                AddDocument("programme/timetable", "timetable", "content/programme.yaml", doc, DocxKind.Handout, PdfKind.Handout, allSessionFiles.Append(timetableTemplate));
            }
        }

        // The cohort's dates as a calendar participants can import.
        // (Its webinars' titles and lengths come from the session files; days and dates from programme.yaml and the
        // profile, which no artefact claims, so a change to them rebuilds everything anyway.)
        artefacts.Add(new Artefact(CohortCalendar.PathFor(org), "calendar", org.File, () => CohortCalendar.Write(programme, org, brand.BuildDate)) { Inputs = allSessionFiles });

        // The evaluation tools: the measures workbook and the traceability matrix (workbook and document), made
        // from the evaluation files and the outcomes that workstreams and sessions teach.
        var evaluationFiles = new[] { EvaluationLoader.MeasuresFile, EvaluationLoader.SelfAssessmentFile }.Select(f => Path.Combine(root, f)).ToList();
        artefacts.Add(new Artefact("evaluation/measures-workbook.xlsx", "evaluation-workbook", EvaluationLoader.MeasuresFile, () => MeasuresWorkbook.Write(evaluation, brand)) { Inputs = evaluationFiles });
        var trace = Traceability.Build(programme, evaluation);
        // (Handouts are listed by their titles.)
        var traceInputs = allSessionFiles.Concat(evaluationFiles).Concat(programme.Handouts.Select(h => h.File)).ToList();
        artefacts.Add(new Artefact("evaluation/traceability.xlsx", "traceability", EvaluationLoader.SelfAssessmentFile, () => TraceabilityOutputs.Workbook(trace, evaluation, brand)) { Inputs = traceInputs });
        AddDocument("programme/traceability", "traceability", EvaluationLoader.MeasuresFile,
            TraceabilityOutputs.Document(trace, programme) with { Meta = Meta(programme, org) }, DocxKind.Handout, PdfKind.Handout, traceInputs);

        // The website (qcdp build --format html): the same documents and decks again, as linked pages.
        // It comes last, as its downloads page links every file above.
        if (options.Site)
        {
            // The guides already parse every piece of Markdown the pages show and report its problems;
            // parsing it again for the site must not report them twice.
            var quiet = new DiagnosticBag();
            var siteReader = new MarkdownReader(root, quiet) { Delivery = org.Cohort.Delivery, Resolve = overlay.Content };
            IReadOnlyList<Block> SiteMarkdown(string md, string path) =>
                templates.Render(md, data, loader.Rel(path), quiet) is { } text ? siteReader.Parse(text, path) : [];
            AddSite(artefacts, new SiteContent(root, programme, org, brand, artefacts.Select(a => a.Path).ToHashSet(), decks, handouts, SiteMarkdown, loader.Rel));
        }

        // Text the PDFs' fonts cannot show would print as '?': an error at the character, in every file read.
        Validation.Glyphs.Check(brand, loader.TextsRead, loader.Rel, diagnostics);
        termsCheck.GetAwaiter().GetResult();
        overflowChecked.GetAwaiter().GetResult();
        return new BuildPlan(diagnostics, artefacts, programme, org);
    }

    /// <summary>The templates (in <c>templates/</c>, or the organisation's overlay) the facilitator guides and the timetable are made from.</summary>
    const string GuideTemplate = "facilitator-guide.md.hbs", TimetableTemplate = "timetable.md.hbs";

    /// <summary>The most slides a deck may have (decks should have 8–20; the longest real one has 20).</summary>
    public const int MaxSlides = 100;

    /// <summary>Adds the site's pages, stylesheet, script, font, logo and pictures under <c>site/</c>.</summary>
    static void AddSite(ICollection<Artefact> artefacts, SiteContent content)
    {
        foreach (var f in SiteWriter.Files(content.Compose()))
            artefacts.Add(new Artefact("site/" + f.Path, "site", f.Source, f.Render) { Inputs = f.Inputs, Context = f.Context });
    }

    /// <summary>The picture files a document shows (full paths), wherever they are nested.</summary>
    static IEnumerable<string> Pictures(IEnumerable<Block> blocks)
    {
        foreach (var b in blocks)
        {
            IEnumerable<string> inner = b switch
            {
                Image i => [i.Path],
                Div d => Pictures(d.Blocks),
                Quote q => Pictures(q.Blocks),
                ListBlock l => l.Items.SelectMany(item => Pictures(item.Blocks)),
                _ => [],
            };
            foreach (var p in inner) yield return p;
        }
    }

    static IReadOnlyDictionary<string, string> Meta(Programme p, Organisation org) => new Dictionary<string, string>
    {
        ["organisation"] = org.Name,
        ["version"] = p.Version,
        ["licence"] = p.Licence,
        ["cohort"] = org.Cohort.Name,
    };

    /// <summary>Resolves the organisation's brand: its colours over ours, its fonts or Atkinson Hyperlegible.</summary>
    public static Brand MakeBrand(string root, Organisation org, Programme p)
    {
        var fonts = Path.Combine(root, "templates", "fonts", "atkinson-hyperlegible");
        Colour C(string key, string fallback) => Colour.Parse(org.Colours.GetValueOrDefault(key, fallback));
        return new Brand
        {
            OrganisationName = org.Name,
            ShortName = org.ShortName,
            ProgrammeTitle = p.Title,
            Primary = C("primary", "#005EB8"),
            Secondary = C("secondary", "#003087"),
            Accent = C("accent", "#FFB81C"),
            Text = C("text", "#212B32"),
            Background = C("background", "#FFFFFF"),
            Tint = C("tint", "#E8EDEE"),
            HeadingFont = org.HeadingFont,
            BodyFont = org.BodyFont,
            Fonts = org.FontFiles ?? new FontFiles(
                Path.Combine(fonts, "AtkinsonHyperlegible_400Regular.ttf"),
                Path.Combine(fonts, "AtkinsonHyperlegible_700Bold.ttf"),
                Path.Combine(fonts, "AtkinsonHyperlegible_400Regular_Italic.ttf"),
                Path.Combine(fonts, "AtkinsonHyperlegible_700Bold_Italic.ttf")),
            LogoPath = org.LogoPath,
            Paper = org.Paper == "Letter" ? PaperSize.Letter : PaperSize.A4,
            Footer = org.Footer,
            LayoutNames = org.LayoutNames,
            BuildDate = BuildDate(p),
        };
    }

    /// <summary>SOURCE_DATE_EPOCH if set (the reproducible-builds convention), else the programme's release date.</summary>
    static DateTimeOffset BuildDate(Programme p)
    {
        if (long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), out var epoch)) return DateTimeOffset.FromUnixTimeSeconds(epoch);
        return p.ReleaseDate is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
