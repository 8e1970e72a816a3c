using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Trust;

/// <summary>A buyer flags a product, video or seller; a moderator acts on it or dismisses it.</summary>
public sealed class Report
{
    public const int MaxDetailsLength = 1000;

    private Report()
    {
        ReporterUserId = null!;
    }

    public Guid Id { get; private set; }

    public string ReporterUserId { get; private set; }

    public ReportTarget Target { get; private set; }

    public Guid TargetId { get; private set; }

    public ReportReason Reason { get; private set; }

    public string? Details { get; private set; }

    public ReportStatus Status { get; private set; }

    public string? ResolvedByUserId { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    public string? ResolutionNote { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => Status == ReportStatus.Open;

    public static Report Create(
        string reporterUserId,
        ReportTarget target,
        Guid targetId,
        ReportReason reason,
        string? details,
        TimeProvider clock)
    {
        Guard.That(Enum.IsDefined(target), "Choose what you are reporting.");
        Guard.That(Enum.IsDefined(reason), "Choose a reason for the report.");
        var text = reason == ReportReason.Other
            ? Guard.Text(details, "A description of what is wrong", MaxDetailsLength)
            : Guard.OptionalText(details, "A description of what is wrong", MaxDetailsLength);
        return new Report
        {
            Id = Guid.CreateVersion7(),
            ReporterUserId = Guard.Text(reporterUserId, "The reporter's user id", 450),
            Target = target,
            TargetId = targetId,
            Reason = reason,
            Details = text,
            Status = ReportStatus.Open,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Version = 1,
        };
    }

    /// <summary>The moderator did something about it (hid the listing, suspended the seller).</summary>
    public void Action(string moderatorUserId, string? note, TimeProvider clock) =>
        Resolve(ReportStatus.Actioned, moderatorUserId, note, clock);

    public void Dismiss(string moderatorUserId, string? note, TimeProvider clock) =>
        Resolve(ReportStatus.Dismissed, moderatorUserId, note, clock);

    private void Resolve(ReportStatus outcome, string moderatorUserId, string? note, TimeProvider clock)
    {
        Guard.That(IsOpen, "This report has already been resolved.");
        ResolvedByUserId = Guard.Text(moderatorUserId, "The moderator's user id", 450);
        ResolutionNote = Guard.OptionalText(note, "A resolution note", 1000);
        ResolvedAt = clock.GetUtcNow().UtcDateTime;
        Status = outcome;
        Version++;
    }
}
