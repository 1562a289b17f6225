using PdfSharp.Fonts;

namespace NeonPro.Web.Infrastructure.Pdf;

/// <summary>
/// PDFsharp's one-time global set-up: a font resolver. PDFsharp 6.2.4 is MIT-licensed and asks for no licence call
/// (later versions name the AGPL, which the package list advises against). PDFsharp finds no system fonts on
/// Linux, so every family resolves to the DejaVu Sans files embedded in this assembly (they cover Portuguese
/// accents and more).
/// </summary>
public static class PdfSetup
{
    private static readonly Lock Gate = new();
    private static bool _configured;

    /// <summary>The family name NeonPro's documents ask for; any other name resolves to the same files.</summary>
    public const string FontFamily = "DejaVu Sans";

    /// <summary>Safe to call from every document writer: PDFsharp allows setting its font resolver only once per process.</summary>
    public static void EnsureConfigured()
    {
        if (Volatile.Read(ref _configured)) return;
        lock (Gate)
        {
            if (_configured) return;
            GlobalFontSettings.FontResolver ??= new EmbeddedFontResolver();
            Volatile.Write(ref _configured, true);
        }
    }
}

/// <summary>Serves the embedded DejaVu Sans (regular and bold); italics are simulated by slanting.</summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName)
    {
        var name = $"NeonPro.Fonts.{(faceName == Bold ? Bold : Regular)}.ttf";
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing from the assembly.");
        using var copy = new MemoryStream((int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
