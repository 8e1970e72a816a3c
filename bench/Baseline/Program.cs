using Npgsql;
using RuralMarket.Bench.Baseline;

// The benchmark's baseline: the storefront's routes, each running the same SQL as the real page with raw,
// pooled Npgsql and writing HTML by hand (no EF, no Razor, no middleware beyond routing). The X-Bench-Size
// request header pads the page to the real page's size, so both sides send the same number of bytes.
var builder = WebApplication.CreateSlimBuilder(args);
var connectionString = builder.Configuration["BENCH_CONNECTION_STRING"]
    ?? throw new InvalidOperationException("Set BENCH_CONNECTION_STRING to the bench database's Npgsql connection string.");
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
builder.Services.AddSingleton<StorefrontQueries>();

var app = builder.Build();
app.MapGet("/health", () => "ok");
app.MapGet("/", (StorefrontQueries q, HttpContext c) => q.HomeAsync(c));
app.MapGet("/c/{slug}", (string slug, StorefrontQueries q, HttpContext c) => q.CategoryAsync(c, slug));
app.MapGet("/search", (string? q, StorefrontQueries queries, HttpContext c) => queries.SearchAsync(c, q ?? ""));
app.MapGet("/p/{sellerSlug}/{productSlug}", (string sellerSlug, string productSlug, StorefrontQueries q, HttpContext c) => q.ProductAsync(c, sellerSlug, productSlug));
app.MapGet("/s/{slug}", (string slug, StorefrontQueries q, HttpContext c) => q.SellerAsync(c, slug));
app.Run();
