using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Identity;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Web.Pages.Account;

[EnableRateLimiting(WebSetup.AccountRateLimit)]
public sealed class ResendConfirmationModel(UserManager<AppUser> users, RuralMarketDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    /// <summary>Pre-fills the address when the sign-in page sends someone here.</summary>
    public void OnGet(string? email) => Input.Email = email ?? "";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Only an unconfirmed account gets a link; the answer is the same for every address.
        if (await users.FindByEmailAsync(Input.Email.Trim()) is { } user && !await users.IsEmailConfirmedAsync(user))
        {
            db.Jobs.Enqueue(await AccountEmails.ConfirmEmailAsync(users, user, Url), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }

        return RedirectToPage("CheckEmail");
    }
}

/// <summary>The one-field form of the resend and forgot-password pages.</summary>
public sealed class EmailInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "That email address does not look right. Please check it.")]
    [StringLength(256)]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";
}
