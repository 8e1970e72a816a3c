using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Domain.Catalog;
using RuralMarket.Infrastructure.Media;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.SellerProducts;

/// <summary>A seller and the browser they are signed in with.</summary>
public sealed record SignedInSeller(TestSeller Shop, HttpClient Browser);

public sealed record Photo(string FileName, byte[] Content, string ContentType = "image/jpeg");

/// <summary>Steps through the seller's product pages, the way a seller without JavaScript uses them.</summary>
public static class SellerProductSteps
{
    public static async Task<SignedInSeller> SellerAsync(this AppFactory app, string name)
    {
        var shop = await app.CreateSellerAsync(name);
        return new SignedInSeller(shop, await app.SignInAsync(shop.OwnerEmail));
    }

    public static Dictionary<string, string> ProductFields(
        string title = "Wildflower honey",
        string price = "9.50",
        string stock = "12",
        string description = "Raw and unfiltered.",
        string unit = "per 12 oz jar") => new()
    {
        ["Input.Title"] = title,
        ["Input.Description"] = description,
        ["Input.CategoryId"] = Category.FindBySlug("honey-preserves")!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Price"] = price,
        ["Input.UnitLabel"] = unit,
        ["Input.Stock"] = stock,
        ["Input.SeasonStart"] = "0",
        ["Input.SeasonEnd"] = "0",
    };

    /// <summary>Fills the new-product form; returns the new product's id.</summary>
    public static async Task<Guid> CreateProductAsync(this SignedInSeller seller, Dictionary<string, string>? fields = null)
    {
        using var response = await seller.SubmitNewProductAsync(fields ?? ProductFields());
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        return Guid.Parse(location.Split('/').Last().Split('?', '#')[0]);
    }

    public static async Task<HttpResponseMessage> SubmitNewProductAsync(this SignedInSeller seller, Dictionary<string, string> fields)
    {
        var page = await seller.Browser.GetPageAsync("/Seller/Products/New");
        return await seller.SubmitFormAsync(page, "form.product-form", fields);
    }

    /// <summary>
    /// Submits a form as a browser would: its inputs (checked boxes only), selects and textareas, then the
    /// overrides, to its action without the fragment. (The shared test browser escapes the '?' of an action
    /// like "/Seller/Products/{id}?handler=MovePhoto" on these pages, so this reads the attribute itself.)
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this SignedInSeller seller, IHtmlDocument page, string formSelector, Dictionary<string, string>? overrides = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on the page.");
        overrides ??= [];
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input, select, textarea"))
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || overrides.ContainsKey(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "submit" or "button" or "file" }:
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                    continue;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement textarea:
                    fields.Add(new(name, textarea.Value));
                    break;
            }
        }

        fields.AddRange(overrides);
        var action = form.GetAttribute("action") ?? page.Url;
        var target = action.Split('#')[0];
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Origin", "http://localhost");
        return await seller.Browser.SendAsync(request);
    }

    /// <summary>The product form with some fields changed.</summary>
    public static Task<HttpResponseMessage> SubmitProductFormAsync(this SignedInSeller seller, IHtmlDocument page, Dictionary<string, string> overrides) =>
        seller.SubmitFormAsync(page, "form.product-form", overrides);

    public static Task<IHtmlDocument> EditPageAsync(this SignedInSeller seller, Guid productId, HttpStatusCode expected = HttpStatusCode.OK) =>
        seller.Browser.GetPageAsync($"/Seller/Products/{productId}", expected);

    /// <summary>Presses a status button (Publish, Archive…) on the product's page and follows the redirect.</summary>
    public static async Task<string> PressAsync(this SignedInSeller seller, Guid productId, string handler)
    {
        using var response = await seller.PostAsync($"/Seller/Products/{productId}?handler={handler}", []);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return await seller.FlashAsync(response);
    }

    /// <summary>A hand-made POST (with a valid antiforgery token of this browser), as a form could send it.</summary>
    public static async Task<HttpResponseMessage> PostAsync(this SignedInSeller seller, string url, Dictionary<string, string> fields)
    {
        var token = await seller.AntiforgeryTokenAsync();
        using var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]);
        return await seller.Browser.PostAsync(url, content);
    }

    public static async Task<HttpResponseMessage> UploadAsync(this SignedInSeller seller, Guid productId, string? altText, params Photo[] photos)
    {
        var token = await seller.AntiforgeryTokenAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        if (altText is not null)
        {
            form.Add(new StringContent(altText), "altText");
        }

        foreach (var photo in photos)
        {
            var file = new ByteArrayContent(photo.Content);
            file.Headers.ContentType = new MediaTypeHeaderValue(photo.ContentType);
            form.Add(file, "photos", photo.FileName);
        }

        return await seller.Browser.PostAsync($"/Seller/Products/{productId}?handler=Upload", form);
    }

    public static async Task<HttpResponseMessage> UploadFileAsync(this SignedInSeller seller, string url, string field, string fileName, byte[] content, string contentType)
    {
        var token = await seller.AntiforgeryTokenAsync();
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, field, fileName);
        return await seller.Browser.PostAsync(url, form);
    }

    /// <summary>The message the next page shows after a redirect.</summary>
    public static async Task<string> FlashAsync(this SignedInSeller seller, HttpResponseMessage redirect)
    {
        var page = await seller.Browser.GetPageAsync(redirect.Headers.Location!.ToString());
        return page.QuerySelector(".flash")?.TextContent.Trim() ?? "";
    }

    public static Task<Product> ProductAsync(this AppFactory app, Guid id) =>
        app.WithDbAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.Id == id));

    public static Task<int> ProductCountAsync(this AppFactory app, Guid sellerId) =>
        app.WithDbAsync(db => db.Products.CountAsync(p => p.SellerId == sellerId));

    /// <summary>Every stored file of a product, as keys.</summary>
    public static IReadOnlyList<string> StoredFiles(this AppFactory app, Guid productId)
    {
        var root = ((LocalDiskMediaStorage)app.Services.GetRequiredService<IMediaStorage>()).Root;
        var folder = Path.Combine(root, "products", productId.ToString("N"));
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order()]
            : [];
    }

    private static async Task<string> AntiforgeryTokenAsync(this SignedInSeller seller)
    {
        var page = await seller.Browser.GetPageAsync("/Seller/Products/Import");
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }
}
