using System.Net;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Catalog;
using NeonPro.Web.Tests.Infrastructure;

namespace NeonPro.Web.Tests.Features.Catalog;

/// <summary>The catalog's forms as a browser posts them, for the catalog tests to arrange and act through.</summary>
internal static class CatalogForms
{
    public const string TreatmentsUrl = "/Catalog/Treatments";
    public const string NewTreatmentUrl = "/Catalog/Treatments/Edit";
    public const string RoomsUrl = "/Catalog/Rooms";

    /// <summary>A complete, valid treatment form; tests override single fields.</summary>
    public static Dictionary<string, string> Treatment(string name) => new()
    {
        ["Input.Name"] = name,
        ["Input.Category"] = "Laser",
        ["Input.Description"] = "Remoção de tatuagem com laser Nd:YAG.",
        ["Input.DurationMinutes"] = "30",
        ["Input.Price"] = "600,00",
        ["Input.TussCode"] = "",
        ["Input.ProductType"] = "None",
        ["Input.AnvisaRegistration"] = "",
        ["Input.MinimumAge"] = "18",
        ["Input.MaximumAge"] = "",
        ["Input.ContraindicatedInPregnancy"] = "true",
        ["Input.ContraindicatedInBreastfeeding"] = "false",
        ["Input.Contraindications"] = "Pele bronzeada\nUso de isotretinoína",
        ["Input.RecommendedSessions"] = "8",
        ["Input.SessionIntervalDays"] = "45",
        ["Input.PreCare"] = "Não se expor ao sol por 30 dias.",
        ["Input.PostCare"] = "Protetor solar FPS 50.",
        ["Input.PhotoRequired"] = "true",
        ["Input.PriorConsultationRequired"] = "false",
        ["Input.IsActive"] = "true",
    };

    /// <summary>Form fields plus repeated checkbox values (professions, equipment) as a browser sends them.</summary>
    public static List<KeyValuePair<string, string>> Fields(Dictionary<string, string> single,
        IEnumerable<string>? professions = null, IEnumerable<Guid>? equipment = null)
    {
        var fields = single.ToList();
        foreach (var p in professions ?? ["Physician", "Biomedic"]) fields.Add(new("Input.AllowedProfessions", p));
        foreach (var e in equipment ?? []) fields.Add(new("Input.RequiredEquipmentIds", e.ToString()));
        return fields;
    }

    public static Task<HttpResponseMessage> PostTreatmentAsync(this HttpClient client, Dictionary<string, string> form,
        IEnumerable<string>? professions = null, IEnumerable<Guid>? equipment = null, Guid? id = null)
    {
        var url = id is null ? NewTreatmentUrl : $"{NewTreatmentUrl}/{id}";
        return client.PostFormAsync(url, Fields(form, professions, equipment));
    }

    public static async Task<Guid> AddEquipmentAsync(this HttpClient client, NeonProFactory app, string name)
    {
        var response = await client.PostFormAsync(RoomsUrl, $"{RoomsUrl}?handler=AddEquipment", [new("name", name)], htmx: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await app.NewDbContext().Equipment.Where(e => e.Name == name).Select(e => e.Id).SingleAsync();
    }

    public static async Task<Guid> AddRoomAsync(this HttpClient client, NeonProFactory app, string name, params Guid[] equipment)
    {
        var fields = new List<KeyValuePair<string, string>> { new("name", name), new("description", "") };
        fields.AddRange(equipment.Select(e => new KeyValuePair<string, string>("equipmentIds", e.ToString())));
        var response = await client.PostFormAsync(RoomsUrl, $"{RoomsUrl}?handler=AddRoom", fields, htmx: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await app.NewDbContext().Rooms.Where(r => r.Name == name).Select(r => r.Id).SingleAsync();
    }

    public static async Task<Treatment?> FindTreatmentAsync(this NeonProFactory app, string name) =>
        await app.NewDbContext().Treatments.AsNoTracking().Include(t => t.RequiredEquipment).SingleOrDefaultAsync(t => t.Name == name);

    public static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";
}
