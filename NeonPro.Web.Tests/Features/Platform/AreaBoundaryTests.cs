using System.Text.RegularExpressions;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Platform;

/// <summary>
/// The areas depend on each other one way only: Compliance reads patients (search, labels, consents) and Patients writes
/// audit rows through the Data layer, never through the Compliance area.
/// </summary>
public sealed class AreaBoundaryTests
{
    private static readonly string Features = Path.Combine(RepositoryPaths.Root, "NeonPro.Web", "Features");

    [Theory]
    [InlineData("Patients", "Compliance")]
    public void An_area_does_not_reference_the_area_that_depends_on_it(string area, string dependent)
    {
        var reference = new Regex($@"\bNeonPro\.Web\.Features\.{dependent}\b");
        var offending = Directory.EnumerateFiles(Path.Combine(Features, area), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => reference.IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Features, f))
            .ToList();
        Assert.True(offending.Count == 0, $"{area} references {dependent} in: " + string.Join(", ", offending));
    }

    [Fact]
    public void No_type_of_the_patients_area_uses_a_type_of_the_compliance_area()
    {
        var web = typeof(Program).Assembly;
        var patientTypes = web.GetTypes().Where(t => t.Namespace?.StartsWith("NeonPro.Web.Features.Patients", StringComparison.Ordinal) == true);
        var used = patientTypes
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType)
                .Concat(t.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public).Select(f => f.FieldType))
                .Select(u => (User: t, Used: u)))
            .Where(x => x.Used.Namespace?.StartsWith("NeonPro.Web.Features.Compliance", StringComparison.Ordinal) == true)
            .Select(x => $"{x.User.Name} -> {x.Used.Name}")
            .Distinct()
            .ToList();
        Assert.True(used.Count == 0, "Patients uses Compliance types: " + string.Join(", ", used));
    }
}
