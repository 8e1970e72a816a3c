using System.Globalization;

namespace RuralMarket.Infrastructure.Settings;

/// <summary>The video upload limits sellers' uploads are checked against.</summary>
public sealed record VideoUploadLimits(long MaxBytes, TimeSpan MaxDuration);

/// <summary>
/// Every platform setting an admin may change, as it is in force now: stored values over configuration defaults.
/// <see cref="Problems"/> holds the rules for each value, so the admin form and the stored rows obey the same bounds.
/// </summary>
public sealed record PlatformSettingsSnapshot(
    int DefaultCommissionBasisPoints,
    TimeSpan ReminderAfter,
    TimeSpan AutoCancelAfter,
    TimeSpan AutoCompleteAfter,
    TimeSpan PayoutHoldPeriod,
    long VideoMaxUploadBytes,
    TimeSpan VideoMaxDuration)
{
    public const int MaxCommissionBasisPoints = 5000;
    public const long MinVideoBytes = 1024 * 1024;
    public const long MaxVideoBytes = 10L * 1024 * 1024 * 1024;
    public static readonly TimeSpan MinTimer = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxTimer = TimeSpan.FromDays(60);
    public static readonly TimeSpan MinVideoDuration = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxVideoDuration = TimeSpan.FromHours(1);

    public VideoUploadLimits VideoUploads => new(VideoMaxUploadBytes, VideoMaxDuration);

    /// <summary>Each broken rule as (setting name, message for the admin). Empty when every value is allowed.</summary>
    public IReadOnlyList<(string Setting, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (DefaultCommissionBasisPoints is < 0 or > MaxCommissionBasisPoints)
        {
            problems.Add((nameof(DefaultCommissionBasisPoints), "The commission must be between 0 and 5000 basis points (0–50 %)."));
        }

        foreach (var (name, label, value) in new[]
        {
            (nameof(ReminderAfter), "The reminder", ReminderAfter),
            (nameof(AutoCancelAfter), "The automatic cancellation", AutoCancelAfter),
            (nameof(AutoCompleteAfter), "The automatic completion", AutoCompleteAfter),
            (nameof(PayoutHoldPeriod), "The payout hold", PayoutHoldPeriod),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                problems.Add((name, $"{label} must come after a positive number of hours."));
            }
            else if (value < MinTimer || value > MaxTimer)
            {
                problems.Add((name, $"{label} must be between 1 hour and 60 days."));
            }
        }

        if (ReminderAfter > TimeSpan.Zero && AutoCancelAfter > TimeSpan.Zero && ReminderAfter >= AutoCancelAfter)
        {
            problems.Add((nameof(AutoCancelAfter), "The automatic cancellation must come after the reminder: the seller is reminded first."));
        }

        if (VideoMaxUploadBytes is < MinVideoBytes or > MaxVideoBytes)
        {
            problems.Add((nameof(VideoMaxUploadBytes), "The largest video upload must be between 1 MB and 10,240 MB (10 GB)."));
        }

        if (VideoMaxDuration < MinVideoDuration || VideoMaxDuration > MaxVideoDuration)
        {
            problems.Add((nameof(VideoMaxDuration), "The longest video must be between 5 seconds and 1 hour."));
        }

        return problems;
    }

    /// <summary>The stored form of each value: invariant text, keyed as in the PlatformSettings table.</summary>
    internal IReadOnlyDictionary<string, string> ToStored() => new Dictionary<string, string>
    {
        [PlatformSettingKeys.DefaultCommissionBasisPoints] = DefaultCommissionBasisPoints.ToString(CultureInfo.InvariantCulture),
        [PlatformSettingKeys.ReminderAfter] = ReminderAfter.ToString("c", CultureInfo.InvariantCulture),
        [PlatformSettingKeys.AutoCancelAfter] = AutoCancelAfter.ToString("c", CultureInfo.InvariantCulture),
        [PlatformSettingKeys.AutoCompleteAfter] = AutoCompleteAfter.ToString("c", CultureInfo.InvariantCulture),
        [PlatformSettingKeys.PayoutHoldPeriod] = PayoutHoldPeriod.ToString("c", CultureInfo.InvariantCulture),
        [PlatformSettingKeys.VideoMaxUploadBytes] = VideoMaxUploadBytes.ToString(CultureInfo.InvariantCulture),
        [PlatformSettingKeys.VideoMaxDurationSeconds] = ((long)VideoMaxDuration.TotalSeconds).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>These values with every stored one that parses laid over them (a row that does not parse is ignored).</summary>
    internal PlatformSettingsSnapshot With(IReadOnlyDictionary<string, string> stored)
    {
        int Int(string key, int fallback) =>
            stored.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
        long Long(string key, long fallback) =>
            stored.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
        TimeSpan Span(string key, TimeSpan fallback) =>
            stored.TryGetValue(key, out var text) && TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var value) ? value : fallback;

        return new PlatformSettingsSnapshot(
            Int(PlatformSettingKeys.DefaultCommissionBasisPoints, DefaultCommissionBasisPoints),
            Span(PlatformSettingKeys.ReminderAfter, ReminderAfter),
            Span(PlatformSettingKeys.AutoCancelAfter, AutoCancelAfter),
            Span(PlatformSettingKeys.AutoCompleteAfter, AutoCompleteAfter),
            Span(PlatformSettingKeys.PayoutHoldPeriod, PayoutHoldPeriod),
            Long(PlatformSettingKeys.VideoMaxUploadBytes, VideoMaxUploadBytes),
            TimeSpan.FromSeconds(Long(PlatformSettingKeys.VideoMaxDurationSeconds, (long)VideoMaxDuration.TotalSeconds)));
    }
}

public static class PlatformSettingKeys
{
    public const string DefaultCommissionBasisPoints = "commission.default-basis-points";
    public const string ReminderAfter = "fulfilment.reminder-after";
    public const string AutoCancelAfter = "fulfilment.auto-cancel-after";
    public const string AutoCompleteAfter = "fulfilment.auto-complete-after";
    public const string PayoutHoldPeriod = "fulfilment.payout-hold-period";
    public const string VideoMaxUploadBytes = "video.max-upload-bytes";
    public const string VideoMaxDurationSeconds = "video.max-duration-seconds";
}
