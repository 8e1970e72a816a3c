using System.Net;
using AngleSharp;
using AngleSharp.Html.Dom;

namespace RuralMarket.Web.Tests.Support;

/// <summary>Reads pages and submits their forms the way a browser without JavaScript would (antiforgery token included).</summary>
public static class Browser
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, "GET {0} answered: {1}", url, body.Length > 600 ? body[..600] : body);
        return await ParseAsync(body, url);
    }

    /// <summary>Fills the form found by <paramref name="formSelector"/> and posts it. Unmentioned fields keep their values.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string formSelector, IDictionary<string, string> values)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on the page.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(input.Name) || values.ContainsKey(input.Name) || input.Type is "submit" or "button")
            {
                continue;
            }

            if (input.Type is "checkbox" or "radio" && !input.IsChecked)
            {
                continue;
            }

            fields.Add(new(input.Name, input.Value));
        }

        fields.AddRange(values);
        // Absolute, so "?handler=…" stays a query: on Linux a bare "/path?x" string is taken for a file path and the '?' escaped.
        var target = new Uri(client.BaseAddress!, new Uri(form.Action).PathAndQuery);

        // Like every current browser, say which site the form was on (the storefront's cached pages rely on it).
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return await client.SendAsync(request);
    }

    public static async Task<IHtmlDocument> ReadPageAsync(this HttpResponseMessage response) =>
        await ParseAsync(await response.Content.ReadAsStringAsync(), response.RequestMessage?.RequestUri?.PathAndQuery ?? "/");

    private static async Task<IHtmlDocument> ParseAsync(string html, string url) =>
        (IHtmlDocument)await Context.OpenAsync(request => request.Content(html).Address(new Uri(new Uri("http://localhost"), url)));
}
