using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Domain.Audit;
using NeonPro.Web.Domain.Catalog;
using NeonPro.Web.Domain.Clinic;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Domain.Scheduling;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Jobs;

namespace NeonPro.Web.Data;

/// <summary>
/// The clinic's database. It also keeps ASP.NET Core's data-protection key ring (sign-in cookies and antiforgery tokens
/// survive restarts and every app node shares them), through the library's own EF Core key store.
/// </summary>
public class NeonProDbContext(DbContextOptions<NeonProDbContext> options) : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    public DbSet<ClinicSettings> ClinicSettings => Set<ClinicSettings>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Professional> Professionals => Set<Professional>();
    public DbSet<WorkingHours> WorkingHours => Set<WorkingHours>();
    public DbSet<ProfessionalAvailabilityException> AvailabilityExceptions => Set<ProfessionalAvailabilityException>();
    public DbSet<ProfessionalScope> ProfessionalScopes => Set<ProfessionalScope>();
    public DbSet<ClinicClosedDay> ClinicClosedDays => Set<ClinicClosedDay>();
    public DbSet<Treatment> Treatments => Set<Treatment>();
    public DbSet<Room> Rooms => Set<Room>();
    public DbSet<Equipment> Equipment => Set<Equipment>();

    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<NameToken> PatientNameTokens => Set<NameToken>();
    public DbSet<HealthProfile> HealthProfiles => Set<HealthProfile>();
    public DbSet<ConsentTerm> ConsentTerms => Set<ConsentTerm>();
    public DbSet<PatientConsent> PatientConsents => Set<PatientConsent>();
    public DbSet<DataSubjectRequest> DataSubjectRequests => Set<DataSubjectRequest>();

    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<AppointmentStatusChange> AppointmentStatusChanges => Set<AppointmentStatusChange>();
    public DbSet<SchedulingSettings> SchedulingSettings => Set<SchedulingSettings>();

    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<ClusterCheckIn> ClusterCheckIns => Set<ClusterCheckIn>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Identity's model reads StoreOptions.MaxLengthForKeys from the app's services (Identity UI sets 128), so a
        // context built without them (dotnet ef, tests) would see another model than the running app: the migrations
        // would miss a change on PostgreSQL and SQL Server, and the app would refuse to start there. The columns keep
        // what the first migration gave them, unbounded (SQL Server bounds key columns to 450 by itself).
        builder.Entity<IdentityUserLogin<string>>(b =>
        {
            b.Property(l => l.LoginProvider).Metadata.SetMaxLength(null);
            b.Property(l => l.ProviderKey).Metadata.SetMaxLength(null);
        });
        builder.Entity<IdentityUserToken<string>>(b =>
        {
            b.Property(t => t.LoginProvider).Metadata.SetMaxLength(null);
            b.Property(t => t.Name).Metadata.SetMaxLength(null);
        });
        builder.ApplyConfigurationsFromAssembly(typeof(NeonProDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored as UTC and come back marked as UTC; the clinic's zone is applied at the edge.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        // Money: decimal(10,2) everywhere.
        configurationBuilder.Properties<decimal>().HavePrecision(10, 2);
    }
}
