using System.IO.Compression;
using System.Text;
using QcdpBuilder.Build;
using QcdpBuilder.Content;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Organisations;

/// <summary>
/// The two example organisations' packages: neither carries any trace of the other's name,
/// short name, colours or logo, in the text of any PowerPoint or Word part (theme, masters,
/// slides, styles, properties), in a sample of PDFs, or in what the manifest records.
/// </summary>
public class NoTraceTests
{
    sealed record Identity(string Slug, string Name, string ShortName, HashSet<string> Colours, byte[] Logo);

    static Identity Describe(string slug)
    {
        var bag = new DiagnosticBag();
        var org = new ContentLoader(RepoPaths.Root, bag).LoadOrganisation(Path.Combine(RepoPaths.Root, "organisations", slug, "organisation.yaml"))!;
        Assert.Empty(bag.Items);
        return new Identity(slug, org.Name, org.ShortName, org.Colours.Values.Select(c => c.TrimStart('#').ToUpperInvariant()).ToHashSet(), File.ReadAllBytes(org.LogoPath!));
    }

    [Fact]
    public void Each_example_package_has_no_trace_of_the_other_organisation()
    {
        var northfield = Describe("northfield");
        var threeRivers = Describe("three-rivers");
        Assert.NotEqual(northfield.Logo, threeRivers.Logo);
        Assert.NotEqual(northfield.Colours, threeRivers.Colours);

        foreach (var (self, other) in new[] { (northfield, threeRivers), (threeRivers, northfield) })
        {
            var plan = PackageBuilder.Plan(new BuildOptions(RepoPaths.Root) { Profile = self.Slug, Write = false });
            Assert.False(plan.Diagnostics.HasErrors, string.Join("\n", plan.Diagnostics.Items));
            // Names are matched as written; colours in any case (OOXML writes "0B5563", CSS-like sources "#0b5563").
            var names = new[] { other.Name, other.ShortName };
            var colours = other.Colours.Except(self.Colours).ToList();
            var checkedParts = 0;

            void Check(string where, string text)
            {
                checkedParts++;
                foreach (var n in names) Assert.False(text.Contains(n, StringComparison.Ordinal), $"{self.Slug}: {where} contains '{n}'");
                foreach (var c in colours) Assert.False(text.Contains(c, StringComparison.OrdinalIgnoreCase), $"{self.Slug}: {where} contains colour {c}");
            }

            // What the manifest records, besides each file's hash.
            Check("manifest", string.Join("\n", plan.Artefacts.Select(a => $"{a.Path} {a.Kind} {a.Source}").Append(plan.Organisation!.Name).Append(plan.Organisation.File)));
            Assert.Contains(self.Name, plan.Organisation.Name);

            // Every Word document but the long guides (one guide stands for them), and the first deck of each workstream:
            // all decks share the theme, master and layouts, and rendering them all would double the test's time.
            var firstDecks = plan.Programme!.Workstreams.Select(w => $"slides/{w.Sessions[0].Slug}.pptx").ToHashSet();
            var sample = plan.Artefacts.Where(a => firstDecks.Contains(a.Path)
                || (a.Path.EndsWith(".docx") && (!a.Path.StartsWith("guides/") || a.Path == "guides/05-coaching-skills-facilitator-guide.docx"))).ToList();
            Assert.True(sample.Count > 40);
            foreach (var a in sample)
            {
                using var zip = new ZipArchive(new MemoryStream(a.Render()));
                foreach (var entry in zip.Entries)
                {
                    using var s = entry.Open();
                    var bytes = new MemoryStream();
                    s.CopyTo(bytes);
                    if (entry.FullName.EndsWith(".xml") || entry.FullName.EndsWith(".rels"))
                        Check($"{a.Path}:{entry.FullName}", Encoding.UTF8.GetString(bytes.ToArray()));
                    else Assert.False(bytes.ToArray().AsSpan().SequenceEqual(other.Logo), $"{self.Slug}: {a.Path}:{entry.FullName} is the other organisation's logo");
                }
            }

            // A sample of PDFs, read back as text (where poppler-utils is installed).
            var dir = Directory.CreateTempSubdirectory("qcdp-notrace-");
            try
            {
                foreach (var a in plan.Artefacts.Where(a => a.Path is "contracts/applicant-contract.pdf" or "programme/timetable.pdf" or "programme/customisation-guide.pdf"
                             || a.Path.StartsWith("slides/1.1-") && a.Path.EndsWith("-speaker-notes.pdf")))
                {
                    var pdf = Path.Combine(dir.FullName, Path.GetFileName(a.Path));
                    File.WriteAllBytes(pdf, a.Render());
                    if (ExternalTool.Run("pdftotext", pdf, "-") is not { Code: 0 } text) continue;
                    var flat = System.Text.RegularExpressions.Regex.Replace(text.Output, @"\s+", " ");
                    Assert.True(flat.Contains(self.Name) || flat.Contains(self.ShortName), $"{a.Path} does not name {self.Name}: the text was not read back");
                    Check(a.Path, flat);
                }
            }
            finally { dir.Delete(recursive: true); }
            Assert.True(checkedParts > 400, $"only {checkedParts} parts checked");
        }
    }
}
