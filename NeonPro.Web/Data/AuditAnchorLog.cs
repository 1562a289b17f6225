using System.Text;
using NeonPro.Web.Domain.Audit;

namespace NeonPro.Web.Data;

/// <summary>
/// The anchor log, a plain file in the data folder (audit-anchors.log): one line per anchor, appended and never
/// rewritten. It lives outside the database so that someone who can rewrite the table cannot rewrite it as well.
/// </summary>
public sealed class AuditAnchorLog(DatabaseOptions options)
{
    public const string FileName = "audit-anchors.log";

    public string FilePath => Path.Combine(options.DataFolder, FileName);

    /// <summary>The anchors in file order, and the number of the first line that cannot be read, if any.</summary>
    public (IReadOnlyList<AuditAnchor> Anchors, int? UnreadableLine) Read()
    {
        var anchors = new List<AuditAnchor>();
        if (!File.Exists(FilePath)) return (anchors, null);
        var number = 0;
        foreach (var line in File.ReadLines(FilePath))
        {
            number++;
            if (line.Length == 0) continue;
            if (!AuditAnchor.TryParse(line, out var anchor)) return (anchors, number);
            anchors.Add(anchor);
        }
        return (anchors, null);
    }

    /// <summary>Appends one line and forces it to disk before returning: an anchor lost in a crash anchors nothing.</summary>
    public void Append(AuditAnchor anchor)
    {
        Directory.CreateDirectory(options.DataFolder);
        using var file = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.Read);
        file.Write(Encoding.UTF8.GetBytes(anchor.ToLine() + "\n"));
        file.Flush(flushToDisk: true);
    }
}
