using NeonPro.Web.Domain.Catalog;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Professionals;

/// <summary>Arranging professionals and treatments for the feature tests, through the app's own DbContext.</summary>
internal static class ProfessionalTestData
{
    public static async Task<Professional> AddProfessionalAsync(this NeonProFactory app, Action<Professional>? change = null)
    {
        var p = new Professional
        {
            FullName = $"Dra. Teste {Guid.NewGuid():N}"[..24],
            Profession = Profession.Physician,
            Council = Council.Crm,
            CouncilNumber = "123456",
            CouncilState = "SP",
        };
        change?.Invoke(p);
        await using var db = app.NewDbContext();
        db.Professionals.Add(p);
        await db.SaveChangesAsync();
        return p;
    }

    public static async Task<Treatment> AddTreatmentAsync(this NeonProFactory app, string name, params Profession[] allowed)
    {
        var t = new Treatment { Name = name, Category = TreatmentCategory.Injectable, AllowedProfessions = [.. allowed], Price = 100m };
        await using var db = app.NewDbContext();
        db.Treatments.Add(t);
        await db.SaveChangesAsync();
        return t;
    }

    /// <summary>The Monday after next in the clinic's zone by the app's clock, so arranged dates are always in the future.</summary>
    public static DateOnly UpcomingMonday(this NeonProFactory app)
    {
        var today = app.ClinicToday;
        return today.AddDays(14 - (((int)today.DayOfWeek + 6) % 7));
    }
}
