using System.Globalization;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
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
        var reference = referenceDeckPath is null ? ReferenceDeck.For(brand) : File.ReadAllBytes(referenceDeckPath);
        var stream = new MemoryStream();
        stream.Write(reference);
        stream.Position = 0;
        using (var doc = PresentationDocument.Open(stream, true))
        {
            // Parts are stored uncompressed here: DeterministicZip compresses the package once, at the end.
            doc.CompressionOption = System.IO.Packaging.CompressionOption.NotCompressed;
            if (doc.DocumentType != PresentationDocumentType.Presentation)
                doc.ChangeDocumentType(PresentationDocumentType.Presentation);
            var pres = doc.PresentationPart ?? throw new InvalidOperationException("The reference deck has no presentation part.");
            var presXml = Load(pres);
            ClearSlides(pres, presXml);
            var catalogue = LayoutCatalogue.Read(pres, presXml);
            var notesMaster = EnsureNotesMaster(pres, presXml, brand);
            var composer = new SlideComposer(catalogue, brand, deck);

            var slideIds = new XElement(P + "sldIdLst");
            var images = new Dictionary<string, ImagePart>(StringComparer.Ordinal);
            for (var i = 0; i < deck.Slides.Count; i++)
            {
                var slide = deck.Slides[i];
                var relId = FreeRelationshipId(pres, $"rIdSlide{i + 1}");
                var slidePart = pres.AddNewPart<SlidePart>(relId);
                var layout = catalogue.Find(slide.Layout, brand.LayoutNames);
                slidePart.AddPart(layout.Part, "rId1");
                var rels = new PartRels(slidePart, 2, images);
                Feed(slidePart, composer.Compose(slide, layout, rels));
                AddNotes(slidePart, rels.NextId(), notesMaster, slide);
                slideIds.Add(new XElement(P + "sldId", new XAttribute("id", 256 + i), new XAttribute(R + "id", relId)));
            }
            InsertAfter(presXml.Root!, slideIds, "sldMasterIdLst", "notesMasterIdLst", "handoutMasterIdLst");
            Save(pres, presXml);
            DocumentProperties(doc, deck, brand);
        }
        return DeterministicZip.Normalise(stream.ToArray(), stripByteOrderMarks: true);
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
            var stream = new MemoryStream();
            stream.Write(File.ReadAllBytes(path));
            stream.Position = 0;
            using var doc = PresentationDocument.Open(stream, false);
            if (doc.PresentationPart is not { } pres) return [(true, "is not a PowerPoint file (it has no presentation part)", notPptx)];
            LayoutCatalogue.Read(pres, Load(pres));
            return [];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [(true, $"is not a PowerPoint file ({e.Message.TrimEnd('.')})", notPptx)];
        }
    }

    /// <summary>Removes the reference deck's own slides (and sections and custom shows that name them).</summary>
    static void ClearSlides(PresentationPart pres, XDocument presXml)
    {
        var root = presXml.Root!;
        foreach (var id in root.Element(P + "sldIdLst")?.Elements(P + "sldId").Select(e => (string?)e.Attribute(R + "id")).ToList() ?? [])
            if (id is not null && pres.TryGetPartById(id, out var part)) pres.DeletePart(part);
        foreach (var orphan in pres.SlideParts.ToList()) pres.DeletePart(orphan);
        root.Element(P + "sldIdLst")?.Remove();
        root.Element(P + "custShowLst")?.Remove();
        root.Element(P + "extLst")?.Elements(P + "ext")
            .Where(e => e.Elements().Any(c => c.Name.LocalName == "sectionLst")).Remove();
    }

    static NotesMasterPart EnsureNotesMaster(PresentationPart pres, XDocument presXml, Brand brand)
    {
        if (pres.NotesMasterPart is { } existing) return existing;
        var relId = FreeRelationshipId(pres, "rIdNotesMaster");
        var master = pres.AddNewPart<NotesMasterPart>(relId);
        Feed(master.AddNewPart<ThemePart>("rId1"), ReferenceDeck.Theme(brand));
        Feed(master, Fragment("notesMaster.xml"));
        var root = presXml.Root!;
        root.Element(P + "notesMasterIdLst")?.Remove();
        InsertAfter(root, new XElement(P + "notesMasterIdLst", new XElement(P + "notesMasterId", new XAttribute(R + "id", relId))), "sldMasterIdLst");
        return master;
    }

    static void AddNotes(SlidePart slidePart, string relId, NotesMasterPart notesMaster, Slide slide)
    {
        var notes = slidePart.AddNewPart<NotesSlidePart>(relId);
        notes.AddPart(notesMaster, "rId1");
        notes.AddPart(slidePart, "rId2");
        var rels = new PartRels(notes, 3);
        var paras = TextBlocks.From(slide.Notes);
        var writer = new ParagraphWriter(rels) { ExplicitBullets = true };
        Feed(notes, Fragment("notesSlide.xml", new Dictionary<string, string> { ["paragraphs"] = writer.Write(paras, null, [12]) }));
    }

    static void DocumentProperties(PresentationDocument doc, Deck deck, Brand brand)
    {
        if (doc.CoreFilePropertiesPart is { } core) doc.DeletePart(core);
        if (doc.ExtendedFilePropertiesPart is { } app) doc.DeletePart(app);
        if (doc.ThumbnailPart is { } thumbnail) doc.DeletePart(thumbnail);
        var date = brand.BuildDate.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        Feed(doc.AddNewPart<CoreFilePropertiesPart>(FreeRelationshipId(doc, "rIdCore")), Fragment("core.xml", new Dictionary<string, string>
        {
            ["title"] = Esc(deck.Title),
            ["subject"] = Esc(deck.Subtitle ?? brand.ProgrammeTitle),
            ["creator"] = Esc(brand.OrganisationName),
            ["date"] = date,
        }));
        Feed(doc.AddNewPart<ExtendedFilePropertiesPart>(FreeRelationshipId(doc, "rIdApp")), Fragment("app.xml", new Dictionary<string, string>
        {
            ["company"] = Esc(brand.OrganisationName),
            ["slides"] = Int(deck.Slides.Count),
            ["notes"] = Int(deck.Slides.Count),
        }));
    }

    /// <summary>Inserts <paramref name="element"/> after the last present sibling named in <paramref name="after"/> (schema order), else first.</summary>
    static void InsertAfter(XElement root, XElement element, params string[] after)
    {
        var anchor = after.Select(n => root.Element(P + n)).LastOrDefault(e => e is not null);
        if (anchor is not null) anchor.AddAfterSelf(element);
        else root.AddFirst(element);
    }

    static string FreeRelationshipId(OpenXmlPartContainer part, string wanted)
    {
        var used = part.Parts.Select(p => p.RelationshipId)
            .Concat(part.ExternalRelationships.Select(r => r.Id))
            .Concat(part.HyperlinkRelationships.Select(r => r.Id)).ToHashSet(StringComparer.Ordinal);
        var id = wanted;
        for (var n = 2; used.Contains(id); n++) id = $"{wanted}_{n}";
        return id;
    }
}
