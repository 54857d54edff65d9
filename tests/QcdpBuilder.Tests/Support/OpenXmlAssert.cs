using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace QcdpBuilder.Tests.Support;

/// <summary>Runs the Open XML SDK validator over a package and fails with every error found.</summary>
/// <remarks>Validates against Microsoft365, the newest schema set the SDK knows: the files we write must open
/// cleanly in the Office our users have, and an older level would also accept less than that checks.</remarks>
public static class OpenXmlAssert
{
    public const FileFormatVersions Level = FileFormatVersions.Microsoft365;

    public static void Valid(byte[] package, string kind)
    {
        using var ms = new MemoryStream(package);
        using OpenXmlPackage doc = kind switch
        {
            "docx" => WordprocessingDocument.Open(ms, false),
            "pptx" => PresentationDocument.Open(ms, false),
            "xlsx" => SpreadsheetDocument.Open(ms, false),
            _ => throw new ArgumentException(kind),
        };
        Valid(doc);
    }

    public static void Valid(OpenXmlPackage doc)
    {
        var errors = new OpenXmlValidator(Level).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, $"{errors.Count} OpenXmlValidator errors:\n" + string.Join("\n", errors.Take(30)));
    }
}
