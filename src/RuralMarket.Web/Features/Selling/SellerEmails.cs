using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Email;
using RuralMarket.Web.Infrastructure;

namespace RuralMarket.Web.Features.Selling;

/// <summary>
/// The emails an applicant gets about the admins' decisions. Each links to /sell, which shows where the shop
/// stands (and, once approved, refreshes the sign-in and opens the dashboard).
/// </summary>
public static class SellerEmails
{
    /// <summary>The absolute address of /sell, on the configured public host when there is one (as account emails do).</summary>
    public static string SellLink(IUrlHelper url)
    {
        var http = url.ActionContext.HttpContext;
        var (scheme, host) = http.RequestServices.GetRequiredService<IOptions<PublicUrlOptions>>().Value.For(http.Request);
        return url.Page("/Sell/Index", pageHandler: null, values: new { area = "" }, protocol: scheme, host: host)
            ?? throw new InvalidOperationException("No route to /Sell/Index.");
    }

    public static SendEmail For(SellerDecision decision, string to, string shopName, string? reason, string sellLink) => decision switch
    {
        SellerDecision.Approve => Compose(
            to,
            $"{shopName} is approved: welcome to RuralMarket",
            [
                $"Good news: your shop {shopName} is approved.",
                "Open your shop, add your first products and they will appear to buyers straight away:",
            ],
            sellLink,
            "Open my shop"),
        SellerDecision.Reject => Compose(
            to,
            $"Your application for {shopName} was not approved",
            [
                $"We looked at your application for {shopName} and could not approve it yet.",
                $"The reason: {reason}",
                "You can change your application and send it again here:",
            ],
            sellLink,
            "Change my application"),
        SellerDecision.Suspend => Compose(
            to,
            $"{shopName} is suspended",
            [
                $"Your shop {shopName} is suspended, so buyers cannot see your products for now.",
                $"The reason: {reason}",
                "You can still fulfil the orders you already have. Reply to this email if you have questions.",
            ],
            sellLink,
            "Open my shop"),
        SellerDecision.Reinstate => Compose(
            to,
            $"{shopName} is open again",
            [
                $"Your shop {shopName} is reinstated: buyers can see your products again.",
                $"Note from our team: {reason}",
            ],
            sellLink,
            "Open my shop"),
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    private static SendEmail Compose(string to, string subject, IReadOnlyList<string> paragraphs, string link, string linkText)
    {
        var text = new StringBuilder("Hello,\n\n");
        var html = new StringBuilder("<p>Hello,</p>\n");
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
        }

        var href = WebUtility.HtmlEncode(link);
        text.Append(link).Append("\n\nThe RuralMarket team\n");
        html.Append("<p><a href=\"").Append(href).Append("\">").Append(WebUtility.HtmlEncode(linkText)).Append("</a><br><small>")
            .Append(href).Append("</small></p>\n<p>The RuralMarket team</p>\n");
        return new SendEmail(to, subject, text.ToString(), html.ToString());
    }
}
