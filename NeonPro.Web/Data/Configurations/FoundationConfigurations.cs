using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Domain.Clinic;
using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Data.Configurations;

public sealed class ClinicSettingsConfiguration : IEntityTypeConfiguration<ClinicSettings>
{
    public void Configure(EntityTypeBuilder<ClinicSettings> b)
    {
        b.ToTable("ClinicSettings");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Cnpj).HasMaxLength(14).IsUnicode(false);
        b.Property(x => x.Street).HasMaxLength(200);
        b.Property(x => x.Number).HasMaxLength(20);
        b.Property(x => x.Complement).HasMaxLength(100);
        b.Property(x => x.District).HasMaxLength(100);
        b.Property(x => x.City).HasMaxLength(100);
        b.Property(x => x.State).HasMaxLength(2).IsUnicode(false);
        b.Property(x => x.PostalCode).HasMaxLength(8).IsUnicode(false);
        b.Property(x => x.Phone).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.TimeZoneId).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        // The chain's order; unique, so two writers can never seal the same position (a fork fails to commit).
        b.HasIndex(x => x.Sequence).IsUnique();
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.Role).HasMaxLength(100);
        b.Property(x => x.IpAddress).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.UserAgent).HasMaxLength(512);
        b.Property(x => x.Action).HasConversion<string>().HasMaxLength(32).IsUnicode(false);
        b.Property(x => x.EntityType).HasMaxLength(128).IsUnicode(false);
        b.Property(x => x.EntityId).HasMaxLength(128).IsUnicode(false);
        b.Property(x => x.PreviousHash).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.Hash).HasMaxLength(64).IsUnicode(false);
        b.HasIndex(x => x.OccurredAtUtc);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
        // A person's own trail, newest first ("Abertos recentemente por você"): read backwards along the index and
        // stop at the first hundred, however long that person's history grows.
        b.HasIndex(x => new { x.UserId, x.Sequence });
        // The Audit page filtered by entity ("every Patient row"), newest first: read backwards along this index from
        // the cursor and stop at a page, instead of sorting the hundreds of thousands of rows one entity type has.
        b.HasIndex(x => new { x.EntityType, x.Sequence });
    }
}

public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        // The table our own key store created before the library's was served: same name and columns, so an install
        // keeps its keys (and its staff stay signed in) across the upgrade. The library leaves Xml nullable; the table
        // never was, and every key has its XML.
        b.ToTable("DataProtectionKeys");
        b.Property(x => x.FriendlyName).HasMaxLength(256);
        b.Property(x => x.Xml).IsRequired();
        // The key material itself: the audit records that a key was added, never the key.
        b.Property(x => x.Xml).HasAnnotation(AuditAnnotations.Secret, true);
        // Audited on purpose: a key added or revoked changes who can forge a sign-in cookie.
        b.HasAnnotation(AuditAnnotations.Audited, nameof(AuditedAs.Security));
    }
}

public sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        b.Property(x => x.FullName).HasMaxLength(200).HasAnnotation(AuditAnnotations.Identifying, true);
        b.Property(x => x.PreferredCulture).HasMaxLength(10).IsUnicode(false);
        // Added to existing installs by a migration: their accounts start without the obligation.
        b.Property(x => x.MustEnrollTwoFactor).HasDefaultValue(false);
        // Staff identifiers are hashed in the audit like any person's; secrets never reach it.
        b.Property(x => x.UserName).HasAnnotation(AuditAnnotations.Identifying, true);
        b.Property(x => x.NormalizedUserName).HasAnnotation(AuditAnnotations.Identifying, true);
        b.Property(x => x.Email).HasAnnotation(AuditAnnotations.Identifying, true);
        b.Property(x => x.NormalizedEmail).HasAnnotation(AuditAnnotations.Identifying, true);
        b.Property(x => x.PhoneNumber).HasAnnotation(AuditAnnotations.Identifying, true);
        b.Property(x => x.PasswordHash).HasAnnotation(AuditAnnotations.Secret, true);
        b.Property(x => x.SecurityStamp).HasAnnotation(AuditAnnotations.Secret, true);
        b.Property(x => x.ConcurrencyStamp).HasAnnotation(AuditAnnotations.Secret, true);
    }
}

/// <summary>
/// Identity's token rows hold the authenticator key and the recovery codes (and whatever token a later provider
/// stores): secret as a whole, so no column of theirs is ever audited in clear, whatever its name.
/// </summary>
public sealed class StaffUserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> b) =>
        b.HasAnnotation(AuditAnnotations.Secret, true).HasAnnotation(AuditAnnotations.Audited, nameof(AuditedAs.Security));
}

/// <summary>An external sign-in's provider key is part of the row's key, so it is marked on its own (the audit masks it in the row's id too).</summary>
public sealed class StaffUserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> b)
    {
        b.Property(x => x.ProviderKey).HasAnnotation(AuditAnnotations.Secret, true);
        b.HasAnnotation(AuditAnnotations.Audited, nameof(AuditedAs.Security));
    }
}

/// <summary>Who holds which role, and claims: the audit must say who granted access to what (Identity's own classes, so annotated here).</summary>
public sealed class IdentityAuditConfiguration :
    IEntityTypeConfiguration<IdentityRole>, IEntityTypeConfiguration<IdentityUserRole<string>>,
    IEntityTypeConfiguration<IdentityUserClaim<string>>, IEntityTypeConfiguration<IdentityRoleClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityRole> b) => b.HasAnnotation(AuditAnnotations.Audited, nameof(AuditedAs.Security));
    public void Configure(EntityTypeBuilder<IdentityUserRole<string>> b) => b.HasAnnotation(AuditAnnotations.Audited, nameof(AuditedAs.Security));
    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> b) => b.HasAnnotation(AuditAnnotations.Audited, nameof(AuditedAs.Security));
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<string>> b) => b.HasAnnotation(AuditAnnotations.Audited, nameof(AuditedAs.Security));
}
