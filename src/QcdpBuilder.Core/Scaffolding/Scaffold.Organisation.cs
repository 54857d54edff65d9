using System.Globalization;
using System.Text;
using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Organisations;
using QcdpBuilder.Packaging;

namespace QcdpBuilder.Scaffolding;

/// <summary><c>qcdp init</c>: a new organisation.</summary>
public static partial class Scaffold
{
    /// <summary>
    /// <c>qcdp init &lt;slug&gt;</c>: creates <c>organisations/&lt;slug&gt;/</c> with a commented profile (which
    /// validates as it is) and empty content and template overlays, each with a README; returns the files written
    /// (repository-relative), or null on error. It never overwrites a file: if the profile exists it stops with an
    /// error; other files that exist are kept.
    /// </summary>
    public static IReadOnlyList<string>? Organisation(string root, string slug, string? name, DiagnosticBag diagnostics)
    {
        root = Path.GetFullPath(root);
        var folder = $"{OrganisationFolders.Folder}/{slug}";
        if (!Slugs.IsValid(slug))
        {
            diagnostics.Report(Rules.InvalidValue, SourceSpan.StartOf(folder), $"'{slug}' is not a valid organisation slug", "use lower-case letters, digits and hyphens, e.g. " + (Slugs.Make(slug) is { Length: > 0 } s ? s : "my-trust"));
            return null;
        }
        var profile = OrganisationFolders.ProfilePath(root, slug);
        if (File.Exists(profile))
        {
            diagnostics.Report(Rules.OrganisationExists, SourceSpan.StartOf($"{folder}/{OrganisationFolders.ProfileName}"), "this organisation already has a profile; nothing was changed",
                $"edit it, or choose another slug (qcdp validate --org {slug} checks it)");
            return null;
        }

        var programme = new ContentLoader(root, new DiagnosticBag()).LoadProgramme();
        name ??= string.Join(' ', slug.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        var values = new Dictionary<string, string>
        {
            ["slug"] = slug,
            ["name"] = name,
            ["title"] = name,
            ["cohort_dates"] = CohortDates(programme),
        };
        var files = new List<(string Path, string Text)>
        {
            ($"{folder}/{OrganisationFolders.ProfileName}", Assets.Fill("Organisation/organisation.yaml", Quoted(values))),
            ($"{folder}/content/README.md", Assets.Fill("Organisation/overlay-content-README.md", values)),
            ($"{folder}/templates/README.md", Assets.Fill("Organisation/overlay-templates-README.md", values)),
        };
        var written = new List<string>();
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(root, path);
            if (File.Exists(full)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text.Replace("\r\n", "\n"), new UTF8Encoding(false));
            written.Add(path);
        }
        return written;
    }

    /// <summary>The profile quotes the name for YAML (a name may hold ':' or '#').</summary>
    static Dictionary<string, string> Quoted(Dictionary<string, string> values) =>
        new(values) { ["name"] = "\"" + values["name"].Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"" };

    /// <summary>Placeholder dates for every workshop day and webinar the programme has, so the new profile validates.</summary>
    static string CohortDates(Programme? p)
    {
        var sb = new StringBuilder();
        var year = 2027;
        if (p is null || p.Workshops.Count == 0) return "  workshops: {}";
        sb.Append("  workshops:\n");
        foreach (var w in p.Workshops)
        {
            // Tuesdays onwards in the workshop's month, consecutive days.
            var first = FirstTuesday(year, Math.Clamp(w.Month, 1, 12));
            var dates = Enumerable.Range(0, w.Days.Count).Select(i => $"\"{first.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\"");
            sb.Append($"    {w.Id}: [{string.Join(", ", dates)}]\n");
        }
        if (p.Webinars.Count > 0)
        {
            sb.Append("  webinars:\n");
            // Webinars fall on the Tuesdays after the first of their month, in programme order.
            var perMonth = new Dictionary<int, int>();
            foreach (var wb in p.Webinars)
            {
                var month = Math.Clamp(wb.Month, 1, 12);
                perMonth[month] = perMonth.GetValueOrDefault(month) + 1;
                var date = FirstTuesday(year, month).AddDays(7 * perMonth[month]);
                sb.Append($"    \"{wb.SessionId}\": \"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\"\n");
            }
        }
        return sb.ToString().TrimEnd('\n');
    }

    static DateOnly FirstTuesday(int year, int month)
    {
        var d = new DateOnly(year, month, 1);
        while (d.DayOfWeek != DayOfWeek.Tuesday) d = d.AddDays(1);
        return d;
    }
}
