using System.Buffers.Binary;
using System.IO.Compression;
using QcdpBuilder.Pdf.Forms;
using QcdpBuilder.Pdf.Images;
using QcdpBuilder.Pdf.Layout;

namespace QcdpBuilder.Pdf.Tests;

/// <summary>Builds realistic sample documents exercising every element.</summary>
internal static class Samples
{
    /// <summary>Encodes a small RGBA PNG (gradient with a transparent corner), using Paeth/Sub filters.</summary>
    public static byte[] MakePng(int w = 40, int h = 24, bool alpha = true)
    {
        int ch = alpha ? 4 : 3;
        var raw = new MemoryStream();
        for (int y = 0; y < h; y++)
        {
            raw.WriteByte((byte)(y % 2 == 0 ? 1 : 4)); // Sub / Paeth filters exercise the decoder
            var line = new byte[w * ch];
            for (int x = 0; x < w; x++)
            {
                line[x * ch] = (byte)(30 + x * 4); line[x * ch + 1] = (byte)(80 + y * 3); line[x * ch + 2] = 160;
                if (alpha) line[x * ch + 3] = (byte)(x < 8 && y < 8 ? 0 : 255);
            }
            var filtered = new byte[line.Length];
            var prev = y == 0 ? new byte[line.Length] : null;
            for (int i = 0; i < line.Length; i++)
            {
                int a = i >= ch ? line[i - ch] : 0;
                if (y % 2 == 0) filtered[i] = (byte)(line[i] - a);
                else
                {
                    // Paeth against the previous raw line
                    int b = PrevLine![i], c = i >= ch ? PrevLine[i - ch] : 0;
                    int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                    int pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                    filtered[i] = (byte)(line[i] - pred);
                }
            }
            raw.Write(filtered);
            PrevLine = line;
        }
        var z = new MemoryStream();
        using (var zs = new ZLibStream(z, CompressionLevel.Optimal, true)) zs.Write(raw.ToArray());
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10]);
        void Chunk(string type, byte[] data)
        {
            var len = new byte[4]; BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
            png.Write(len); png.Write(System.Text.Encoding.ASCII.GetBytes(type)); png.Write(data); png.Write(new byte[4]); // CRC unchecked by decoder
        }
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, w); BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), h);
        ihdr[8] = 8; ihdr[9] = (byte)(alpha ? 6 : 2);
        Chunk("IHDR", ihdr); Chunk("IDAT", z.ToArray()); Chunk("IEND", []);
        return png.ToArray();
    }
    [ThreadStatic] private static byte[]? PrevLine;

    public static readonly Color Accent = Color.FromHex("#1F5C99");

    /// <summary>A facilitator-guide style document: contents with links, long table, lists, boxes, forms.</summary>
    public static PdfDocument Guide(bool interactive = true)
    {
        var doc = new PdfDocument(TestSupport.Info("Facilitator guide: Quality Coaching"), TestSupport.Family);
        var logo = PdfImage.FromBytes(MakePng());
        doc.Page.Header = new RunningBand { Logo = logo, LogoHeight = 16, Left = "Quality Coaching Development Programme", Right = "Facilitator guide", Rule = true };
        doc.Page.Footer = new RunningBand { Left = "\u00a9 2026 Example Trust", Right = "Page {page} of {pages}" };

        doc.Add(new PdfHeading(1, "Contents", "contents") { InOutline = false });
        foreach (var (t, id) in new[] { ("1. Introduction", "intro"), ("2. Session plan", "plan"), ("3. Feedback form", "form") })
            doc.Add(new ContentsEntry(t, id));
        doc.Add(new ContentsEntry("Reflection", "h-reflection", 2));
        doc.Add(new PdfPageBreak());

        doc.Add(new PdfHeading(1, "1. Introduction", "intro") { Color = Accent });
        doc.Add(new PdfParagraph(
            new TextRun("This guide supports facilitators delivering the "),
            new TextRun("Quality Coaching") { Bold = true },
            new TextRun(" programme. It is written for "),
            new TextRun("experienced") { Italic = true },
            new TextRun(" colleagues \u2013 see "),
            new TextRun("the programme website") { Link = LinkTarget.Url("https://example.org/qcdp"), Color = Accent, Underline = true },
            new TextRun(" for background. \u201cCoaching\u201d is a conversation that helps people think for themselves; typical sessions are 90\u2013120 minutes long and follow a well-tested structure.")));
        doc.Add(new PdfHeading(2, "What you will need"));
        var list = new PdfListBlock(false, "A room with space for small-group work", "Flip-chart paper and pens", "Printed handouts (one per participant)");
        var nested = new PdfListBlock(true, "Session slides", "Facilitator notes") { Bullet = "\u2013" };
        list.Items.Add(new PdfListItem(new PdfParagraph("Digital resources:") { SpaceAfter = 2 }, nested));
        doc.Add(list);
        doc.Add(new Box(new PdfParagraph("Arrive 30 minutes early to set up the room and test the projector. Participants value a calm start.") { SpaceAfter = 0 })
        { Title = "Facilitator tip", Background = Accent.Tint(0.1), Border = BoxBorder.Left, BorderColor = Accent, BorderWidth = 4, TitleColor = Accent });
        doc.Add(new ImageBlock(logo, "Programme logo: blue gradient") { MaxWidth = 120 });
        doc.Add(new HorizontalRule());

        doc.Add(new PdfHeading(1, "2. Session plan", "plan") { Color = Accent });
        var table = new PdfTable(TableColumn.Fixed(60), TableColumn.Relative(2), TableColumn.Relative(1))
        { HeaderBackground = Accent.Tint(0.15), StripeBackground = Color.FromHex("#F5F5F5") };
        table.AddHeader("Time", "Activity", "Resources");
        for (int i = 0; i < 40; i++)
            table.AddRow($"{9 + i / 4:00}:{i % 4 * 15:00}", $"Activity {i + 1}: discussion in pairs about a recent coaching conversation, then whole-group reflection." + (i % 7 == 0 ? " This row has extra text so that it wraps over several lines in the table cell." : ""), i % 3 == 0 ? "Slides 4\u20136" : "Handout A");
        doc.Add(table);
        doc.Add(new PdfHeading(2, "Reflection"));
        for (int i = 0; i < 3; i++)
            doc.Add(new PdfParagraph("Facilitators should leave time for reflection at the end of each block. Ask participants what they noticed, what surprised them, and what they will try next. Capture actions on the flip chart so that the group can return to them in the follow-up session."));

        doc.Add(new PdfHeading(1, "3. Feedback form", "form") { Color = Accent });
        doc.Add(new LabelledField("Name") { Interactive = interactive });
        doc.Add(new LabelledField("Date of session") { Interactive = interactive, Kind = FormFieldKind.Date });
        doc.Add(new CheckboxItem("I consent to my feedback being used anonymously to improve the programme.") { Interactive = interactive });
        doc.Add(new PdfRatingScale(1, 5) { Question = "How useful was the session overall?", LowLabel = "Not useful", HighLabel = "Very useful" });
        doc.Add(new LabelledField("What will you do differently?") { Lines = 3, Interactive = interactive });
        doc.Add(new PdfWritingLines(3));
        doc.Add(FillInTable.Create(["Action", "By whom", "By when"], 3));
        doc.Add(new PdfSignatureLine { Interactive = interactive });
        return doc;
    }

    public static FixedPage Slide(string title, string[] bullets)
    {
        var page = new FixedPage { Background = Color.White };
        page.AddRect(new Rect(0, 0, 960, 90), Accent);
        page.AddBlock(new Rect(48, 18, 864, 60), new PdfParagraph(new TextRun(title) { Color = Color.White, Bold = true }) { FontSize = 32, SpaceAfter = 0 }, shrinkToFit: true, VerticalAlign.Middle);
        var l = new PdfListBlock(false) { FontSize = 24, Indent = 30 };
        foreach (var b in bullets) l.Items.Add(new PdfListItem(new PdfParagraph(b) { FontSize = 24, SpaceAfter = 0 }));
        page.AddBlock(new Rect(60, 130, 840, 360), l, shrinkToFit: true);
        return page;
    }

    /// <summary>Notes handout: three slide thumbnails per A4 page, each beside ruled note lines.</summary>
    public static PdfDocument NotesHandout()
    {
        var doc = new PdfDocument(TestSupport.Info("Notes handout"), TestSupport.Family);
        doc.Page.Footer = new RunningBand { Center = "Page {page} of {pages}" };
        var t = new PdfTable(TableColumn.Relative(1.1), TableColumn.Relative(1)) { BorderWidth = 0, CellPadding = 6 };
        for (int i = 0; i < 5; i++)
        {
            var slide = Slide($"Slide {i + 1}: coaching skills", ["Listening", "Questioning", "Summarising"]);
            t.AddRow(new PdfTableRow(new TableCell(new FixedPageThumbnail(slide, PageSize.Slide16x9)), new TableCell(new PdfWritingLines(10, 20))));
        }
        doc.Add(t);
        return doc;
    }

    public static PdfDocument Slides()
    {
        var doc = new PdfDocument(TestSupport.Info("Slides"), TestSupport.Family);
        doc.Page.Size = PageSize.Slide16x9;
        doc.AddPage(Slide("Welcome to Quality Coaching", ["Introductions", "Aims of the session", "Ground rules"]));
        doc.AddPage(Slide("A very long slide title that needs to shrink to fit inside the title band of the slide", Enumerable.Range(1, 12).Select(i => $"Point number {i} with some explanatory words").ToArray()));
        return doc;
    }
}
