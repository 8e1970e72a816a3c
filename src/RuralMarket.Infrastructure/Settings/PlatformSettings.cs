using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Fulfilment;
using RuralMarket.Infrastructure.Media.Video.Upload;

namespace RuralMarket.Infrastructure.Settings;

/// <summary>
/// The platform settings in force: <see cref="PlatformSetting"/> rows over configuration defaults, read once per
/// <see cref="PlatformSettingsOptions.CacheSeconds"/> per process and re-read at once after a change here.
/// Another process (a separate worker) sees a change within the cache lifetime.
/// </summary>
public sealed class PlatformSettings(
    RuralMarketDbContext db,
    PlatformSettingsCache cache,
    IConfiguration configuration,
    IOptions<FulfilmentWorkerOptions> fulfilment,
    IOptions<VideoUploadOptions> videoUploads,
    IOptions<PlatformSettingsOptions> options,
    TimeProvider clock)
{
    /// <summary>The values configuration gives when no admin has changed them.</summary>
    public PlatformSettingsSnapshot Defaults
    {
        get
        {
            var timers = fulfilment.Value;
            return new PlatformSettingsSnapshot(
                configuration.GetValue("Selling:DefaultCommissionBasisPoints", 1000),
                timers.ReminderAfter,
                timers.AutoCancelAfter,
                timers.AutoCompleteAfter,
                timers.PayoutHoldPeriod,
                videoUploads.Value.MaxBytes,
                videoUploads.Value.MaxDuration);
        }
    }

    public async Task<PlatformSettingsSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (cache.TryGet(now, out var cached))
        {
            return cached;
        }

        var generation = cache.Generation;
        var stored = await db.PlatformSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
        var current = Defaults.With(stored);
        cache.Store(current, now + TimeSpan.FromSeconds(Math.Max(0, options.Value.CacheSeconds)), generation);
        return current;
    }

    public async Task<int> DefaultCommissionBasisPointsAsync(CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).DefaultCommissionBasisPoints;

    public async Task<VideoUploadLimits> VideoUploadLimitsAsync(CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).VideoUploads;

    /// <summary>The configured fulfilment options with the admin's timers laid over them.</summary>
    public async Task<FulfilmentWorkerOptions> FulfilmentAsync(CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        var configured = fulfilment.Value;
        return new FulfilmentWorkerOptions
        {
            ReminderAfter = current.ReminderAfter,
            AutoCancelAfter = current.AutoCancelAfter,
            AutoCompleteAfter = current.AutoCompleteAfter,
            PayoutHoldPeriod = current.PayoutHoldPeriod,
            ReleaseRetryBaseDelay = configured.ReleaseRetryBaseDelay,
            ReleaseRetryMaxDelay = configured.ReleaseRetryMaxDelay,
            SweepInterval = configured.SweepInterval,
        };
    }

    /// <summary>
    /// Adds to the unit of work the rows that make <paramref name="wanted"/> the settings in force, and returns what
    /// changed as (key, before, after). Call <see cref="Changed"/> once the caller's SaveChanges succeeded.
    /// </summary>
    /// <exception cref="ArgumentException">A value breaks its rule (check <see cref="PlatformSettingsSnapshot.Problems"/> first).</exception>
    public async Task<IReadOnlyList<(string Key, string Before, string After)>> StageAsync(
        PlatformSettingsSnapshot wanted, string adminUserId, CancellationToken cancellationToken)
    {
        if (wanted.Problems().Count > 0)
        {
            throw new ArgumentException(wanted.Problems()[0].Message, nameof(wanted));
        }

        var rows = await db.PlatformSettings.ToDictionaryAsync(s => s.Key, cancellationToken);
        var before = Defaults.With(rows.ToDictionary(r => r.Key, r => r.Value.Value)).ToStored();
        var changes = new List<(string, string, string)>();
        foreach (var (key, value) in wanted.ToStored())
        {
            if (before[key] == value)
            {
                continue;
            }

            if (rows.TryGetValue(key, out var row))
            {
                row.Change(value, adminUserId, clock);
            }
            else
            {
                db.PlatformSettings.Add(PlatformSetting.Create(key, value, adminUserId, clock));
            }

            changes.Add((key, before[key], value));
        }

        return changes;
    }

    /// <summary>Forgets the cached settings so the next read sees the saved change.</summary>
    public void Changed() => cache.Invalidate();
}

/// <summary>The process-wide copy of the settings; a generation number stops a slow read from restoring stale values.</summary>
public sealed class PlatformSettingsCache
{
    private readonly Lock _gate = new();
    private PlatformSettingsSnapshot? _value;
    private DateTime _expiresAt;
    private long _generation;

    public long Generation
    {
        get
        {
            lock (_gate)
            {
                return _generation;
            }
        }
    }

    public bool TryGet(DateTime now, out PlatformSettingsSnapshot value)
    {
        lock (_gate)
        {
            value = _value!;
            return _value is not null && now < _expiresAt;
        }
    }

    public void Store(PlatformSettingsSnapshot value, DateTime expiresAt, long generation)
    {
        lock (_gate)
        {
            if (generation == _generation)
            {
                _value = value;
                _expiresAt = expiresAt;
            }
        }
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _value = null;
        }
    }
}
