using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Email;

namespace RuralMarket.Web.Pages.Dev;

/// <summary>The emails the app has "sent" in Development, newest first. Returns 404 in any other environment.</summary>
public sealed class MailModel(MailDropFolder mailDrop, IOptions<EmailOptions> email, IWebHostEnvironment environment) : PageModel
{
    private const int Shown = 100;

    public IReadOnlyList<DroppedMail> Mails { get; private set; } = [];

    public string Folder => mailDrop.Path;

    /// <summary>With SMTP configured, new mail leaves the machine and never reaches the drop folder.</summary>
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(email.Value.SmtpHost);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        Mails = await mailDrop.ListAsync(Shown, cancellationToken);
        return Page();
    }
}
