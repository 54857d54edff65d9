using QcdpBuilder.Content;
using QcdpBuilder.Pdf;
using QcdpBuilder.Pdf.Forms;
using QcdpBuilder.PdfOutput;
using P = QcdpBuilder.Pdf.Layout;

namespace QcdpBuilder.Packs;

/// <summary>
/// The facilitator's pack for a day, session or webinar: cover, run sheet with real clock times, the materials
/// and room (or online) checklist, a sign-in sheet when the participants are known, then per session its
/// facilitator notes and its slides with speaker notes. Every section starts on a right-hand page.
/// </summary>
internal static class FacilitatorPack
{
    public static P.PdfDocument Build(PackContent content, PackPlan plan, PackPeople people)
    {
        var theme = new PdfTheme(content.Brand);
        var pdf = PackPages.NewDocument(theme, plan, "Facilitator pack");
        var cohort = content.Organisation.Cohort;

        PackPages.Section(pdf, "Cover", "cover");
        pdf.AddPage(PackPages.Cover(theme, plan, "Facilitator pack",
        [
            ("Cohort", cohort.Name),
            ("When", PackPages.When(plan)),
            (plan.Delivery == DeliveryModes.Virtual ? "Where" : "Venue", PackPages.Where(plan)),
            ("Delivery", plan.Delivery switch { DeliveryModes.Virtual => "Online", DeliveryModes.Hybrid => "Hybrid: in the room and online", _ => "In the room" }),
            ("Facilitators", string.Join(", ", cohort.Facilitators)),
            ("Participants", people.Count is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : ""),
            ("Sessions", string.Join("\n", plan.Sessions.Select(s => $"{s.Id} {s.Title}"))),
        ], name: null, nameLine: false));

        PackPages.Section(pdf, "Run sheet", "run-sheet");
        pdf.Add(PackPages.Heading(theme, "Run sheet"));
        pdf.Add(new P.PdfParagraph($"{PackPages.When(plan)} \u00B7 {PackPages.Where(plan)}") { FontSize = 10.5, Color = theme.Muted, SpaceAfter = 10 });
        pdf.Add(RunSheetTable(theme, plan));

        PackPages.Section(pdf, "Checklist", "checklist");
        pdf.Add(PackPages.Heading(theme, plan.InRoom ? "Materials and room checklist" : "Materials and online checklist"));
        foreach (var group in Checklist.For(plan, content.Programme, people.Count, personalised: people.Roster is { Participants.Count: > 0 }))
        {
            pdf.Add(PackPages.SubHeading(theme, group.Title));
            foreach (var item in group.Items) pdf.Add(new CheckboxItem(item) { FontSize = 10.5 });
        }

        if (people.Count is not null)
        {
            PackPages.Section(pdf, "Sign-in sheet", "sign-in");
            pdf.Add(PackPages.Heading(theme, "Sign-in sheet"));
            pdf.Add(new P.PdfParagraph($"{plan.Title} \u00B7 {PackPages.When(plan)}") { FontSize = 10.5, Color = theme.Muted, SpaceAfter = 10 });
            pdf.Add(SignIn(theme, people));
        }

        foreach (var s in plan.Sessions)
        {
            PackPages.Section(pdf, $"Session {s.Id}: {s.Title}", $"session-{s.Id}");
            pdf.Add(PackPages.Heading(theme, $"Session {s.Id}: {s.Title}"));
            pdf.Add(new P.PdfParagraph(s.Summary) { FontSize = 10.5, Color = theme.Muted, SpaceAfter = 8 });
            pdf.Add(PackPages.SubHeading(theme, "Facilitator notes"));
            var conv = new BlockConverter(theme, BlockStyle.Print);
            foreach (var b in conv.Convert(content.Notes(s))) pdf.Add(b);
            if (plan.Online && s.Activities.Any(a => !string.IsNullOrWhiteSpace(a.Virtual)))
            {
                pdf.Add(PackPages.SubHeading(theme, "Running it online"));
                foreach (var a in s.Activities.Where(a => !string.IsNullOrWhiteSpace(a.Virtual)))
                {
                    pdf.Add(new P.PdfParagraph(new P.TextRun($"{a.Title} ({a.Minutes} min)") { Bold = true }) { FontSize = 11, KeepWithNext = true, SpaceAfter = 2 });
                    foreach (var b in conv.Convert(content.Markdown(a.Virtual, s.File))) pdf.Add(b);
                }
            }
            pdf.Add(new P.PdfPageBreak());
            pdf.Add(PackPages.SubHeading(theme, "Slides and speaker notes"));
            PdfWriter.AppendSpeakerNotes(pdf, theme, content.Deck(s));
        }
        return pdf;
    }

    static P.PdfTable RunSheetTable(PdfTheme theme, PackPlan plan)
    {
        var table = new P.PdfTable(P.TableColumn.Fixed(84), P.TableColumn.Fixed(36), P.TableColumn.Relative(), P.TableColumn.Fixed(120))
            { HeaderRows = 1, HeaderBackground = theme.HeaderShade, CellPadding = 3 };
        table.Rows.Add(new P.PdfTableRow(PackPages.Cell("Time", true, 9.5), PackPages.Cell("Min", true, 9.5), PackPages.Cell("What", true, 9.5), PackPages.Cell("How", true, 9.5)));
        foreach (var r in RunSheet.Rows(plan))
        {
            var time = r.End.Length == 0 ? r.Start : $"{r.Start}\u2013{r.End}";
            var minutes = r.Minutes > 0 ? r.Minutes.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
            var row = r.Kind switch
            {
                RunSheetRowKind.Session => new P.PdfTableRow(PackPages.Cell(time, true, 9.5), PackPages.Cell(minutes, true, 9.5), PackPages.Cell(r.What, true, 9.5), PackPages.Cell("", size: 9.5))
                    { Background = theme.Primary.Tint(0.08) },
                RunSheetRowKind.Activity => new P.PdfTableRow(PackPages.Cell(time, size: 9.5), PackPages.Cell(minutes, size: 9.5), PackPages.Cell(r.What, size: 9.5), PackPages.Cell(r.How, size: 9)),
                _ => new P.PdfTableRow(PackPages.Cell(time, true, 9.5), PackPages.Cell(minutes, size: 9.5), PackPages.Cell(r.What, true, 9.5), PackPages.Cell("", size: 9.5))
                    { Background = theme.Tint },
            };
            table.Rows.Add(row);
        }
        return table;
    }

    /// <summary>Name (and any other roster columns) with a signature box per person; blank rows for a head count or walk-ins.</summary>
    static P.PdfTable SignIn(PdfTheme theme, PackPeople people)
    {
        var extra = people.Roster?.ExtraColumns.ToList() ?? [];
        var columns = new List<P.TableColumn> { P.TableColumn.Fixed(26), P.TableColumn.Relative(2) };
        columns.AddRange(extra.Select(_ => P.TableColumn.Relative(1.2)));
        columns.Add(P.TableColumn.Relative(1.6));
        var table = new P.PdfTable(columns.ToArray()) { HeaderRows = 1, HeaderBackground = theme.HeaderShade, CellPadding = 5 };
        var header = new List<P.TableCell> { PackPages.Cell("#", true), PackPages.Cell("Name", true) };
        header.AddRange(extra.Select(c => PackPages.Cell(c, true)));
        header.Add(PackPages.Cell("Signature", true));
        table.Rows.Add(new P.PdfTableRow(header.ToArray()));
        // A named list gets a few blank rows for walk-ins and late substitutes.
        int named = people.Roster?.Participants.Count ?? 0;
        int count = people.Roster is not null ? named + 4 : people.Count ?? 0;
        for (int i = 0; i < count; i++)
        {
            var p = i < named ? people.Roster!.Participants[i] : null;
            var cells = new List<P.TableCell> { PackPages.Cell((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), PackPages.Cell(p?.Name ?? "") };
            cells.AddRange(extra.Select(c => PackPages.Cell(p?.Extra.GetValueOrDefault(c) ?? "")));
            cells.Add(PackPages.Cell(""));
            table.Rows.Add(new P.PdfTableRow(cells.ToArray()) { MinHeight = 30 });
        }
        return table;
    }
}
