using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Features.Compliance.Audit;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Compliance;

/// <summary>
/// The audit's labels cover the model: a new entity or property that the audit interceptor records must get its
/// words on the Audit page (and their English) in the same change, or these fail.
/// </summary>
public sealed class AuditLabelsTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    /// <summary>Every entity type the audit interceptor describes, with the properties it records.</summary>
    private IEnumerable<(string Entity, IReadOnlyList<Microsoft.EntityFrameworkCore.Metadata.IProperty> Properties)> AuditedModel()
    {
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<NeonProDbContext>().Model;
        return model.GetEntityTypes()
            .Where(t => t.ClrType != typeof(AuditEntry))
            .Where(t => !AuditInterceptor.IsNotAudited(t.ClrType)) // [NotAudited]: the interceptor leaves these out
            .Select(t => (AuditInterceptor.EntityTypeName(t), (IReadOnlyList<Microsoft.EntityFrameworkCore.Metadata.IProperty>)
                t.GetProperties().ToList()))
            .ToList();
    }

    [Fact]
    public void Every_audited_entity_type_and_property_of_the_model_has_a_label()
    {
        var audited = AuditedModel().ToList();
        Assert.Contains(audited, t => t.Entity == "IdentityUserRole<string>"); // Identity's tables are audited too
        Assert.Contains(audited, t => t.Entity == "Patient" && t.Properties.Any(p => p.Name == "CreatedAtUtc"));
        Assert.DoesNotContain(audited, t => t.Entity == "JobRun"); // operational history, [NotAudited]

        var missing = audited.Where(t => !AuditLabels.HasEntity(t.Entity)).Select(t => $"entity {t.Entity}")
            .Concat(audited.SelectMany(t => t.Properties.Where(p => !AuditLabels.HasField(t.Entity, p.Name)).Select(p => $"{t.Entity}.{p.Name}")))
            .ToList();
        Assert.True(missing.Count == 0, "No label in AuditLabels for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_enum_value_an_audited_property_can_hold_has_its_display_name()
    {
        var T = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var enums = AuditedModel().SelectMany(t => t.Properties)
            .Select(p => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType)
            .Select(type => type.IsEnum ? type
                : type.IsGenericType && type.GetGenericArguments() is [{ IsEnum: true } element] ? element : null)
            .OfType<Type>().Append(typeof(AuditAction)).Distinct().ToList();
        Assert.Contains(typeof(NeonPro.Web.Domain.Scheduling.AppointmentStatus), enums);
        Assert.Contains(typeof(NeonPro.Web.Domain.Professionals.Profession), enums); // a treatment's list of allowed professions

        var missing = enums.SelectMany(e => Enum.GetValues(e).Cast<Enum>())
            .Where(v => AuditLabels.OfEnum(T, v) is null).Select(v => $"{v.GetType().Name}.{v}").ToList();
        Assert.True(missing.Count == 0, "No display name for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_label_has_an_english_translation()
    {
        var english = LocalizationTests.EnglishResources();
        var missing = AuditLabels.Entities.Values.Concat(AuditLabels.Fields.Values).Concat(AuditLabels.EventValues.Values).Append(AuditLabels.ProtectedValue)
            .Distinct().Where(label => !english.ContainsKey(label)).Order().ToList();
        Assert.True(missing.Count == 0, "No English in Resources/SharedResource.en.resx for:\n" + string.Join("\n", missing));
    }

    [Theory]
    [InlineData("CreatedAtUtc", "Created at")]
    [InlineData("IdentityUserRole<string>", "Identity user role")]
    [InlineData("TussCode", "Tuss code")]
    [InlineData("CNSNumber", "CNS number")]
    public void An_unmapped_name_still_reads_as_words(string name, string readable) =>
        Assert.Equal(readable, AuditLabels.Readable(name));
}
