namespace RuralMarket.Web.Infrastructure;

public sealed class PublicUrlOptions
{
    public const string Section = "App";

    /// <summary>
    /// The site's public address (e.g. https://ruralmarket.example). When set, links in emails use it
    /// instead of the request's Host header, which a client controls.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Scheme and host for absolute links: the configured public address, else the current request's.</summary>
    public (string Scheme, string? Host) For(HttpRequest request) =>
        PublicBaseUrl is { IsAbsoluteUri: true } url ? (url.Scheme, url.Authority) : (request.Scheme, null);
}
