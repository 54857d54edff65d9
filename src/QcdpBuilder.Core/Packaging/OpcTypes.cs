namespace QcdpBuilder.Packaging;

/// <summary>Relationship and content types that the PowerPoint, Word and Excel packages share, and the prefix of the rest.</summary>
public static class OpcTypes
{
    /// <summary>The namespace of the officeDocument relationship types: <c>Rel + "styles"</c>, <c>Rel + "worksheet"</c>…</summary>
    public const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    public const string OfficeDocumentRel = Rel + "officeDocument";
    public const string ExtendedPropertiesRel = Rel + "extended-properties";
    public const string CorePropertiesRel = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    public const string ThemeRel = Rel + "theme";
    public const string ImageRel = Rel + "image";
    public const string HyperlinkRel = Rel + "hyperlink";
    public const string ChartRel = Rel + "chart";
    public const string StylesRel = Rel + "styles";

    public const string CorePropertiesType = "application/vnd.openxmlformats-package.core-properties+xml";
    public const string ExtendedPropertiesType = "application/vnd.openxmlformats-officedocument.extended-properties+xml";
    public const string ThemeType = "application/vnd.openxmlformats-officedocument.theme+xml";
    /// <summary>The default type of .xml parts in Word and Excel packages, where every XML part names its own type in an override.</summary>
    public const string XmlType = "application/xml";
}
