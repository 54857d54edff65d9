using System.IO.Compression;
using System.Text;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.BadInput;

/// <summary>
/// The bad-input corpus: each case breaks one thing in a copy of the mini repository the way
/// a stranger's pull request (or a slip of the keyboard) might, and says what the build must
/// report. <see cref="BadInputTests"/> runs every case through the real pipeline.
/// </summary>
public static class BadInputCorpus
{
    // The organisation profile of the mini repository, and the folder its brand files live in.
    const string Profile = MiniRepo.Profile;
    const string Brand = "organisations/smith-jones/";
    const string Session = MiniRepo.Session;
    const string Slides = MiniRepo.Slides;
    const string Workstream = MiniRepo.Workstream;
    const string Handout = MiniRepo.Handout;
    const string Notes = "content/workstreams/01-sample/sessions/1.1-first-session/facilitator-notes.md";
    const string Image = "content/images/pdsa.png";
    const string ImageRef = "../../../../images/pdsa.png";

    /// <summary>Whether the long tier is on: the full-size cases (10 MB, 5,000 slides) and the long fuzz run.</summary>
    public static bool Long => Environment.GetEnvironmentVariable("QCDP_LONG_FUZZ") == "1";

    public static readonly BadInputCase[] All =
    [
        // ---------------- YAML: syntax ----------------
        new("yaml-unclosed-quote", "a quoted value never closed",
            r => r.Edit(Workstream, s => s.Replace("title: Sample Workstream", "title: \"Sample Workstream")),
            new Fails(Workstream, "malformed YAML")),
        new("yaml-unclosed-list", "a flow list never closed",
            r => r.Edit(Session, s => s.Replace("duration: 60", "duration: [60")),
            new Fails(Session, "a '[' or '{' is never closed", 3, 11)),
        new("yaml-truncated", "session.yaml cut off in the middle of an activity",
            r => r.Edit(Session, s => s[..s.IndexOf("method: trios", StringComparison.Ordinal)] + "meth"),
            new Fails(Session, "")),
        new("yaml-empty-file", "programme.yaml is zero bytes",
            r => r.Write("content/programme.yaml", ""),
            new Fails("content/programme.yaml", "must be a YAML mapping", 1, 1)),
        new("yaml-list-not-mapping", "workstream.yaml is a list, not a mapping",
            r => r.Write(Workstream, "- one\n- two\n"),
            new Fails(Workstream, "must be a YAML mapping", 1, 1)),
        new("yaml-tab-indentation", "a tab used for indentation",
            r => r.Edit(Session, s => s.Replace("  - Print handouts.", "\t- Print handouts.")),
            new Fails(Session, "tab", 7)),
        new("yaml-bad-indentation", "a key indented deeper than its siblings",
            r => r.Edit(Session, s => s.Replace("duration: 60", "   duration: 60")),
            new Fails(Session, "malformed YAML", 3)),
        new("yaml-two-documents", "a second YAML document after ---",
            r => r.Edit(Workstream, s => s + "---\nid: other\n"),
            new Fails(Workstream, "more than one YAML document", 15, 1)),
        new("yaml-billion-laughs", "anchors and aliases that expand to a billion items",
            r => r.Edit(Workstream, s => s.Replace("prerequisites:\n  - None.", BillionLaughs("prerequisites"))),
            new Fails(Workstream, "anchors and aliases", 10, 16)),
        new("yaml-deep-nesting", "flow lists nested 10,000 deep",
            r => r.Edit(Workstream, s => s.Replace("indicative_content:\n  - Samples.", "indicative_content: " + new string('[', 10_000) + new string(']', 10_000))),
            new Fails(Workstream, "nested more than 32 levels deep", 12, 52)),
        new("yaml-duplicate-key", "the same key twice in one mapping",
            r => r.Edit(Session, s => s.Replace("duration: 60", "duration: 60\ntitle: Again")),
            new Fails(Session, "duplicate key 'title'", 4, 1)),

        // ---------------- YAML: meaning ----------------
        new("wrong-type-number", "a word where a number belongs",
            r => r.Edit(Session, s => s.Replace("duration: 60", "duration: sixty")),
            new Fails(Session, "'duration' must be a whole number", 3, 11)),
        new("wrong-type-huge-number", "a number too large for any duration",
            r => r.Edit(Session, s => s.Replace("duration: 60", "duration: 99999999999999999999")),
            new Fails(Session, "'duration' must be a whole number", 3, 11)),
        new("wrong-type-list", "text where a list of activities belongs",
            r => r.Edit(Session, s => s[..s.IndexOf("activities:", StringComparison.Ordinal)] + "activities: lots\n"),
            new Fails(Session, "'activities' must be a list of entries")),
        new("wrong-type-mapping", "a mapping where text belongs",
            r => r.Edit(Session, s => s.Replace("title: First session", "title: {first: session}")),
            new Fails(Session, "'title' must be text", 2, 8)),
        new("unknown-key", "a misspelt key in the organisation profile",
            r => r.Edit(Profile, s => s.Replace("colours:", "colors:")),
            new Fails(Profile, "unknown key 'colors'", 5, 1)),
        new("duplicate-session-id", "a session listed twice in its workstream",
            r => r.Edit(Workstream, s => s.Replace("sessions: [\"1.1\"]", "sessions: [\"1.1\", \"1.1\"]")),
            new Fails(Session, "session id '1.1' is used more than once", 1, 1)),
        new("duplicate-outcome-id", "two outcomes with the same id",
            r => r.Edit(Workstream, s => s.Replace("  - id: O1.2", "  - id: O1.1")),
            new Fails(Workstream, "is used more than once", 8)),
        new("invalid-date", "a date that does not exist",
            r => r.Edit("content/programme.yaml", s => s.Replace("2026-01-15", "2026-02-30")),
            new Fails("content/programme.yaml", "'2026-02-30' is not a date", 4)),
        new("invalid-colour", "a colour that is not a colour",
            r => r.Edit(Profile, s => s.Replace("\"#005EB8\"", "\"#GG5EB8\"")),
            new Fails(Profile, "'#GG5EB8' is not a colour", 6, 12)),
        new("workstream-folder-escapes", "a workstream folder that climbs out of content/",
            r => r.Edit("content/programme.yaml", s => s.Replace("  - 01-sample", "  - 01-sample\n  - ../../..")),
            new Fails("content/programme.yaml", "must be a folder name", 12)),
        new("slides-path-escapes", "a session whose slides file is outside the repository",
            r => r.Edit(Session, s => s.Replace("duration: 60", "duration: 60\nslides: ../../../../../../../../../../etc/hostname")),
            new Fails(Session, "outside the repository", 4)),

        // ---------------- text encoding ----------------
        new("invalid-utf8-yaml", "a byte sequence that is not UTF-8 in session.yaml",
            r => Bytes(r, Session, s => Replace(s, "First session", [.. "First "u8, 0xC3, 0x28, .. "session"u8])),
            new Fails(Session, "not valid UTF-8", 2, 14)),
        new("invalid-utf8-markdown", "Latin-1 text in slides.md",
            r => Bytes(r, Slides, s => Replace(s, "Meet each other", [.. "Meet "u8, 0xE9, .. "ach other"u8])),
            new Fails(Slides, "not valid UTF-8", 5, 8)),
        new("nul-byte", "a NUL byte in the slides",
            r => r.Edit(Slides, s => s.Replace("Meet each other", "Meet\0each other")),
            new Fails(Slides, "control character", 5, 7)),
        new("control-character-in-yaml", "an escape sequence that makes a control character",
            r => r.Edit(Session, s => s.Replace("title: First session", "title: \"First\\x01session\"")),
            new Fails(Session, "control character", 2)),
        new("bom-yaml", "session.yaml starts with a UTF-8 byte-order mark",
            r => Bytes(r, Session, s => [0xEF, 0xBB, 0xBF, .. s]),
            Builds.Ok),
        new("bom-markdown", "slides.md starts with a UTF-8 byte-order mark",
            r => Bytes(r, Slides, s => [0xEF, 0xBB, 0xBF, .. s]),
            Builds.Ok),
        new("crlf-everywhere", "Windows line endings in every YAML and Markdown file",
            r => { foreach (var f in Directory.GetFiles(r.PathOf("content"), "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".yaml") || f.EndsWith(".md"))) File.WriteAllText(f, File.ReadAllText(f).Replace("\n", "\r\n")); },
            Builds.Ok),
        new("crlf-error-position", "an error in a CRLF file is still at its line and column",
            r => r.Edit(Session, s => s.Replace("summary:", "sumary:").Replace("\n", "\r\n")),
            new Fails(Session, "unknown key 'sumary'", 5, 1)),
        new("tabs-in-markdown", "tabs for indentation in Markdown lists",
            r => r.Edit(Slides, s => s.Replace("  - in trios", "\t- in trios")),
            Builds.Ok),

        // ---------------- size and depth ----------------
        new("huge-markdown", "a 10 MB Markdown file",
            r => r.Write(Notes, string.Concat(Enumerable.Repeat("A line of facilitator notes that goes on and on.\n\n", Long ? 210_000 : 60_000))),
            new Fails(Notes, "too large", 1, 1)),
        new("huge-deck", "a deck of 5,000 slides",
            r => r.Write(Slides, string.Concat(Enumerable.Range(1, 5000).Select(i => $"## Slide {i}\n\n- Point\n\n"))),
            new Fails(Slides, "the deck has 5001 slides; a deck may have at most 100", 397, 1)),
        new("long-line", "a 200,000-character paragraph on one line (50,000 in the fast tier)",
            r => r.Edit(Handout, s => s + "\n" + string.Concat(Enumerable.Repeat("word ", Long ? 40_000 : 10_000)) + "\n"),
            Builds.Ok),
        new("deep-list", "a list nested 10,000 deep",
            r => r.Edit(Notes, s => s + "\n" + string.Concat(Enumerable.Repeat("- ", 10_000)) + "deep\n"),
            new Fails(Notes, "nested more than 32 levels deep")),
        new("deep-indented-list", "500 list items, each indented further",
            r => r.Edit(Notes, s => s + "\n" + string.Concat(Enumerable.Range(0, 500).Select(i => new string(' ', 2 * i) + "- item\n"))),
            new Fails(Notes, "nested")),
        new("deep-quote", "block quotes nested 10,000 deep",
            r => r.Edit(Notes, s => s + "\n" + new string('>', 10_000) + " deep\n"),
            new Fails(Notes, "nested more than 32 levels deep")),
        new("deep-emphasis", "emphasis nested 5,000 deep (1,000 in the fast tier)",
            r => r.Edit(Notes, s => s + "\n" + new string('*', Long ? 5_000 : 1_000) + "x" + new string('*', Long ? 5_000 : 1_000) + "\n"),
            Builds.Ok),
        new("deep-brackets", "10,000 nested brackets (2,000 in the fast tier)",
            r => r.Edit(Notes, s => s + "\n" + new string('[', Long ? 10_000 : 2_000) + "x" + new string(']', Long ? 10_000 : 2_000) + "\n"),
            Builds.Ok),
        new("fill-in-huge-number", "a fill-in element with a number too big for any integer",
            r => r.Edit(Handout, s => s.Replace("[lines: 3]", "[lines: 99999999999999]")),
            new Fails(Handout, "[lines: 99999999999999] must ask for 1 to 40 lines", 9, 1)),
        new("fill-in-huge-scale", "a rating scale with huge bounds",
            r => r.Edit(Handout, s => s.Replace("[scale 0-10: Readiness]", "[scale 0-99999999999: Readiness]")),
            new Fails(Handout, "rating scale 0-99999999999 is not valid", 17, 1)),
        new("fill-in-huge-table", "a fill-in table with a huge number of rows",
            r => r.Edit(Handout, s => s.Replace("rows: 3]", "rows: 99999999999]")),
            new Fails(Handout, "a fill-in table needs", 19, 1)),

        // ---------------- images ----------------
        new("png-not-png", "a text file named .png",
            r => r.Write(Image, "not a picture"),
            new Fails(Slides, "is not a readable PNG or JPEG file", 30, 1)),
        new("png-zero-bytes", "an empty image file",
            r => File.WriteAllBytes(r.PathOf(Image), []),
            new Fails(Slides, "is not a readable PNG or JPEG file", 30, 1)),
        new("png-truncated", "a PNG cut off after its header",
            r => File.WriteAllBytes(r.PathOf(Image), File.ReadAllBytes(r.PathOf(Image))[..60]),
            new Fails(Slides, "damaged or incomplete", 30, 1)),
        new("png-corrupt-data", "a PNG whose compressed pixels are garbage (found by the picture check, at the picture)",
            r => File.WriteAllBytes(r.PathOf(Image), ScrambleIdat(File.ReadAllBytes(r.PathOf(Image)))),
            new Fails(Slides, "image '../../../../images/pdsa.png' is damaged or incomplete", 30, 1)),
        new("png-huge", "a PNG header claiming 100,000 × 100,000 pixels",
            r => File.WriteAllBytes(r.PathOf(Image), PngHeader(100_000, 100_000)),
            new Fails(Slides, "100000 × 100000 pixels", 30, 1)),
        new("image-escapes-repo", "an image path that climbs out of the repository",
            r => r.Edit(Slides, s => s.Replace(ImageRef, "../../../../../../../../../../../etc/hostname.png")),
            new Fails(Slides, "is outside the repository", 30, 1)),
        new("image-absolute-path", "an absolute image path",
            r => r.Edit(Slides, s => s.Replace(ImageRef, "/etc/hostname.png")),
            new Fails(Slides, "is outside the repository", 30, 1)),
        new("image-symlink-outside", "an image that is a symbolic link to a file outside the repository",
            r => { File.Delete(r.PathOf(Image)); File.CreateSymbolicLink(r.PathOf(Image), OutsideFile(r, "secret.png", File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests/QcdpBuilder.Tests/Fixtures/mini", Image)))); },
            new Fails(Slides, "is outside the repository", 30, 1)),
        new("image-remote-url", "a picture on the web",
            r => r.Edit(Slides, s => s.Replace(ImageRef, "https://example.org/pdsa.png")),
            new Fails(Slides, "is not a local file", 30, 1)),
        new("image-file-url", "a file:// picture",
            r => r.Edit(Slides, s => s.Replace(ImageRef, "file:///etc/hostname.png")),
            new Fails(Slides, "is not a local file", 30, 1)),
        new("markdown-symlink-outside", "facilitator notes that are a symbolic link to a file outside the repository",
            r => { File.Delete(r.PathOf(Notes)); File.CreateSymbolicLink(r.PathOf(Notes), OutsideFile(r, "notes.md", "## Secret\n\nfrom outside"u8.ToArray())); },
            new Fails(Notes, "outside the repository", 1, 1)),
        new("javascript-link", "a javascript: link",
            r => r.Edit(Slides, s => s.Replace("Meet each other", "[Meet](javascript:alert(1)) each other")),
            new Fails(Slides, "is not a web, mail or in-page link", 5)),

        // ---------------- templates ----------------
        new("template-syntax-error", "a loop never closed in the guide template",
            r => r.Edit("templates/facilitator-guide.md.sbn", s => s.Replace("{{~ for outcome in workstream.outcomes ~}}", "{{~ for outcome in workstream.outcomes ~}")),
            new Fails("templates/facilitator-guide.md.sbn", "template error")),
        new("template-unclosed-in-content", "an unclosed placeholder in content",
            r => r.Edit(Slides, s => s.Replace("at {{org.name}}", "at {{org.name")),
            new Fails(Slides, "template error")),
        new("template-include-file", "an include that names a file outside the repository",
            r => r.Edit(Slides, s => s.Replace("Meet each other", "{{ include '../../../../etc/passwd' }}")),
            new Fails(Slides, "'include' is not available", 5)),
        new("template-handlebars-block", "Handlebars block syntax, which templates no longer use",
            r => r.Edit(Slides, s => s.Replace("Meet each other", "{{#if org.system_wide}}hi{{/if}}")),
            new Fails(Slides, "template error", 5)),
        new("template-unknown-helper", "a helper that does not exist (no code can be called)",
            r => r.Edit(Slides, s => s.Replace("Meet each other", "{{exec \"rm -rf /\"}}")),
            new Fails(Slides, "", 5)),
        new("template-lookup-trick", "lookup used to reach a .NET member of the data",
            r => r.Edit(Slides, s => s.Replace("Meet each other", "{{lookup org \"GetType\"}}{{org.Count}}{{org.Keys}}")),
            new Fails(Slides, "", 5)),

        // ---------------- brand files in the profile ----------------
        new("logo-not-image", "a logo that is a text file",
            r => { r.Write(Brand + "logo.png", "<svg>not really</svg>"); },
            new Fails(Profile, "the logo is not a PNG or JPEG file", 4, 7)),
        new("logo-outside", "a logo path that climbs out of the repository",
            r => r.Edit(Profile, s => s.Replace("logo: logo.png", "logo: ../../../../../../../../etc/hostname")),
            new Fails(Profile, "points outside", 4, 7)),
        new("font-not-font", "a font file that is not a font",
            r => { r.Write(Brand + "fake.ttf", "this is not a font"); r.Edit(Profile, s => s.Replace("paper: A4", "fonts:\n  files:\n    regular: fake.ttf\npaper: A4")); },
            new Fails(Profile, "'regular' is not a readable TrueType font", 9, 14)),
        new("font-truncated", "a font cut off after its table directory",
            r => { File.WriteAllBytes(r.PathOf(Brand + "cut.ttf"), File.ReadAllBytes(Path.Combine(RepoPaths.Root, "templates/fonts/atkinson-hyperlegible/AtkinsonHyperlegible_400Regular.ttf"))[..200]); r.Edit(Profile, s => s.Replace("paper: A4", "fonts:\n  files:\n    regular: cut.ttf\npaper: A4")); },
            new Fails(Profile, "'regular' is not a readable TrueType font", 9, 14)),
        new("reference-deck-not-zip", "a reference deck that is a text file",
            r => { r.Write(Brand + "template.pptx", "not a zip"); r.Edit(Profile, s => s + "reference_deck: template.pptx\n"); },
            new Fails(Profile, "'reference_deck' is not a PowerPoint file", 22, 17)),
        new("reference-deck-truncated", "a reference deck cut in half",
            r => { var pptx = File.ReadAllBytes(PreviousOutput(r, "slides/1.1-first-session.pptx")); File.WriteAllBytes(r.PathOf(Brand + "template.pptx"), pptx[..(pptx.Length / 2)]); r.Edit(Profile, s => s + "reference_deck: template.pptx\n"); },
            new Fails(Profile, "'reference_deck' is not a PowerPoint file", 22, 17)),
        new("reference-deck-no-layouts", "a reference deck whose layouts have other names (warned about; slides fall back to its first layouts)",
            r => { RenameLayouts(PreviousOutput(r, "slides/1.1-first-session.pptx"), r.PathOf(Brand + "template.pptx")); r.Edit(Profile, s => s + "reference_deck: template.pptx\n"); },
            Builds.Ok),
        new("reference-deck-is-docx", "a Word document given as the reference deck",
            r => { File.Copy(PreviousOutput(r, "handouts/sample-worksheet.docx"), r.PathOf(Brand + "template.pptx")); r.Edit(Profile, s => s + "reference_deck: template.pptx\n"); },
            new Fails(Profile, "'reference_deck' is not a PowerPoint file", 22, 17)),
        new("reference-document-not-zip", "a reference Word document that is a text file",
            r => { r.Write(Brand + "reference.docx", "not a zip"); r.Edit(Profile, s => s + "reference_document: reference.docx\n"); },
            new Fails(Profile, "'reference_document' is not a Word document", 22, 21)),
        new("reference-document-truncated", "a reference Word document cut in half",
            r => { var docx = File.ReadAllBytes(PreviousOutput(r, "handouts/sample-worksheet.docx")); File.WriteAllBytes(r.PathOf(Brand + "reference.docx"), docx[..(docx.Length / 2)]); r.Edit(Profile, s => s + "reference_document: reference.docx\n"); },
            new Fails(Profile, "'reference_document' is not a Word document", 22, 21)),

        // ---------------- crashes that must be located errors (issue 14) ----------------
        new("minutes-overflow-int", "activity minutes that overflow int when summed",
            r => r.Edit(Session, s => s.Replace("minutes: 20", "minutes: 2147483647").Replace("minutes: 40", "minutes: 2147483647")),
            new Fails(Session, "'minutes' must be from 1 to 1440, not 2147483647", 14, 14)),
        new("image-symlink-loop", "a picture that is a loop of symbolic links (pdsa.png -> b.png -> pdsa.png)",
            r => LinkLoop(r, Image),
            new Fails(Slides, "is a loop of symbolic links", 30, 1)),
        new("logo-symlink-loop", "a logo that is a loop of symbolic links",
            r => LinkLoop(r, Brand + "logo.png"),
            new Fails(Profile, "'logo' is a loop of symbolic links", 4, 7)),
        new("handout-symlink-loop", "a handout that is a loop of symbolic links",
            r => LinkLoop(r, Handout),
            new Fails(Handout, "the file is a loop of symbolic links", 1, 1)),
        new("slides-symlink-loop", "slides.md that is a loop of symbolic links",
            r => LinkLoop(r, Slides),
            new Fails(Slides, "the file is a loop of symbolic links", 1, 1)),
        new("image-dangling-symlink", "a picture that is a link to a file that does not exist",
            r => { File.Delete(r.PathOf(Image)); File.CreateSymbolicLink(r.PathOf(Image), "gone.png"); },
            new Fails(Slides, "is a symbolic link to a file that does not exist", 30, 1)),
        new("image-is-folder", "a picture path that names a folder",
            r => { File.Delete(r.PathOf(Image)); Directory.CreateDirectory(r.PathOf(Image)); },
            new Fails(Slides, "is a folder, not a file", 30, 1)),
        new("image-fifo", "a picture that is a named pipe (reading it would block for ever)",
            r => Fifo(r, Image),
            new Fails(Slides, "is a named pipe (FIFO), not a regular file", 30, 1)),
        new("logo-fifo", "a logo that is a named pipe",
            r => Fifo(r, Brand + "logo.png"),
            new Fails(Profile, "'logo' is a named pipe (FIFO), not a regular file", 4, 7)),
        new("notes-fifo", "facilitator notes that are a named pipe",
            r => Fifo(r, Notes),
            new Fails(Notes, "the file is a named pipe (FIFO), not a regular file", 1, 1)),

        // ---------------- template and input safety ----------------
        new("reference-deck-external-links", "a reference deck whose master links to a web address and a file:// picture (dropped, with a warning)",
            r => { ExternalLinks(PreviousOutput(r, "slides/1.1-first-session.pptx"), r.PathOf(Brand + "template.pptx")); r.Edit(Profile, s => s + "reference_deck: template.pptx\n"); },
            new Warns(Profile, "'reference_deck' has 2 link(s) to outside the file (https://tracker.example/pixel, file:///etc/passwd)", 22, 17)),
        new("reference-document-external-links", "a reference Word document with an external hyperlink relationship (never carried, with a warning)",
            r => { ExternalLinks(PreviousOutput(r, "handouts/sample-worksheet.docx"), r.PathOf(Brand + "reference.docx")); r.Edit(Profile, s => s + "reference_document: reference.docx\n"); },
            new Warns(Profile, "'reference_document' has 2 link(s) to outside the file", 22, 21)),

        // ---------------- silently wrong output ----------------
        new("yaml-null-title", "a YAML null (~) as a session's title",
            r => r.Edit(Session, s => s.Replace("title: First session", "title: ~")),
            new Fails(Session, "'title' is required but has no value ('~' is YAML's null)", 2, 8)),
        new("yaml-null-word", "the word null as a workstream's aim",
            r => r.Edit(Workstream, s => s.Replace("aim: Show every feature once.", "aim: null")),
            new Fails(Workstream, "'aim' is required but has no value", 4, 6)),
        new("yaml-empty-title", "a required title left empty",
            r => r.Edit(Session, s => s.Replace("title: First session", "title:")),
            new Fails(Session, "'title' is required but has no value")),
        new("duration-negative", "a negative session duration",
            r => r.Edit(Session, s => s.Replace("duration: 60", "duration: -60")),
            new Fails(Session, "'duration' must be from 1 to 1440, not -60", 3, 11)),
        new("duration-zero", "a session of zero minutes",
            r => r.Edit(Session, s => s.Replace("duration: 60", "duration: 0")),
            new Fails(Session, "'duration' must be from 1 to 1440, not 0", 3, 11)),
        new("break-negative", "a negative break in the timetable",
            r => r.Edit("content/programme.yaml", s => s.Replace("- break: 15", "- break: -15")),
            new Fails("content/programme.yaml", "'break' must be from 1 to 1440, not -15", 22, 20)),
        new("date-year-one", "a workshop day in year 0001",
            r => r.Edit(Profile, s => s.Replace("2027-01-19", "0001-01-01")),
            new Fails(Profile, "'0001-01-01' is outside the years 2000–2199", 19, 10)),
        new("date-year-9999", "a workshop day on the last day of the calendar",
            r => r.Edit(Profile, s => s.Replace("2027-01-19", "9999-12-31")),
            new Fails(Profile, "'9999-12-31' is outside the years 2000–2199", 19, 10)),
        new("day-ends-before-start", "a workshop day that ends before it starts",
            r => r.Edit("content/programme.yaml", s => s.Replace("end: \"10:15\"", "end: \"08:00\"")),
            new Fails("content/programme.yaml", "day 1 ends at 08:00, not after it starts (09:00)", 19, 14)),
        new("days-out-of-order", "a workshop's second day numbered 1 again",
            r => { r.Edit("content/programme.yaml", s => s.Replace("webinars: []", SecondDay(1) + "webinars: []")); r.Edit(Profile, s => s.Replace("[\"2027-01-19\"]", "[\"2027-01-19\", \"2027-01-20\"]")); },
            new Fails("content/programme.yaml", "day 1 comes after day 1", 23, 14)),
        new("cohort-dates-out-of-order", "a workshop's day 2 dated before its day 1",
            r => { r.Edit("content/programme.yaml", s => s.Replace("webinars: []", SecondDay(2) + "webinars: []")); r.Edit(Profile, s => s.Replace("[\"2027-01-19\"]", "[\"2027-01-19\", \"2027-01-18\"]")); },
            new Fails(Profile, "day 2 of workshop W1 (2027-01-18) is not after day 1 (2027-01-19)", 19, 24)),
        new("notes-picture-relative", "a picture in facilitator-notes.md with a path relative to the notes (as in slides.md)",
            r => r.Edit(Notes, s => s + "\n![A PDSA cycle with four quadrants](" + ImageRef + ")\n"),
            Builds.Ok),
        new("notes-picture-missing", "a missing picture in facilitator-notes.md is reported at the notes, not the guide template",
            r => r.Edit(Notes, s => s + "\n![Gone](../../../../images/gone.png)\n"),
            new Fails(Notes, "image file not found: ../../../../images/gone.png", 12, 1)),
        new("png-interlaced", "an interlaced (Adam7) PNG, which the PDF writer cannot draw",
            r => Bytes(r, Image, b => { b[28] = 1; return b; }),
            new Fails(Slides, "is an interlaced (Adam7) PNG", 30, 1)),
        new("org-name-arabic", "an organisation name in Arabic, which the default font cannot show",
            r => r.Edit(Profile, s => s.Replace("name: Smith & Jones <North> NHS Trust", "name: مستشفى سميث")),
            new Fails(Profile, "'name' has characters the font 'Atkinson Hyperlegible' cannot show", 1, 7)),
        new("slides-emoji-and-chinese", "an emoji and Chinese text on a slide",
            r => r.Edit(Slides, s => s.Replace("- Meet each other", "- Meet each other 😀 中文")),
            new Fails(Slides, "'😀' (U+1F600) '中' (U+4E2D) '文' (U+6587)", 5, 19)),
        new("font-corrupt-glyphs", "a font whose glyph outlines are overwritten with garbage",
            r => { File.WriteAllBytes(r.PathOf(Brand + "broken.ttf"), CorruptGlyphs(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "templates/fonts/atkinson-hyperlegible/AtkinsonHyperlegible_400Regular.ttf")))); r.Edit(Profile, s => s.Replace("paper: A4", "fonts:\n  files:\n    regular: broken.ttf\npaper: A4")); },
            new Fails(Profile, "'regular' is not a readable TrueType font (glyph", 9, 14)),
    ];

    // ---------------- helpers ----------------

    /// <summary>Replaces <paramref name="path"/> with a loop of two symbolic links: path -> loop-b -> path.</summary>
    static void LinkLoop(MiniRepo r, string path)
    {
        var full = r.PathOf(path);
        var other = Path.Combine(Path.GetDirectoryName(full)!, "loop-b" + Path.GetExtension(full));
        File.Delete(full);
        File.CreateSymbolicLink(full, Path.GetFileName(other));
        File.CreateSymbolicLink(other, Path.GetFileName(full));
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    static extern int mkfifo(string path, uint mode);

    /// <summary>Replaces <paramref name="path"/> with a named pipe nobody writes to: opening it for reading would block for ever.</summary>
    static void Fifo(MiniRepo r, string path)
    {
        File.Delete(r.PathOf(path));
        if (mkfifo(r.PathOf(path), Convert.ToUInt32("644", 8)) != 0) throw new IOException($"mkfifo failed ({System.Runtime.InteropServices.Marshal.GetLastPInvokeError()})");
    }

    /// <summary>A second day of workshop W1, numbered <paramref name="number"/>: a 15-minute break.</summary>
    static string SecondDay(int number) => $"      - day: {number}\n        start: \"09:00\"\n        end: \"09:15\"\n        items:\n          - break: 15\n";

    /// <summary>
    /// Copies an Office file, adding to its main part's relationships a hyperlink to a web address and a picture
    /// linked from file:///etc/passwd (both TargetMode="External"), and a click action that uses the first.
    /// </summary>
    static void ExternalLinks(string from, string to)
    {
        File.Copy(from, to);
        using var zip = ZipFile.Open(to, ZipArchiveMode.Update);
        var (part, rels) = zip.GetEntry("ppt/slideMasters/slideMaster1.xml") is not null
            ? ("ppt/slideMasters/slideMaster1.xml", "ppt/slideMasters/_rels/slideMaster1.xml.rels")
            : ("word/document.xml", "word/_rels/document.xml.rels");
        string Read(string name) { using var s = new StreamReader(zip.GetEntry(name)!.Open()); return s.ReadToEnd(); }
        void Write(string name, string text) { zip.GetEntry(name)!.Delete(); using var w = new StreamWriter(zip.CreateEntry(name).Open()); w.Write(text); }
        Write(rels, Read(rels).Replace("</Relationships>",
            "<Relationship Id=\"rIdTrack\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://tracker.example/pixel\" TargetMode=\"External\"/>" +
            "<Relationship Id=\"rIdLeak\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"file:///etc/passwd\" TargetMode=\"External\"/></Relationships>"));
        if (part.StartsWith("ppt/", StringComparison.Ordinal))
            Write(part, System.Text.RegularExpressions.Regex.Replace(Read(part), "(<p:cNvPr [^>]*?)/>", "$1><a:hlinkClick r:id=\"rIdTrack\"/></p:cNvPr>", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(5)));
    }

    /// <summary>The font with the first 4 KB of its glyph outlines overwritten with 0x7F (outlines that claim 32,639 contours).</summary>
    static byte[] CorruptGlyphs(byte[] ttf)
    {
        int tables = (ttf[4] << 8) | ttf[5];
        for (var i = 0; i < tables; i++)
        {
            var r = 12 + 16 * i;
            if (Encoding.ASCII.GetString(ttf, r, 4) != "glyf") continue;
            var offset = (ttf[r + 8] << 24) | (ttf[r + 9] << 16) | (ttf[r + 10] << 8) | ttf[r + 11];
            Array.Fill(ttf, (byte)0x7F, offset, 4096);
            return ttf;
        }
        throw new ArgumentException("no glyf table");
    }

    /// <summary>The previous good package's copy of <paramref name="path"/> (the harness puts one in place first).</summary>
    static string PreviousOutput(MiniRepo r, string path) => r.PathOf("output/smith-jones/" + path);

    static void Bytes(MiniRepo r, string file, Func<byte[], byte[]> change) => File.WriteAllBytes(r.PathOf(file), change(File.ReadAllBytes(r.PathOf(file))));

    static byte[] Replace(byte[] bytes, string find, byte[] with)
    {
        var f = Encoding.UTF8.GetBytes(find);
        var at = bytes.AsSpan().IndexOf(f);
        if (at < 0) throw new ArgumentException($"'{find}' not found");
        return [.. bytes[..at], .. with, .. bytes[(at + f.Length)..]];
    }

    /// <summary>A file in a folder beside (outside) the repository, removed with it.</summary>
    static string OutsideFile(MiniRepo r, string name, byte[] bytes)
    {
        var dir = r.Root + "-outside";
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Nine levels of aliases, each ten times the last: a billion items if anyone expanded them.</summary>
    static string BillionLaughs(string key)
    {
        var sb = new StringBuilder();
        sb.Append(key).Append(": &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (var i = 1; i <= 9; i++)
            sb.Append($"x{i}: &a{i} [" + string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10)) + "]\n");
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>A PNG that is only a signature and an IHDR chunk claiming the given size.</summary>
    static byte[] PngHeader(int width, int height)
    {
        var ms = new MemoryStream();
        ms.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        ms.Write([0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R']);
        ms.Write([(byte)(width >> 24), (byte)(width >> 16), (byte)(width >> 8), (byte)width, (byte)(height >> 24), (byte)(height >> 16), (byte)(height >> 8), (byte)height, 8, 2, 0, 0, 0]);
        ms.Write([0, 0, 0, 0]); // CRC (not checked by readers that only sniff the header)
        ms.Write([0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82]);
        return ms.ToArray();
    }

    /// <summary>The same PNG with the first IDAT chunk's data zeroed: every chunk still in place, the pixels undecodable.</summary>
    static byte[] ScrambleIdat(byte[] png)
    {
        for (var pos = 8; pos + 12 <= png.Length;)
        {
            var len = (png[pos] << 24) | (png[pos + 1] << 16) | (png[pos + 2] << 8) | png[pos + 3];
            if (Encoding.ASCII.GetString(png, pos + 4, 4) == "IDAT")
            {
                Array.Clear(png, pos + 8, len);
                return png;
            }
            pos += 12 + len;
        }
        throw new ArgumentException("no IDAT chunk");
    }

    /// <summary>Copies a PPTX, giving every slide layout a name the writer does not know.</summary>
    static void RenameLayouts(string from, string to)
    {
        File.Copy(from, to);
        using var zip = ZipFile.Open(to, ZipArchiveMode.Update);
        var n = 0;
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("ppt/slideLayouts/slideLayout") && e.FullName.EndsWith(".xml")).ToList())
        {
            string xml;
            using (var s = new StreamReader(entry.Open())) xml = s.ReadToEnd();
            xml = System.Text.RegularExpressions.Regex.Replace(xml, "<p:cSld name=\"[^\"]*\"", _ => $"<p:cSld name=\"Custom {++n}\"");
            var name = entry.FullName;
            entry.Delete();
            using var w = new StreamWriter(zip.CreateEntry(name).Open());
            w.Write(xml);
        }
    }
}
