using QcdpBuilder.Packaging;

namespace QcdpBuilder.Pptx;

/// <summary>Content types and relationship types of a PowerPoint package, and finding its presentation part.</summary>
static class Pml
{
    const string Ct = "application/vnd.openxmlformats-officedocument.presentationml.";
    public const string PresentationType = Ct + "presentation.main+xml";
    public const string SlideMasterType = Ct + "slideMaster+xml";
    public const string SlideLayoutType = Ct + "slideLayout+xml";
    public const string SlideType = Ct + "slide+xml";
    public const string NotesSlideType = Ct + "notesSlide+xml";
    public const string NotesMasterType = Ct + "notesMaster+xml";
    public const string PresPropsType = Ct + "presProps+xml";
    public const string ViewPropsType = Ct + "viewProps+xml";
    public const string TableStylesType = Ct + "tableStyles+xml";
    public const string ThemeType = "application/vnd.openxmlformats-officedocument.theme+xml";
    public const string CorePropertiesType = "application/vnd.openxmlformats-package.core-properties+xml";
    public const string ExtendedPropertiesType = "application/vnd.openxmlformats-officedocument.extended-properties+xml";

    /// <summary>Main parts a reference deck may have: a presentation, a template (.potx), a slide show (.ppsx), or their macro-enabled forms.</summary>
    static readonly HashSet<string> MainTypes =
    [
        PresentationType, Ct + "template.main+xml", Ct + "slideshow.main+xml",
        "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
        "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
        "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml",
    ];

    const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    public const string OfficeDocumentRel = Rel + "officeDocument";
    public const string SlideMasterRel = Rel + "slideMaster";
    public const string SlideLayoutRel = Rel + "slideLayout";
    public const string SlideRel = Rel + "slide";
    public const string NotesSlideRel = Rel + "notesSlide";
    public const string NotesMasterRel = Rel + "notesMaster";
    public const string ThemeRel = Rel + "theme";
    public const string ImageRel = Rel + "image";
    public const string HyperlinkRel = Rel + "hyperlink";
    public const string PresPropsRel = Rel + "presProps";
    public const string ViewPropsRel = Rel + "viewProps";
    public const string TableStylesRel = Rel + "tableStyles";
    public const string ExtendedPropertiesRel = Rel + "extended-properties";
    public const string CorePropertiesRel = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    public const string ThumbnailRel = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail";
    const string VbaProjectRel = "http://schemas.microsoft.com/office/2006/relationships/vbaProject";

    /// <summary>The presentation part (the package's main part, when it is PowerPoint's), or null.</summary>
    public static OpcPart? Presentation(OpcPackage package) =>
        package.Related(null, OfficeDocumentRel).FirstOrDefault(p => MainTypes.Contains(p.ContentType));

    /// <summary>
    /// Makes a template, slide show or macro-enabled deck a plain presentation, as the SDK's
    /// ChangeDocumentType did: the main part's content type changes and macros are left out.
    /// </summary>
    public static void MakePresentation(OpcPackage package, OpcPart presentation)
    {
        if (presentation.ContentType == PresentationType) return;
        package.SetContentType(presentation, PresentationType);
        package.Delete(package.Related(presentation, VbaProjectRel).ToList());
    }
}
