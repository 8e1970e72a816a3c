using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace RuralMarket.EndToEnd.Tests.Support;

/// <summary>
/// One person's visit: a fresh browser context (no cookies) with a phone's screen and touch, one page,
/// and a record of everything that went wrong in the browser along the way — console errors, uncaught
/// script errors, requests that failed, and responses with status 400 or more.
/// </summary>
public sealed class Journey : IAsyncDisposable
{
    /// <summary>Our first users are on phones: an iPhone 12/13/14-sized screen with touch.</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private readonly IBrowserContext _context;
    private readonly string _name;
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentQueue<string> _responses = new();

    private Journey(IBrowserContext context, IPage page, string name, Uri baseAddress)
    {
        _context = context;
        Page = page;
        _name = name;
        var favicon = new Uri(baseAddress, "/favicon.ico").ToString();
        page.Console += (_, message) =>
        {
            // Chromium asks for /favicon.ico by itself, some time after a page loads (no page links to it), and
            // logs the app's 404 as a console error. Whether that message arrives before the test ends is a race,
            // so it is left out; the page's own requests are still all checked through Response/RequestFailed.
            // Drop this once the app serves an icon.
            var aboutFavicon = message.Location == favicon || message.Location.StartsWith(favicon + ":", StringComparison.Ordinal);
            if (message.Type == "error" && !aboutFavicon)
            {
                _problems.Enqueue($"console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _problems.Enqueue($"uncaught script error: {error}");
        page.RequestFailed += (_, request) => _problems.Enqueue($"request failed: {request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            _responses.Enqueue(string.Create(CultureInfo.InvariantCulture, $"{response.Status} {response.Request.Method} {response.Url}"));
            if (response.Status >= 400)
            {
                _problems.Enqueue(string.Create(CultureInfo.InvariantCulture, $"HTTP {response.Status}: {response.Request.Method} {response.Url}"));
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Everything that went wrong in the browser so far, in order.</summary>
    public IReadOnlyList<string> Problems => [.. _problems];

    /// <summary>Every response the page received so far, as "status method url", in order.</summary>
    public IReadOnlyList<string> Responses => [.. _responses];

    /// <summary>Where screenshots go: <c>TestResults/screenshots</c> next to the test assembly.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <param name="bypassContentSecurityPolicy">
    /// Lets the test inject its own scripts (axe-core) into pages whose Content-Security-Policy only allows the app's.
    /// </param>
    internal static async Task<Journey> StartAsync(LiveApp app, string name, bool bypassContentSecurityPolicy = false)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = Phone,
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 2,
            Locale = "en-US",
            BypassCSP = bypassContentSecurityPolicy,
        });
        var page = await context.NewPageAsync();
        return new Journey(context, page, $"{app.Provider}-{name}", app.BaseAddress);
    }

    /// <summary>
    /// Saves what the phone's screen shows now (the whole page with <paramref name="fullPage"/>, which is slow
    /// on a long page), for people to look at; the tests never look at it.
    /// </summary>
    public async Task<string> ScreenshotAsync(string step, bool fullPage = false)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, FileName($"{_name}-{step}") + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    private static string FileName(string text)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var name = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            name.Append(invalid.Contains(c) || char.IsWhiteSpace(c) ? '-' : c);
        }

        return name.ToString();
    }
}
