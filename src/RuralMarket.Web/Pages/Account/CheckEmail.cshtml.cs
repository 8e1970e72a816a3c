using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RuralMarket.Web.Pages.Account;

/// <summary>Where registration, resend and forgot-password land: the same answer whether or not the address is known.</summary>
public sealed class CheckEmailModel(IWebHostEnvironment environment) : PageModel
{
    /// <summary>"reset" after a forgotten password; anything else after registering or asking for the link again.</summary>
    [BindProperty(SupportsGet = true)]
    public string? For { get; set; }

    public bool IsReset => string.Equals(For, "reset", StringComparison.OrdinalIgnoreCase);

    public bool ShowDevMailLink => environment.IsDevelopment();

    public void OnGet()
    {
    }
}
