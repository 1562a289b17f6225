using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;

namespace NeonPro.Web.Tests.Data;

/// <summary>
/// What the audit trail covers is a decision written in the model, table by table: a new entity type without one
/// (audited and why, or [NotAudited] and why) fails here before it reaches a clinic.
/// </summary>
public sealed class AuditClassificationTests
{
    private static NeonProDbContext Context()
    {
        var builder = new DbContextOptionsBuilder<NeonProDbContext>();
        DatabaseProviders.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" });
        return new NeonProDbContext(builder.Options);
    }

    [Fact]
    public void Every_entity_type_of_the_model_is_classified_audited_or_not_audited_with_a_reason()
    {
        using var db = Context();
        var types = db.Model.GetEntityTypes().ToList();
        Assert.True(types.Count > 20, $"expected the whole model, found {types.Count} entity types");

        var undecided = types.Where(t => !AuditClassification.Of(t).IsDecided).Select(AuditInterceptor.EntityTypeName).Order().ToList();
        Assert.True(undecided.Count == 0,
            "These entity types have no audit decision. Mark the class [Audited(AuditedAs.…)] (or annotate it with " +
            "AuditAnnotations.Audited where the class is not ours), or [NotAudited(\"why\")]: " + string.Join(", ", undecided));

        var both = types.Where(t => AuditClassification.Of(t) is { AuditedAs: not null, NotAuditedReason: not null }).Select(t => t.Name).ToList();
        Assert.Empty(both);
        Assert.All(types.Select(AuditClassification.Of).Where(c => c.NotAuditedReason is not null),
            c => Assert.True(c.NotAuditedReason!.Trim().Length >= 20, $"a reason, not a placeholder: '{c.NotAuditedReason}'"));
    }

    [Fact]
    public void Sign_in_material_and_the_key_ring_are_audited_as_security_and_only_the_trail_and_operational_rows_are_not_audited()
    {
        using var db = Context();
        string Name(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyEntityType t) => AuditInterceptor.EntityTypeName(t);
        var classified = db.Model.GetEntityTypes().ToDictionary(Name, AuditClassification.Of);

        // The data-protection key ring stays audited (as ***): a key added or revoked changes who can forge a cookie.
        foreach (var security in new[] { "DataProtectionKey", "StaffUser", "IdentityRole", "IdentityUserRole<string>", "IdentityUserToken<string>", "IdentityUserLogin<string>" })
            Assert.Equal(AuditedAs.Security, classified[security].AuditedAs);
        Assert.Equal(AuditedAs.Clinical, classified["Appointment"].AuditedAs);
        Assert.Equal(AuditedAs.Personal, classified["Patient"].AuditedAs);
        Assert.Equal(AuditedAs.ClinicSetup, classified["RoomEquipment"].AuditedAs);
        // Not audited: the trail itself, and the jobs' run history and heartbeat (operational, no clinic data).
        Assert.Equal(["AuditEntry", "ClusterCheckIn", "JobRun"], classified.Where(c => !c.Value.IsAudited).Select(c => c.Key).Order());
    }
}
