using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NeonPro.Web.Domain.Catalog;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Domain.Scheduling;

namespace NeonPro.Web.Data.Configurations;

public sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> b)
    {
        b.ToTable("Appointments");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.Notes).HasMaxLength(1000);
        b.Property(x => x.CancelledByName).HasMaxLength(256);
        b.Property(x => x.CancellationReason).HasMaxLength(500);
        b.Property(x => x.AcknowledgedWarnings).HasMaxLength(1000);
        b.Property(x => x.CreatedByName).HasMaxLength(256);
        b.Property(x => x.UpdatedByName).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Professional>().WithMany().HasForeignKey(x => x.ProfessionalId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Professional>().WithMany().HasForeignKey(x => x.SupervisorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Treatment>().WithMany().HasForeignKey(x => x.TreatmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Room>().WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Appointment>().WithMany().HasForeignKey(x => x.RescheduledFromId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.History).WithOne().HasForeignKey(h => h.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        // The overlap checks and the grid read by (who, start): one index per resource, start first within it.
        b.HasIndex(x => new { x.ProfessionalId, x.StartUtc });
        b.HasIndex(x => new { x.RoomId, x.StartUtc });
        b.HasIndex(x => new { x.PatientId, x.StartUtc });
        b.HasIndex(x => x.StartUtc);
    }
}

public sealed class AppointmentStatusChangeConfiguration : IEntityTypeConfiguration<AppointmentStatusChange>
{
    public void Configure(EntityTypeBuilder<AppointmentStatusChange> b)
    {
        b.ToTable("AppointmentStatusChanges");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.From).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.To).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.ByUserId).HasMaxLength(450);
        b.Property(x => x.ByName).HasMaxLength(256);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasIndex(x => new { x.AppointmentId, x.AtUtc });
    }
}

public sealed class SchedulingSettingsConfiguration : IEntityTypeConfiguration<SchedulingSettings>
{
    public void Configure(EntityTypeBuilder<SchedulingSettings> b)
    {
        b.ToTable("SchedulingSettings");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.CancellationPolicy);
    }
}
