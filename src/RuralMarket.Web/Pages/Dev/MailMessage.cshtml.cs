using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MimeKit;
using RuralMarket.Infrastructure.Email;

namespace RuralMarket.Web.Pages.Dev;

/// <summary>One dropped email: headers and text body, with its links clickable. Returns 404 outside Development.</summary>
public sealed partial class MailMessageModel(MailDropFolder mailDrop, IWebHostEnvironment environment) : PageModel
{
    public string FileName { get; private set; } = "";

    public string From { get; private set; } = "";

    public string To { get; private set; } = "";

    public DateTime SentAt { get; private set; }

    public string Subject { get; private set; } = "";

    public bool HasHtml { get; private set; }

    /// <summary>The text body, line by line, each line split into plain text and links.</summary>
    public IReadOnlyList<IReadOnlyList<BodyPart>> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? file, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || string.IsNullOrEmpty(file) || mailDrop.Find(file) is not { } path)
        {
            return NotFound();
        }

        var message = await MimeMessage.LoadAsync(path, cancellationToken);
        FileName = Path.GetFileName(path);
        From = message.From.ToString();
        To = message.To.ToString();
        SentAt = message.Date.UtcDateTime;
        Subject = message.Subject ?? "";
        HasHtml = message.HtmlBody is not null;
        Lines = (message.TextBody ?? "").ReplaceLineEndings("\n").TrimEnd().Split('\n').Select(Split).ToList();
        return Page();
    }

    private static List<BodyPart> Split(string line)
    {
        var parts = new List<BodyPart>();
        var at = 0;
        foreach (Match match in Link().Matches(line))
        {
            var url = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')');
            parts.Add(new BodyPart(line[at..match.Index], IsLink: false));
            parts.Add(new BodyPart(url, IsLink: true));
            at = match.Index + url.Length;
        }

        parts.Add(new BodyPart(line[at..], IsLink: false));
        return parts;
    }

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}

public sealed record BodyPart(string Text, bool IsLink);
