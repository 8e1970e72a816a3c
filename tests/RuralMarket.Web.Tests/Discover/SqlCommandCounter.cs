using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Discover;

/// <summary>Records every SQL command the app sends, so a test can count what one page costs.</summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();

    public IReadOnlyList<string> Commands => [.. _commands];

    /// <summary>
    /// The same app on the same database, with this counter on every DbContext. Without <paramref name="outputCache"/>
    /// storefront pages are rendered every time, so the count is what a page costs to render.
    /// </summary>
    public WebApplicationFactory<Program> Attach(AppFactory app, bool outputCache = false) =>
        app.WithWebHostBuilder(builder => builder
            .UseSetting("StorefrontCache:Enabled", outputCache ? "true" : "false")
            .ConfigureServices(services =>
            {
                services.ConfigureDbContext<SqliteRuralMarketDbContext>(options => options.AddInterceptors(this));
                services.ConfigureDbContext<PostgresRuralMarketDbContext>(options => options.AddInterceptors(this));
            }));

    /// <summary>The commands one GET of <paramref name="url"/> ran.</summary>
    public async Task<IReadOnlyList<string>> CommandsForAsync(HttpClient client, string url)
    {
        _commands.Clear();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsStringAsync();
        return Commands;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        _commands.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        _commands.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        _commands.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }
}
