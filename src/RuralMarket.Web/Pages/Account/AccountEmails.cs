using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Email;
using RuralMarket.Infrastructure.Identity;
using RuralMarket.Web.Infrastructure;

namespace RuralMarket.Web.Pages.Account;

/// <summary>The emails the account pages enqueue, each with absolute links back to this site.</summary>
internal static class AccountEmails
{
    public static async Task<SendEmail> ConfirmEmailAsync(UserManager<AppUser> users, AppUser user, IUrlHelper url)
    {
        var link = await ConfirmLinkAsync(users, user, url);
        return Compose(
            user,
            "Confirm your email for RuralMarket",
            [
                new("Welcome to RuralMarket! Please confirm your email address by opening this link:"),
                new(link, "Confirm my email"),
                new("If you did not create an account, you can ignore this email."),
            ]);
    }

    /// <summary>Sent instead of a confirmation when someone registers with an address we already know.</summary>
    public static async Task<SendEmail> AlreadyRegisteredAsync(UserManager<AppUser> users, AppUser user, IUrlHelper url)
    {
        List<Paragraph> paragraphs =
        [
            new("Someone (hopefully you) tried to create a new RuralMarket account with this email address. You already have an account, so nothing was changed."),
        ];
        if (!await users.IsEmailConfirmedAsync(user))
        {
            paragraphs.Add(new("Your email is not confirmed yet. Confirm it with this link, then sign in with the password you chose first:"));
            paragraphs.Add(new(await ConfirmLinkAsync(users, user, url), "Confirm my email"));
        }
        else
        {
            paragraphs.Add(new("Sign in here:"));
            paragraphs.Add(new(Absolute(url, "/Account/SignIn", null), "Sign in"));
        }

        paragraphs.Add(new("Forgot your password? You can choose a new one here:"));
        paragraphs.Add(new(Absolute(url, "/Account/ForgotPassword", null), "Reset my password"));
        paragraphs.Add(new("If this was not you, you can ignore this email."));
        return Compose(user, "You already have a RuralMarket account", paragraphs);
    }

    public static async Task<SendEmail> ResetPasswordAsync(UserManager<AppUser> users, AppUser user, IUrlHelper url)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = Absolute(url, "/Account/ResetPassword", new { code = EncodeCode(token) });
        return Compose(
            user,
            "Reset your RuralMarket password",
            [
                new("We got a request to reset the password for your RuralMarket account. Choose a new password here:"),
                new(link, "Choose a new password"),
                new("The link works for one day. If you did not ask for this, ignore this email: your password stays the same."),
            ]);
    }

    /// <summary>Tokens travel in links Base64Url-encoded, so no character needs escaping.</summary>
    public static string EncodeCode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token inside a link's code, or null when the code is not one we could have made.</summary>
    public static string? DecodeCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static async Task<string> ConfirmLinkAsync(UserManager<AppUser> users, AppUser user, IUrlHelper url)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        return Absolute(url, "/Account/ConfirmEmail", new { userId = user.Id, code = EncodeCode(token) });
    }

    private static string Absolute(IUrlHelper url, string page, object? values)
    {
        var http = url.ActionContext.HttpContext;
        var (scheme, host) = http.RequestServices.GetRequiredService<IOptions<PublicUrlOptions>>().Value.For(http.Request);
        return url.Page(page, pageHandler: null, values, scheme, host)
            ?? throw new InvalidOperationException($"No route to {page}.");
    }

    private static SendEmail Compose(AppUser user, string subject, IReadOnlyList<Paragraph> paragraphs)
    {
        var greeting = string.IsNullOrWhiteSpace(user.DisplayName) ? "Hi there," : $"Hi {user.DisplayName},";
        var text = new StringBuilder().Append(greeting).Append("\n\n");
        var html = new StringBuilder().Append("<p>").Append(WebUtility.HtmlEncode(greeting)).Append("</p>\n");
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph.Text).Append("\n\n");
            var encoded = WebUtility.HtmlEncode(paragraph.Text);
            html.Append(paragraph.LinkText is null
                ? $"<p>{encoded}</p>\n"
                : $"<p><a href=\"{encoded}\">{WebUtility.HtmlEncode(paragraph.LinkText)}</a><br><small>{encoded}</small></p>\n");
        }

        text.Append("The RuralMarket team\n");
        html.Append("<p>The RuralMarket team</p>\n");
        return new SendEmail(user.Email ?? throw new InvalidOperationException("The user has no email address."), subject, text.ToString(), html.ToString());
    }

    /// <summary>A paragraph of an email; with <see cref="LinkText"/>, <see cref="Text"/> is a link's address.</summary>
    private sealed record Paragraph(string Text, string? LinkText = null);
}
