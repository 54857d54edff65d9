using System.CommandLine;
using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Organisations;
using QcdpBuilder.Templates;

namespace QcdpBuilder.Cli.Commands;

/// <summary>
/// <c>qcdp templates</c>: every template in templates/, the product it makes, the data it receives and whether the
/// organisation overrides it; <c>qcdp templates copy NAME</c> copies the shared one into the organisation's
/// <c>templates/</c> to edit (never over a file that is already there).
/// </summary>
public static class TemplatesCommand
{
    public static Command Create()
    {
        var command = new Command("templates", "List the templates (templates/README.md describes their data) and whether the organisation overrides each");
        command.Options.Add(CommonOptions.Org);
        command.SetAction(parse => Open(parse) is { } at ? List(at.Root, at.Overlay) : 1);

        var name = new Argument<string>("name") { Description = "The template to copy, e.g. handout.md.sbn (qcdp templates lists them)" };
        var copy = new Command("copy", "Copy a shared template into organisations/<slug>/templates/ to edit; never replaces a file already there");
        copy.Arguments.Add(name);
        copy.Options.Add(CommonOptions.Org);
        copy.SetAction(parse => Open(parse) is { } at ? Copy(at.Root, at.Overlay, parse.GetValue(name)!) : 1);
        command.Subcommands.Add(copy);
        return command;
    }

    /// <summary>The repository and the organisation's overlay; null (reported) when either cannot be found.</summary>
    static (string Root, Overlay Overlay)? Open(ParseResult parse)
    {
        var report = new Report("text");
        if (CommonOptions.FindRoot(parse.GetValue(CommonOptions.Root)) is not { } root) { report.NoRoot(); return null; }
        var diagnostics = new DiagnosticBag();
        // An unknown slug is reported with the organisations there are (and the nearest).
        var profile = OrganisationFolders.Resolve(root, CommonOptions.Organisation(parse.GetValue(CommonOptions.Org)), diagnostics);
        if (profile is null) { report.Problems(diagnostics); return null; }
        if (!File.Exists(profile))
        {
            Console.Error.WriteLine($"error: there is no organisation profile at {Rel(root, profile)}");
            return null;
        }
        return (root, Overlay.ForProfile(root, profile));
    }

    static int List(string root, Overlay overlay)
    {
        var own = overlay.TemplatesFolder;
        foreach (var t in TemplateCatalogue.All)
        {
            var used = overlay.Template(t.Name);
            var where = overlay.IsOverlay(used) ? $"overridden by {Rel(root, used)}" : File.Exists(used) ? "shared" : "missing from templates/";
            Console.WriteLine($"{t.Name}: {t.Product}; {where}");
            Console.WriteLine($"  data: {string.Join(", ", t.Data)}");
        }
        // Files of the organisation's own that are not products' templates (pieces its templates include).
        if (own is not null && Directory.Exists(own))
            foreach (var f in Directory.GetFiles(own, "*.sbn").Select(Path.GetFileName).Order(StringComparer.Ordinal))
                if (TemplateCatalogue.Find(f!) is null) Console.WriteLine($"{f}: the organisation's own (for {{{{ include }}}}); {Rel(root, Path.Combine(own, f!))}");
        Console.WriteLine("The data of each template: templates/README.md. To edit one for this organisation: qcdp templates copy <name>");
        return 0;
    }

    static int Copy(string root, Overlay overlay, string name)
    {
        if (TemplateCatalogue.Find(name) is null)
        {
            var names = TemplateCatalogue.All.Select(t => t.Name).ToList();
            // "handout" for "handout.md.sbn" is close in meaning if not in spelling.
            var near = names.FirstOrDefault(n => n.StartsWith(name + ".", StringComparison.Ordinal)) ?? Suggest.Nearest(name, names);
            Console.Error.WriteLine($"error: there is no template '{name}'");
            Console.Error.WriteLine($"  hint: {(near is null ? "" : $"did you mean '{near}'? ")}Templates: {string.Join(", ", names)}");
            return 1;
        }
        if (overlay.TemplatesFolder is not { } folder)
        {
            Console.Error.WriteLine("error: this organisation's profile has no folder of its own to hold templates");
            Console.Error.WriteLine("  hint: keep the profile at organisations/<slug>/organisation.yaml (qcdp init <slug> makes one)");
            return 1;
        }
        var shared = Path.Combine(root, "templates", name);
        var target = Path.Combine(folder, name);
        if (!File.Exists(shared))
        {
            Console.Error.WriteLine($"error: templates/{name} is missing");
            Console.Error.WriteLine($"  hint: restore templates/{name} (e.g. git checkout -- templates/{name})");
            return 1;
        }
        if (File.Exists(target) || Directory.Exists(target))
        {
            Console.Error.WriteLine($"error: {Rel(root, target)} already exists; it was left as it is");
            Console.Error.WriteLine($"  hint: edit it, or move it away first to start again from templates/{name}");
            return 1;
        }
        Directory.CreateDirectory(folder);
        // CreateNew: if a file appeared since the check, it is refused rather than replaced.
        try
        {
            using var from = File.OpenRead(shared);
            using var to = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            from.CopyTo(to);
        }
        catch (IOException) when (File.Exists(target))
        {
            Console.Error.WriteLine($"error: {Rel(root, target)} already exists; it was left as it is");
            return 1;
        }
        Console.WriteLine($"created {Rel(root, target)} (a copy of templates/{name}); edit it to change this organisation's {TemplateCatalogue.Find(name)!.Product}");
        return 0;
    }

    static string Rel(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
