using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using RuralMarket.Infrastructure.Identity;

namespace RuralMarket.Web.Pages.Account;

[EnableRateLimiting(WebSetup.AccountRateLimit)]
public sealed class ResetPasswordModel(UserManager<AppUser> users) : PageModel
{
    private const string ExpiredMessage = "This link does not work with that email address, or it has expired. Check the address, or ask for a new link.";

    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    /// <summary>False when the page was opened without the code from the email.</summary>
    public bool HasCode => !string.IsNullOrEmpty(Input.Code);

    public bool LinkExpired { get; private set; }

    public void OnGet(string? code) => Input.Code = code ?? "";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // An unknown address gets the same answer as a wrong code, so the page reveals no accounts.
        var token = AccountEmails.DecodeCode(Input.Code);
        if (token is null || await users.FindByEmailAsync(Input.Email.Trim()) is not { } user)
        {
            return Expired();
        }

        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                return Expired();
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : string.Empty, error.Description);
            }

            return Page();
        }

        // The lockout message promises that a new password ends the lockout.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Flash"] = "Your password has been changed. Sign in with your new password.";
        return RedirectToPage("SignIn");
    }

    private PageResult Expired()
    {
        LinkExpired = true;
        ModelState.AddModelError(string.Empty, ExpiredMessage);
        return Page();
    }
}

public sealed class ResetPasswordInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "That email address does not look right. Please check it.")]
    [StringLength(256)]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(100, MinimumLength = 8, ErrorMessage = "Use at least 8 characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Type the new password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password again")]
    public string ConfirmPassword { get; set; } = "";

    /// <summary>The code from the emailed link, carried in a hidden field.</summary>
    [Required(ErrorMessage = "This page needs the code from the reset email. Open the link in the email again, or ask for a new one.")]
    public string Code { get; set; } = "";
}
