using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Features.SellerProducts;

namespace RuralMarket.Web.Features.Admin;

/// <summary>What the audit log is filtered by; every part optional. Dates are whole UTC days, both included.</summary>
public sealed class AuditFilter
{
    public string? Action { get; set; }

    public string? Target { get; set; }

    public string? Actor { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }
}

public sealed record AuditRowView(Guid Id, DateTime At, string? ActorEmail, string? ActorUserId, string Action, string TargetType, string TargetId, string? Reason, string? BeforeJson, string? AfterJson);

/// <summary>
/// Reads the audit log: filtered, newest first, a page at a time or all of it as CSV. Read only — the app has no
/// code path that edits or deletes an <see cref="Domain.Trust.AuditEntry"/>.
/// </summary>
public sealed class AuditLog(RuralMarketDbContext db)
{
    public const int PageSize = 50;

    /// <summary>At most this many rows go into one CSV file; narrow the filter for more.</summary>
    public const int MaxExportRows = 50_000;

    public async Task<(IReadOnlyList<AuditRowView> Rows, bool HasMore)> PageAsync(AuditFilter filter, int page, CancellationToken cancellationToken)
    {
        var rows = await Query(filter).Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        return (rows.Take(PageSize).ToList(), rows.Count > PageSize);
    }

    public async Task<string> CsvAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var csv = new StringBuilder();
        Csv.WriteRecord(csv, ["at_utc", "actor_email", "actor_user_id", "action", "target_type", "target_id", "reason", "before", "after"]);
        await foreach (var row in Query(filter).Take(MaxExportRows).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            Csv.WriteRecord(csv, new[]
            {
                row.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), row.ActorEmail ?? "", row.ActorUserId ?? "",
                row.Action, row.TargetType, row.TargetId, row.Reason ?? "", row.BeforeJson ?? "", row.AfterJson ?? "",
            }.Select(Defuse));
        }

        return csv.ToString();
    }

    /// <summary>A spreadsheet runs a cell that starts with = + - @ (or a tab or return) as a formula; a leading apostrophe keeps it text.</summary>
    public static string Defuse(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private IQueryable<AuditRowView> Query(AuditFilter filter)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            entries = entries.Where(a => a.Action.StartsWith(action));
        }

        if (!string.IsNullOrWhiteSpace(filter.Target))
        {
            // "Order", "RM-000123", a seller's id: matches the target's type or its id.
            var target = filter.Target.Trim();
            entries = entries.Where(a => a.TargetId == target || a.TargetType == target);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            var ids = db.Users.Where(u => u.Email == actor || u.Id == actor).Select(u => u.Id);
            entries = actor.Equals("system", StringComparison.OrdinalIgnoreCase)
                ? entries.Where(a => a.ActorUserId == null)
                : entries.Where(a => a.ActorUserId != null && ids.Contains(a.ActorUserId));
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.At < end);
        }

        return entries
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new AuditRowView(
                a.Id, a.At, db.Users.Where(u => u.Id == a.ActorUserId).Select(u => u.Email).FirstOrDefault(), a.ActorUserId,
                a.Action, a.TargetType, a.TargetId, a.Reason, a.BeforeJson, a.AfterJson));
    }
}
