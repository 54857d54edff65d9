using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Documents;
using QcdpBuilder.Markdown;
using QcdpBuilder.Organisations;
using QcdpBuilder.Templates;

namespace QcdpBuilder.Pipeline;

/// <summary>
/// The frames of the documents an organisation restyles without touching content: each handout, the applicant
/// contract and each programme document is its content file's Markdown placed in a template
/// (<c>templates/handout.md.sbn</c>, <c>applicant-contract.md.sbn</c>, <c>programme-document.md.sbn</c>), which
/// can add a header (name, date and team fields, a notice) and a footer. An organisation overrides one by putting
/// a file of the same name in its <c>templates/</c> overlay. Build and packs frame documents the same way.
/// </summary>
public sealed class DocumentFrames(TemplateEngine templates, MarkdownReader reader, Overlay overlay, Func<string, string> rel,
    Func<string, string?> read, IDictionary<string, object> data, DiagnosticBag diagnostics)
{
    public const string Handout = "handout.md.sbn", Contract = "applicant-contract.md.sbn", ProgrammeDocument = "programme-document.md.sbn",
        SessionDeck = "session-deck.md.sbn";

    readonly HashSet<string> missing = [];

    /// <summary>The template file a build uses for frame <paramref name="name"/> (the overlay's if it has one).</summary>
    public string TemplateFile(string name) => overlay.Template(name);

    /// <summary>What a handout's frame knows about it (<c>handout.*</c>).</summary>
    public static Dictionary<string, object> About(Handout h, string title) => new()
    {
        ["handout"] = new Dictionary<string, object> { ["id"] = h.Id, ["title"] = title, ["session"] = h.SessionId ?? "", ["per_participant"] = h.PerParticipant },
    };

    /// <summary>What the contract's or a programme document's frame knows about it (<c>document.*</c>).</summary>
    public static Dictionary<string, object> About(Material m, string title) => new()
    {
        ["document"] = new Dictionary<string, object> { ["id"] = m.Id, ["title"] = title, ["kind"] = m.Kind, ["audience"] = m.Audience },
    };

    /// <summary>
    /// The blocks of <paramref name="file"/>'s Markdown (<paramref name="body"/>, placeholders filled) in frame
    /// <paramref name="name"/>; the frame's own text is read against the template file, the body against its file.
    /// </summary>
    public List<Block> Parse(string name, string file, string? body, IDictionary<string, object> about) =>
        [.. Parts(name, file, body, about).SelectMany(p => p.Blocks)];

    /// <summary>
    /// As <see cref="Parse"/>, but each part with the file it was read against (the frame's text before the body, the
    /// body, the frame's text after it), for products that report later problems by part (a deck's missing notes).
    /// </summary>
    public List<(List<Block> Blocks, string File)> Parts(string name, string file, string? body, IDictionary<string, object> about)
    {
        if (body is null) return [];
        var template = overlay.Template(name);
        if (!File.Exists(template))
        {
            lock (missing)
                if (missing.Add(name))
                    diagnostics.Report(Rules.MissingFile, SourceSpan.StartOf(rel(template)), $"the template {name} is missing", $"restore templates/{name}");
            return [(reader.Parse(body, file), file)];
        }
        if (read(template) is not { } source) return [];
        var with = new Dictionary<string, object>(data);
        foreach (var (key, value) in about) with[key] = value;
        if (templates.RenderFrame(source, with, body, rel(template), diagnostics) is not { } framed) return [];
        return [(Part(framed.Before, template), template), (Part(framed.Body, file), file), (Part(framed.After, template), template)];
    }

    List<Block> Part(string markdown, string file) => string.IsNullOrWhiteSpace(markdown) ? [] : reader.Parse(markdown, file);
}
