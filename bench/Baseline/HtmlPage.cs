using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace RuralMarket.Bench.Baseline;

/// <summary>
/// A page written into a string builder: a layout like the app's, the body the caller appends, and padding
/// up to the size the <c>X-Bench-Size</c> request header asks for (the real page's size, measured by run.sh).
/// </summary>
public sealed class HtmlPage
{
    public const string SizeHeader = "X-Bench-Size";

    /// <summary>Response header: how many SQL commands the request ran, so run.sh can compare with the app's.</summary>
    public const string CommandsHeader = "X-Bench-Sql-Commands";

    private const string Filler = "<p class=\"muted small\">Fresh food and handmade goods from rural producers, straight from the farm gate.</p>\n";

    private const string Footer = "</main><footer class=\"site-footer\"><p>RuralMarket · <a href=\"/about\">About</a></p></footer></body></html>\n";

    private readonly StringBuilder _html = new(16 * 1024);

    public HtmlPage(string title)
    {
        _html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
        Text(title);
        _html.Append(" · RuralMarket</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><a class=\"skip\" href=\"#main\">Skip to content</a>")
            .Append("<header class=\"site-header\"><a class=\"brand\" href=\"/\">RuralMarket</a><nav aria-label=\"Main\"><a href=\"/search\">Search</a> <a href=\"/cart\">Cart</a> <a href=\"/Account/SignIn\">Sign in</a></nav>")
            .Append("<form role=\"search\" action=\"/search\"><label for=\"q\">Search</label><input id=\"q\" name=\"q\" type=\"search\"><button>Search</button></form></header><main id=\"main\">");
    }

    public HtmlPage Raw(string html)
    {
        _html.Append(html);
        return this;
    }

    public HtmlPage Text(string text)
    {
        _html.Append(HtmlEncoder.Default.Encode(text));
        return this;
    }

    public async Task WriteAsync(HttpContext context)
    {
        var target = int.TryParse(context.Request.Headers[SizeHeader], NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 0;
        var missing = target - ByteCount() - Encoding.UTF8.GetByteCount(Footer);
        while (missing >= Filler.Length)
        {
            _html.Append(Filler);
            missing -= Filler.Length;
        }

        _html.Append(' ', Math.Max(0, missing)).Append(Footer);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers[CommandsHeader] = ((context.Items[CommandsHeader] as int?) ?? 0).ToString(CultureInfo.InvariantCulture);
        await context.Response.WriteAsync(_html.ToString(), context.RequestAborted);
    }

    private int ByteCount()
    {
        var bytes = 0;
        foreach (var chunk in _html.GetChunks())
        {
            bytes += Encoding.UTF8.GetByteCount(chunk.Span);
        }

        return bytes;
    }
}
