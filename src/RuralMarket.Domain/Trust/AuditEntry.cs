using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Trust;

/// <summary>Who did what to what, when and why — written for every admin and money action, never changed.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Action = null!;
        TargetType = null!;
        TargetId = null!;
    }

    public Guid Id { get; private init; }

    /// <summary>Null when the system acted (a timer or a payment event).</summary>
    public string? ActorUserId { get; private init; }

    public string Action { get; private init; }

    public string TargetType { get; private init; }

    public string TargetId { get; private init; }

    public string? Reason { get; private init; }

    public string? BeforeJson { get; private init; }

    public string? AfterJson { get; private init; }

    public DateTime At { get; private init; }

    public static AuditEntry Record(
        string? actorUserId,
        string action,
        string targetType,
        string targetId,
        string? reason,
        string? beforeJson,
        string? afterJson,
        TimeProvider clock) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            ActorUserId = Guard.OptionalText(actorUserId, "The actor's user id", 450),
            Action = Guard.Text(action, "An audit action", 100),
            TargetType = Guard.Text(targetType, "An audit target type", 100),
            TargetId = Guard.Text(targetId, "An audit target id", 100),
            Reason = Guard.OptionalText(reason, "An audit reason", 2000),
            BeforeJson = string.IsNullOrWhiteSpace(beforeJson) ? null : beforeJson,
            AfterJson = string.IsNullOrWhiteSpace(afterJson) ? null : afterJson,
            At = clock.GetUtcNow().UtcDateTime,
        };
}
