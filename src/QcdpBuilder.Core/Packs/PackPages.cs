using QcdpBuilder.Templates;
using QcdpBuilder.Build;
using QcdpBuilder.Content;
using QcdpBuilder.Pdf;
using QcdpBuilder.PdfOutput;
using P = QcdpBuilder.Pdf.Layout;

namespace QcdpBuilder.Packs;

/// <summary>What both packs share: the document set-up, sections, the cover and the agenda.</summary>
internal static class PackPages
{
    public const string BlankText = "This page is intentionally blank";

    public static P.PdfDocument NewDocument(PdfTheme theme, PackPlan plan, string what)
    {
        var pdf = PdfWriter.NewDocument(theme, $"{what}: {plan.Title}", what);
        pdf.Page.Header = new P.RunningBand { Logo = theme.Logo, Left = $"{theme.Brand.ShortName} \u00B7 {what} \u00B7 {plan.Title}", Rule = true };
        pdf.Page.Footer = new P.RunningBand { Left = theme.Brand.ProgrammeTitle, Right = "Page {page} of {pages}", Rule = true };
        return pdf;
    }

    /// <summary>Starts a duplex-safe section: a right-hand page, a bookmark, destinations of its own.</summary>
    public static void Section(P.PdfDocument pdf, string title, string id, int level = 1) =>
        pdf.AddSection(new P.Section
        {
            Title = title, Destination = id, OutlineLevel = level, StartOnOddPage = true,
            BlankPageText = BlankText, ScopeDestinations = true,
        });

    /// <summary>A section's title: a level-1 heading left out of the bookmarks (the section has one already).</summary>
    public static P.PdfHeading Heading(PdfTheme theme, string text) => new(1, text)
    {
        InOutline = false, Color = theme.Primary, FontSize = 20, SpaceBefore = 0, SpaceAfter = 10,
    };

    /// <summary>A part of a section ("Facilitator notes"): bookmarked just below the section; the content's own
    /// second-level headings then nest below it.</summary>
    public static P.PdfHeading SubHeading(PdfTheme theme, string text) => new(1, text)
    {
        Color = theme.Primary, FontSize = 15, SpaceBefore = 16, SpaceAfter = 6,
    };

    public static string When(PackPlan plan)
    {
        var date = plan.Date is { } d ? TemplateData.Date(d) : "Date to be confirmed";
        var time = plan.Start is { } s ? $", {s:HH\\:mm}\u2013{plan.End:HH\\:mm}" : $", {plan.Minutes} minutes";
        return date + time;
    }

    public static string Where(PackPlan plan) => plan.Delivery switch
    {
        DeliveryModes.Virtual => "Online" + (string.IsNullOrWhiteSpace(plan.OnlineLink) ? " (joining link to follow)" : ": " + plan.OnlineLink),
        DeliveryModes.Hybrid => $"{Or(plan.Venue, "Venue to be confirmed")}, and online" + (string.IsNullOrWhiteSpace(plan.OnlineLink) ? "" : ": " + plan.OnlineLink),
        _ => Or(plan.Venue, "Venue to be confirmed"),
    };

    static string Or(string s, string fallback) => string.IsNullOrWhiteSpace(s) ? fallback : s;

    /// <summary>
    /// The cover: a band in the primary colour with what the pack is and for which day, then the details as
    /// label and value lines, and optionally a name (personalised covers) or a line to write one on.
    /// </summary>
    public static P.FixedPage Cover(PdfTheme theme, PackPlan plan, string what, IEnumerable<(string Label, string Value)> details, string? name, bool nameLine)
    {
        var size = theme.Paper;
        double left = theme.Margins.Left, width = size.Width - 2 * left, band = Math.Round(size.Height * 0.40);
        var page = new P.FixedPage { Size = size };
        page.AddRect(new Rect(0, 0, size.Width, band), theme.Primary);
        page.AddRect(new Rect(0, band, size.Width, 6), theme.Accent);
        page.AddBlock(new Rect(left, 60, width, 30), new P.PdfParagraph(new P.TextRun(what.ToUpperInvariant()) { Bold = true })
            { FontSize = 13, Color = Color.White, SpaceAfter = 0 });
        page.AddBlock(new Rect(left, 100, width, band - 100 - 80), new P.PdfParagraph(new P.TextRun(plan.Title) { Bold = true })
        {
            FontSize = 32, Color = Color.White, LineHeight = 1.15, SpaceAfter = 0,
            Tag = new Pdf.Tagging.StructTag(Pdf.Tagging.StructRoles.H1),
        }, shrinkToFit: true, VerticalAlign.Bottom);
        page.AddBlock(new Rect(left, band - 70, width, 50), new P.PdfParagraph(When(plan)) { FontSize = 15, Color = Color.White, SpaceAfter = 0 }, shrinkToFit: true);

        double y = band + 30;
        if (name is not null)
        {
            page.AddBlock(new Rect(left, y, width, 60), new P.PdfParagraph(new P.TextRun(name) { Bold = true })
                { FontSize = 26, Color = theme.Text, SpaceAfter = 0 }, shrinkToFit: true);
            y += 70;
        }
        else if (nameLine)
        {
            page.AddBlock(new Rect(left, y, width, 40), new Pdf.Forms.LabelledField("Name") { FontSize = 12 });
            y += 55;
        }
        var table = new P.PdfTable(P.TableColumn.Fixed(110), P.TableColumn.Relative()) { BorderWidth = 0, CellPadding = 3, SpaceAfter = 0 };
        foreach (var (label, value) in details)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            table.Rows.Add(new P.PdfTableRow(
                new P.TableCell(new P.PdfParagraph(new P.TextRun(label) { Bold = true }) { FontSize = 11, Color = theme.Primary, SpaceAfter = 0 }),
                new P.TableCell(new P.PdfParagraph(value) { FontSize = 11, Color = theme.Text, SpaceAfter = 0 })));
        }
        double logoTop = size.Height - 130;
        page.AddBlock(new Rect(left, y, width, logoTop - y - 10), table, shrinkToFit: true);
        if (theme.Logo is { } logo) page.AddImage(new Rect(left, logoTop, Math.Min(width, 220), 60), logo, theme.Brand.OrganisationName + " logo", TextAlign.Left);
        page.AddBlock(new Rect(left, size.Height - 60, width, 30), new P.PdfParagraph($"{theme.Brand.OrganisationName} \u00B7 {theme.Brand.ProgrammeTitle}")
            { FontSize = 9.5, Color = theme.Muted, SpaceAfter = 0 }, shrinkToFit: true);
        return page;
    }

    /// <summary>The day at a glance for participants: each session, break and lunch with its times.</summary>
    public static P.PdfTable Agenda(PdfTheme theme, PackPlan plan)
    {
        var table = new P.PdfTable(P.TableColumn.Fixed(95), P.TableColumn.Relative()) { HeaderRows = 1, HeaderBackground = theme.HeaderShade };
        table.Rows.Add(new P.PdfTableRow(Cell("Time", bold: true), Cell("What", bold: true)));
        int elapsed = 0;
        foreach (var slot in plan.Slots)
        {
            var time = $"{RunSheet.Clock(plan.Start, elapsed)}\u2013{RunSheet.Clock(plan.Start, elapsed + slot.Minutes)}";
            elapsed += slot.Minutes;
            if (slot.Session is { } s)
            {
                var what = new P.TableCell(
                    new P.PdfParagraph(new P.TextRun($"Session {s.Id}: {s.Title}") { Bold = true }) { FontSize = 10.5, SpaceAfter = 2 },
                    new P.PdfParagraph(s.Summary) { FontSize = 9.5, Color = theme.Muted, SpaceAfter = 0 });
                table.Rows.Add(new P.PdfTableRow(Cell(time), what));
            }
            else table.Rows.Add(new P.PdfTableRow(Cell(time), Cell(slot.Kind == DayItemKind.Lunch ? "Lunch" : "Break")) { Background = theme.Tint });
        }
        table.Rows.Add(new P.PdfTableRow(Cell(RunSheet.Clock(plan.Start, elapsed)), Cell("Close")));
        return table;
    }

    public static P.TableCell Cell(string text, bool bold = false, double size = 10.5) =>
        new(new P.PdfParagraph(new P.TextRun(text) { Bold = bold }) { FontSize = size, SpaceAfter = 0 });
}
