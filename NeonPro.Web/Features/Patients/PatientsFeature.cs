using Microsoft.AspNetCore.Mvc.RazorPages;
using NeonPro.Web.Infrastructure.Auth;
using NeonPro.Web.Infrastructure.Cli;

namespace NeonPro.Web.Features.Patients;

public static class PatientsFeature
{
    /// <summary>Every staff role works with patients: the front desk registers them, professionals treat them.</summary>
    public const string StaffPolicy = Policies.Staff;

    public static IServiceCollection AddPatientsFeature(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Patients", StaffPolicy);
            // Registering and editing are one form: /Patients/Create is the edit page without an id.
            o.Conventions.AddPageRoute("/Patients/Edit", "Patients/Create");
        });
        services.AddScoped<PatientSearch>();
        services.AddScoped<ClinicalAccess>();
        services.AddPatientConsents();
        services.AddScoped<IDemoSeeder, PatientsDemoSeeder>();
        return services;
    }
}
