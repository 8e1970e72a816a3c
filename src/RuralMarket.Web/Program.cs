using RuralMarket.Infrastructure;
using RuralMarket.Web;
using RuralMarket.Web.Commands;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
builder.AddSerilogLogging();
builder.AddInfrastructure();
builder.AddWeb();

var app = builder.Build();
if (await CommandLine.TryRunAsync(app, args))
{
    return;
}

await app.PrepareDatabaseAsync();
app.UseWeb();
app.MapWeb();

try
{
    await app.RunAsync();
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
