namespace RuralMarket.Infrastructure.Email;

public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>Delivers an email now. Application code does not call this directly: it enqueues <see cref="SendEmail"/>.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
