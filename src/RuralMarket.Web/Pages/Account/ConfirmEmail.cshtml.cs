using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuralMarket.Infrastructure.Identity;

namespace RuralMarket.Web.Pages.Account;

public sealed class ConfirmEmailModel(UserManager<AppUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = AccountEmails.DecodeCode(code);
        if (string.IsNullOrEmpty(userId) || token is null || await users.FindByIdAsync(userId) is not { } user)
        {
            return;
        }

        // An old link for an address confirmed since (say, before a password reset) is no cause for alarm.
        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded || await users.IsEmailConfirmedAsync(user);
    }
}
