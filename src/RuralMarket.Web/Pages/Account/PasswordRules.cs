using Microsoft.AspNetCore.Identity;

namespace RuralMarket.Web.Pages.Account;

/// <summary>The password hint shown beside new-password fields, read from the Identity options so it cannot drift.</summary>
public static class PasswordRules
{
    public static string Describe(PasswordOptions options)
    {
        var needs = new List<string>();
        if (options.RequireLowercase)
        {
            needs.Add("a lowercase letter");
        }

        if (options.RequireUppercase)
        {
            needs.Add("a capital letter");
        }

        if (options.RequireDigit)
        {
            needs.Add("a digit");
        }

        if (options.RequireNonAlphanumeric)
        {
            needs.Add("a symbol");
        }

        var length = $"At least {options.RequiredLength} characters";
        return needs.Count switch
        {
            0 => length + ".",
            1 => $"{length}, with {needs[0]}.",
            _ => $"{length}, with {string.Join(", ", needs[..^1])} and {needs[^1]}.",
        };
    }
}
