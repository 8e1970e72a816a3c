using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Identity;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Web.Pages.Account;

[EnableRateLimiting(WebSetup.AccountRateLimit)]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, RuralMarketDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Only a confirmed address gets a reset link; the answer is the same for every address.
        if (await users.FindByEmailAsync(Input.Email.Trim()) is { } user && await users.IsEmailConfirmedAsync(user))
        {
            db.Jobs.Enqueue(await AccountEmails.ResetPasswordAsync(users, user, Url), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }

        return RedirectToPage("CheckEmail", new { @for = "reset" });
    }
}
