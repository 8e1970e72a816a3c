using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    [Required, EmailAddress]
    public string From { get; set; } = "hello@ruralmarket.local";

    [Required]
    public string FromName { get; set; } = "RuralMarket";

    /// <summary>SMTP host; when empty, emails are written as .eml files under the data directory's mail folder.</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>StartTLS when the server offers it; set false only for a local catcher such as Mailpit.</summary>
    public bool SmtpUseTls { get; set; } = true;
}
