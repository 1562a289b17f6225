using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Catalog;
using NeonPro.Web.Domain.Professionals;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Infrastructure.Time;
using static NeonPro.Web.Domain.Professionals.Profession;

namespace NeonPro.Web.Features.Catalog;

/// <summary>
/// Demo catalog: equipment, six rooms, a realistic aesthetic menu (15 treatments small, 40 large) and this
/// year's and next year's national holidays. Matched by name, so running it again adds nothing; seeding
/// small and then large adds the rest. ANVISA numbers are synthetic: the right format, no real product.
/// </summary>
public sealed class CatalogDemoSeeder(NeonProDbContext db, ClinicClock clock) : IDemoSeeder
{
    public int Order => 10;

    private const string NdYag = "Laser Nd:YAG";
    private const string Co2 = "Laser CO2 fracionado";
    private const string Rf = "Radiofrequência";
    private const string Cryo = "Criolipólise";
    private const string Ipl = "Luz intensa pulsada";
    private const string Hifu = "Ultrassom microfocado";

    private static readonly string[] EquipmentNames = [NdYag, Co2, Rf, Cryo, Ipl, Hifu];

    private static readonly (string Name, string Description, string[] Equipment)[] DemoRooms =
    [
        ("Consultório 1", "Avaliações e consultas", []),
        ("Consultório 2 (injetáveis)", "Maca reclinável, carrinho de injetáveis e geladeira de medicamentos", []),
        ("Sala de Laser", "Sala com controle de acesso e óculos de proteção", [NdYag, Co2, Ipl]),
        ("Sala de Tecnologias Faciais", "Equipamentos para rejuvenescimento facial", [Rf, Hifu, Ipl]),
        ("Sala Corporal", "Maca larga para tratamentos corporais", [Cryo, Rf]),
        ("Sala de Estética", "Limpeza de pele, drenagem e massagens", []),
    ];

    // Who may perform what by default follows shared/DOMAIN.md: aestheticians no injectables; PMMA physicians only.
    private static readonly Profession[] Injectors = [Physician, Dentist, Biomedic, Pharmacist, Nurse];
    private static readonly Profession[] Biostimulators = [Physician, Dentist, Biomedic, Pharmacist];
    private static readonly Profession[] Devices = [Physician, Biomedic, Physiotherapist, Aesthetician];
    private static readonly Profession[] MedicalDevices = [Physician, Biomedic, Physiotherapist];

    private const string InjectableContra = "Gestação ou amamentação\nDoença autoimune ativa\nInfecção ou inflamação no local\nUso de anticoagulantes\nAlergia a componentes do produto";
    private const string ToxinContra = "Gestação ou amamentação\nMiastenia gravis ou outra doença neuromuscular\nUso de aminoglicosídeos\nInfecção no local da aplicação\nAlergia à albumina humana";
    private const string LaserContra = "Pele bronzeada ou exposição solar nas últimas 4 semanas\nUso de isotretinoína nos últimos 6 meses\nMedicamentos fotossensibilizantes\nHistórico de queloides\nHerpes ativo no local";
    private const string EnergyContra = "Marca-passo ou implante metálico na área\nGestação\nInfecção ou ferida aberta no local\nCâncer ativo";
    private const string CryoContra = "Crioglobulinemia\nUrticária ao frio\nHemoglobinúria paroxística ao frio\nHérnia na área a tratar\nGestação";
    private const string PeelingContra = "Uso de isotretinoína nos últimos 6 meses\nDermatite ou lesão ativa no local\nGestação (ácidos específicos)\nExposição solar intensa prevista";

    private const string InjectablePre = "Evitar anti-inflamatórios, ácido acetilsalicílico e bebida alcoólica 3 dias antes.";
    private const string InjectablePost = "Não massagear nem deitar por 4 horas; evitar exercícios, sol e calor intenso por 24 horas.";
    private const string LaserPre = "Não se expor ao sol por 30 dias; suspender ácidos 5 dias antes; chegar sem maquiagem.";
    private const string LaserPost = "Protetor solar FPS 50 a cada 3 horas; hidratação; não remover crostas.";

    private const string Toxin = "1234500120017";
    private const string HaFiller = "80102510029";

    private sealed record DemoTreatment(
        string Name, TreatmentCategory Category, int Minutes, decimal Price, Profession[] Professions,
        string[]? Equipment = null, ProductType Product = ProductType.None, string? Anvisa = null,
        int? MinAge = 18, int? MaxAge = null, bool Pregnancy = false, bool Breastfeeding = false, string? Contra = null,
        int? Sessions = null, int? Interval = null, string? Pre = null, string? Post = null,
        bool Photo = false, bool Consultation = false, string? Description = null, string? Tuss = null);

    // The first 15 make the small clinic; the large set has all 40.
    private static readonly DemoTreatment[] Menu =
    [
        new("Consulta de avaliação estética", TreatmentCategory.Other, 30, 250m, [Physician, Nurse, Biomedic, Pharmacist, Dentist, Physiotherapist],
            MinAge: null, Photo: true, Tuss: "10101012", Description: "Anamnese, avaliação facial e corporal e plano de tratamento."),
        new("Toxina botulínica – terço superior", TreatmentCategory.Injectable, 30, 1400m, Injectors, Product: ProductType.Medicine, Anvisa: Toxin,
            MaxAge: 80, Pregnancy: true, Breastfeeding: true, Contra: ToxinContra, Sessions: 1, Interval: 120, Pre: InjectablePre,
            Post: "Não deitar nem massagear a região por 4 horas; retorno em 15 dias para avaliação.", Photo: true, Consultation: true,
            Description: "Testa, glabela e pés de galinha."),
        new("Preenchimento labial com ácido hialurônico", TreatmentCategory.Filler, 45, 1800m, Injectors, Product: ProductType.Device, Anvisa: HaFiller,
            Pregnancy: true, Breastfeeding: true, Contra: InjectableContra + "\nHerpes labial ativo", Sessions: 1, Pre: InjectablePre, Post: InjectablePost,
            Photo: true, Consultation: true),
        new("Bioestimulador de colágeno (ácido poli-L-láctico)", TreatmentCategory.Injectable, 45, 2400m, Biostimulators, Product: ProductType.Device, Anvisa: "80555000011",
            MinAge: 25, Pregnancy: true, Breastfeeding: true, Contra: InjectableContra, Sessions: 3, Interval: 30, Pre: InjectablePre,
            Post: "Massagear a região 5 minutos, 5 vezes ao dia, por 5 dias.", Photo: true, Consultation: true),
        new("Peeling químico superficial (ácido glicólico)", TreatmentCategory.Peeling, 40, 350m, [Physician, Biomedic, Pharmacist, Nurse, Physiotherapist, Aesthetician],
            MinAge: 16, Contra: PeelingContra, Sessions: 4, Interval: 15, Pre: "Suspender ácidos e retinoides 5 dias antes.",
            Post: "Protetor solar FPS 50; não arrancar a pele que descamar.", Photo: true),
        new("Limpeza de pele profunda", TreatmentCategory.Facial, 60, 220m, [Aesthetician, Biomedic, Physiotherapist, Nurse, Pharmacist, Physician],
            MinAge: 12, Contra: "Acne inflamatória grau III ou IV\nRosácea ativa\nQueimadura solar recente", Sessions: 1, Interval: 30,
            Post: "Evitar maquiagem por 24 horas e sol por 48 horas."),
        new("Laser CO2 fracionado – rejuvenescimento facial", TreatmentCategory.Laser, 60, 2200m, [Physician], Equipment: [Co2],
            MinAge: 21, Pregnancy: true, Breastfeeding: true, Contra: LaserContra, Sessions: 2, Interval: 60, Pre: LaserPre, Post: LaserPost,
            Photo: true, Consultation: true),
        new("Remoção de tatuagem a laser", TreatmentCategory.Laser, 30, 600m, [Physician, Biomedic], Equipment: [NdYag],
            Pregnancy: true, Contra: LaserContra, Sessions: 8, Interval: 45, Pre: LaserPre, Post: LaserPost, Photo: true),
        new("Depilação a laser – axilas", TreatmentCategory.Laser, 20, 180m, Devices, Equipment: [NdYag],
            MinAge: 16, Pregnancy: true, Contra: LaserContra, Sessions: 8, Interval: 30, Pre: "Raspar a região 24 horas antes; não usar cera nem pinça por 30 dias.",
            Post: LaserPost),
        new("Luz intensa pulsada – manchas e rosácea", TreatmentCategory.Laser, 40, 650m, Devices, Equipment: [Ipl],
            Pregnancy: true, Contra: LaserContra, Sessions: 4, Interval: 30, Pre: LaserPre, Post: LaserPost, Photo: true),
        new("Radiofrequência facial", TreatmentCategory.Facial, 45, 380m, Devices, Equipment: [Rf],
            Pregnancy: true, Contra: EnergyContra, Sessions: 6, Interval: 15, Post: "Hidratar a pele e beber bastante água."),
        new("Criolipólise – abdome", TreatmentCategory.Body, 70, 1200m, Devices, Equipment: [Cryo],
            Pregnancy: true, Breastfeeding: true, Contra: CryoContra, Sessions: 2, Interval: 60,
            Post: "Massagear a região por 5 minutos; drenagem linfática ajuda nas semanas seguintes.", Photo: true, Consultation: true),
        new("Ultrassom microfocado facial", TreatmentCategory.Facial, 90, 3500m, MedicalDevices, Equipment: [Hifu],
            MinAge: 30, Pregnancy: true, Contra: EnergyContra, Sessions: 1, Interval: 365, Photo: true, Consultation: true),
        new("Microagulhamento com drug delivery", TreatmentCategory.Facial, 60, 450m, [Physician, Biomedic, Pharmacist, Nurse, Physiotherapist],
            Pregnancy: true, Breastfeeding: true, Contra: "Acne ativa\nQueloides\nDistúrbios de coagulação\nInfecção no local", Sessions: 4, Interval: 30,
            Pre: "Suspender ácidos 5 dias antes.", Post: "Não usar maquiagem por 24 horas; protetor solar.", Photo: true),
        new("Drenagem linfática manual", TreatmentCategory.Body, 60, 160m, [Physiotherapist, Aesthetician],
            MinAge: null, Contra: "Trombose venosa profunda\nInsuficiência cardíaca descompensada\nInfecção aguda", Sessions: 10, Interval: 3),

        new("Toxina botulínica para bruxismo", TreatmentCategory.Injectable, 30, 1200m, Biostimulators, Product: ProductType.Medicine, Anvisa: Toxin,
            Pregnancy: true, Breastfeeding: true, Contra: ToxinContra, Sessions: 1, Interval: 150, Pre: InjectablePre, Post: InjectablePost, Consultation: true),
        new("Toxina botulínica para hiperidrose axilar", TreatmentCategory.Injectable, 45, 2000m, [Physician, Biomedic, Pharmacist, Nurse], Product: ProductType.Medicine, Anvisa: Toxin,
            Pregnancy: true, Breastfeeding: true, Contra: ToxinContra, Sessions: 1, Interval: 180, Post: "Não usar desodorante por 24 horas.", Consultation: true),
        new("Preenchimento de olheiras", TreatmentCategory.Filler, 45, 1900m, [Physician, Dentist, Biomedic], Product: ProductType.Device, Anvisa: HaFiller,
            MinAge: 21, Pregnancy: true, Breastfeeding: true, Contra: InjectableContra, Sessions: 1, Pre: InjectablePre, Post: InjectablePost, Photo: true, Consultation: true),
        new("Rinomodelação com ácido hialurônico", TreatmentCategory.Filler, 45, 2100m, [Physician, Biomedic, Pharmacist], Product: ProductType.Device, Anvisa: HaFiller,
            MinAge: 21, Pregnancy: true, Breastfeeding: true, Contra: InjectableContra + "\nCirurgia nasal prévia (avaliar)", Sessions: 1, Pre: InjectablePre, Post: InjectablePost,
            Photo: true, Consultation: true),
        new("Preenchimento de mandíbula e mento", TreatmentCategory.Filler, 60, 2800m, Biostimulators, Product: ProductType.Device, Anvisa: "80102510045",
            MinAge: 21, Pregnancy: true, Breastfeeding: true, Contra: InjectableContra, Sessions: 1, Pre: InjectablePre, Post: InjectablePost, Photo: true, Consultation: true),
        new("Skinbooster com ácido hialurônico", TreatmentCategory.Injectable, 45, 1300m, Injectors, Product: ProductType.Device, Anvisa: "80102510037",
            Pregnancy: true, Breastfeeding: true, Contra: InjectableContra, Sessions: 3, Interval: 30, Pre: InjectablePre, Post: InjectablePost, Photo: true),
        new("Bioestimulador com hidroxiapatita de cálcio", TreatmentCategory.Injectable, 45, 2600m, Biostimulators, Product: ProductType.Device, Anvisa: "80117580023",
            MinAge: 25, Pregnancy: true, Breastfeeding: true, Contra: InjectableContra, Sessions: 2, Interval: 90, Pre: InjectablePre, Post: InjectablePost, Photo: true, Consultation: true),
        new("Preenchimento com PMMA (polimetilmetacrilato)", TreatmentCategory.Filler, 60, 3000m, [Physician], Product: ProductType.Device, Anvisa: "80213550007",
            MinAge: 25, Pregnancy: true, Breastfeeding: true, Contra: InjectableContra + "\nPreenchimento prévio na mesma área",
            Sessions: 1, Pre: InjectablePre, Post: InjectablePost, Photo: true, Consultation: true,
            Description: "Preenchedor definitivo: somente médico (vedado a biomédicos)."),
        new("Fios de PDO de sustentação", TreatmentCategory.Injectable, 60, 2900m, [Physician, Dentist, Biomedic], Product: ProductType.Device, Anvisa: "80349990015",
            MinAge: 30, Pregnancy: true, Breastfeeding: true, Contra: InjectableContra, Sessions: 1, Interval: 365, Pre: InjectablePre,
            Post: "Evitar abrir muito a boca e dormir de lado por 7 dias.", Photo: true, Consultation: true),
        new("Enzima para gordura localizada (ácido desoxicólico)", TreatmentCategory.Injectable, 30, 900m, [Physician, Biomedic, Pharmacist], Product: ProductType.Medicine, Anvisa: "1004301620019",
            Pregnancy: true, Breastfeeding: true, Contra: InjectableContra + "\nDisfagia", Sessions: 3, Interval: 45, Post: "Inchaço por até 7 dias é esperado.", Photo: true, Consultation: true),
        new("Intradermoterapia corporal", TreatmentCategory.Injectable, 40, 350m, [Physician, Biomedic, Pharmacist, Nurse],
            Pregnancy: true, Breastfeeding: true, Contra: InjectableContra, Sessions: 8, Interval: 7),
        new("Carboxiterapia", TreatmentCategory.Body, 30, 200m, [Physician, Biomedic, Physiotherapist, Pharmacist, Nurse],
            Pregnancy: true, Contra: "Insuficiência cardíaca ou respiratória\nTrombose\nInfecção no local", Sessions: 10, Interval: 7),
        new("Escleroterapia de microvasos", TreatmentCategory.Injectable, 40, 450m, [Physician], Product: ProductType.Medicine, Anvisa: "1002003400025",
            Pregnancy: true, Breastfeeding: true, Contra: "Trombose venosa profunda\nUso de anticoncepcional (avaliar)\nImobilidade prolongada", Sessions: 4, Interval: 21,
            Post: "Usar meia elástica por 3 dias; evitar sol nas pernas.", Photo: true, Consultation: true),
        new("Peeling de fenol", TreatmentCategory.Peeling, 120, 4500m, [Physician],
            MinAge: 30, Pregnancy: true, Breastfeeding: true, Contra: PeelingContra + "\nCardiopatia, doença renal ou hepática", Sessions: 1,
            Pre: "Exames pré-operatórios e avaliação cardiológica.", Post: "Repouso de 10 dias; acompanhamento diário na primeira semana.", Photo: true, Consultation: true),
        new("Peeling de ácido retinoico", TreatmentCategory.Peeling, 30, 280m, [Physician, Biomedic, Pharmacist, Nurse],
            MinAge: 16, Pregnancy: true, Breastfeeding: true, Contra: PeelingContra, Sessions: 4, Interval: 15, Post: "Lavar o rosto após 6 horas; protetor solar."),
        new("Laser CO2 para cicatrizes de acne", TreatmentCategory.Laser, 60, 2400m, [Physician], Equipment: [Co2],
            MinAge: 18, Pregnancy: true, Breastfeeding: true, Contra: LaserContra, Sessions: 3, Interval: 60, Pre: LaserPre, Post: LaserPost, Photo: true, Consultation: true),
        new("Laser Nd:YAG para melasma (laser toning)", TreatmentCategory.Laser, 30, 700m, [Physician, Biomedic], Equipment: [NdYag],
            Pregnancy: true, Contra: LaserContra, Sessions: 6, Interval: 15, Pre: LaserPre, Post: LaserPost, Photo: true),
        new("Depilação a laser – pernas inteiras", TreatmentCategory.Laser, 60, 590m, Devices, Equipment: [NdYag],
            MinAge: 16, Pregnancy: true, Contra: LaserContra, Sessions: 8, Interval: 30, Pre: "Raspar a região 24 horas antes.", Post: LaserPost),
        new("Fotorrejuvenescimento com luz intensa pulsada", TreatmentCategory.Laser, 40, 700m, Devices, Equipment: [Ipl],
            MinAge: 25, Pregnancy: true, Contra: LaserContra, Sessions: 3, Interval: 30, Pre: LaserPre, Post: LaserPost, Photo: true),
        new("Radiofrequência corporal para flacidez", TreatmentCategory.Body, 50, 420m, Devices, Equipment: [Rf],
            Pregnancy: true, Contra: EnergyContra, Sessions: 8, Interval: 7),
        new("Radiofrequência microagulhada", TreatmentCategory.Facial, 60, 1800m, MedicalDevices, Equipment: [Rf],
            MinAge: 21, Pregnancy: true, Breastfeeding: true, Contra: EnergyContra + "\nQueloides", Sessions: 3, Interval: 30, Post: LaserPost, Photo: true, Consultation: true),
        new("Criolipólise de papada", TreatmentCategory.Body, 45, 900m, Devices, Equipment: [Cryo],
            Pregnancy: true, Breastfeeding: true, Contra: CryoContra, Sessions: 2, Interval: 60, Photo: true, Consultation: true),
        new("Ultrassom microfocado corporal", TreatmentCategory.Body, 90, 2800m, MedicalDevices, Equipment: [Hifu],
            MinAge: 30, Pregnancy: true, Contra: EnergyContra, Sessions: 1, Interval: 365, Photo: true, Consultation: true),
        new("Microdermoabrasão com ponteira de diamante", TreatmentCategory.Facial, 45, 200m, [Aesthetician, Biomedic, Physiotherapist, Physician],
            MinAge: 14, Contra: "Acne inflamatória\nRosácea\nPele sensibilizada ou queimada", Sessions: 6, Interval: 15, Post: "Protetor solar; evitar ácidos por 3 dias."),
        new("Massagem modeladora", TreatmentCategory.Body, 50, 150m, [Aesthetician, Physiotherapist],
            Contra: "Gestação no primeiro trimestre\nTrombose\nInflamação ou ferida no local", Sessions: 10, Interval: 3),
    ];

    public async Task SeedAsync(DemoSize size, DemoSeedReport report, CancellationToken ct)
    {
        var equipment = await db.Equipment.ToDictionaryAsync(e => e.Name, ct);
        var newEquipment = 0;
        foreach (var name in EquipmentNames.Where(n => !equipment.ContainsKey(n)))
        {
            var item = new Equipment { Name = name };
            db.Equipment.Add(item);
            equipment[name] = item;
            newEquipment++;
        }

        var roomNames = (await db.Rooms.Select(r => r.Name).ToListAsync(ct)).ToHashSet();
        var newRooms = 0;
        foreach (var (name, description, needs) in DemoRooms.Where(r => !roomNames.Contains(r.Name)))
        {
            db.Rooms.Add(new Room { Name = name, Description = description, Equipment = needs.Select(n => equipment[n]).ToList() });
            newRooms++;
        }

        var treatmentNames = (await db.Treatments.Select(t => t.Name).ToListAsync(ct)).ToHashSet();
        var newTreatments = 0;
        foreach (var d in Menu.Take(size == DemoSize.Large ? 40 : 15).Where(d => !treatmentNames.Contains(d.Name)))
        {
            db.Treatments.Add(new Treatment
            {
                Name = d.Name, Category = d.Category, Description = d.Description, DurationMinutes = d.Minutes, Price = d.Price,
                TussCode = d.Tuss, ProductType = d.Product, AnvisaRegistration = d.Anvisa, AllowedProfessions = [.. d.Professions],
                MinimumAge = d.MinAge, MaximumAge = d.MaxAge, ContraindicatedInPregnancy = d.Pregnancy, ContraindicatedInBreastfeeding = d.Breastfeeding,
                Contraindications = d.Contra, RecommendedSessions = d.Sessions, SessionIntervalDays = d.Interval, PreCare = d.Pre, PostCare = d.Post,
                PhotoRequired = d.Photo, PriorConsultationRequired = d.Consultation,
                RequiredEquipment = (d.Equipment ?? []).Select(n => equipment[n]).ToList(),
            });
            newTreatments++;
        }

        // This year and next; the large set's appointments span about five years, so its holidays do too.
        var year = clock.Now.Year;
        var (firstYear, lastYear) = size == DemoSize.Large ? (year - 3, year + 3) : (year, year + 1);
        var holidays = 0;
        for (var y = firstYear; y <= lastYear; y++) holidays += await NationalHolidays.AddMissingAsync(db, y, ct);

        if (newEquipment + newRooms + newTreatments + holidays == 0) return;
        await db.SaveChangesAsync(ct);
        report.Add($"catalog: {newEquipment} equipment, {newRooms} rooms, {newTreatments} treatments, {holidays} national holidays of {firstYear} to {lastYear} added");
    }
}
