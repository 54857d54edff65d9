using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace QcdpBuilder.Tests.Support;

/// <summary>Runs the Open XML SDK validator over a package and fails with every error found.</summary>
public static class OpenXmlAssert
{
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
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, $"{errors.Count} OpenXmlValidator errors:\n" + string.Join("\n", errors.Take(30)));
    }
}
