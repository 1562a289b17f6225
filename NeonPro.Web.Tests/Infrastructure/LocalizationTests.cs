using System.Text.RegularExpressions;
using System.Xml.Linq;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Infrastructure;

/// <summary>
/// pt-BR is the default and the resource keys are the pt-BR text; English lives in SharedResource.en.resx.
/// This keeps the two in step: every text the code sends through the localizer has an English translation.
/// </summary>
public partial class LocalizationTests
{
    private static readonly string WebRoot = Path.Combine(RepositoryPaths.Root, "NeonPro.Web");

    [GeneratedRegex("""\b[TL]\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex LocalizerCall();

    [GeneratedRegex("""(?:ErrorMessage|Name|Description|Prompt)\s*=\s*"((?:[^"\\]|\\.)+)"\s*[,)]""")]
    private static partial Regex AttributeText();

    // Messages built in domain rules and services and localized where they are shown: new(Field, "text", args...).
    [GeneratedRegex("""new(?:\s+\w+Problem)?\(\s*(?:"\w*"|[A-Z]\w*(?:\.\w+)?)\s*,\s*"((?:[^"\\]|\\.)+)"[,)]""")]
    private static partial Regex ProblemText();

    // Page helpers that take a message key and localize it themselves: Refused("text"), ConcludeAsync(..., "text").
    [GeneratedRegex("""\b(?:Refused?|ConcludeAsync)\([^;()]*?"((?:[^"\\]|\\.)+)"\)""")]
    private static partial Regex HelperText();

    public static IEnumerable<(string Key, string File)> LocalizedKeys()
    {
        var files = Directory.EnumerateFiles(WebRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}"));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var relative = Path.GetRelativePath(WebRoot, file);
            foreach (Match m in LocalizerCall().Matches(text)) yield return (Unescape(m.Groups[1].Value), relative);
            if (relative.StartsWith("Domain", StringComparison.Ordinal) && !relative.StartsWith("Domain/Patients/Identifiers", StringComparison.Ordinal)
                || relative.EndsWith("Service.cs", StringComparison.Ordinal) || file.EndsWith(".cshtml.cs", StringComparison.Ordinal))
            {
                foreach (Match m in ProblemText().Matches(text)) yield return (Unescape(m.Groups[1].Value), relative);
            }
            if (file.EndsWith("Labels.cs", StringComparison.Ordinal) || file.EndsWith("Names.cs", StringComparison.Ordinal))
                foreach (Match m in LabelText().Matches(text)) yield return (Unescape(m.Groups[1].Value), relative);
            if (file.EndsWith(".cs", StringComparison.Ordinal))
                foreach (Match m in HelperText().Matches(text))
                    if (m.Groups[1].Value.Any(c => c == ' ' || c > 127)) yield return (Unescape(m.Groups[1].Value), relative);
            if (file.EndsWith(".cs", StringComparison.Ordinal))
                foreach (Match m in AttributeText().Matches(text))
                    if (m.Groups[1].Value.Any(c => c == ' ' || c > 127 || char.IsUpper(c))) yield return (Unescape(m.Groups[1].Value), relative);
        }
    }

    [GeneratedRegex("""\{\d+\}""")]
    private static partial Regex Placeholder();

    // The *Labels / *Names classes map enums to their pt-BR words (which are the localization keys): case => "text".
    [GeneratedRegex("""=>\s*"((?:[^"\\]|\\.)+)"\s*[,;]""")]
    private static partial Regex LabelText();

    private static string Unescape(string s) => s.Replace("\\\"", "\"").Replace("\\\\", "\\");

    public static Dictionary<string, string> EnglishResources()
    {
        var path = Path.Combine(WebRoot, "Resources", "SharedResource.en.resx");
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
    }

    [Fact]
    public void Every_localized_text_has_an_english_translation()
    {
        var english = EnglishResources();
        var missing = LocalizedKeys()
            .Where(k => !english.ContainsKey(k.Key))
            .GroupBy(k => k.Key)
            .Select(g => $"\"{g.Key}\"  ({g.First().File})")
            .Order()
            .ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} texts have no English translation in Resources/SharedResource.en.resx:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void English_translations_keep_the_placeholders_of_their_key()
    {
        var wrong = EnglishResources()
            .Where(kv => !Placeholder().Matches(kv.Key).Select(m => m.Value).Order().SequenceEqual(Placeholder().Matches(kv.Value).Select(m => m.Value).Order()))
            .Select(kv => $"{kv.Key} => {kv.Value}")
            .ToList();
        Assert.True(wrong.Count == 0, "Placeholders differ:\n" + string.Join("\n", wrong));
    }
}
