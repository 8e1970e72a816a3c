using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Infrastructure.Email;

public sealed record DroppedMail(string FileName, DateTime SentAt, string To, string Subject, string TextBody);

/// <summary>The development mail sink: every email becomes an .eml file under {DataDirectory}/mail.</summary>
public sealed class MailDropFolder(IOptions<StorageOptions> storage, IOptions<EmailOptions> email, IHostEnvironment environment, TimeProvider clock) : IEmailSender
{
    public string Path => System.IO.Path.Combine(DataPaths.Resolve(storage.Value, environment), "mail");

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path);
        var mime = MimeMessages.From(message, email.Value);
        mime.Date = clock.GetUtcNow();
        var name = $"{clock.GetUtcNow():yyyyMMdd-HHmmssfff}-{Guid.NewGuid():N}.eml";
        var temp = System.IO.Path.Combine(Path, name + ".tmp");
        await mime.WriteToAsync(temp, cancellationToken);
        File.Move(temp, System.IO.Path.Combine(Path, name)); // readers never see a half-written file
    }

    public async Task<IReadOnlyList<DroppedMail>> ListAsync(int take, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }

        var files = new DirectoryInfo(Path).GetFiles("*.eml")
            .OrderByDescending(f => f.Name, StringComparer.Ordinal)
            .Take(take);
        var mails = new List<DroppedMail>();
        foreach (var file in files)
        {
            var mime = await MimeMessage.LoadAsync(file.FullName, cancellationToken);
            mails.Add(new DroppedMail(file.Name, mime.Date.UtcDateTime, mime.To.ToString(), mime.Subject ?? "", mime.TextBody ?? ""));
        }

        return mails;
    }

    public string? Find(string fileName)
    {
        var safeName = System.IO.Path.GetFileName(fileName);
        var full = System.IO.Path.Combine(Path, safeName);
        return safeName.EndsWith(".eml", true, CultureInfo.InvariantCulture) && File.Exists(full) ? full : null;
    }
}
