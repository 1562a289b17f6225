using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NeonPro.Web.Infrastructure.Auth;

namespace NeonPro.Web.Tests.Infrastructure;

/// <summary>
/// The data-val-* messages the browser shows come in the user's language: pt-BR by default, English for a user who
/// chose it; never the framework's own English ("The Sexo field is required.").
/// </summary>
public sealed class ClientValidationMessagesTests(NeonProFactory app) : IClassFixture<NeonProFactory>
{
    private static readonly string[] FrameworkEnglish = ["The ", "field is required", "must be a", "is not valid", "is invalid"];

    public static TheoryData<string, string> Forms => new()
    {
        { "/Patients/Create", Roles.Receptionist },
        { "/Scheduling?handler=NewForm", Roles.Receptionist },
        { "/Professionals/Edit", Roles.Manager },
        { "/Identity/Account/Manage", Roles.Receptionist },
    };

    /// <summary>Every data-val-* message on the page, as "field: attribute = message".</summary>
    private static List<(string Field, string Attribute, string Message)> Messages(IHtmlDocument doc) =>
        doc.All.SelectMany(e => e.Attributes
                // The messages only: data-val-required, data-val-length; not data-val-length-max and the like.
                .Where(a => a.Name.StartsWith("data-val-", StringComparison.Ordinal) && a.Name.IndexOf('-', "data-val-".Length) < 0)
                .Select(a => (e.GetAttribute("name") ?? e.Id ?? "", a.Name, a.Value)))
            .ToList();

    private async Task<HttpClient> SignedInAsync(string role, string culture)
    {
        var user = await app.CreateStaffAsync(role);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            stored.PreferredCulture = culture;
            await users.UpdateAsync(stored);
        });
        var client = app.CreateBrowserClient();
        await client.SignInAsync(user.Email!, NeonProFactory.TestPassword); // sets the user's culture cookie
        return client;
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Client_side_messages_are_in_portuguese(string url, string role)
    {
        var client = await SignedInAsync(role, "pt-BR");

        var messages = Messages(await client.GetDocumentAsync(url));

        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.DoesNotContain(FrameworkEnglish, english => m.Message.Contains(english, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_inferred_required_message_of_a_list_is_portuguese_and_english_for_an_english_user()
    {
        var portuguese = Messages(await (await SignedInAsync(Roles.Receptionist, "pt-BR")).GetDocumentAsync("/Patients/Create"));
        var english = Messages(await (await SignedInAsync(Roles.Receptionist, "en")).GetDocumentAsync("/Patients/Create"));

        Assert.Equal("Informe Sexo.", portuguese.Single(m => m is { Field: "Input.Sex", Attribute: "data-val-required" }).Message);
        Assert.Equal("Enter Sex.", english.Single(m => m is { Field: "Input.Sex", Attribute: "data-val-required" }).Message);
        // Messages written in pt-BR on the attribute come out in English too.
        Assert.Equal("Use at most 200 characters.", english.Single(m => m is { Field: "Input.FullName", Attribute: "data-val-length" }).Message);
        Assert.All(english, m => Assert.DoesNotContain(FrameworkEnglish, e => m.Message.Contains(e, StringComparison.Ordinal)));
    }
}
