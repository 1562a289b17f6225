using NeonPro.Web.Infrastructure.Pdf;

namespace NeonPro.Web.Tests.Infrastructure;

public sealed class PdfReportTests
{
    [Fact]
    public async Task A_long_report_breaks_pages_repeats_table_headers_and_keeps_accents()
    {
        using var report = new PdfReport("Relatório de exceções", "Clínica São José", (page, pages) => $"Página {page} de {pages}");
        report.Heading("Situação dos lotes");
        report.Paragraph("Ação necessária: conferência física até sexta-feira.");
        report.Table(
            [new PdfColumn("Código"), new PdfColumn("Descrição", 3)],
            Enumerable.Range(1, 120).Select(i => (IReadOnlyList<string?>)[$"L{i:000}", $"Ácido hialurônico, seringa {i} — observação número {i}"]));
        report.Table([new PdfColumn("Hash")], [[new string('a', 300)]]);
        var bytes = report.ToBytes();

        var text = await PdfText.ReadAsync(bytes);
        Assert.Contains("Relatório de exceções", text);
        Assert.Contains("Ação necessária: conferência física até sexta-feira.", text);
        Assert.Contains("Ácido hialurônico, seringa 120", text);
        var pages = int.Parse(System.Text.RegularExpressions.Regex.Match(text, @"Página 1 de (\d+)").Groups[1].Value);
        Assert.True(pages >= 3, $"{pages} pages");
        Assert.Contains($"Página {pages} de {pages}", text);
        // The table header is drawn again at the top of each page it continues onto.
        Assert.True(System.Text.RegularExpressions.Regex.Matches(text, "Descrição").Count >= pages - 1);
        // An unbreakable 300-character word is split across lines, not cut off.
        var runs = System.Text.RegularExpressions.Regex.Matches(text, "a{20,}");
        Assert.True(runs.Count > 1);
        Assert.Equal(300, runs.Sum(m => m.Length));
    }
}
