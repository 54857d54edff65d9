using QcdpBuilder.Files;
using System.Globalization;
using QcdpBuilder.Diagnostics;

namespace QcdpBuilder.Content;

/// <summary>Reading an organisation profile: brand, contacts, cohort dates and terminology.</summary>
public sealed partial class ContentLoader
{

    /// <summary>Terms every profile has, with the words used when it does not say.</summary>
    public static readonly (string Key, string Default)[] Terms =
        [("qi_platform", "your QI platform"), ("coach", "quality coach"), ("sponsor", "sponsor"), ("qi_forum", "your QI forum")];
    static readonly string[] ColourKeys = ContentSchema.Colours.Keys;

    public Organisation? LoadOrganisation(string profilePath)
    {
        var path = Path.GetFullPath(profilePath, Root);
        // A profile may live outside the repository (--org); it is read from its own folder.
        var map = LoadYaml(path, Path.GetDirectoryName(path)!);
        if (map is null) return null;
        map.AllowOnly(ContentSchema.Organisation);
        var baseDir = Path.GetDirectoryName(path)!;

        string? FileRef(YamlMap m, string key)
        {
            var rel = m.String(key);
            if (string.IsNullOrEmpty(rel)) return null;
            var full = Path.GetFullPath(Path.Combine(baseDir, rel));
            // Brand files live with the profile (or in the repository): a profile cannot reach elsewhere on disk.
            if (!IsInside(full, Root) && !IsInside(full, baseDir))
            {
                diagnostics.Report(Rules.OutsideRepository, m.ValueSpan(key), $"'{key}' points outside the profile's folder ({rel})", "keep brand files in the organisation's folder, e.g. logo: logo.png");
                return null;
            }
            if (RegularFile.Problem(full) is { } notRegular)
                return Report(m.ValueSpan(key), key, ($"{notRegular} ({rel})", "give the path of the file itself, kept in the organisation's folder"));
            if (!File.Exists(full))
            {
                diagnostics.Report(Rules.MissingFile, m.ValueSpan(key), $"'{key}' file not found: {rel}", $"paths are relative to {Rel(path)}");
                return null;
            }
            if (BrandFileProblem(key, full) is { } problem) return Report(m.ValueSpan(key), key, problem);
            if (key is "reference_deck" or "reference_document") ExternalLinksWarning(m.ValueSpan(key), key, full);
            return full;
        }

        // A Quarto/posit _brand.yml supplies defaults; the profile's own keys override it.
        var brandYml = FileRef(map, "brand") is { } brandPath ? BrandYml.Read(brandPath, Root, diagnostics) : null;

        var colours = new Dictionary<string, string>();
        var colourAt = new Dictionary<string, SourceSpan>();
        if (map.Map("colours") is { } c)
        {
            c.AllowOnly(ColourKeys);
            foreach (var (key, _) in c.Keys)
            {
                if (!ColourKeys.Contains(key)) continue;
                var value = c.String(key) ?? "";
                try { HexColour.Normalise(value); colours[key] = value; colourAt[key] = c.ValueSpan(key); }
                catch (FormatException e) { diagnostics.Report(Rules.InvalidValue, c.ValueSpan(key), e.Message); }
            }
        }
        foreach (var (key, colour) in brandYml?.Colours ?? new Dictionary<string, BrandColour>())
            if (colours.TryAdd(key, colour.Hex)) colourAt[key] = colour.At;

        string headingFont = brandYml?.HeadingFont ?? "Atkinson Hyperlegible", bodyFont = brandYml?.BodyFont ?? "Atkinson Hyperlegible";
        var fontFiles = brandYml?.Fonts;
        if (map.Map("fonts") is { } f)
        {
            f.AllowOnly(ContentSchema.Fonts);
            headingFont = f.String("heading") ?? headingFont;
            bodyFont = f.String("body") ?? bodyFont;
            if (f.Map("files") is { } files)
            {
                files.AllowOnly(ContentSchema.FontFiles);
                var r = FileRef(files, "regular"); var b = FileRef(files, "bold"); var i = FileRef(files, "italic"); var bi = FileRef(files, "bold_italic");
                if (r is not null) fontFiles = new FontFiles(r, b ?? r, i ?? r, bi ?? b ?? r);
            }
        }

        var paper = map.String("paper") ?? "A4";
        if (paper is not ("A4" or "Letter")) diagnostics.Report(Rules.InvalidValue, map.ValueSpan("paper"), $"paper must be A4 or Letter, not '{paper}'");

        Person ReadPerson(string key)
        {
            var m = map.Map(key);
            if (m is null) return new Person("", "", "", "");
            m.AllowOnly(ContentSchema.Organisation["contact"].Mapping!);
            return new Person(m.String("name") ?? "", m.String("role") ?? "", m.String("email") ?? "", m.String("phone") ?? "");
        }

        var terms = Terms.ToDictionary(t => t.Key, t => t.Default);
        if (map.Map("terminology") is { } t)
            foreach (var (key, _) in t.Keys) terms[key] = t.String(key) ?? "";

        var name = map.String("name", required: true) ?? "Organisation";
        // An organisation in organisations/<slug>/ is named by its folder; the output folder follows it.
        var folder = Path.GetFileName(baseDir);
        var inOrganisations = Path.GetFileName(Path.GetDirectoryName(baseDir)) == OrganisationsFolder;
        var slug = map.String("slug") ?? (inOrganisations ? folder : Slugs.Make(map.String("short_name") ?? name));
        if (!Slugs.IsValid(slug)) diagnostics.Report(Rules.InvalidValue, map.ValueSpan("slug"), $"slug '{slug}' must be lower-case letters, digits and hyphens", "it names the output folder, e.g. slug: northfield");
        else if (inOrganisations && slug != folder)
            diagnostics.Report(Rules.InvalidValue, map.ValueSpan("slug"), $"slug '{slug}' differs from the organisation's folder '{folder}'", $"remove 'slug' (the folder names the organisation) or rename the folder to organisations/{slug}/");

        var setting = map.String("setting") ?? Settings.InHouse;
        if (!Settings.All.Contains(setting))
            diagnostics.Report(Rules.InvalidValue, map.ValueSpan("setting"), $"setting must be 'in-house' or 'system-wide', not '{setting}'", Suggest.Nearest(setting, Settings.All) is { } ns ? $"did you mean '{ns}'?" : null);
        var partners = map.StringList("partners").Select(p => p.Value).ToList();
        var host = map.String("host") ?? "";
        if (setting == Settings.SystemWide)
        {
            if (partners.Count < 2) diagnostics.Report(Rules.Setting, map.Has("partners") ? map.ValueSpan("partners") : map.Span, "a system-wide programme needs 'partners': the names of at least two organisations", "e.g. partners: [Avonmere University Hospitals NHS Trust, Kestrel Mental Health NHS Foundation Trust]");
            if (host.Length == 0) diagnostics.Report(Rules.Setting, map.Span, "a system-wide programme needs a 'host': the organisation named in the applicant contract", "e.g. host: Avonmere University Hospitals NHS Trust");
            else if (partners.Count > 0 && !partners.Contains(host))
                diagnostics.Report(Rules.Setting, map.ValueSpan("host"), $"host '{host}' is not one of the partners", Suggest.Nearest(host, partners) is { } nh ? $"did you mean '{nh}'?" : "add it to 'partners'");
        }
        else if (partners.Count > 0 || host.Length > 0)
            diagnostics.Warning(map.ValueSpan(partners.Count > 0 ? "partners" : "host"), "'partners' and 'host' are used only when setting: system-wide", "set setting: system-wide, or remove them", Rules.Setting);

        var links = new List<KeyValuePair<string, string>>();
        if (map.Map("links") is { } l)
            foreach (var (key, at) in l.Keys)
            {
                var url = l.String(key) ?? "";
                if (!Slugs.IsValid(key.Replace('_', '-')))
                    diagnostics.Report(Rules.InvalidValue, at, $"link name '{key}' must be lower-case letters, digits and underscores", "it is used as {{org.links.name}}");
                else if (!(url.StartsWith("https://") || url.StartsWith("http://") || url.StartsWith("mailto:")))
                    diagnostics.Report(Rules.InvalidValue, l.ValueSpan(key), $"link '{key}' must be a web or mail address, not '{url}'", "write a full https:// address");
                else links.Add(new(key, url));
            }

        return new Organisation
        {
            Name = name,
            ShortName = map.String("short_name") ?? name,
            Slug = slug,
            LogoPath = Logo(map, FileRef(map, "logo")) ?? brandYml?.LogoPath,
            Colours = colours,
            ColourAt = colourAt,
            Footer = map.String("footer"),
            HeadingFont = headingFont,
            BodyFont = bodyFont,
            FontFiles = fontFiles,
            Paper = paper,
            Contact = ReadPerson("contact"),
            Lead = ReadPerson("programme_lead"),
            Cohort = ReadCohort(map.Map("cohort")),
            Terminology = terms,
            ReferenceDeck = Template(map, FileRef(map, "reference_deck"), "reference_deck", ".pptx", ".potx"),
            ReferenceDeckAt = map.ValueSpan("reference_deck"),
            LayoutNames = ReadLayoutNames(map),
            ReferenceDocument = Template(map, FileRef(map, "reference_document"), "reference_document", ".docx", ".dotx"),
            File = Rel(path),
            Folder = baseDir,
            Setting = setting,
            Partners = partners,
            Host = host,
            Links = links,
            Customisation = ReadCustomisation(map),
        };
    }

    /// <summary>
    /// Brand files are checked when the profile is read, so a broken logo, font or template is one
    /// error on the profile's line (and <c>qcdp validate</c> finds it) rather than a failure in every writer.
    /// The logo is checked here; fonts and reference files by the <see cref="FileChecks"/> registered.
    /// </summary>
    (string Message, string Hint)? BrandFileProblem(string key, string path)
    {
        switch (key)
        {
            case "logo":
                // Not a PNG or JPEG at all is reported by the logo check (with advice for SVG); here, damaged or oversized ones.
                return Packaging.ImageInfo.Problem(path) is { } image && !image.Message.StartsWith("is not a readable", StringComparison.Ordinal)
                    ? (image.Message, "export the logo again as a PNG of sensible size") : null;
            // A file of the wrong kind is reported by the template-kind check; here, ones that cannot be read.
            case "reference_deck" when !path.EndsWith(".pptx", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".potx", StringComparison.OrdinalIgnoreCase):
            case "reference_document" when !path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".dotx", StringComparison.OrdinalIgnoreCase):
                return null;
            default:
                // Fonts and reference files: the checks of the code that reads them.
                return FileChecks.Where(c => c.Keys.Contains(key)).Select(c => c.Problem(path)).FirstOrDefault(p => p is not null);
        }
    }

    /// <summary>
    /// One rule for every Office template: its links to anything outside the file are dropped (see
    /// <see cref="Packaging.ExternalLinks"/>), and the profile says so, naming the first few.
    /// </summary>
    void ExternalLinksWarning(SourceSpan at, string key, string path)
    {
        var links = Packaging.ExternalLinks.In(path);
        if (links.Count == 0) return;
        var shown = string.Join(", ", links.Take(3).Select(l => l.Target.Length > 60 ? l.Target[..57] + "..." : l.Target));
        diagnostics.Report(Rules.ExternalLink, at, $"'{key}' has {links.Count} link(s) to outside the file ({shown}{(links.Count > 3 ? ", …" : "")}); they are left out of every file the build writes",
            "remove the hyperlinks and linked (not embedded) pictures from the template's masters and layouts to silence this");
    }

    string? Report(SourceSpan at, string key, (string Message, string Hint) problem)
    {
        diagnostics.Report(Rules.BrandFile, at, $"'{key}' {problem.Message}", problem.Hint);
        return null;
    }

    /// <summary>The profile's 'exclude', 'add' and 'reorder' keys, checked for shape here and against the programme by the customise step.</summary>
    Customisation ReadCustomisation(YamlMap map)
    {
        var exclude = map.StringList("exclude").Select(e => new Exclusion(e.Value, e.At)).ToList();
        var add = new List<Addition>();
        foreach (var a in map.MapList("add"))
        {
            a.AllowOnly(ContentSchema.Addition);
            var id = a.String("session", required: true);
            var day = a.Int("day", 1, MaxDays, required: true);
            var places = new[] { "after", "before", "instead_of" }.Where(a.Has).ToList();
            if (places.Count > 1) diagnostics.Report(Rules.Customisation, a.KeySpan(places[1]), $"give one of 'after', 'before' or 'instead_of', not {string.Join(" and ", places.Select(x => $"'{x}'"))}", "name one session of that day to place the new one next to, or the excluded session whose slot it takes");
            if (id is not null && day is not null)
                add.Add(new Addition(id, a.ValueSpan("session"), day.Value, a.ValueSpan("day"), a.String("after"), a.String("before"), a.String("instead_of"),
                    places.Count > 0 ? a.ValueSpan(places[0]) : a.Span));
        }
        var reorder = new List<Reordering>();
        foreach (var r in map.MapList("reorder"))
        {
            r.AllowOnly(ContentSchema.Reordering);
            var day = r.Int("day", 1, MaxDays, required: true);
            var items = DayItems(r);
            if (day is not null) reorder.Add(new Reordering(day.Value, r.ValueSpan("day"), items, r.Has("items") ? r.KeySpan("items") : r.Span));
        }
        return new Customisation(exclude, add, reorder);
    }

    Cohort ReadCohort(YamlMap? c)
    {
        if (c is null) return new Cohort();
        c.AllowOnly(ContentSchema.Cohort);
        var delivery = c.String("delivery") ?? DeliveryModes.InPerson;
        if (!DeliveryModes.All.Contains(delivery))
            diagnostics.Report(Rules.InvalidValue, c.ValueSpan("delivery"), $"delivery must be 'in-person', 'virtual' or 'hybrid', not '{delivery}'", "virtual shows the online variant of every activity; hybrid shows both");

        DateOnly? Date(string? text, SourceSpan at)
        {
            if (text is null) { diagnostics.Report(Rules.MissingKey, at, "missing date", "add date: \"YYYY-MM-DD\""); return null; }
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return InRange(d, text, at, diagnostics);
            diagnostics.Report(Rules.InvalidValue, at, $"'{text}' is not a date", "write dates as \"YYYY-MM-DD\", e.g. \"2027-01-19\"");
            return null;
        }
        TimeOnly? Time(YamlMap m, string key)
        {
            if (m.String(key) is not { } text) return null;
            if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t;
            diagnostics.Report(Rules.InvalidValue, m.ValueSpan(key), $"'{text}' is not a time", $"write times as 24-hour \"HH:MM\" in quotes, e.g. {key}: \"09:30\"");
            return null;
        }

        // A day or webinar is a date ("2027-01-19") or a mapping { date, start, venue, online_link }.
        var workshops = new Dictionary<string, List<CohortDay>>();
        if (c.Map("workshops") is { } w)
            foreach (var (key, _) in w.Keys)
            {
                var days = new List<CohortDay>();
                foreach (var (scalar, map, at) in w.ScalarOrMapList(key))
                {
                    if (map is not null)
                    {
                        map.AllowOnly(ContentSchema.CohortDay);
                        if (Date(map.String("date"), map.Has("date") ? map.ValueSpan("date") : at) is { } d)
                            days.Add(new CohortDay(d, Time(map, "start"), map.String("venue") ?? "", map.String("online_link") ?? "", at));
                    }
                    else if (Date(scalar, at) is { } d) days.Add(new CohortDay(d, null, "", "", at));
                    // A workshop's days are given in order: day 2 on an earlier date than day 1 is a typo.
                    if (days.Count >= 2 && days[^1].Date <= days[^2].Date && days[^1].At == at)
                        diagnostics.Report(Rules.CohortDates, at, $"day {days.Count} of workshop {key} ({days[^1].Date:yyyy-MM-dd}) is not after day {days.Count - 1} ({days[^2].Date:yyyy-MM-dd})",
                            "list the workshop's dates in order, one per day");
                }
                workshops[key] = days;
            }
        var webinars = new Dictionary<string, CohortWebinar>();
        if (c.Map("webinars") is { } wb)
            foreach (var (key, _) in wb.Keys)
            {
                var (scalar, map, at) = wb.ScalarOrMap(key);
                if (map is not null)
                {
                    map.AllowOnly(ContentSchema.CohortWebinar);
                    if (Date(map.String("date"), map.Has("date") ? map.ValueSpan("date") : at) is { } d)
                        webinars[key] = new CohortWebinar(d, Time(map, "start"), map.String("online_link") ?? "", at);
                }
                else if (Date(scalar, at) is { } d) webinars[key] = new CohortWebinar(d, null, "", at);
            }

        return new Cohort
        {
            Name = c.String("name") ?? "",
            Delivery = delivery,
            Venue = c.String("venue") ?? "",
            OnlineLink = c.String("online_link") ?? "",
            Start = Time(c, "start"),
            WebinarStart = Time(c, "webinar_start"),
            Facilitators = c.StringList("facilitators").Select(f => f.Value).ToList(),
            ProtectedHoursPerWeek = c.Int("protected_hours_per_week"),
            Workshops = workshops,
            Webinars = webinars,
            At = c.Span,
        };
    }
}
