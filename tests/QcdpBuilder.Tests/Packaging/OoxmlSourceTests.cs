using System.Text.RegularExpressions;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.PackagingTests;

/// <summary>
/// The PowerPoint, Word and Excel writers build XML through XElement and the slotted assets of Packaging/XmlAsset,
/// never from strings: this reads their source and fails on the patterns string-built XML leaves behind.
/// </summary>
public class OoxmlSourceTests
{
    static string Core => Path.Combine(RepoPaths.Root, "src", "QcdpBuilder.Core");

    /// <summary>
    /// The writers' source files: Pptx/, Docx/, Packaging/ and the Excel writer in Evaluation/. Packaging/Assets.cs is
    /// left out: its Fill fills text assets (CSS, YAML, Markdown) for the site and the scaffolds, and no writer may call it.
    /// </summary>
    static IEnumerable<string> WriterFiles() =>
        new[] { "Pptx", "Docx", "Packaging" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(Core, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => Path.GetFileName(f) != "Assets.cs")
            .Concat(Directory.EnumerateFiles(Path.Combine(Core, "Evaluation"), "Xlsx*.cs"))
            .Concat([Path.Combine(Core, "Evaluation", "MeasuresWorkbook.cs")])
            .Order(StringComparer.Ordinal);

    static readonly (Regex Pattern, string What)[] StringXml =
    [
        (new(@"""\s*</?[A-Za-z][\w.-]*:[A-Za-z]"), "a string literal holding a prefixed XML tag (\"<p:…\", \"</a:…\", \"<w:…\")"),
        // Lower case first: $J$5 in a formula is an absolute cell reference, not a placeholder.
        (new(@"""[^""\n]*\$[a-z][A-Za-z0-9]*\$"), "a $name$ placeholder in a string"),
        (new(@"""\$""\s*\+|\+\s*""\$"""), "a $…$ placeholder built by concatenation"),
        (new(@"Assets\.Fill\s*\("), "Assets.Fill (text replacement) in a writer"),
        (new(@"SecurityElement\.Escape|""&(amp|lt|gt|quot|apos);"""), "hand escaping"),
        (new(@"XDocument\.Parse\s*\(|XElement\.Parse\s*\("), "XML parsed from a string the writer built"),
    ];

    /// <summary>Code lines of a file: comments (doc comments quote XML on purpose) left out.</summary>
    static IEnumerable<(int Line, string Text)> CodeLines(string file) =>
        File.ReadLines(file).Select((text, i) => (i + 1, text)).Where(l => !l.text.TrimStart().StartsWith("//", StringComparison.Ordinal));

    [Fact]
    public void The_writers_build_no_xml_from_strings()
    {
        var found = new List<string>();
        foreach (var file in WriterFiles())
        {
            var relative = Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');
            foreach (var (line, text) in CodeLines(file))
            {
                foreach (var (pattern, what) in StringXml)
                    if (pattern.IsMatch(text)) found.Add($"{relative}:{line}: {what}: {text.Trim()}");
                if (relative.Contains("/Pptx/") && text.Contains("StringBuilder", StringComparison.Ordinal))
                    found.Add($"{relative}:{line}: a StringBuilder in the PowerPoint writer: {text.Trim()}");
            }
        }
        Assert.True(found.Count == 0, "XML built from strings (use XElement builders or an XmlAsset slot):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_xml_assets_have_slots_not_text_placeholders()
    {
        var found = new List<string>();
        foreach (var folder in new[] { "Pptx", "Docx", "Xlsx" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Core, "Assets", folder), "*.xml", SearchOption.AllDirectories))
                foreach (var (line, text) in File.ReadLines(file).Select((t, i) => (i + 1, t)))
                    if (Regex.IsMatch(text, @"\$[A-Za-z]\w*\$")) found.Add($"{Path.GetRelativePath(Core, file)}:{line}: {text.Trim()}");
        Assert.True(found.Count == 0, "$name$ placeholders in XML assets (use a {name} slot, filled by XmlAsset):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_scan_finds_what_it_looks_for()
    {
        // The patterns above against the forms the writers had before, so the scan cannot pass by matching nothing.
        string[] before =
        [
            "sb.Append(\"<a:p>\").Append(ParagraphProperties(p));",
            "return $\"<a:xfrm><a:off x=\\\"{r.X}\\\" y=\\\"{r.Y}\\\"/></a:xfrm>\";",
            "public string Ph => \"<p:ph\" + (Type == \"obj\" ? \"\" : $\" type=\\\"{Type}\\\"\") + \"/>\";",
            "textBox ? xml.Replace(\"<a:rPr lang=\\\"en-GB\\\"\", \"<a:rPr lang=\\\"en-GB\\\" b=\\\"1\\\"\") : xml;",
            "var doc = XDocument.Parse(Assets.Fill(\"Xlsx/chart.xml\", values));",
            "[\"title\"] = SecurityElement.Escape(title),",
            "foreach (var (k, v) in values) text = text.Replace(\"$\" + k + \"$\", v);",
            "case '&': sb.Append(\"&amp;\"); break;",
            "text = text.Replace(\"$title$\", Esc(deck.Title));",
        ];
        foreach (var line in before) Assert.Contains(StringXml, p => p.Pattern.IsMatch(line));
        Assert.DoesNotContain(StringXml, p => p.Pattern.IsMatch("shapes.Add(assets[\"shapes/text.xml\"].Number(\"id\", id).Fragment);"));
        Assert.DoesNotContain(StringXml, p => p.Pattern.IsMatch("s.Formula(Layout.FeedRow, Layout.Numerator, $\"{r}!$J$5\", XlsxStyle.Whole);"));
    }
}
