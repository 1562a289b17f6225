using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace NeonPro.Web.Infrastructure.Pdf;

/// <summary>A column of a <see cref="PdfReport"/> table: its header and its share of the page width.</summary>
public sealed record PdfColumn(string Header, double Weight = 1);

/// <summary>
/// A plain A4 report written top to bottom: title, headings, paragraphs, label/value lists and tables. Text wraps
/// inside its column (long words such as hashes are broken), tables repeat their header on each page they
/// continue onto, and every page gets a footer "page X of Y". Reports (exports, compliance listings) share it.
/// </summary>
public sealed class PdfReport : IDisposable
{
    private const double Margin = 48;
    private const double FooterHeight = 24;
    private const double CellPadding = 3;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    // Before any XFont below is created: PDFsharp needs its font resolver first.
    static PdfReport() => PdfSetup.EnsureConfigured();

    private readonly XFont _title = new(PdfSetup.FontFamily, 16, XFontStyleEx.Bold, Unicode);
    private readonly XFont _heading = new(PdfSetup.FontFamily, 12, XFontStyleEx.Bold, Unicode);
    private readonly XFont _body = new(PdfSetup.FontFamily, 9, XFontStyleEx.Regular, Unicode);
    private readonly XFont _bodyBold = new(PdfSetup.FontFamily, 9, XFontStyleEx.Bold, Unicode);
    private readonly XFont _small = new(PdfSetup.FontFamily, 7.5, XFontStyleEx.Regular, Unicode);

    private readonly PdfDocument _document = new();
    private readonly string _footer;
    private readonly Func<int, int, string> _pageLabel;
    private XGraphics? _gfx;
    private double _y;

    /// <param name="title">Document title (also the PDF's metadata title).</param>
    /// <param name="footer">Left footer text on every page, e.g. who generated it and when.</param>
    /// <param name="pageLabel">Right footer: (page, pages) to text, e.g. "Página 1 de 3".</param>
    public PdfReport(string title, string footer, Func<int, int, string> pageLabel)
    {
        _footer = footer;
        _pageLabel = pageLabel;
        _document.Info.Title = title;
        _document.Info.Creator = "NeonPro";
        NewPage();
        Lines(title, _title, 0);
        _y += 6;
    }

    private double Width => _document.Pages[^1].Width.Point - 2 * Margin;
    private double Bottom => _document.Pages[^1].Height.Point - Margin - FooterHeight;
    private XGraphics Gfx => _gfx ?? throw new ObjectDisposedException(nameof(PdfReport));

    public void Heading(string text)
    {
        // A heading never sits alone at the foot of a page.
        EnsureRoom(LineHeight(_heading) + 3 * LineHeight(_body));
        _y += 8;
        Lines(text, _heading, 0);
        Gfx.DrawLine(XPens.LightGray, Margin, _y, Margin + Width, _y);
        _y += 4;
    }

    public void Paragraph(string text, bool small = false)
    {
        Lines(text, small ? _small : _body, 0);
        _y += 4;
    }

    /// <summary>Label: value lines in two columns; empty values are shown as a dash.</summary>
    public void Fields(IEnumerable<(string Label, string? Value)> fields)
    {
        var labelWidth = Width * 0.32;
        foreach (var (label, value) in fields)
        {
            var labelLines = Wrap(label, _bodyBold, labelWidth - CellPadding);
            var valueLines = Wrap(string.IsNullOrWhiteSpace(value) ? "—" : value, _body, Width - labelWidth);
            var rows = Math.Max(labelLines.Count, valueLines.Count);
            for (var i = 0; i < rows; i++)
            {
                EnsureRoom(LineHeight(_body));
                if (i < labelLines.Count) Draw(labelLines[i], _bodyBold, Margin);
                if (i < valueLines.Count) Draw(valueLines[i], _body, Margin + labelWidth);
                _y += LineHeight(_body);
            }
        }
        _y += 4;
    }

    /// <summary>A table with wrapped cells; rows taller than what is left of a page continue on the next.</summary>
    public void Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<string?>> rows, string? emptyText = null)
    {
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => Width * c.Weight / total).ToArray();
        var lineHeight = LineHeight(_body);
        var any = false;

        EnsureRoom(2 * (lineHeight + 2 * CellPadding));
        DrawHeader(columns, widths);
        foreach (var row in rows)
        {
            any = true;
            var cells = widths.Select((w, i) => Wrap(i < row.Count ? row[i] ?? "" : "", _body, w - 2 * CellPadding)).ToArray();
            var lines = cells.Max(c => c.Count);
            var done = 0;
            while (done < lines)
            {
                var fit = (int)Math.Floor((Bottom - _y - 2 * CellPadding) / lineHeight);
                if (fit < 1)
                {
                    NewPage();
                    DrawHeader(columns, widths);
                    continue;
                }
                var take = Math.Min(fit, lines - done);
                var x = Margin;
                for (var c = 0; c < cells.Length; c++)
                {
                    for (var l = 0; l < take && done + l < cells[c].Count; l++)
                        Draw(cells[c][done + l], _body, x + CellPadding, _y + CellPadding + l * lineHeight);
                    x += widths[c];
                }
                _y += take * lineHeight + 2 * CellPadding;
                Gfx.DrawLine(XPens.LightGray, Margin, _y, Margin + Width, _y);
                done += take;
            }
        }
        if (!any && emptyText is not null)
        {
            EnsureRoom(lineHeight + 2 * CellPadding);
            Draw(emptyText, _body, Margin + CellPadding, _y + CellPadding);
            _y += lineHeight + 2 * CellPadding;
        }
        _y += 6;
    }

    public void PageBreak() => NewPage();

    /// <summary>Finishes the footers and returns the PDF file.</summary>
    public byte[] ToBytes()
    {
        _gfx?.Dispose();
        _gfx = null;
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = _document.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Margin;
            gfx.DrawString(_footer, _small, XBrushes.Gray, Margin, y);
            var label = _pageLabel(i + 1, count);
            var w = gfx.MeasureString(label, _small).Width;
            gfx.DrawString(label, _small, XBrushes.Gray, page.Width.Point - Margin - w, y);
        }
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _document.Dispose();
    }

    private void DrawHeader(IReadOnlyList<PdfColumn> columns, double[] widths)
    {
        var lineHeight = LineHeight(_bodyBold);
        var cells = columns.Select((c, i) => Wrap(c.Header, _bodyBold, widths[i] - 2 * CellPadding)).ToArray();
        var height = cells.Max(c => c.Count) * lineHeight + 2 * CellPadding;
        EnsureRoom(height + LineHeight(_body) + 2 * CellPadding);
        Gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(240, 240, 240)), Margin, _y, Width, height);
        var x = Margin;
        for (var c = 0; c < cells.Length; c++)
        {
            for (var l = 0; l < cells[c].Count; l++) Draw(cells[c][l], _bodyBold, x + CellPadding, _y + CellPadding + l * lineHeight);
            x += widths[c];
        }
        _y += height;
    }

    private void Lines(string text, XFont font, double indent)
    {
        foreach (var line in Wrap(text, font, Width - indent))
        {
            EnsureRoom(LineHeight(font));
            Draw(line, font, Margin + indent);
            _y += LineHeight(font);
        }
    }

    private void Draw(string text, XFont font, double x) => Draw(text, font, x, _y);

    private void Draw(string text, XFont font, double x, double top)
    {
        if (text.Length == 0) return;
        Gfx.DrawString(text, font, XBrushes.Black, new XRect(x, top, Width, LineHeight(font)), XStringFormats.TopLeft);
    }

    private static double LineHeight(XFont font) => font.Size * 1.35;

    private void EnsureRoom(double height)
    {
        if (_y + height > Bottom) NewPage();
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(page);
        _y = Margin;
    }

    /// <summary>Greedy word wrap by measured width; explicit line breaks are kept and over-long words are split.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var current = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Measure(candidate, font) <= width)
                {
                    current = candidate;
                    continue;
                }
                if (current.Length > 0) lines.Add(current);
                current = word;
                while (Measure(current, font) > width && current.Length > 1)
                {
                    var cut = current.Length - 1;
                    while (cut > 1 && Measure(current[..cut], font) > width) cut--;
                    lines.Add(current[..cut]);
                    current = current[cut..];
                }
            }
            lines.Add(current);
        }
        return lines;
    }

    private double Measure(string text, XFont font) => Gfx.MeasureString(text, font).Width;
}
