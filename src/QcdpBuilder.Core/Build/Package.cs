using QcdpBuilder.Calendar;
using QcdpBuilder.Decks;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Documents;
using QcdpBuilder.Docx;
using QcdpBuilder.Evaluation;
using QcdpBuilder.Html;
using QcdpBuilder.PdfOutput;
using QcdpBuilder.Pipeline;
using QcdpBuilder.Pptx;

namespace QcdpBuilder.Build;

public static partial class PackageBuilder
{
    /// <summary>Steps 1–4: load, customise, render templates and parse, giving every output still to be rendered.</summary>
    public static BuildPlan Plan(BuildOptions options, Action<string>? progress = null) => Plan(options, progress, early: null);

    static BuildPlan Plan(BuildOptions options, Action<string>? progress, EarlyRender? early)
    {
        var diagnostics = new DiagnosticBag();
        // 1–3. Load, customise and check the content, and fill its placeholders: one session for this build.
        progress?.Invoke("Loading content");
        if (ContentSession.Open(options.Root, options.Profile, diagnostics) is not { } session) return new BuildPlan(diagnostics, [], null, null);
        // 4. Render templates and parse: every output as a document or deck, in memory.
        progress?.Invoke("Rendering templates and parsing Markdown");
        var artefacts = Products(session, options.Site, early);
        return new BuildPlan(diagnostics, artefacts, session.Programme, session.Organisation);
    }

    /// <summary>
    /// Every file of the package made from <paramref name="session"/>, planned but not rendered, each with the
    /// files read to make it as its inputs. Making them checks what only products show (slide counts and text
    /// that overflows, heading order, the templates), so every command that checks content plans them.
    /// </summary>
    internal static IReadOnlyList<Artefact> Products(ContentSession session, bool site, EarlyRender? early = null)
    {
        var (programme, org, brand, diagnostics) = (session.Programme, session.Organisation, session.Brand, session.Diagnostics);
        var artefacts = new EarlyRender.List(early);
        // Measuring slide text needs the brand's fonts and the deck's layouts: load them beside the parsing below.
        var overflowReady = Task.Run(() => new SlideOverflow(brand, org.ReferenceDeck));

        void Add(string path, string kind, string source, IReadOnlyList<string> inputs, Func<byte[]> render) =>
            artefacts.Add(new Artefact(path, kind, source, render) { Inputs = inputs });
        // Every document goes out as an editable DOCX and a print-ready PDF from the same model.
        void AddDocument(string stem, string kind, string source, Document doc, IReadOnlyList<string> inputs, DocxKind docx, PdfKind pdf, int contentsDepth = 3)
        {
            Add(stem + ".docx", kind, source, inputs, () => DocxWriter.Write(doc, brand, new DocxOptions(docx) { ReferenceDocxPath = org.ReferenceDocument, ContentsDepth = contentsDepth }));
            Add(stem + ".pdf", kind, source, inputs, () => PdfWriter.Write(doc, brand, pdf));
        }
        Document? Make(string stem, string kind, string source, Func<Document?> make, DocxKind docx, PdfKind pdf, int contentsDepth = 3)
        {
            var (doc, inputs) = session.Record(make);
            if (doc is not null) AddDocument(stem, kind, source, doc, inputs, docx, pdf, contentsDepth);
            return doc;
        }

        // Decks, and the slide text that will not fit its placeholder (measured beside the parsing of everything else).
        var decks = new Dictionary<string, Deck>();
        var toMeasure = new List<(Deck Deck, string File)>();
        foreach (var s in programme.Sessions)
        {
            var slidesFile = session.Rel(s.SlidesFile);
            var (deck, inputs) = session.Record(() => session.Deck(s));
            decks[s.Id] = deck;
            if (!SlideCountIsSane(deck, slidesFile, diagnostics)) continue;
            toMeasure.Add((deck, slidesFile));
            Add($"slides/{s.Slug}.pptx", "slides", slidesFile, inputs, () => PptxWriter.Write(deck, brand, org.ReferenceDeck));
            Add($"slides/{s.Slug}.pdf", "slides", slidesFile, inputs, () => PdfWriter.Slides(deck, brand));
            Add($"slides/{s.Slug}-notes.pdf", "notes-pages", slidesFile, inputs, () => PdfWriter.NotesHandout(deck, brand));
            Add($"slides/{s.Slug}-speaker-notes.pdf", "speaker-notes", slidesFile, inputs, () => PdfWriter.SpeakerNotes(deck, brand));
        }
        var overflowChecked = Task.Run(() =>
        {
            var overflow = overflowReady.GetAwaiter().GetResult();
            foreach (var (deck, file) in toMeasure) overflow.Check(deck, file, diagnostics);
        });

        // Facilitator guides, through their template: each workstream's sessions, run sheets, activities and notes.
        var guideTemplate = session.TemplatePath(ContentSession.GuideTemplate);
        if (!File.Exists(guideTemplate)) diagnostics.Report(Rules.MissingFile, SourceSpan.StartOf(session.Rel(guideTemplate)), "the facilitator guide template is missing");
        foreach (var ws in programme.Workstreams)
            Make($"guides/{ws.Slug}-facilitator-guide", "facilitator-guide", ws.File, () =>
            {
                var source = File.Exists(guideTemplate) ? session.Text(guideTemplate) ?? "" : "";
                // Notes are spliced into the guide; check them against their own file first, and remember where each came from
                // so the guide's problems and relative picture paths in them are the notes file's.
                var spliced = new List<(string Text, string Path)>();
                string? Notes(string path) => session.Filled(path) is { } md && session.NestingIsSane(md, path) ? Spliced(md, path) : null;
                string Spliced(string md, string path) { spliced.Add((GuideData.ShiftHeadings(md, 1), path)); return md; }
                var data = GuideData.For(ws, session.Outline, org, new(session.Data), Notes, (md, at) => session.Render(md, at.File, at.Line));
                return session.RenderTemplate(source, session.Rel(guideTemplate), data) is { } markdown
                    ? new Document(ws.IsLocal ? ws.Title : $"Workstream {ws.Number}: {ws.Title}", session.Parse(markdown, guideTemplate, spliced)) { Subtitle = $"Facilitator guide · {programme.Title}", Meta = session.Meta }
                    : null;
            }, DocxKind.Guide, PdfKind.Guide, contentsDepth: 2);

        // Handouts, the applicant contract and the programme documents: one Markdown file each.
        foreach (var h in programme.Handouts)
        {
            var doc = Make($"handouts/{h.Id}", "handout", session.Rel(h.File), () => session.Handout(h), DocxKind.Handout, PdfKind.Handout)!;
            Validation.HeadingOrder.Check(doc.Blocks, session.Rel(h.File), diagnostics);
        }
        if (programme.Contract is { } contract)
        {
            var doc = Make("contracts/applicant-contract", "applicant-contract", session.Rel(contract.File), () => session.Material(contract, $"{programme.Title} · {org.Cohort.Name}", DocumentFrames.Contract), DocxKind.Form, PdfKind.Form)!;
            Validation.HeadingOrder.Check(doc.Blocks, session.Rel(contract.File), diagnostics);
        }
        foreach (var m in programme.Materials)
        {
            var (docx, pdf) = m.Kind switch { "form" => (DocxKind.Form, PdfKind.Form), "comms" => (DocxKind.Handout, PdfKind.Handout), _ => (DocxKind.Guide, PdfKind.Guide) };
            var doc = Make($"programme/{m.Id}", m.Kind, session.Rel(m.File), () => session.Material(m, programme.Title), docx, pdf)!;
            Validation.HeadingOrder.Check(doc.Blocks, session.Rel(m.File), diagnostics);
        }

        // The timetable, through its template.
        var timetableTemplate = session.TemplatePath(ContentSession.TimetableTemplate);
        if (File.Exists(timetableTemplate))
            Make("programme/timetable", "timetable", "content/programme.yaml", () =>
                session.Text(timetableTemplate) is { } source
                && session.RenderTemplate(source, session.Rel(timetableTemplate), TimetableData.For(session.Outline, org, new(session.Data))) is { } md
                    ? new Document($"Timetable: {org.Cohort.Name}", session.Parse(md, timetableTemplate)) { Subtitle = programme.Title, Meta = session.Meta }
                    : null, DocxKind.Handout, PdfKind.Handout);

        // The cohort's dates as a calendar participants can import (webinars' titles and lengths from the session files).
        var (outline, calendarInputs) = session.Record(() => session.Outline);
        Add(CohortCalendar.PathFor(org), "calendar", org.File, calendarInputs, () => CohortCalendar.Write(outline, org, brand.BuildDate));

        // The evaluation tools: the measures workbook and the traceability matrix (workbook and document), made
        // from the evaluation files and the outcomes that workstreams and sessions teach.
        var (evaluation, evaluationInputs) = session.Record(() => session.Evaluation);
        Add("evaluation/measures-workbook.xlsx", "evaluation-workbook", EvaluationLoader.MeasuresFile, evaluationInputs, () => MeasuresWorkbook.Write(evaluation, brand));
        var (trace, traceInputs) = session.Record(() => Traceability.Build(session.Outline, session.Evaluation));
        Add("evaluation/traceability.xlsx", "traceability", EvaluationLoader.SelfAssessmentFile, traceInputs, () => TraceabilityOutputs.Workbook(trace, evaluation, brand));
        AddDocument("programme/traceability", "traceability", EvaluationLoader.MeasuresFile,
            TraceabilityOutputs.Document(trace, programme) with { Meta = session.Meta }, traceInputs, DocxKind.Handout, PdfKind.Handout);

        // The website (qcdp build --format html): the same documents and decks again, as linked pages.
        // It comes last, as its downloads page links every file above.
        if (site)
            foreach (var f in SiteWriter.Files(new SiteContent(session, artefacts.Select(a => a.Path).ToHashSet(), decks).Compose()))
                artefacts.Add(new Artefact("site/" + f.Path, "site", f.Source, f.Render) { Inputs = f.Inputs, Context = f.Context });

        session.Finish();
        overflowChecked.GetAwaiter().GetResult();
        return artefacts;
    }

    /// <summary>The most slides a deck may have (decks should have 8–20; the longest real one has 20).</summary>
    public const int MaxSlides = 100;

    /// <summary>Warns about a deck of unusual length; false (with an error) for one too long to make at all.</summary>
    static bool SlideCountIsSane(Deck deck, string slidesFile, DiagnosticBag diagnostics)
    {
        var count = deck.Slides.Count;
        if (count > MaxSlides)
        {
            // A deck this long is a mistake (or an attack on the build's time and memory); refuse it before rendering.
            diagnostics.Error(new SourceSpan(slidesFile, Math.Max(1, deck.Slides[MaxSlides].SourceLine), 1), $"the deck has {count} slides; a deck may have at most {MaxSlides}",
                "split the session's slides; decks should have 8–20", Rules.SlideCount);
            return false;
        }
        if (count < 8 || count > 20)
            diagnostics.Report(Rules.SlideCount, SourceSpan.StartOf(slidesFile), $"the deck has {count} slides (with its title slide); decks should have 8–20", count < 8 ? "add slides" : "split or trim the deck");
        return true;
    }
}
