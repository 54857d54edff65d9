using System.IO.Compression;
using System.Net.Sockets;
using System.Text;
using QcdpBuilder.Build;
using QcdpBuilder.Calendar;
using QcdpBuilder.Diagnostics;
using QcdpBuilder.Evaluation;
using QcdpBuilder.Serve;
using QcdpBuilder.Tests.BadInput;
using QcdpBuilder.Tests.Support;

namespace QcdpBuilder.Tests.Robustness;

/// <summary>
/// Issue 14 beyond the build's corpus: what reference files may carry into our files, what the preview server
/// may serve, how <c>qcdp serve</c> and <c>qcdp report</c> treat bad command lines and bad data, the calendar's
/// SEQUENCE, and the manifest's paths.
/// </summary>
public sealed class SafetyTests : IDisposable
{
    readonly string dir = Path.Combine(Path.GetTempPath(), "qcdp-safety-" + Guid.NewGuid().ToString("N")[..8]);
    public SafetyTests() => Directory.CreateDirectory(dir);
    public void Dispose() { try { Directory.Delete(dir, true); } catch (IOException) { } }

    // ---------------- reference files ----------------

    [Fact]
    public void External_links_of_a_reference_deck_are_not_carried_into_any_deck_and_the_decks_stay_valid()
    {
        using var repo = new MiniRepo();
        var first = PackageBuilder.Run(new BuildOptions(repo.Root));
        Assert.False(first.Diagnostics.HasErrors, string.Join("\n", first.Diagnostics.Items));
        var corpus = BadInputCorpus.All.Single(c => c.Name == "reference-deck-external-links");
        corpus.Break(repo);
        var template = File.ReadAllBytes(repo.PathOf("organisations/smith-jones/template.pptx"));
        Assert.Contains("file:///etc/passwd", Text(template)); // the template really carries them

        var result = PackageBuilder.Run(new BuildOptions(repo.Root));
        Assert.False(result.Diagnostics.HasErrors, string.Join("\n", result.Diagnostics.Items));
        Assert.Contains(result.Diagnostics.Items, d => d.Rule == Rules.ExternalLink.Id && d.Severity == Severity.Warning);
        var decks = Directory.GetFiles(Path.Combine(result.OutputDir!, "slides"), "*.pptx");
        Assert.NotEmpty(decks);
        foreach (var deck in decks)
        {
            var bytes = File.ReadAllBytes(deck);
            var text = Text(bytes);
            Assert.DoesNotContain("tracker.example", text);
            Assert.DoesNotContain("/etc/passwd", text);
            Assert.DoesNotContain("rIdTrack", text); // the click action that used the link went with it
            OpenXmlAssert.Valid(bytes, "pptx");
        }
    }

    /// <summary>Every part of an Office file as one string, to search.</summary>
    static string Text(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package));
        var sb = new StringBuilder();
        foreach (var e in zip.Entries)
        {
            using var r = new StreamReader(e.Open());
            sb.Append(r.ReadToEnd());
        }
        return sb.ToString();
    }

    // ---------------- the preview server ----------------

    [Fact]
    public void The_server_serves_regular_files_inside_the_output_only_after_following_links()
    {
        var output = Path.Combine(dir, "out");
        Directory.CreateDirectory(Path.Combine(output, "site"));
        File.WriteAllText(Path.Combine(output, "site", "index.html"), "<html><body>hi</body></html>");
        var secret = Path.Combine(dir, "secret.txt");
        File.WriteAllText(secret, "outside the output");
        File.CreateSymbolicLink(Path.Combine(output, "site", "leak.txt"), secret);
        File.CreateSymbolicLink(Path.Combine(output, "site", "loop.html"), "loop.html");
        Directory.CreateSymbolicLink(Path.Combine(output, "etc"), "/etc");
        Assert.Equal(0, Mkfifo(Path.Combine(output, "site", "pipe.html"), Convert.ToUInt32("644", 8)));

        var server = new SiteServer(output, 18000, () => 1);
        Assert.Equal(200, server.Respond("GET", "/site/index.html").Status);
        Assert.Equal(404, server.Respond("GET", "/site/leak.txt").Status);
        Assert.Equal(404, server.Respond("GET", "/etc/passwd").Status);
        Assert.Equal(404, server.Respond("GET", "/site/loop.html").Status);
        var pipe = Task.Run(() => server.Respond("GET", "/site/pipe.html").Status);
        Assert.True(pipe.Wait(TimeSpan.FromSeconds(30)), "reading a named pipe blocked the server");
        Assert.Equal(404, pipe.Result);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    static extern int Mkfifo(string path, uint mode);

    [Theory]
    [InlineData("calendar/cohort-a.ics", "text/calendar; charset=utf-8")]
    [InlineData("evaluation/measures-workbook.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("slides/1.1.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    [InlineData("manifest.json", "application/json")]
    public void The_server_sends_each_kind_of_file_with_its_type(string file, string type)
    {
        var output = Path.Combine(dir, "out");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(output, file))!);
        File.WriteAllText(Path.Combine(output, file), "x");
        var (status, sent, _) = new SiteServer(output, 18000, () => 1).Respond("GET", "/" + file);
        Assert.Equal((200, type), (status, sent));
    }

    [Fact]
    public void Until_the_first_build_finishes_the_server_says_so()
    {
        string? root = null;
        var server = new SiteServer(() => root, 18000, () => 0);
        Assert.Equal(503, server.Respond("GET", "/site/index.html").Status);
        root = dir;
        Assert.Equal(404, server.Respond("GET", "/site/index.html").Status);
    }

    [Theory]
    [InlineData("70000")]
    [InlineData("0")]
    [InlineData("-1")]
    public void A_port_outside_the_range_is_a_command_line_error(string port)
    {
        using var repo = new MiniRepo();
        var (code, _, err) = Qcdp.Run(repo.Root, "serve", "--port", port);
        Assert.Equal(2, code);
        Assert.Contains("a port is a number from 1 to 65535", err);
        Assert.False(Directory.Exists(repo.PathOf("output")), "the package was built before the port was checked");
    }

    [Fact]
    public void A_port_in_use_exits_1_before_anything_is_built()
    {
        using var repo = new MiniRepo();
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var (code, _, err) = Qcdp.Run(repo.Root, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, code);
        Assert.Contains($"another program uses port {port}", err);
        Assert.DoesNotContain("   at ", err);
        Assert.False(Directory.Exists(repo.PathOf("output")), "the package was built before the port was checked");
    }

    [Fact]
    public void A_command_line_that_cannot_be_parsed_exits_2()
    {
        using var repo = new MiniRepo();
        Assert.Equal(2, Qcdp.Run(repo.Root, "build", "--no-such-option").Code);
        Assert.Equal(2, Qcdp.Run(repo.Root, "serve", "--port", "eighty").Code);
    }

    // ---------------- qcdp report ----------------

    [Fact]
    public void A_workbook_whose_XML_has_a_DOCTYPE_is_a_located_error_not_a_crash()
    {
        var workbook = QcdpBuilder.Tests.Evaluation.ReportTests.FilledWorkbook(dir);
        using (var zip = ZipFile.Open(workbook, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("xl/workbook.xml")!;
            string xml;
            using (var r = new StreamReader(entry.Open())) xml = r.ReadToEnd();
            entry.Delete();
            using var w = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open());
            w.Write(xml.Insert(xml.IndexOf("?>", StringComparison.Ordinal) + 2, "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"));
        }
        using var repo = new MiniRepo();
        var (code, _, err) = Qcdp.Run(repo.Root, "report", "--data", workbook);
        Assert.Equal(1, code);
        Assert.Contains("measures-workbook.xlsx:1:1: error QCDP861: cannot read the workbook: its XML has a DOCTYPE", err);
        Assert.DoesNotContain("   at ", err);
        Assert.False(File.Exists(Path.Combine(dir, "evaluation-report.pdf")));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void A_CSV_in_UTF_16_or_32_with_its_byte_order_mark_reads_as_in_UTF_8(string encoding)
    {
        var e = QcdpBuilder.Tests.Evaluation.WorkbookTests.Bundled().Definition;
        var csv = Path.Combine(dir, "data");
        Directory.CreateDirectory(csv);
        var text = "period,numerator,denominator,annotation\n2027 Q1,5,10,Café opened\n2027 Q2,6,10,\n";
        var enc = Encoding.GetEncoding(encoding);
        File.WriteAllBytes(Path.Combine(csv, "active-coaches.csv"), [.. enc.GetPreamble(), .. enc.GetBytes(text)]);
        var d = new DiagnosticBag();
        var active = MeasureDataReader.Read(csv, e, d).Single(s => s.Measure.Id == "active-coaches");
        Assert.DoesNotContain(d.Items, x => x.Severity == Severity.Error);
        Assert.Equal(["2027 Q1", "2027 Q2"], active.Points.Select(p => p.Period));
        Assert.Equal("Café opened", active.Points[0].Annotation);
    }

    [Fact]
    public void Excel_unicode_text_separated_by_tabs_reads_and_UTF_16_without_a_mark_is_refused()
    {
        var e = QcdpBuilder.Tests.Evaluation.WorkbookTests.Bundled().Definition;
        var csv = Path.Combine(dir, "data");
        Directory.CreateDirectory(csv);
        File.WriteAllBytes(Path.Combine(csv, "active-coaches.csv"), [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("period\tnumerator\tdenominator\n2027 Q1\t5\t10\n")]);
        var d = new DiagnosticBag();
        Assert.Equal(5, MeasureDataReader.Read(csv, e, d).Single(s => s.Measure.Id == "active-coaches").Points[0].Numerator);

        File.WriteAllBytes(Path.Combine(csv, "active-coaches.csv"), Encoding.Unicode.GetBytes("period,numerator,denominator\n2027 Q1,5,10\n"));
        d = new DiagnosticBag();
        MeasureDataReader.Read(csv, e, d);
        Assert.Contains(d.Items, x => x.Location == "active-coaches.csv:1:1" && x.Message.Contains("looks like UTF-16 text without a byte-order mark"));
    }

    [Fact]
    public void A_CSV_past_the_stated_limits_is_refused_at_the_first_row_too_many()
    {
        var e = QcdpBuilder.Tests.Evaluation.WorkbookTests.Bundled().Definition;
        var csv = Path.Combine(dir, "data");
        Directory.CreateDirectory(csv);
        File.WriteAllText(Path.Combine(csv, "active-coaches.csv"), "period,numerator,denominator\n" + string.Concat(Enumerable.Range(0, MeasureDataReader.MaxCsvRows + 1).Select(i => $"P{i},5,10\n")));
        var d = new DiagnosticBag();
        MeasureDataReader.Read(csv, e, d);
        Assert.Contains(d.Items, x => x.Location == $"active-coaches.csv:{MeasureDataReader.MaxCsvRows + 2}:1" && x.Message.Contains("a measure may have at most 1,000 periods"));

        // 300,000 rows: refused by size before anything is parsed.
        File.WriteAllText(Path.Combine(csv, "active-coaches.csv"), "period,numerator,denominator\n" + string.Concat(Enumerable.Range(0, 300_000).Select(i => $"P{i},5,10\n")));
        d = new DiagnosticBag();
        MeasureDataReader.Read(csv, e, d);
        Assert.Contains(d.Items, x => x.Location == "active-coaches.csv:1:1" && x.Message.Contains("is larger than 1,024 KB"));
    }

    // ---------------- calendar and manifest ----------------

    [Fact]
    public void Every_event_has_a_SEQUENCE_that_is_stable_for_the_same_content_and_changes_with_the_date()
    {
        var stamp = new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);
        var e = new CalendarEvent("w1-day1@x", new DateOnly(2027, 1, 19), new TimeOnly(9, 0), new TimeOnly(16, 30), "Workshop 1", "", "Room 1", null);
        var ics = Encoding.UTF8.GetString(IcsWriter.Write("c", [e], stamp));
        Assert.Contains($"SEQUENCE:{IcsWriter.Sequence(e, stamp)}\r\n", ics);
        Assert.Equal(ics, Encoding.UTF8.GetString(IcsWriter.Write("c", [e], stamp)));
        Assert.NotEqual(IcsWriter.Sequence(e, stamp), IcsWriter.Sequence(e with { Date = new DateOnly(2027, 1, 26) }, stamp));
        // A later build stamp always supersedes, whatever the content.
        Assert.True(IcsWriter.Sequence(e with { Date = new DateOnly(2027, 1, 12) }, stamp.AddDays(1)) > IcsWriter.Sequence(e, stamp));
    }

    [Fact]
    public void A_webinar_at_half_past_eleven_ends_the_next_day()
    {
        var (date, end) = IcsWriter.EndOf(new DateOnly(2027, 3, 1), new TimeOnly(23, 30), TimeSpan.FromMinutes(60));
        Assert.Equal((new DateOnly(2027, 3, 2), new TimeOnly(0, 30)), (date, end));
        var e = new CalendarEvent("wb@x", new DateOnly(2027, 3, 1), new TimeOnly(23, 30), end, "Webinar", "", "Online", null) { EndDate = date };
        var ics = Encoding.UTF8.GetString(IcsWriter.Write("c", [e], DateTimeOffset.UnixEpoch));
        Assert.Contains("DTSTART;TZID=Europe/London:20270301T233000", ics);
        Assert.Contains("DTEND;TZID=Europe/London:20270302T003000", ics);
    }

    [Fact]
    public void Manifest_paths_are_relative_to_the_repository_whatever_the_current_folder()
    {
        using var repo = new MiniRepo();
        // The test runs with its current folder in the test output, outside the repository.
        var result = PackageBuilder.Run(new BuildOptions(repo.Root) { Site = true });
        Assert.False(result.Diagnostics.HasErrors, string.Join("\n", result.Diagnostics.Items));
        Assert.All(result.Files, f => Assert.False(f.Source.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(f.Source), $"{f.Path}: source {f.Source}"));
        Assert.Contains(result.Files, f => f.Source == MiniRepo.Session);
    }
}
