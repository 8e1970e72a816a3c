using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Settings;

namespace RuralMarket.Web.Features.Admin;

/// <summary>The settings form in the units admins think in: percent as basis points, hours, megabytes, seconds.</summary>
public sealed class SettingsInput
{
    public int? DefaultCommissionBasisPoints { get; set; }

    public decimal? ReminderAfterHours { get; set; }

    public decimal? AutoCancelAfterHours { get; set; }

    public decimal? AutoCompleteAfterHours { get; set; }

    public decimal? PayoutHoldHours { get; set; }

    public long? VideoMaxUploadMegabytes { get; set; }

    public int? VideoMaxDurationSeconds { get; set; }

    public static SettingsInput From(PlatformSettingsSnapshot s) => new()
    {
        DefaultCommissionBasisPoints = s.DefaultCommissionBasisPoints,
        ReminderAfterHours = Hours(s.ReminderAfter),
        AutoCancelAfterHours = Hours(s.AutoCancelAfter),
        AutoCompleteAfterHours = Hours(s.AutoCompleteAfter),
        PayoutHoldHours = Hours(s.PayoutHoldPeriod),
        VideoMaxUploadMegabytes = s.VideoMaxUploadBytes / (1024 * 1024),
        VideoMaxDurationSeconds = (int)s.VideoMaxDuration.TotalSeconds,
    };

    private static decimal Hours(TimeSpan span) => Math.Round((decimal)span.TotalHours, 2);
}

/// <summary>
/// Changes the platform settings: every value checked against its rule (nothing saved when one breaks it), the
/// changed rows and one audit entry with before and after written in one save, then the cache forgotten so the
/// change applies at once.
/// </summary>
public sealed class SettingsEditor(RuralMarketDbContext db, PlatformSettings settings, TimeProvider clock)
{
    /// <summary>Field errors as (input property, message); empty when saved. The message in Done says what changed.</summary>
    public async Task<(IReadOnlyList<(string Field, string Message)> Errors, string? Done)> SaveAsync(SettingsInput input, string adminUserId, CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        TimeSpan Hours(decimal? hours, string field)
        {
            if (hours is null)
            {
                errors.Add((field, "Enter a number of hours."));
                return TimeSpan.Zero;
            }

            return hours.Value switch
            {
                <= 0 => TimeSpan.Zero,
                > 100_000 => TimeSpan.FromDays(10_000),
                _ => TimeSpan.FromMinutes((double)Math.Round(hours.Value * 60m)),
            };
        }

        if (input.DefaultCommissionBasisPoints is null)
        {
            errors.Add((nameof(SettingsInput.DefaultCommissionBasisPoints), "Enter the commission in basis points (1000 = 10 %)."));
        }

        var wanted = new PlatformSettingsSnapshot(
            input.DefaultCommissionBasisPoints ?? 0,
            Hours(input.ReminderAfterHours, nameof(SettingsInput.ReminderAfterHours)),
            Hours(input.AutoCancelAfterHours, nameof(SettingsInput.AutoCancelAfterHours)),
            Hours(input.AutoCompleteAfterHours, nameof(SettingsInput.AutoCompleteAfterHours)),
            Hours(input.PayoutHoldHours, nameof(SettingsInput.PayoutHoldHours)),
            input.VideoMaxUploadMegabytes is { } mb and > 0 and < 1_000_000 ? mb * 1024 * 1024 : 0,
            TimeSpan.FromSeconds(input.VideoMaxDurationSeconds ?? 0));
        foreach (var (setting, message) in wanted.Problems())
        {
            var field = setting switch
            {
                nameof(PlatformSettingsSnapshot.ReminderAfter) => nameof(SettingsInput.ReminderAfterHours),
                nameof(PlatformSettingsSnapshot.AutoCancelAfter) => nameof(SettingsInput.AutoCancelAfterHours),
                nameof(PlatformSettingsSnapshot.AutoCompleteAfter) => nameof(SettingsInput.AutoCompleteAfterHours),
                nameof(PlatformSettingsSnapshot.PayoutHoldPeriod) => nameof(SettingsInput.PayoutHoldHours),
                nameof(PlatformSettingsSnapshot.VideoMaxUploadBytes) => nameof(SettingsInput.VideoMaxUploadMegabytes),
                nameof(PlatformSettingsSnapshot.VideoMaxDuration) => nameof(SettingsInput.VideoMaxDurationSeconds),
                _ => setting,
            };
            if (!errors.Exists(e => e.Item1 == field))
            {
                errors.Add((field, message));
            }
        }

        if (errors.Count > 0)
        {
            return (errors, null);
        }

        var changes = await settings.StageAsync(wanted, adminUserId, cancellationToken);
        if (changes.Count == 0)
        {
            return ([], "Nothing changed.");
        }

        db.AuditEntries.Add(AuditEntry.Record(
            adminUserId, "settings.changed", "PlatformSettings", string.Join(",", changes.Select(c => c.Key)).Truncate(100), null,
            JsonSerializer.Serialize(changes.ToDictionary(c => c.Key, c => c.Before)),
            JsonSerializer.Serialize(changes.ToDictionary(c => c.Key, c => c.After)),
            clock));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ([(string.Empty, AdminOutcome.ChangedMeanwhile)], null);
        }

        settings.Changed();
        return ([], string.Create(CultureInfo.InvariantCulture, $"Saved {changes.Count} changed {(changes.Count == 1 ? "setting" : "settings")}. They apply now."));
    }
}

internal static class TextExtensions
{
    public static string Truncate(this string text, int length) => text.Length <= length ? text : text[..length];
}
