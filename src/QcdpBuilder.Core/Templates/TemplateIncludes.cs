using Scriban;
using Scriban.Parsing;
using SourceSpan = Scriban.Parsing.SourceSpan;
using Scriban.Runtime;
using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Templates;

/// <summary>
/// What <c>{{ include 'name' }}</c> may read: a template by its plain name, from the organisation's
/// <c>templates/</c> overlay if it has one of that name, else from the shared <c>templates/</c>. Every other
/// name is refused (a path, "..", a file that a symbolic link takes outside those folders), so a template
/// cannot read the rest of the disk.
/// </summary>
public sealed class TemplateIncludes(string root, IReadOnlyList<string> folders) : ITemplateLoader
{
    readonly string root = Path.GetFullPath(root);
    readonly IReadOnlyList<string> folders = folders.Select(Path.GetFullPath).ToList();

    /// <summary>The shared <c>templates/</c> under <paramref name="root"/>, after an organisation's overlay folder if given.</summary>
    public static TemplateIncludes For(string root, string? overlayTemplates) =>
        new(root, overlayTemplates is null ? [Path.Combine(root, "templates")] : [overlayTemplates, Path.Combine(root, "templates")]);

    /// <summary>The repository-relative path of a file, for diagnostics.</summary>
    public string Rel(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (string.IsNullOrWhiteSpace(templateName) || Path.IsPathRooted(templateName) || templateName.Contains('\\')
            || templateName.Split('/').Any(part => part is "" or "." or ".."))
            throw Refused(callerSpan, templateName, "an include names a template by its file name, e.g. {{ include 'session-header.md.sbn' }}");
        foreach (var folder in folders)
        {
            var path = Path.GetFullPath(Path.Combine(folder, templateName));
            if (!File.Exists(path)) continue;
            // The file itself and every folder on the way must stay inside the templates folder once links are followed.
            if (!SourceFiles.IsInside(path, folder))
                throw Refused(callerSpan, templateName, "a symbolic link in templates/ may not lead outside it");
            if (new FileInfo(path).Length > SourceFiles.MaxTextBytes)
                throw Refused(callerSpan, templateName, $"a template may be at most {SourceFiles.MaxTextBytes / 1024} KB");
            return path;
        }
        throw Refused(callerSpan, templateName, $"no template of that name in {string.Join(" or ", folders.Select(f => Rel(f) + "/"))}");
    }

    public string? Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => File.ReadAllText(templatePath);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new(Load(context, callerSpan, templatePath));

    static SandboxException Refused(SourceSpan at, string name, string hint) =>
        new(at, Rules.TemplateSyntax, $"template error: cannot include '{name}'", hint);
}
