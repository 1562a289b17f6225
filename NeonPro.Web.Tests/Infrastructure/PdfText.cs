using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NeonPro.Web.Tests.Infrastructure;

/// <summary>Reads a PDF's text back with poppler's pdftotext (installed by .ci/run), whitespace folded to single spaces.</summary>
public static partial class PdfText
{
    public static async Task<string> ReadAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"neonpro-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start (apt-get install poppler-utils).");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"pdftotext failed: {await errors}");
            return Whitespace().Replace(await output, " ").Trim();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
