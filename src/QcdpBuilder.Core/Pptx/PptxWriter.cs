using System.Globalization;
using System.Xml.Linq;
using QcdpBuilder.Branding;
using QcdpBuilder.Decks;
using QcdpBuilder.Packaging;
using static QcdpBuilder.Pptx.PptxXml;

namespace QcdpBuilder.Pptx;

/// <summary>
/// Writes a deck as a PowerPoint package, as pandoc's PowerPoint writer: it starts from a
/// reference deck (the brand's default one, or an organisation's own .pptx/.potx), finds
/// each slide's layout by name, clears the reference's slides and adds one slide per deck
/// slide whose shapes fill the layout's placeholders with editable text, native tables and
/// pictures, plus a notes page per slide. The same deck always gives the same bytes.
/// </summary>
public static class PptxWriter
{
    public static byte[] Write(Deck deck, Brand brand, string? referenceDeckPath = null)
    {
        var reference = referenceDeckPath is null ? ReferenceDeck.For(brand) : ReferenceDeck.Open(referenceDeckPath);
        var referencePres = Pml.Presentation(reference) ?? throw new InvalidOperationException("The reference deck has no presentation part.");
        var catalogue = LayoutCatalogue.Of(reference, referencePres); // its layouts are the same parts in the clone
        var package = reference.Clone();
        var pres = package[referencePres.Name]!;
        Pml.MakePresentation(package, pres);
        var presXml = Load(pres);
        ClearSlides(package, pres, presXml);
        var notesMaster = EnsureNotesMaster(package, pres, presXml, brand);
        // Each slide copies the same few fragments: read them once for this deck.
        var assets = new XmlAssets("Pptx");
        var composer = new SlideComposer(catalogue, brand, deck, assets);

        var slideIds = new XElement(P + "sldIdLst");
        var images = new Dictionary<string, OpcPart>(StringComparer.Ordinal);
        for (var i = 0; i < deck.Slides.Count; i++)
        {
            var slide = deck.Slides[i];
            var slidePart = package.AddPart(package.NewPartName("ppt/slides", "slide", "xml"), Pml.SlideType);
            var relId = package.Relate(pres, slidePart, Pml.SlideRel, $"rIdSlide{i + 1}");
            var layout = catalogue.Find(slide.Layout, brand.LayoutNames);
            package.Relate(slidePart, package[layout.Part.Name]!, Pml.SlideLayoutRel, "rId1");
            var rels = new PartRels(package, slidePart, 2, images);
            Feed(slidePart, composer.Compose(slide, layout, rels));
            AddNotes(package, slidePart, rels.NextId(), notesMaster, slide, assets);
            slideIds.Add(new XElement(P + "sldId", new XAttribute("id", 256 + i), new XAttribute(R + "id", relId)));
        }
        InsertAfter(presXml.Root!, slideIds, "sldMasterIdLst", "notesMasterIdLst", "handoutMasterIdLst");
        Save(pres, presXml);
        DocumentProperties(package, deck, brand);
        return package.Save();
    }

    /// <summary>
    /// Whether an organisation's reference deck can be opened the way <see cref="Write"/> opens it
    /// (a presentation with a slide master); errors as (message, hint). Layout names are checked by <see cref="TemplateCheck"/>.
    /// </summary>
    public static IReadOnlyList<(bool IsError, string Message, string Hint)> CheckReference(string path)
    {
        const string notPptx = "save your template from PowerPoint as a .pptx or .potx file";
        try
        {
            var package = OpcPackage.Open(path);
            if (Pml.Presentation(package) is not { } pres) return [(true, "is not a PowerPoint file (it has no presentation part)", notPptx)];
            LayoutCatalogue.Read(package, pres, Load(pres));
            return [];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [(true, $"is not a PowerPoint file ({e.Message.TrimEnd('.')})", notPptx)];
        }
    }

    /// <summary>Removes the reference deck's own slides (with their notes, and sections and custom shows that name them).</summary>
    static void ClearSlides(OpcPackage package, OpcPart pres, XDocument presXml)
    {
        var root = presXml.Root!;
        package.Delete(package.Related(pres, Pml.SlideRel).ToList());
        root.Element(P + "sldIdLst")?.Remove();
        root.Element(P + "custShowLst")?.Remove();
        root.Element(P + "extLst")?.Elements(P + "ext")
            .Where(e => e.Elements().Any(c => c.Name.LocalName == "sectionLst")).Remove();
    }

    /// <summary>The presentation's notes master, added (with its theme, and listed in <paramref name="presXml"/>) when it has none.</summary>
    internal static OpcPart EnsureNotesMaster(OpcPackage package, OpcPart pres, XDocument presXml, Brand brand)
    {
        if (package.Related(pres, Pml.NotesMasterRel).FirstOrDefault() is { } existing) return existing;
        var master = package.AddPart(package.NewPartName("ppt/notesMasters", "notesMaster", "xml"), Pml.NotesMasterType);
        var relId = package.Relate(pres, master, Pml.NotesMasterRel, "rIdNotesMaster");
        var theme = package.AddPart(package.NewPartName("ppt/notesMasters/theme", "theme", "xml"), Pml.ThemeType);
        package.Relate(master, theme, Pml.ThemeRel, "rId1");
        Feed(theme, ReferenceDeck.Theme(brand));
        Feed(master, Asset("notesMaster.xml"));
        var root = presXml.Root!;
        root.Element(P + "notesMasterIdLst")?.Remove();
        InsertAfter(root, new XElement(P + "notesMasterIdLst", new XElement(P + "notesMasterId", new XAttribute(R + "id", relId))), "sldMasterIdLst");
        return master;
    }

    static void AddNotes(OpcPackage package, OpcPart slidePart, string relId, OpcPart notesMaster, Slide slide, XmlAssets assets)
    {
        var notes = package.AddPart(package.NewPartName("ppt/notesSlides", "notesSlide", "xml"), Pml.NotesSlideType);
        package.Relate(slidePart, notes, Pml.NotesSlideRel, relId);
        package.Relate(notes, notesMaster, Pml.NotesMasterRel, "rId1");
        package.Relate(notes, slidePart, Pml.SlideRel, "rId2");
        var rels = new PartRels(package, notes, 3);
        var paras = TextBlocks.From(slide.Notes);
        var writer = new ParagraphWriter(rels) { ExplicitBullets = true };
        Feed(notes, assets["notesSlide.xml"].Elements("paragraphs", writer.Write(paras, null, [12])));
    }

    static void DocumentProperties(OpcPackage package, Deck deck, Brand brand)
    {
        package.Delete(package.RelationshipsOf(null)
            .Where(r => r.Type is Pml.CorePropertiesRel or Pml.ExtendedPropertiesRel or Pml.ThumbnailRel && r.PartName is not null)
            .Select(r => package[r.PartName!]).OfType<OpcPart>()
            .Concat(new[] { package["docProps/core.xml"], package["docProps/app.xml"] }.OfType<OpcPart>()).Distinct().ToList());
        var date = brand.BuildDate.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var core = package.AddPart("docProps/core.xml", Pml.CorePropertiesType);
        package.Relate(null, core, Pml.CorePropertiesRel, "rIdCore");
        Feed(core, Asset("core.xml")
            .Text("title", deck.Title)
            .Text("subject", deck.Subtitle ?? brand.ProgrammeTitle)
            .Text("creator", brand.OrganisationName)
            .Text("date", date));
        var app = package.AddPart("docProps/app.xml", Pml.ExtendedPropertiesType);
        package.Relate(null, app, Pml.ExtendedPropertiesRel, "rIdApp");
        Feed(app, Asset("app.xml")
            .Text("company", brand.OrganisationName)
            .Number("slides", deck.Slides.Count)
            .Number("notes", deck.Slides.Count));
    }

    /// <summary>Inserts <paramref name="element"/> after the last present sibling named in <paramref name="after"/> (schema order), else first.</summary>
    static void InsertAfter(XElement root, XElement element, params string[] after)
    {
        var anchor = after.Select(n => root.Element(P + n)).LastOrDefault(e => e is not null);
        if (anchor is not null) anchor.AddAfterSelf(element);
        else root.AddFirst(element);
    }
}
