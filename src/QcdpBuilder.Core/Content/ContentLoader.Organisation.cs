using System.Globalization;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Content;

/// <summary>Reading an organisation profile: brand, contacts, cohort dates and terminology.</summary>
public sealed partial class ContentLoader
{

    static readonly string[] OrgKeys = ["name", "short_name", "slug", "logo", "colours", "fonts", "paper", "contact", "programme_lead", "cohort", "terminology", "reference_deck", "reference_document"];
    static readonly string[] ColourKeys = ["primary", "secondary", "accent", "text", "background", "tint"];

    public Organisation? LoadOrganisation(string profilePath)
    {
        var path = Path.GetFullPath(profilePath, Root);
        var map = LoadYaml(path);
        if (map is null) return null;
        map.AllowOnly(OrgKeys);
        var baseDir = Path.GetDirectoryName(path)!;

        string? FileRef(YamlMap m, string key)
        {
            var rel = m.String(key);
            if (string.IsNullOrEmpty(rel)) return null;
            var full = Path.GetFullPath(Path.Combine(baseDir, rel));
            // Brand files live with the profile (or in the repository): a profile cannot reach elsewhere on disk.
            if (!IsInside(full, Root) && !IsInside(full, baseDir))
            {
                diagnostics.Error(m.ValueSpan(key), $"'{key}' points outside the profile's folder ({rel})", "keep brand files next to the profile, e.g. organisation/logo.png");
                return null;
            }
            if (!File.Exists(full))
            {
                diagnostics.Error(m.ValueSpan(key), $"'{key}' file not found: {rel}", $"paths are relative to {Rel(path)}");
                return null;
            }
            return full;
        }

        var colours = new Dictionary<string, string>();
        if (map.Map("colours") is { } c)
        {
            c.AllowOnly(ColourKeys);
            foreach (var (key, _) in c.Keys)
            {
                if (!ColourKeys.Contains(key)) continue;
                var value = c.String(key) ?? "";
                try { Branding.Colour.Parse(value); colours[key] = value; }
                catch (FormatException e) { diagnostics.Error(c.ValueSpan(key), e.Message); }
            }
        }

        string headingFont = "Atkinson Hyperlegible", bodyFont = "Atkinson Hyperlegible";
        Branding.FontFiles? fontFiles = null;
        if (map.Map("fonts") is { } f)
        {
            f.AllowOnly("heading", "body", "files");
            headingFont = f.String("heading") ?? headingFont;
            bodyFont = f.String("body") ?? bodyFont;
            if (f.Map("files") is { } files)
            {
                files.AllowOnly("regular", "bold", "italic", "bold_italic");
                var r = FileRef(files, "regular"); var b = FileRef(files, "bold"); var i = FileRef(files, "italic"); var bi = FileRef(files, "bold_italic");
                if (r is not null) fontFiles = new Branding.FontFiles(r, b ?? r, i ?? r, bi ?? b ?? r);
            }
        }

        var paper = map.String("paper") ?? "A4";
        if (paper is not ("A4" or "Letter")) diagnostics.Error(map.ValueSpan("paper"), $"paper must be A4 or Letter, not '{paper}'");

        Person ReadPerson(string key)
        {
            var m = map.Map(key);
            if (m is null) return new Person("", "", "", "");
            m.AllowOnly("name", "role", "email", "phone");
            return new Person(m.String("name") ?? "", m.String("role") ?? "", m.String("email") ?? "", m.String("phone") ?? "");
        }

        var terms = new Dictionary<string, string> { ["qi_platform"] = "your QI platform", ["coach"] = "quality coach" };
        if (map.Map("terminology") is { } t)
            foreach (var (key, _) in t.Keys) terms[key] = t.String(key) ?? "";

        var name = map.String("name", required: true) ?? "Organisation";
        var slug = map.String("slug") ?? Slugs.Make(map.String("short_name") ?? name);
        if (!Slugs.IsValid(slug)) diagnostics.Error(map.ValueSpan("slug"), $"slug '{slug}' must be lower-case letters, digits and hyphens", "it names the output folder, e.g. slug: northfield");

        return new Organisation
        {
            Name = name,
            ShortName = map.String("short_name") ?? name,
            Slug = slug,
            LogoPath = FileRef(map, "logo"),
            Colours = colours,
            HeadingFont = headingFont,
            BodyFont = bodyFont,
            FontFiles = fontFiles,
            Paper = paper,
            Contact = ReadPerson("contact"),
            Lead = ReadPerson("programme_lead"),
            Cohort = ReadCohort(map.Map("cohort")),
            Terminology = terms,
            ReferenceDeck = FileRef(map, "reference_deck"),
            ReferenceDocument = FileRef(map, "reference_document"),
            File = Rel(path),
        };
    }

    Cohort ReadCohort(YamlMap? c)
    {
        if (c is null) return new Cohort();
        c.AllowOnly("name", "delivery", "workshops", "webinars", "venue", "protected_hours_per_week");
        var delivery = c.String("delivery") ?? "in-person";
        if (delivery is not ("in-person" or "virtual")) diagnostics.Error(c.ValueSpan("delivery"), $"delivery must be 'in-person' or 'virtual', not '{delivery}'");

        (DateOnly, SourceSpan)? Date(string text, SourceSpan at)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return (d, at);
            diagnostics.Error(at, $"'{text}' is not a date", "write dates as \"YYYY-MM-DD\", e.g. \"2027-01-19\"");
            return null;
        }

        var workshops = new Dictionary<string, List<(DateOnly, SourceSpan)>>();
        if (c.Map("workshops") is { } w)
            foreach (var (key, _) in w.Keys)
                workshops[key] = w.StringList(key).Select(d => Date(d.Value, d.At)).OfType<(DateOnly, SourceSpan)>().ToList();
        var webinars = new Dictionary<string, (DateOnly, SourceSpan)>();
        if (c.Map("webinars") is { } wb)
            foreach (var (key, _) in wb.Keys)
                if (wb.String(key) is { } text && Date(text, wb.ValueSpan(key)) is { } d) webinars[key] = d;

        return new Cohort
        {
            Name = c.String("name") ?? "",
            Delivery = delivery,
            Venue = c.String("venue") ?? "",
            ProtectedHoursPerWeek = c.Int("protected_hours_per_week"),
            WorkshopDates = workshops,
            WebinarDates = webinars,
            At = c.Span,
        };
    }
}
