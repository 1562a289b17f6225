using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Features.Patients;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Patients;

/// <summary>Registering patients the way the front desk does: through the real registry form.</summary>
public static class PatientsArrange
{
    private static readonly Random Random = new();

    public static string NewCpf()
    {
        lock (Random) return DemoIdentifiers.Cpf(Random);
    }

    /// <summary>A surname nobody else in the test database has, so name checks of one test never meet another's.</summary>
    public static string UniqueSurname()
    {
        const string letters = "bcdfghjklmnpqrstvwxz";
        lock (Random) return "Teste" + new string(Enumerable.Range(0, 6).Select(_ => letters[Random.Next(letters.Length)]).ToArray());
    }

    /// <summary>A valid adult patient as typed at the desk (punctuated CPF, formatted phone and CEP).</summary>
    public static Dictionary<string, string> ValidForm(string? fullName = null, string? cpf = null, string birthDate = "1985-03-10") => new()
    {
        ["Input.FullName"] = fullName ?? $"Maria {UniqueSurname()}",
        ["Input.SocialName"] = "",
        ["Input.BirthDate"] = birthDate,
        ["Input.Sex"] = "Female",
        ["Input.Cpf"] = cpf ?? Cpf.Format(NewCpf()),
        ["Input.Cns"] = "",
        ["Input.MobilePhone"] = "(11) 98765-4321",
        ["Input.OtherPhone"] = "",
        ["Input.Email"] = "paciente@exemplo.test",
        ["Input.PreferredChannel"] = "WhatsApp",
        ["Input.PostalCode"] = "01310-100",
        ["Input.Street"] = "Avenida Paulista",
        ["Input.Number"] = "1000",
        ["Input.District"] = "Bela Vista",
        ["Input.City"] = "São Paulo",
        ["Input.State"] = "SP",
        ["Input.Occupation"] = "Advogada",
    };

    public static Task<HttpResponseMessage> PostCreateAsync(this HttpClient client, IDictionary<string, string> fields) =>
        client.PostFormAsync("/Patients/Create", fields);

    /// <summary>Registers a patient through the form and returns its id (from the redirect to its chart).</summary>
    public static async Task<Guid> CreatePatientAsync(this HttpClient client, IDictionary<string, string> fields)
    {
        var response = await client.PostCreateAsync(fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"create answered {(int)response.StatusCode}: {FormPosting.Text(body)[..Math.Min(600, FormPosting.Text(body).Length)]}");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Patients/Chart?id=", location);
        return Guid.Parse(location["/Patients/Chart?id=".Length..]);
    }

    public static async Task<Patient> LoadAsync(NeonProFactory app, Guid id) =>
        await app.WithScopeAsync(sp => sp.GetRequiredService<NeonProDbContext>().Patients.AsNoTracking()
            .Include(p => p.NameTokens).Include(p => p.HealthProfile).SingleAsync(p => p.Id == id));

    /// <summary>Changes a patient behind the form's back (blocking, anonymizing: other features' work).</summary>
    public static async Task UpdateAsync(NeonProFactory app, Guid id, Action<Patient> change)
    {
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NeonProDbContext>();
            var p = await db.Patients.SingleAsync(x => x.Id == id);
            change(p);
            await db.SaveChangesAsync();
        });
    }

    public static async Task<int> CountAsync(NeonProFactory app, Func<IQueryable<Patient>, IQueryable<Patient>>? filter = null) =>
        await app.WithScopeAsync(sp =>
        {
            IQueryable<Patient> q = sp.GetRequiredService<NeonProDbContext>().Patients;
            return (filter is null ? q : filter(q)).CountAsync();
        });
}
