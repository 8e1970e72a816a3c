using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RuralMarket.Web.Infrastructure;

/// <summary>
/// Empties the storefront's output cache when what it shows changes: any SQL that writes products, their images,
/// sellers, videos or video tags — SaveChanges, ExecuteUpdate (stock) or raw SQL alike — evicts
/// <see cref="StorefrontCache.Tag"/> once the write is committed (straight away outside a transaction).
/// Coarse on purpose: one tag for the whole storefront, so a hidden product or a suspended seller disappears
/// everywhere at once; a page that was already rendering with the old data when the change committed can live on
/// for at most <see cref="StorefrontCacheOptions.Seconds"/>.
/// </summary>
public sealed partial class CatalogChangeEviction(IOutputCacheStore store, ILogger<CatalogChangeEviction> logger) : IDbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly object Pending = new();

    /// <summary>Contexts that wrote catalog rows inside a transaction not yet committed.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _dirty = [];

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Observe(command, eventData.Context);
        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await ObserveAsync(command, eventData.Context);
        return result;
    }

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Observe(command, eventData.Context);
        return result;
    }

    public async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        await ObserveAsync(command, eventData.Context);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && _dirty.Remove(context))
        {
            Evict().AsTask().GetAwaiter().GetResult();
        }
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _dirty.Remove(context))
        {
            await Evict();
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _dirty.Remove(context);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    /// <summary>Whether this SQL writes a table the storefront shows.</summary>
    public static bool WritesCatalog(string sql) =>
        !sql.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
        && !sql.AsSpan().TrimStart().StartsWith("-- " + RuralMarket.Infrastructure.Media.Video.Analytics.VideoCounters.NoEvictionTag, StringComparison.Ordinal) // video counters: never shown in the storefront
        && CatalogWrite().IsMatch(sql);

    private void Observe(DbCommand command, DbContext? context)
    {
        if (Dirties(command, context))
        {
            Evict().AsTask().GetAwaiter().GetResult();
        }
    }

    private async ValueTask ObserveAsync(DbCommand command, DbContext? context)
    {
        if (Dirties(command, context))
        {
            await Evict();
        }
    }

    /// <summary>True when the write is already committed (no transaction); inside one, remembers it for the commit.</summary>
    private bool Dirties(DbCommand command, DbContext? context)
    {
        if (!WritesCatalog(command.CommandText))
        {
            return false;
        }

        if (command.Transaction is null || context is null)
        {
            return true;
        }

        _dirty.AddOrUpdate(context, Pending);
        return false;
    }

    private async ValueTask Evict()
    {
        try
        {
            await store.EvictByTagAsync(StorefrontCache.Tag, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The write itself succeeded; a failed eviction leaves pages at most a cache lifetime old.
            LogEvictionFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not evict the storefront output cache after a catalog change")]
    private static partial void LogEvictionFailed(ILogger logger, Exception exception);

    [GeneratedRegex("""\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:\w+\.)?"?(?:Products|ProductImages|Sellers|Videos|VideoProductTags)"?(?:\s|\(|$)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CatalogWrite();
}
