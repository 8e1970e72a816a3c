using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Email;
using RuralMarket.Infrastructure.Identity;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Web.Pages.Account;

[EnableRateLimiting(WebSetup.AccountRateLimit)]
public sealed class RegisterModel(UserManager<AppUser> users, RuralMarketDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser { UserName = Input.Email.Trim(), Email = Input.Email.Trim(), DisplayName = Input.DisplayName.Trim(), CreatedAt = now };

        // The password is judged before we look the address up, so the page answers the same either way.
        var passwordCheck = await ValidatePasswordAsync(user);
        if (!passwordCheck.Succeeded)
        {
            AddErrors(passwordCheck);
            return Page();
        }

        SendEmail email;
        if (await users.FindByEmailAsync(user.Email) is { } existing)
        {
            _ = users.PasswordHasher.HashPassword(user, Input.Password); // costs what creating an account costs, so timing tells nothing
            email = await AccountEmails.AlreadyRegisteredAsync(users, existing, Url);
        }
        else
        {
            var created = await users.CreateAsync(user, Input.Password);
            if (created.Succeeded)
            {
                email = await AccountEmails.ConfirmEmailAsync(users, user, Url);
            }
            else if (IsDuplicate(created) && await users.FindByEmailAsync(user.Email) is { } registeredMeanwhile)
            {
                email = await AccountEmails.AlreadyRegisteredAsync(users, registeredMeanwhile, Url);
            }
            else
            {
                AddErrors(created);
                return Page();
            }
        }

        db.Jobs.Enqueue(email, now);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return RedirectToPage("CheckEmail");
    }

    private async Task<IdentityResult> ValidatePasswordAsync(AppUser user)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, Input.Password)).Errors);
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private static bool IsDuplicate(IdentityResult result) =>
        result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName));

    private void AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            var (field, message) = error.Code switch
            {
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => ("Input.Password", error.Description),
                nameof(IdentityErrorDescriber.InvalidUserName) or nameof(IdentityErrorDescriber.InvalidEmail) =>
                    ("Input.Email", "That email address does not look right. Please check it."),
                _ => (string.Empty, error.Description),
            };
            ModelState.AddModelError(field, message);
        }
    }
}

public sealed class RegisterInput
{
    [Required(ErrorMessage = "Tell us your name, or your farm's or shop's name.")]
    [StringLength(100, ErrorMessage = "Please keep your name under 100 characters.")]
    [Display(Name = "Your name")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "That email address does not look right. Please check it.")]
    [StringLength(256)]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(100, MinimumLength = 8, ErrorMessage = "Use at least 8 characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Type the password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password again")]
    public string ConfirmPassword { get; set; } = "";
}
