using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NeonPro.Web.Domain.Catalog;
using NeonPro.Web.Domain.Professionals;

namespace NeonPro.Web.Data.Configurations;

public sealed class ProfessionalConfiguration : IEntityTypeConfiguration<Professional>
{
    public void Configure(EntityTypeBuilder<Professional> b)
    {
        b.ToTable("Professionals");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.FullName).HasMaxLength(200);
        b.Property(x => x.Profession).HasConversion<string>().HasMaxLength(32).IsUnicode(false);
        b.Property(x => x.Council).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.CouncilNumber).HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.CouncilState).HasMaxLength(2).IsUnicode(false);
        b.Property(x => x.CouncilCategory).HasMaxLength(8).IsUnicode(false);
        b.Property(x => x.Rqe).HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.RegistrationStatus).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.Specialties).HasMaxLength(500);
        b.Property(x => x.Bio).HasMaxLength(2000);
        b.Property(x => x.Color).HasMaxLength(7).IsUnicode(false);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Registration);
        b.HasOne(x => x.Supervisor).WithMany().HasForeignKey(x => x.SupervisorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<NeonPro.Web.Infrastructure.Auth.StaffUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        // One professional per staff account, so "my agenda" knows who is signed in.
        b.HasIndex(x => x.UserId).IsUnique();
        b.HasIndex(x => x.FullName);
        b.HasMany(x => x.WorkingHours).WithOne().HasForeignKey(x => x.ProfessionalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.AvailabilityExceptions).WithOne().HasForeignKey(x => x.ProfessionalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Scopes).WithOne().HasForeignKey(x => x.ProfessionalId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class WorkingHoursConfiguration : IEntityTypeConfiguration<WorkingHours>
{
    public void Configure(EntityTypeBuilder<WorkingHours> b)
    {
        b.ToTable("WorkingHours");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Day).HasConversion<string>().HasMaxLength(10).IsUnicode(false);
        b.HasIndex(x => new { x.ProfessionalId, x.Day });
    }
}

public sealed class ProfessionalAvailabilityExceptionConfiguration : IEntityTypeConfiguration<ProfessionalAvailabilityException>
{
    public void Configure(EntityTypeBuilder<ProfessionalAvailabilityException> b)
    {
        b.ToTable("AvailabilityExceptions");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.Reason).HasMaxLength(200);
        b.HasIndex(x => new { x.ProfessionalId, x.Date });
    }
}

public sealed class ProfessionalScopeConfiguration : IEntityTypeConfiguration<ProfessionalScope>
{
    public void Configure(EntityTypeBuilder<ProfessionalScope> b)
    {
        b.ToTable("ProfessionalScopes");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.Conditions).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Treatment>().WithMany().HasForeignKey(x => x.TreatmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ProfessionalId, x.TreatmentId });
    }
}

public sealed class ClinicClosedDayConfiguration : IEntityTypeConfiguration<ClinicClosedDay>
{
    public void Configure(EntityTypeBuilder<ClinicClosedDay> b)
    {
        b.ToTable("ClinicClosedDays");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(100);
        b.HasIndex(x => x.Date).IsUnique();
    }
}

public sealed class TreatmentConfiguration : IEntityTypeConfiguration<Treatment>
{
    public void Configure(EntityTypeBuilder<Treatment> b)
    {
        b.ToTable("Treatments");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.TussCode).HasMaxLength(8).IsUnicode(false);
        b.Property(x => x.ProductType).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.AnvisaRegistration).HasMaxLength(13).IsUnicode(false);
        // Stored as a JSON array of profession names, readable in the database.
        b.PrimitiveCollection(x => x.AllowedProfessions).ElementType().HasConversion<string>();
        b.Property(x => x.Contraindications).HasMaxLength(2000);
        b.Property(x => x.PreCare).HasMaxLength(4000);
        b.Property(x => x.PostCare).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Name);
        b.HasMany(x => x.RequiredEquipment).WithMany().UsingEntity("TreatmentRequiredEquipment",
            j => j.HasAnnotation(AuditAnnotations.Audited, nameof(AuditedAs.ClinicSetup)));
    }
}

public sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> b)
    {
        b.ToTable("Rooms");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(80);
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Name).IsUnique();
        b.HasMany(x => x.Equipment).WithMany().UsingEntity("RoomEquipment",
            j => j.HasAnnotation(AuditAnnotations.Audited, nameof(AuditedAs.ClinicSetup)));
    }
}

public sealed class EquipmentConfiguration : IEntityTypeConfiguration<Equipment>
{
    public void Configure(EntityTypeBuilder<Equipment> b)
    {
        b.ToTable("Equipment");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(80);
        b.HasIndex(x => x.Name).IsUnique();
    }
}
