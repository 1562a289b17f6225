using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NeonPro.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NeonPro.E2E;

/// <summary>
/// On the demo clinic: the receptionist books from an empty slot of the grid, is refused an overlapping booking with a
/// readable reason, drags the appointment to another slot and checks the patient in; the professional, signed in as
/// themself, starts and completes it from "Minha agenda". Screenshots of the grid in day and week view.
/// </summary>
public sealed class SchedulingFlowTests(AppServer app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly TimeZoneInfo Clinic = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    private const string Treatment = "Consulta de avaliação estética"; // 30 minutes, any age, no equipment
    private const string Room = "Consultório 1";

    private static ILocator Grid(IPage page) => page.Locator("#schedule-grid");
    private static ILocator Dialog(IPage page) => page.GetByRole(AriaRole.Dialog);

    /// <summary>
    /// The day column of one professional: a row of the ARIA grid named after them (the grid's rows are the columns on
    /// screen, its cells their free times and appointments).
    /// </summary>
    private static ILocator Column(IPage page, string professional) =>
        Grid(page).GetByRole(AriaRole.Row, new() { Name = professional, Exact = true });

    private static ILocator FreeSlot(IPage page, string professional, string time) =>
        Column(page, professional).GetByRole(AriaRole.Gridcell, new() { Name = $"Horário livre {time} · {professional}", Exact = true });

    /// <summary>Appointment blocks in a column; a block reads "HH:mm Patient · treatment · room · status".</summary>
    private static ILocator Blocks(IPage page, string professional) =>
        Column(page, professional).Locator(".appt");

    private static ILocator Block(IPage page, string professional, string time, string patient) =>
        Column(page, professional).GetByRole(AriaRole.Gridcell).Filter(new() { HasText = $"{time} {patient}" });

    /// <summary>
    /// A weekday past the demo's seeded appointments (they end 30 days from today), so the day is free for whoever the
    /// test picks, in the clinic's zone. Holidays the demo catalog marks closed are skipped by the caller.
    /// </summary>
    private static DateOnly FirstWeekdayFrom(DateOnly day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return day;
    }

    /// <summary>Types in the booking form's patient search and picks the n-th person found; returns their name as shown.</summary>
    private static async Task<string> ChoosePatientAsync(IPage page, string typed, int nth)
    {
        var search = Dialog(page).GetByLabel("Paciente", new() { Exact = true });
        await search.FillAsync(typed);
        var found = Dialog(page).GetByRole(AriaRole.Listbox, new() { Name = "Pacientes encontrados" }).GetByRole(AriaRole.Option);
        await Expect(found.Nth(nth)).ToBeVisibleAsync();
        var name = (await found.Nth(nth).Locator("strong").TextContentAsync())!.Trim();
        await found.Nth(nth).ClickAsync();
        // The form comes back with the patient chosen in place of the search box.
        await Expect(Dialog(page).Locator("#patient-chosen")).ToHaveTextAsync(name);
        return name;
    }

    private static async Task ChooseTreatmentAndRoomAsync(IPage page)
    {
        await Dialog(page).GetByLabel("Tratamento", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Treatment });
        // Choosing the treatment reloads the form with its default duration.
        await Expect(Dialog(page).GetByLabel("Duração (min)", new() { Exact = true })).ToHaveValueAsync("30");
        await Dialog(page).GetByLabel("Sala", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Room });
    }

    [Fact]
    public async Task Receptionist_books_is_refused_an_overlap_moves_and_checks_in_then_the_professional_completes() => await ScenarioAsync(async () =>
    {
        var demo = await App.DemoClinicAsync();
        var professional = demo.LinkedProfessionalName;
        var page = await SignedInAsync(DemoClinic.ReceptionistEmail, demo.PasswordOf(DemoClinic.ReceptionistEmail));

        // The grid, on a future weekday, for the professional linked to the demo professional account.
        await Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Agenda", Exact = true }).ClickAsync();
        await Expect(Grid(page)).ToBeVisibleAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Clinic));
        await Grid(page).GetByLabel("Profissional", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = professional });
        await Expect(page).ToHaveURLAsync(new Regex("professional=[0-9a-f]"));
        var day = FirstWeekdayFrom(today.AddDays(35));
        for (var attempt = 0; ; attempt++)
        {
            // The grid was just swapped by htmx: let the swap settle so the date goes into the new picker.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Grid(page).GetByLabel("Data", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await Expect(page).ToHaveURLAsync(new Regex($"date={day:yyyy-MM-dd}"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            // A national holiday is drawn closed, with no free slot: take the next weekday.
            if (await FreeSlot(page, professional, "10:00").CountAsync() == 1) break;
            Assert.True(attempt < 5, $"no free 10:00 slot for {professional} on the weekdays after {today.AddDays(35):dd/MM/yyyy}");
            day = FirstWeekdayFrom(day.AddDays(1));
        }
        await Expect(Blocks(page, professional)).ToHaveCountAsync(0);

        // Book from the empty 10:00 slot.
        await FreeSlot(page, professional, "10:00").ClickAsync();
        await Expect(Dialog(page)).ToBeVisibleAsync();
        await Expect(Dialog(page).GetByRole(AriaRole.Heading, new() { Name = "Novo agendamento" })).ToBeVisibleAsync();
        await Expect(Dialog(page).GetByLabel("Horário", new() { Exact = true })).ToHaveValueAsync("10:00");
        await Expect(Dialog(page).GetByLabel("Profissional", new() { Exact = true }).Locator("option:checked")).ToHaveTextAsync(professional);
        var patient = await ChoosePatientAsync(page, "silva", 0);
        await ChooseTreatmentAndRoomAsync(page);
        await AppServer.ScreenshotAsync(page, "scheduling-1-booking-modal");
        await Dialog(page).GetByRole(AriaRole.Button, new() { Name = "Agendar", Exact = true }).ClickAsync();
        // Warnings (no consent on file, allergies not confirmed this year) do not block, but must be acknowledged.
        var acknowledge = Dialog(page).GetByLabel("Estou ciente dos avisos acima", new() { Exact = true });
        var booked = Block(page, professional, "10:00", patient);
        await Expect(acknowledge.Or(booked)).ToBeVisibleAsync();
        if (await acknowledge.IsVisibleAsync())
        {
            await AppServer.ScreenshotAsync(page, "scheduling-2-booking-warnings");
            await acknowledge.CheckAsync();
            await Dialog(page).GetByRole(AriaRole.Button, new() { Name = "Agendar", Exact = true }).ClickAsync();
        }
        await Expect(Dialog(page)).ToBeHiddenAsync();
        await Expect(booked).ToBeVisibleAsync();
        await Expect(booked).ToContainTextAsync(Treatment);
        await Expect(booked).ToContainTextAsync("Agendado");
        await Expect(Blocks(page, professional)).ToHaveCountAsync(1);
        await AppServer.ScreenshotAsync(page, "scheduling-3-day-view");

        // Another patient at 09:45 for 30 minutes runs into the 10:00 booking: refused, with the reason, nothing added.
        await FreeSlot(page, professional, "09:45").ClickAsync();
        await Expect(Dialog(page).GetByRole(AriaRole.Heading, new() { Name = "Novo agendamento" })).ToBeVisibleAsync();
        await ChoosePatientAsync(page, "silva", 1);
        await ChooseTreatmentAndRoomAsync(page);
        await Dialog(page).GetByRole(AriaRole.Button, new() { Name = "Agendar", Exact = true }).ClickAsync();
        await Expect(Dialog(page).GetByRole(AriaRole.Alert)).ToContainTextAsync($"{professional} já tem um agendamento das 10:00–10:30.");
        await AppServer.ScreenshotAsync(page, "scheduling-4-overlap-refused");
        await Dialog(page).GetByRole(AriaRole.Button, new() { Name = "Cancelar", Exact = true }).ClickAsync();
        await Expect(Dialog(page)).ToBeHiddenAsync();
        await page.ReloadAsync();
        await Expect(Blocks(page, professional)).ToHaveCountAsync(1);
        await Expect(booked).ToBeVisibleAsync();

        // Drag the booking to the free 14:00 slot: it is there after the grid reloads, and gone from 10:00.
        await booked.DragToAsync(FreeSlot(page, professional, "14:00"));
        var moved = Block(page, professional, "14:00", patient);
        await Expect(moved).ToBeVisibleAsync();
        await Expect(booked).ToHaveCountAsync(0);
        await Expect(FreeSlot(page, professional, "10:00")).ToBeVisibleAsync();
        await Expect(Blocks(page, professional)).ToHaveCountAsync(1);
        await page.ReloadAsync();
        await Expect(moved).ToBeVisibleAsync();

        // The patient arrives: check in from the appointment's panel.
        await moved.ClickAsync();
        await Expect(Dialog(page)).ToBeVisibleAsync();
        await Expect(Dialog(page).GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync($"{patient} · {day:dd/MM/yyyy} 14:00–14:30");
        await Dialog(page).GetByRole(AriaRole.Button, new() { Name = "Registrar chegada", Exact = true }).ClickAsync();
        await Expect(Dialog(page).Locator("#panel-status")).ToContainTextAsync("Chegou");
        await Expect(Dialog(page).Locator("#panel-history")).ToContainTextAsync("Agendado → Chegou");
        await Dialog(page).GetByRole(AriaRole.Button, new() { Name = "Fechar", Exact = true }).ClickAsync();
        await Expect(Dialog(page)).ToBeHiddenAsync();
        await Expect(moved).ToContainTextAsync("Chegou");

        // The week around that day.
        await Grid(page).GetByRole(AriaRole.Link, new() { Name = "Semana", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("view=week"));
        await Expect(Grid(page).Locator("table.sched-week")).ToBeVisibleAsync();
        await Expect(Grid(page).GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^14:00 {Regex.Escape(patient)} .*Chegou$") })).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, "scheduling-5-week-view");

        // The whole demo clinic: this week for every professional, then the next working day by the hour.
        await Grid(page).GetByLabel("Profissional", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Todos os profissionais" });
        await Expect(page).Not.ToHaveURLAsync(new Regex("professional=[0-9a-f]"));
        await Grid(page).GetByRole(AriaRole.Link, new() { Name = "Hoje", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"(?=.*date={today:yyyy-MM-dd})(?=.*view=week)"));
        // Other tests may have added professionals of their own; the demo's are there with their bookings.
        await Expect(Grid(page).GetByRole(AriaRole.Row).Filter(new() { HasText = professional })).ToHaveCountAsync(1);
        await Expect(Grid(page).Locator(".chip").First).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, "scheduling-6-week-view-whole-clinic");
        await Grid(page).GetByRole(AriaRole.Link, new() { Name = "Dia", Exact = true }).ClickAsync();
        // The date picker sends the view the grid is in: wait for the day grid before picking.
        await Expect(Grid(page).Locator("table.sched-week")).ToHaveCountAsync(0);
        var nextWorkingDay = FirstWeekdayFrom(today.AddDays(1));
        await Grid(page).GetByLabel("Data", new() { Exact = true }).FillAsync(nextWorkingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Expect(page).ToHaveURLAsync(new Regex($"(?=.*date={nextWorkingDay:yyyy-MM-dd})(?=.*view=day)"));
        await Expect(Column(page, professional)).ToBeVisibleAsync();
        await Expect(Grid(page).Locator(".appt").First).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, "scheduling-7-day-view-whole-clinic");

        // The professional, signed in as themself, sees it in their agenda for that day, starts and completes it.
        var pro = await SignedInAsync(DemoClinic.ProfessionalEmail, demo.PasswordOf(DemoClinic.ProfessionalEmail));
        await Navigation(pro).GetByRole(AriaRole.Link, new() { Name = "Minha agenda", Exact = true }).ClickAsync();
        await Expect(pro.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Minha agenda");
        await pro.GotoAsync($"/Scheduling/MyAgenda?date={day:yyyy-MM-dd}");
        var item = pro.GetByRole(AriaRole.List, new() { Name = "Atendimentos do dia" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = patient });
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item).ToContainTextAsync("14:00–14:30");
        await Expect(item).ToContainTextAsync("Chegou");
        await item.GetByRole(AriaRole.Button, new() { Name = "Iniciar atendimento", Exact = true }).ClickAsync();
        await Expect(item).ToContainTextAsync("Em atendimento");
        await item.GetByRole(AriaRole.Button, new() { Name = "Concluir", Exact = true }).ClickAsync();
        await Expect(item).ToContainTextAsync("Concluído");
        await Expect(item.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await AppServer.ScreenshotAsync(pro, "scheduling-8-my-agenda-completed");

        // And the front desk's grid shows it completed.
        await page.GotoAsync($"/Scheduling?date={day:yyyy-MM-dd}&view=day&by=professional");
        await Expect(Block(page, professional, "14:00", patient)).ToContainTextAsync("Concluído");
    });
}
