using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

namespace RuralMarket.Infrastructure.Content;

/// <summary>
/// Turns markdown written by sellers into HTML that is safe to put on a page: raw HTML is shown as text,
/// and scripts, event handlers, iframes, styles and images from other hosts never reach the page; every
/// link is marked as user content.
/// </summary>
public static class SafeMarkdown
{
    private const string LinkRel = "nofollow ugc noopener";

    // Raw HTML typed into a story is shown as the text it is (a seller who types "<script>" sees it on the
    // page, nothing runs); the sanitizer below still guards what markdown itself produces.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .Build();

    // Configured once here and only read afterwards, which HtmlSanitizer allows from many threads.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <param name="markdown">The seller's text.</param>
    /// <param name="headingOffset">How many levels to push headings down so they sit under the page's own (2: "#" becomes h3).</param>
    public static string ToHtml(string? markdown, int headingOffset = 2)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Clamp(heading.Level + headingOffset, 1, 6);
        }

        return Sanitizer.Sanitize(document.ToHtml(Pipeline)).Trim();
    }

    /// <summary>The text without markup, on one line and cut at a word near <paramref name="maxLength"/> (for meta descriptions).</summary>
    public static string ToPlainText(string? markdown, int maxLength) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : TextSummary.Of(Markdown.ToPlainText(markdown, Pipeline), maxLength);

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "strong", "b", "em", "i", "del", "s", "ins", "mark", "sub", "sup", "code", "pre",
                "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a", "abbr",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<CssRuleType>(),
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", LinkRel);
            }
        };
        return sanitizer;
    }
}
