using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Infrastructure.Email;

/// <summary>The job that delivers one email. Enqueue it in the same save as the change the email is about.</summary>
public sealed record SendEmail(string To, string Subject, string TextBody, string? HtmlBody = null) : IJob
{
    public static string JobType => "email.send";
}

public sealed class SendEmailHandler(IEmailSender sender) : IJobHandler<SendEmail>
{
    public Task HandleAsync(SendEmail job, CancellationToken cancellationToken) =>
        sender.SendAsync(new EmailMessage(job.To, job.Subject, job.TextBody, job.HtmlBody), cancellationToken);
}
