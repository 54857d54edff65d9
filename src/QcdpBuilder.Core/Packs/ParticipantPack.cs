using QcdpBuilder.Content;
using QcdpBuilder.PdfOutput;
using P = QcdpBuilder.Pdf.Layout;

namespace QcdpBuilder.Packs;

/// <summary>
/// The participant's pack: cover, the day's agenda, then per session its slides three to a page with writing
/// lines followed by the handouts it uses (each once, in order; not those kept from an earlier day unless marked
/// per participant), and the session feedback form. With a roster
/// the file holds one copy per participant, each with its own named cover, so one print job gives every
/// participant their pack; every copy and every section starts on a right-hand page.
/// </summary>
internal static class ParticipantPack
{
    public static P.PdfDocument Build(PackContent content, PackPlan plan, PackPeople people)
    {
        var theme = new PdfTheme(content.Brand);
        var pdf = PackPages.NewDocument(theme, plan, "Participant pack");
        if (people.Roster is { Participants.Count: > 0 } roster)
        {
            for (int i = 0; i < roster.Participants.Count; i++)
            {
                var name = roster.Participants[i].Name;
                pdf.AddSection(new P.Section { Title = name, Destination = $"copy-{i + 1}", StartOnOddPage = true, BlankPageText = PackPages.BlankText, NestHeadings = false, RestartPageNumbers = true });
                Copy(pdf, theme, content, plan, name, $"copy-{i + 1}-", level: 2);
            }
        }
        else Copy(pdf, theme, content, plan, name: null, idPrefix: "", level: 1);
        return pdf;
    }

    static void Copy(P.PdfDocument pdf, PdfTheme theme, PackContent content, PackPlan plan, string? name, string idPrefix, int level)
    {
        var cohort = content.Organisation.Cohort;
        void Section(string title, string id) => PackPages.Section(pdf, title, idPrefix + id, level);

        Section("Cover", "cover");
        pdf.AddPage(PackPages.Cover(theme, plan, "Participant pack",
        [
            ("Cohort", cohort.Name),
            ("When", PackPages.When(plan)),
            (plan.Delivery == DeliveryModes.Virtual ? "Where" : "Venue", PackPages.Where(plan)),
            ("Facilitators", string.Join(", ", cohort.Facilitators)),
        ], name, nameLine: name is null));

        Section("Agenda", "agenda");
        pdf.Add(PackPages.Heading(theme, plan.Kind == PackKind.Day ? "Your day" : "Agenda"));
        pdf.Add(new P.PdfParagraph($"{PackPages.When(plan)} \u00B7 {PackPages.Where(plan)}") { FontSize = 10.5, Color = theme.Muted, SpaceAfter = 10 });
        pdf.Add(PackPages.Agenda(theme, plan));
        var conv = new BlockConverter(theme, BlockStyle.Print);
        var prework = plan.Sessions.Where(s => !string.IsNullOrWhiteSpace(s.Prework)).ToList();
        if (prework.Count > 0)
        {
            pdf.Add(PackPages.SubHeading(theme, "Before you come"));
            foreach (var s in prework)
            {
                pdf.Add(new P.PdfParagraph(new P.TextRun($"Session {s.Id}: {s.Title}") { Bold = true }) { FontSize = 11, KeepWithNext = true, SpaceAfter = 2 });
                foreach (var b in conv.Convert(content.Markdown(s.Prework, s.File))) pdf.Add(b);
            }
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in plan.Sessions)
        {
            var deck = content.Deck(s);
            Section($"Session {s.Id}: slides", $"slides-{s.Id}");
            pdf.Add(PackPages.Heading(theme, $"Session {s.Id}: {s.Title}"));
            PdfWriter.AppendNotesHandout(pdf, theme, deck);
            foreach (var id in s.Handouts.Where(done.Add))
            {
                // A handout people keep from an earlier day (and need not have again) is not printed again.
                if (plan.GivenEarlier.Contains(id) && content.Programme.FindHandout(id) is { PerParticipant: false }) continue;
                if (content.Handout(id) is not { } doc) continue;
                Section(doc.Title, $"handout-{id}");
                PdfWriter.AppendHandout(pdf, theme, doc, titleInOutline: false);
            }
        }

        if (content.Feedback(plan) is { } form)
        {
            Section(form.Title, "feedback");
            PdfWriter.AppendHandout(pdf, theme, form, titleInOutline: false);
        }
    }
}
