using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using RuralMarket.Infrastructure.Identity;

namespace RuralMarket.Web.Pages.Account;

public enum SignInProblem
{
    None,
    WrongCredentials,
    EmailNotConfirmed,
    LockedOut,
}

[EnableRateLimiting(WebSetup.AccountRateLimit)]
public sealed class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    /// <summary>A local path to go back to after signing in (the cookie handler sends it as ReturnUrl).</summary>
    [BindProperty(SupportsGet = true, Name = "ReturnUrl")]
    public string? ReturnPath { get; set; }

    public SignInProblem Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Problem = await SignInAsync();
        if (Problem == SignInProblem.None)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnPath) ? ReturnPath : "/");
        }

        ModelState.AddModelError(string.Empty, Problem switch
        {
            SignInProblem.EmailNotConfirmed => "Please confirm your email first. We sent you a link when you registered.",
            SignInProblem.LockedOut => $"Too many failed attempts. Try again in {(int)signIn.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes} minutes or reset your password.",
            _ => "That email and password do not match an account. Check them and try again.",
        });
        return Page();
    }

    private async Task<SignInProblem> SignInAsync()
    {
        if (await users.FindByEmailAsync(Input.Email.Trim()) is not { } user)
        {
            _ = users.PasswordHasher.HashPassword(new AppUser(), Input.Password); // as slow as a real check, so timing reveals no accounts
            return SignInProblem.WrongCredentials;
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return SignInProblem.None;
        }

        if (result.IsLockedOut)
        {
            return SignInProblem.LockedOut;
        }

        if (!result.IsNotAllowed)
        {
            return SignInProblem.WrongCredentials;
        }

        // Identity refuses an unconfirmed account before it looks at the password; we say "confirm your email"
        // only to someone who knows the password, and count a wrong one towards the lockout as usual.
        if (await users.IsLockedOutAsync(user))
        {
            return SignInProblem.LockedOut;
        }

        if (await users.CheckPasswordAsync(user, Input.Password))
        {
            return SignInProblem.EmailNotConfirmed;
        }

        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user) ? SignInProblem.LockedOut : SignInProblem.WrongCredentials;
    }
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "That email address does not look right. Please check it.")]
    [StringLength(256)]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(100)]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Display(Name = "Keep me signed in on this device")]
    public bool RememberMe { get; set; }
}
