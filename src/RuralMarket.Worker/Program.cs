using RuralMarket.Infrastructure;
using Serilog;

// The same background services the web app hosts by default, alone in a process for scale-out.
// Run several against one PostgreSQL: jobs are claimed with FOR UPDATE SKIP LOCKED.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));
builder.AddInfrastructure();
builder.Services.AddBackgroundWork();

var host = builder.Build();
try
{
    await host.RunAsync();
}
finally
{
    await Log.CloseAndFlushAsync();
}
