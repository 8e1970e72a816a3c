using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Accounts;

public abstract partial class AccountTests(AppFactory app)
{
    private const string Password = "Sunflower-field-9";

    [GeneratedRegex(@"https?://\S+/Account/ConfirmEmail\S+")]
    private static partial Regex ConfirmationLink();

    [Fact]
    public async Task A_new_buyer_registers_confirms_by_email_and_signs_in()
    {
        var email = $"maria.{Guid.NewGuid():N}@example.com";
        var browser = app.CreateBrowser();

        var register = await browser.GetPageAsync("/Account/Register");
        using var registered = await browser.SubmitAsync(register, "main form", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Maria",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        registered.StatusCode.Should().Be(HttpStatusCode.Redirect);

        // Not confirmed yet: signing in is refused with a way to get the email again.
        var signIn = await browser.GetPageAsync("/Account/SignIn");
        using var early = await browser.SubmitAsync(signIn, "main form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        (await early.Content.ReadAsStringAsync()).Should().Contain("confirm", "an unconfirmed account is told to confirm its email");

        await app.RunJobsAsync();
        var mail = (await app.SentMailAsync()).Should().ContainSingle(m => m.To.Contains(email)).Subject;
        var link = new Uri(ConfirmationLink().Match(mail.TextBody).Value);
        var confirmed = await browser.GetPageAsync(link.PathAndQuery);
        confirmed.Body!.TextContent.Should().Contain("confirmed");

        signIn = await browser.GetPageAsync("/Account/SignIn");
        using var signedIn = await browser.SubmitAsync(signIn, "main form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var home = await browser.GetPageAsync("/");
        home.QuerySelector("form[action='/Account/SignOut']").Should().NotBeNull("a signed-in user sees Sign out");

        using var signedOut = await browser.SubmitAsync(home, "form[action='/Account/SignOut']", new Dictionary<string, string>());
        signedOut.StatusCode.Should().Be(HttpStatusCode.Redirect, "the header's sign-out form carries its antiforgery token");
        (await browser.GetPageAsync("/")).QuerySelector("form[action='/Account/SignOut']").Should().BeNull();
    }

    [Fact]
    public async Task Email_links_use_the_configured_public_address_not_the_request_host()
    {
        var email = $"host.{Guid.NewGuid():N}@example.com";
        var configured = app.WithWebHostBuilder(b => b.UseSetting("App:PublicBaseUrl", "https://market.example"));
        var browser = configured.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Host = "evil.example";

        var register = await browser.GetPageAsync("/Account/Register");
        using var registered = await browser.SubmitAsync(register, "main form", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Host",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        registered.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await app.RunJobsAsync();

        var mail = (await app.SentMailAsync()).Single(m => m.To.Contains(email));
        ConfirmationLink().Match(mail.TextBody).Value.Should().StartWith("https://market.example/Account/ConfirmEmail");
        mail.TextBody.Should().NotContain("evil.example");
    }

    [Fact]
    public async Task Registration_with_mismatched_passwords_shows_the_error_and_creates_nothing()
    {
        var email = $"typo.{Guid.NewGuid():N}@example.com";
        var browser = app.CreateBrowser();
        var register = await browser.GetPageAsync("/Account/Register");

        using var response = await browser.SubmitAsync(register, "main form", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Typo",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password + "x",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.ReadPageAsync();
        page.QuerySelectorAll(".field-error").Select(e => e.TextContent).Should().Contain(t => t.Length > 0);
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email))).Should().BeFalse();
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        var email = $"forgetful.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email);
        var browser = app.CreateBrowser();
        string? lastBody = null;
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var signIn = await browser.GetPageAsync("/Account/SignIn");
            using var response = await browser.SubmitAsync(signIn, "main form", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = "not-the-password",
            });
            lastBody = await response.Content.ReadAsStringAsync();
        }

        lastBody.Should().Contain("Too many failed attempts");
        (await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync()))
            .Should().NotBeNull();
    }
}

public sealed class SqliteAccountTests(SqliteApp app) : AccountTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAccountTests(PostgresApp app) : AccountTests(app), IClassFixture<PostgresApp>;
