using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RuralMarket.Web.Pages;

/// <summary>The friendly page for errors and status codes. Never shows exception details.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";

    public string Message { get; private set; } = "We could not finish that. Please try again in a moment.";

    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Heading, Message) = code switch
        {
            404 => ("Page not found", "We could not find that page. It may have moved, or the listing may no longer be available."),
            403 => ("Not allowed", "Your account does not have access to this page."),
            400 => ("That request did not look right", "Please go back, reload the page and try again."),
            429 => ("Slow down a little", "Too many attempts in a short time. Please wait a minute and try again."),
            _ => (Heading, Message),
        };
        if (code is >= 400 and < 600)
        {
            Response.StatusCode = code.Value;
        }
    }
}
