using System.Diagnostics;
using Bogus;
using Microsoft.EntityFrameworkCore;
using NeonPro.Web.Data;
using NeonPro.Web.Domain.Patients;
using NeonPro.Web.Infrastructure.Cli;
using NeonPro.Web.Infrastructure.Time;

namespace NeonPro.Web.Features.Patients;

/// <summary>
/// Demo patients: valid and distinct CPFs, pt-BR names (some with a social name), addresses in real cities with
/// their UF, CEP range and DDD, mobiles on valid DDDs, minors with their guardians, and health profiles.
/// Small: 300. Large (the benchmark set): 100,000, written in batches through the unaudited bulk context (demo rows
/// are nobody's activity at the clinic; auditing them would only bury the real trail and triple the time).
/// The sequence is deterministic and a patient whose CPF is already on file is skipped, so running it twice adds
/// nothing and the large set extends the small one. Runs after the clinic and before scheduling (Order 30).
/// </summary>
public sealed class PatientsDemoSeeder(NeonProDbContext db, ClinicClock clock, IServiceProvider services) : IDemoSeeder
{
    public int Order => 30;
    public const int SmallCount = 300;
    public const int LargeCount = 100_000;
    private const int BatchSize = 2_000;

    public async Task SeedAsync(DemoSize size, DemoSeedReport report, CancellationToken ct)
    {
        var target = size == DemoSize.Large ? LargeCount : SmallCount;
        var onFile = (await db.Patients.AsNoTracking().Where(p => p.Cpf != null).Select(p => p.Cpf!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        var watch = Stopwatch.StartNew();
        var generator = new DemoPatientGenerator(DateOnly.FromDateTime(clock.Now), clock.UtcNow);
        await using var bulk = DemoDatabase.CreateUnaudited(services);
        var batch = new List<Patient>(BatchSize);
        var added = 0;
        for (var i = 0; i < target; i++)
        {
            var patient = generator.Next();
            if (!onFile.Add(patient.Cpf!)) continue;
            batch.Add(patient);
            added++;
            if (batch.Count == BatchSize)
            {
                await FlushAsync(bulk, batch, ct);
                if (size == DemoSize.Large) Console.Error.WriteLine($"seed-demo: {added:N0} patients ({watch.Elapsed.TotalSeconds:F0} s)");
            }
        }
        await FlushAsync(bulk, batch, ct);
        report.Add(added == 0
            ? $"patients: nothing to add ({target:N0} demo patients already on file)"
            : $"patients: {added:N0} added in {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>One transaction per batch; the tracker is emptied after each so memory stays flat over 100,000 patients.</summary>
    private static async Task FlushAsync(NeonProDbContext bulk, List<Patient> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        await using var tx = await bulk.Database.BeginTransactionAsync(ct);
        bulk.Patients.AddRange(batch);
        await bulk.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        bulk.ChangeTracker.Clear();
        batch.Clear();
    }
}

/// <summary>Deterministic demo patients: the i-th patient is the same on every run.</summary>
public sealed class DemoPatientGenerator(DateOnly today, DateTime nowUtc)
{
    private readonly Random _random = new(30_2026);
    private readonly Faker _faker = new("pt_BR") { Random = new Randomizer(30_2026) };
    private readonly HashSet<string> _cpfs = new(StringComparer.Ordinal);
    private int _sequence;

    /// <summary>City, UF, DDD and the first and last 5-digit CEP prefix of the city; weights lean on the clinic's São Paulo.</summary>
    private static readonly (string City, string Uf, int Ddd, int CepFrom, int CepTo, int Weight)[] Cities =
    [
        ("São Paulo", "SP", 11, 1000, 5999, 40), ("Guarulhos", "SP", 11, 7000, 7399, 4), ("Santo André", "SP", 11, 9000, 9299, 3),
        ("Osasco", "SP", 11, 6000, 6299, 3), ("Campinas", "SP", 19, 13000, 13139, 4), ("Santos", "SP", 13, 11000, 11099, 3),
        ("Ribeirão Preto", "SP", 16, 14000, 14114, 2), ("Sorocaba", "SP", 15, 18000, 18109, 2), ("São José dos Campos", "SP", 12, 12200, 12248, 2),
        ("Rio de Janeiro", "RJ", 21, 20000, 23799, 8), ("Niterói", "RJ", 21, 24000, 24399, 2), ("Belo Horizonte", "MG", 31, 30000, 31999, 4),
        ("Uberlândia", "MG", 34, 38400, 38415, 1), ("Juiz de Fora", "MG", 32, 36000, 36099, 1), ("Curitiba", "PR", 41, 80000, 82999, 3),
        ("Londrina", "PR", 43, 86000, 86099, 1), ("Porto Alegre", "RS", 51, 90000, 91999, 2), ("Caxias do Sul", "RS", 54, 95000, 95124, 1),
        ("Florianópolis", "SC", 48, 88000, 88099, 1), ("Joinville", "SC", 47, 89200, 89239, 1), ("Salvador", "BA", 71, 40000, 42599, 2),
        ("Recife", "PE", 81, 50000, 52999, 2), ("Fortaleza", "CE", 85, 60000, 61599, 2), ("Brasília", "DF", 61, 70000, 72799, 2),
        ("Goiânia", "GO", 62, 74000, 74899, 1), ("Manaus", "AM", 92, 69000, 69099, 1), ("Belém", "PA", 91, 66000, 66999, 1),
        ("Vitória", "ES", 27, 29000, 29099, 1), ("Natal", "RN", 84, 59000, 59099, 1), ("João Pessoa", "PB", 83, 58000, 58099, 1),
        ("Maceió", "AL", 82, 57000, 57099, 1), ("Aracaju", "SE", 79, 49000, 49099, 1), ("São Luís", "MA", 98, 65000, 65099, 1),
        ("Teresina", "PI", 86, 64000, 64099, 1), ("Campo Grande", "MS", 67, 79000, 79124, 1), ("Cuiabá", "MT", 65, 78000, 78099, 1),
    ];
    private static readonly int TotalWeight = Cities.Sum(c => c.Weight);

    private static readonly string[] Surnames =
    [
        "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro",
        "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa", "Rocha", "Dias", "Nascimento",
        "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas", "Cardoso", "Ramos", "Gonçalves", "Santana",
        "Teixeira", "Araújo", "Pinto", "Correia", "Cavalcanti", "Monteiro", "Moura", "Campos", "Batista", "Barros", "Azevedo",
        "Castro", "Melo", "Borges", "Pires", "Siqueira", "Fonseca", "Brandão", "Figueiredo", "Queiroz", "Tavares", "Xavier",
        "Magalhães", "Nogueira", "Peixoto", "Sampaio", "Assunção", "Conceição", "Guimarães", "Leão", "Falcão", "Simões",
    ];
    private static readonly string[] Particles = ["da", "de", "dos", "das", "do"];
    private static readonly string[] StreetKinds = ["Rua", "Rua", "Rua", "Avenida", "Avenida", "Travessa", "Alameda"];
    private static readonly string[] StreetNames =
    [
        "Sete de Setembro", "XV de Novembro", "Tiradentes", "Dom Pedro II", "das Palmeiras", "das Acácias", "Santos Dumont",
        "Rui Barbosa", "Getúlio Vargas", "Marechal Deodoro", "José Bonifácio", "Barão do Rio Branco", "São João", "Brasil",
        "da Independência", "das Flores", "dos Andradas", "Castro Alves", "Monteiro Lobato", "Machado de Assis", "Cecília Meireles",
        "Olavo Bilac", "Anita Garibaldi", "Princesa Isabel", "Visconde de Mauá", "Oscar Freire", "Augusta", "Bela Cintra",
        "Haddock Lobo", "da Consolação", "Vergueiro", "Domingos de Morais", "Professor Alfredo Gomes", "Padre Anchieta", "Amazonas",
    ];
    private static readonly string[] Districts =
    [
        "Centro", "Jardim América", "Vila Mariana", "Moema", "Pinheiros", "Boa Vista", "Santa Cecília", "Bela Vista",
        "Jardim Paulista", "Vila Nova", "São José", "Santo Antônio", "Liberdade", "Cidade Nova", "Jardim das Flores", "Vila Madalena",
    ];
    private static readonly string[] Occupations =
    [
        "Advogada", "Advogado", "Professora", "Professor", "Engenheira", "Engenheiro", "Enfermeira", "Administradora", "Administrador",
        "Arquiteta", "Contadora", "Contador", "Empresária", "Empresário", "Jornalista", "Designer", "Analista de sistemas",
        "Farmacêutica", "Publicitária", "Psicóloga", "Estudante", "Aposentada", "Aposentado", "Comerciante", "Servidora pública",
        "Servidor público", "Vendedora", "Cabeleireira", "Nutricionista", "Fisioterapeuta", "Dentista", "Médica", "Corretora de imóveis",
    ];
    private static readonly string[] Allergies = ["Dipirona", "Penicilina", "Látex", "Lidocaína", "Frutos do mar", "Ácido acetilsalicílico", "Iodo", "Sulfa"];
    private static readonly string[] Medications =
        ["Anticoncepcional oral", "Levotiroxina 50 mcg", "Losartana 50 mg", "Metformina 850 mg", "Sertralina 50 mg", "Isotretinoína", "Omeprazol 20 mg", "Vitamina D"];
    private static readonly string[] Conditions = ["Hipertensão", "Diabetes tipo 2", "Hipotireoidismo", "Asma", "Rosácea", "Enxaqueca", "Melasma", "Acne"];
    private static readonly string[] Procedures =
    [
        "Toxina botulínica na testa e glabela", "Preenchimento labial com ácido hialurônico", "Peeling químico", "Laser fracionado",
        "Bioestimulador de colágeno", "Microagulhamento", "Limpeza de pele", "Criolipólise no abdome",
    ];
    private static readonly string[] Contraindications =
        ["Uso de anticoagulante", "Doença autoimune em atividade", "Tendência a queloide", "Herpes labial recorrente", "Marcapasso"];
    private static readonly string[] Goals =
    [
        "Suavizar linhas de expressão", "Clarear manchas", "Melhorar a textura da pele", "Contorno facial", "Tratar acne",
        "Reduzir gordura localizada", "Rejuvenescimento facial", "Hidratação dos lábios", "Firmeza da pele do pescoço",
    ];

    public Patient Next()
    {
        var n = ++_sequence;
        var female = _random.NextDouble() < 0.72; // aesthetic clinics see mostly women
        var sex = female ? Sex.Female : Sex.Male;
        var surnames = PickSurnames();
        var fullName = $"{FirstName(female)} {surnames}";
        string? socialName = null;
        if (_random.NextDouble() < 0.02)
        {
            // A trans patient: the social name is the name the clinic uses everywhere.
            socialName = $"{FirstName(!female)} {surnames.Split(' ')[^1]}";
            sex = _random.NextDouble() < 0.5 ? Sex.NotInformed : (female ? Sex.Male : Sex.Female);
        }

        var minor = _random.NextDouble() < 0.05;
        var age = minor ? _random.Next(12, 18) : WeightedAdultAge();
        var birth = today.AddYears(-age).AddDays(-_random.Next(0, 365));
        if (minor && birth.AddYears(18) <= today) birth = birth.AddDays(30);

        var city = PickCity();
        var createdAtUtc = nowUtc.AddMinutes(-_random.Next(0, 5 * 365 * 24 * 60));
        var p = new Patient
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(createdAtUtc, TimeSpan.Zero)),
            FullName = fullName,
            SocialName = socialName,
            BirthDate = birth,
            Sex = sex,
            Cpf = NewDistinctCpf(),
            Rg = _random.NextDouble() < 0.7 ? Digits(9) : null,
            MobilePhone = $"+55{city.Ddd}9{_random.Next(6, 10)}{Digits(7)}",
            OtherPhone = _random.NextDouble() < 0.15 ? $"+55{city.Ddd}{_random.Next(2, 6)}{Digits(7)}" : null,
            Email = _random.NextDouble() < 0.85 ? $"{Slug(fullName)}.{n}@demo.neonpro.local" : null,
            PreferredChannel = _random.NextDouble() switch { < 0.82 => ContactChannel.WhatsApp, < 0.9 => ContactChannel.Email, < 0.95 => ContactChannel.Sms, _ => ContactChannel.Phone },
            PostalCode = $"{_random.Next(city.CepFrom, city.CepTo + 1):00000}{_random.Next(0, 1000):000}",
            Street = $"{StreetKinds[_random.Next(StreetKinds.Length)]} {StreetNames[_random.Next(StreetNames.Length)]}",
            Number = _random.Next(1, 4000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Complement = _random.NextDouble() < 0.35 ? $"Apto {_random.Next(1, 30)}{_random.Next(1, 5)}" : null,
            District = Districts[_random.Next(Districts.Length)],
            City = city.City,
            State = city.Uf,
            Occupation = minor ? "Estudante" : Occupations[_random.Next(Occupations.Length)],
            CreatedAtUtc = createdAtUtc,
        };
        if (p.Rg is not null) p.RgIssuer = $"SSP/{city.Uf}";
        if (p.PreferredChannel == ContactChannel.Email && p.Email is null) p.PreferredChannel = ContactChannel.WhatsApp;
        if (_random.NextDouble() < 0.3) p.Cns = NewCns();
        if (_random.NextDouble() < 0.6)
        {
            p.EmergencyContactName = $"{FirstName(_random.NextDouble() < 0.5)} {surnames.Split(' ')[^1]}";
            p.EmergencyContactRelationship = _random.NextDouble() switch { < 0.4 => "Cônjuge", < 0.7 => "Mãe", < 0.85 => "Irmã", _ => "Filho" };
            p.EmergencyContactPhone = $"+55{city.Ddd}9{_random.Next(6, 10)}{Digits(7)}";
        }
        if (minor)
        {
            var mother = _random.NextDouble() < 0.7;
            p.GuardianName = $"{FirstName(mother)} {surnames}";
            p.GuardianRelationship = mother ? "Mãe" : "Pai";
            p.GuardianCpf = NewCpf();
            p.GuardianPhone = $"+55{city.Ddd}9{_random.Next(6, 10)}{Digits(7)}";
        }
        p.HealthProfile = NewHealthProfile(p, female, age);
        PatientSearchColumns.Refresh(p);
        return p;
    }

    private string FirstName(bool female) =>
        _faker.Name.FirstName(female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male);

    private string PickSurnames()
    {
        string One() => Surnames[_random.Next(Surnames.Length)];
        var last = One();
        var r = _random.NextDouble();
        if (r < 0.25) return $"{Particles[_random.Next(Particles.Length)]} {last}";
        if (r < 0.85)
        {
            var middle = One();
            while (middle == last) middle = One();
            return _random.NextDouble() < 0.2 ? $"{middle} {Particles[_random.Next(Particles.Length)]} {last}" : $"{middle} {last}";
        }
        return last;
    }

    private int WeightedAdultAge() => _random.NextDouble() switch
    {
        < 0.15 => _random.Next(18, 26),
        < 0.55 => _random.Next(26, 41),
        < 0.85 => _random.Next(41, 56),
        _ => _random.Next(56, 81),
    };

    private (string City, string Uf, int Ddd, int CepFrom, int CepTo, int Weight) PickCity()
    {
        var pick = _random.Next(TotalWeight);
        foreach (var c in Cities)
        {
            if (pick < c.Weight) return c;
            pick -= c.Weight;
        }
        return Cities[0];
    }

    private HealthProfile NewHealthProfile(Patient p, bool female, int age)
    {
        DateTime Confirmed() => nowUtc.AddDays(-_random.Next(0, 400));
        T? Sometimes<T>(double chance, T[] items) where T : class => _random.NextDouble() < chance ? items[_random.Next(items.Length)] : null;
        var h = new HealthProfile { PatientId = p.Id };
        var allergy = Sometimes(0.18, Allergies);
        if (allergy is not null) h.Allergies = allergy;
        else h.NoKnownAllergies = _random.NextDouble() < 0.85;
        if (h.Allergies is not null || h.NoKnownAllergies) h.AllergiesConfirmedAtUtc = Confirmed();
        h.CurrentMedications = Sometimes(0.3, Medications);
        h.MedicationsConfirmedAtUtc = Confirmed();
        h.MedicalConditions = Sometimes(0.2, Conditions);
        h.ConditionsConfirmedAtUtc = Confirmed();
        h.PreviousAestheticProcedures = Sometimes(0.4, Procedures);
        h.PreviousProceduresConfirmedAtUtc = Confirmed();
        h.Contraindications = Sometimes(0.05, Contraindications);
        h.ContraindicationsConfirmedAtUtc = Confirmed();
        if (female && age is >= 18 and <= 45)
        {
            h.Pregnant = _random.NextDouble() < 0.02;
            h.Breastfeeding = !h.Pregnant && _random.NextDouble() < 0.03;
        }
        h.PregnancyStatedOn = DateOnly.FromDateTime(Confirmed());
        h.FitzpatrickType = _random.NextDouble() switch { < 0.08 => 1, < 0.3 => 2, < 0.6 => 3, < 0.82 => 4, < 0.94 => 5, _ => 6 };
        h.FitzpatrickConfirmedAtUtc = Confirmed();
        h.AestheticGoals = Sometimes(0.8, Goals);
        h.GoalsConfirmedAtUtc = Confirmed();
        return h;
    }

    private string NewDistinctCpf()
    {
        string cpf;
        do cpf = NewCpf(); while (!_cpfs.Add(cpf));
        return cpf;
    }

    /// <summary>Nine random digits (not all equal) and the two check digits of the CPF rule.</summary>
    public string NewCpf() => DemoIdentifiers.Cpf(_random);

    private string NewCns() => DemoIdentifiers.DefinitiveCns(_random);

    private string Digits(int count)
    {
        Span<char> d = stackalloc char[count];
        for (var i = 0; i < count; i++) d[i] = (char)('0' + _random.Next(10));
        return new string(d);
    }

    private static string Slug(string name) =>
        string.Join('.', SearchText.Tokens(name).Where(t => t.Length > 2).Take(2).DefaultIfEmpty("paciente"));
}

/// <summary>Valid identifiers made up for demo data and tests (never a real person's on purpose: they are random).</summary>
public static class DemoIdentifiers
{
    public static string Cpf(Random random)
    {
        Span<int> d = stackalloc int[11];
        do
        {
            for (var i = 0; i < 9; i++) d[i] = random.Next(10);
        } while (d[..9].IndexOfAnyExcept(d[0]) < 0);
        d[9] = CheckDigit(d[..9], 10);
        d[10] = CheckDigit(d[..10], 11);
        Span<char> c = stackalloc char[11];
        for (var i = 0; i < 11; i++) c[i] = (char)('0' + d[i]);
        return new string(c);
    }

    /// <summary>A definitive CNS (starts with 1 or 2): 11 digits, then 000 or 001, then the check digit.</summary>
    public static string DefinitiveCns(Random random)
    {
        Span<int> pis = stackalloc int[11];
        pis[0] = random.Next(1, 3);
        for (var i = 1; i < 11; i++) pis[i] = random.Next(10);
        var sum = 0;
        for (var i = 0; i < 11; i++) sum += pis[i] * (15 - i);
        var dv = 11 - sum % 11;
        if (dv == 11) dv = 0;
        var middle = "000";
        if (dv == 10)
        {
            sum += 2;
            dv = 11 - sum % 11;
            middle = "001";
        }
        var sb = new System.Text.StringBuilder(15);
        foreach (var x in pis) sb.Append((char)('0' + x));
        return sb.Append(middle).Append((char)('0' + dv)).ToString();
    }

    private static int CheckDigit(ReadOnlySpan<int> digits, int firstWeight)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++) sum += digits[i] * (firstWeight - i);
        var r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }
}
