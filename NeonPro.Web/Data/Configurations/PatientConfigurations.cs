using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NeonPro.Web.Domain.Patients;

namespace NeonPro.Web.Data.Configurations;

public sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> b)
    {
        b.ToTable("Patients");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.FullName).HasMaxLength(200);
        b.Property(x => x.SocialName).HasMaxLength(200);
        b.Property(x => x.Sex).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.Cpf).HasMaxLength(14).IsUnicode(false);
        b.Property(x => x.PassportNumber).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.PassportCountry).HasMaxLength(60);
        b.Property(x => x.Cns).HasMaxLength(15).IsUnicode(false);
        b.Property(x => x.Rg).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.RgIssuer).HasMaxLength(20);
        b.Property(x => x.MobilePhone).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.OtherPhone).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.PreferredChannel).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.PostalCode).HasMaxLength(15).IsUnicode(false);
        b.Property(x => x.Street).HasMaxLength(200);
        b.Property(x => x.Number).HasMaxLength(20);
        b.Property(x => x.Complement).HasMaxLength(100);
        b.Property(x => x.District).HasMaxLength(100);
        b.Property(x => x.City).HasMaxLength(100);
        b.Property(x => x.State).HasMaxLength(2).IsUnicode(false);
        b.Property(x => x.Occupation).HasMaxLength(100);
        b.Property(x => x.EmergencyContactName).HasMaxLength(200);
        b.Property(x => x.EmergencyContactRelationship).HasMaxLength(60);
        b.Property(x => x.EmergencyContactPhone).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.GuardianName).HasMaxLength(200);
        b.Property(x => x.GuardianRelationship).HasMaxLength(60);
        b.Property(x => x.GuardianCpf).HasMaxLength(14).IsUnicode(false);
        b.Property(x => x.GuardianPhone).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.SearchName).HasMaxLength(420);
        b.Property(x => x.PhoneDigitsReversed).HasMaxLength(40).IsUnicode(false);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.DisplayName);

        // One record per CPF (several NULLs are allowed: foreigners and anonymized patients).
        b.HasIndex(x => x.Cpf).IsUnique();
        // Name search and the same-name-same-birth-date duplicate warning.
        b.HasIndex(x => new { x.SearchName, x.BirthDate });
        // Phone search by "ends with", as a prefix range on the reversed digits.
        b.HasIndex(x => x.PhoneDigitsReversed);

        b.HasOne(x => x.HealthProfile).WithOne().HasForeignKey<HealthProfile>(h => h.PatientId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.NameTokens).WithOne().HasForeignKey(t => t.PatientId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NameTokenConfiguration : IEntityTypeConfiguration<NameToken>
{
    public void Configure(EntityTypeBuilder<NameToken> b)
    {
        b.ToTable("PatientNameTokens");
        b.HasKey(x => new { x.PatientId, x.Token });
        b.Property(x => x.Token).HasMaxLength(100);
        // Prefix searches run as range scans on (Token, PatientId): index-only, no table lookups.
        b.HasIndex(x => new { x.Token, x.PatientId });
    }
}

public sealed class HealthProfileConfiguration : IEntityTypeConfiguration<HealthProfile>
{
    public void Configure(EntityTypeBuilder<HealthProfile> b)
    {
        b.ToTable("HealthProfiles");
        b.HasKey(x => x.PatientId);
        b.Property(x => x.Allergies).HasMaxLength(2000);
        b.Property(x => x.CurrentMedications).HasMaxLength(2000);
        b.Property(x => x.MedicalConditions).HasMaxLength(2000);
        b.Property(x => x.PreviousAestheticProcedures).HasMaxLength(2000);
        b.Property(x => x.Contraindications).HasMaxLength(2000);
        b.Property(x => x.AestheticGoals).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

public sealed class ConsentTermConfiguration : IEntityTypeConfiguration<ConsentTerm>
{
    public void Configure(EntityTypeBuilder<ConsentTerm> b)
    {
        b.ToTable("ConsentTerms");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(32).IsUnicode(false);
        b.Property(x => x.Version).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.Sha256).HasMaxLength(64).IsUnicode(false);
        b.HasIndex(x => new { x.Purpose, x.Version }).IsUnique();
    }
}

public sealed class PatientConsentConfiguration : IEntityTypeConfiguration<PatientConsent>
{
    public void Configure(EntityTypeBuilder<PatientConsent> b)
    {
        b.ToTable("PatientConsents");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(32).IsUnicode(false);
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.RecordedByUserId).HasMaxLength(450);
        b.Property(x => x.RecordedByName).HasMaxLength(256);
        b.Property(x => x.WithdrawnByUserId).HasMaxLength(450);
        b.Property(x => x.WithdrawnByName).HasMaxLength(256);
        b.Property(x => x.WithdrawalReason).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Term).WithMany().HasForeignKey(x => x.TermId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PatientId, x.Purpose });
    }
}

public sealed class DataSubjectRequestConfiguration : IEntityTypeConfiguration<DataSubjectRequest>
{
    public void Configure(EntityTypeBuilder<DataSubjectRequest> b)
    {
        b.ToTable("DataSubjectRequests");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Right).HasConversion<string>().HasMaxLength(32).IsUnicode(false);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.Details).HasMaxLength(2000);
        b.Property(x => x.Outcome).HasMaxLength(2000);
        b.Property(x => x.RefusalReason).HasMaxLength(2000);
        b.Property(x => x.HandledByUserId).HasMaxLength(450);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.Status, x.DueOn });
        b.HasIndex(x => x.PatientId);
    }
}
