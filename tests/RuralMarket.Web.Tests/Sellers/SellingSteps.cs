using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Email;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Sellers;

public sealed record ShopState(Guid Id, string Name, string Slug, SellerStatus Status, string? StatusReason, string Story, int Version);

public sealed record AuditRow(string? ActorUserId, string Action, string? Reason, string? BeforeJson, string? AfterJson);

/// <summary>Applying, reviewing and reading shops through the app's own pages, as people do.</summary>
public static class SellingSteps
{
    public const string AdminEmail = "admin@demo.ruralmarket.local";

    /// <summary>A complete, valid application: pickup and shipping from Craftsbury, VT.</summary>
    public static Dictionary<string, string> ValidApplication(string name) => new()
    {
        ["Shop.Name"] = name,
        ["Shop.Story"] = "We keep **bees** on the hill.",
        ["Shop.Town"] = "Craftsbury",
        ["Shop.Region"] = "",
        ["Shop.PostalCode"] = "05826",
        ["Shop.CountryCode"] = "US",
        ["Shop.OffersPickup"] = "true",
        ["Shop.PickupAddress"] = "1 Hill Road, Craftsbury",
        ["Shop.PickupHours"] = "Saturdays 9–12",
        ["Shop.PickupInstructions"] = "",
        ["Shop.OffersLocalDelivery"] = "false",
        ["Shop.DeliveryRadiusKm"] = "",
        ["Shop.LocalDeliveryFee"] = "",
        ["Shop.OffersShipping"] = "true",
        ["Shop.ShippingFee"] = "6.50",
        ["Shop.FreeShippingOver"] = "50",
        ["AcceptTerms"] = "true",
    };

    public static string NewEmail(string who) => $"{who}.{Guid.NewGuid():N}@example.com";

    public static string UniqueName(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Signs a new person in and sends the application form with the given answers changed.</summary>
    public static async Task<HttpResponseMessage> ApplyAsync(this HttpClient browser, string name, IDictionary<string, string>? changes = null)
    {
        var form = await browser.GetPageAsync("/sell/apply");
        var values = ValidApplication(name);
        foreach (var (key, value) in changes ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return await browser.SubmitAsync(form, "form.shop-form", values);
    }

    /// <summary>Posts a form through one of its buttons' own formaction (the Preview button).</summary>
    public static Task<HttpResponseMessage> SubmitWithButtonAsync(this HttpClient browser, IHtmlDocument page, string formSelector, string buttonSelector, IDictionary<string, string> values)
    {
        var button = page.QuerySelector(formSelector)?.QuerySelector(buttonSelector) ?? throw new InvalidOperationException($"No button '{buttonSelector}'.");
        return browser.SubmitToAsync(page, formSelector, button.GetAttribute("formaction")!, values);
    }

    /// <summary>
    /// Like <see cref="Browser.SubmitAsync"/>, to a given site path that may carry "?handler=…". (A string starting
    /// with "/" handed to HttpClient is read as a Unix file path on Linux, which escapes its '?'.)
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitToAsync(this HttpClient browser, IHtmlDocument page, string formSelector, string action, IDictionary<string, string> values)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on the page.");
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && !values.ContainsKey(i.Name) && i.Type is not ("submit" or "button"))
            .Where(i => i.Type is not ("checkbox" or "radio") || i.IsChecked)
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(values)
            .ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(browser.BaseAddress!, action.Split('#')[0])) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Origin", browser.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return await browser.SendAsync(request);
    }

    /// <summary>Submits a form whose action has a "?handler=…" query.</summary>
    public static Task<HttpResponseMessage> SubmitHandlerFormAsync(this HttpClient browser, IHtmlDocument page, string formSelector, IDictionary<string, string> values) =>
        browser.SubmitToAsync(page, formSelector, page.QuerySelector(formSelector)?.GetAttribute("action") ?? throw new InvalidOperationException($"No form '{formSelector}'."), values);

    /// <summary>A signed-in person with an application waiting for review.</summary>
    public static async Task<(HttpClient Browser, string Email, ShopState Shop)> NewApplicantAsync(this AppFactory app, string name, string who = "applicant")
    {
        var email = NewEmail(who);
        var browser = await app.SignInAsync(email);
        using var response = await browser.ApplyAsync(UniqueName(name));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return (browser, email, (await app.ShopOfAsync(email))!);
    }

    /// <summary>The admin opens the seller's page and uses one of its decision forms.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(this HttpClient admin, Guid sellerId, string handler, string? reason = null)
    {
        var page = await admin.GetPageAsync($"/Admin/Sellers/{sellerId}");
        var selector = handler == "Approve" ? "form.review-approve" : $"form.review-reason[action*='handler={handler}']";
        return await admin.SubmitHandlerFormAsync(page, selector, new Dictionary<string, string> { ["Reason"] = reason ?? "" });
    }

    public static Task<ShopState?> ShopOfAsync(this AppFactory app, string ownerEmail) =>
        app.WithDbAsync(db =>
        {
            var owner = db.Users.Where(u => u.Email == ownerEmail).Select(u => u.Id);
            return db.Sellers.AsNoTracking()
                .Where(s => owner.Contains(s.OwnerUserId))
                .Select(s => new ShopState(s.Id, s.Name, s.Slug, s.Status, s.StatusReason, s.Story, s.Version))
                .SingleOrDefaultAsync();
        });

    public static Task<ShopState> ShopAsync(this AppFactory app, Guid sellerId) =>
        app.WithDbAsync(db => db.Sellers.AsNoTracking()
            .Where(s => s.Id == sellerId)
            .Select(s => new ShopState(s.Id, s.Name, s.Slug, s.Status, s.StatusReason, s.Story, s.Version))
            .SingleAsync());

    public static Task<int> ShopCountAsync(this AppFactory app, string ownerEmail) =>
        app.WithDbAsync(db =>
        {
            var owner = db.Users.Where(u => u.Email == ownerEmail).Select(u => u.Id);
            return db.Sellers.CountAsync(s => owner.Contains(s.OwnerUserId));
        });

    public static Task<List<AuditRow>> AuditOfAsync(this AppFactory app, Guid sellerId) =>
        app.WithDbAsync(db =>
        {
            var target = sellerId.ToString();
            return db.AuditEntries.AsNoTracking()
                .Where(a => a.TargetType == "Seller" && a.TargetId == target)
                .OrderBy(a => a.At).ThenBy(a => a.Id)
                .Select(a => new AuditRow(a.ActorUserId, a.Action, a.Reason, a.BeforeJson, a.AfterJson))
                .ToListAsync();
        });

    public static Task<string> UserIdAsync(this AppFactory app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static async Task<IReadOnlyList<DroppedMail>> MailToAsync(this AppFactory app, string email)
    {
        await app.RunJobsAsync();
        return (await app.SentMailAsync()).Where(m => m.To.Contains(email, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    public static string Text(this IHtmlDocument page) => string.Join(' ', page.Body!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string? InputValue(this IHtmlDocument page, string selector) => (page.QuerySelector(selector) as IHtmlInputElement)?.Value;

    public static string? FieldError(this IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim();
}
