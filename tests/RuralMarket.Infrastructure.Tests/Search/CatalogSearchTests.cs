using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Identity;
using RuralMarket.Infrastructure.Search;
using RuralMarket.Infrastructure.Tests.Support;

namespace RuralMarket.Infrastructure.Tests.Search;

public sealed partial class CatalogSearchTests
{
    private static readonly string[] Words =
    [
        "apple", "pear", "plum", "cherry", "squash", "pumpkin", "onion", "garlic", "carrot", "beet", "kale", "chard", "lettuce",
        "potato", "bean", "pea", "corn", "wheat", "rye", "oat", "barley", "honey", "jam", "jelly", "butter", "cheese", "milk",
        "yogurt", "cream", "egg", "duck", "goose", "lamb", "pork", "beef", "bacon", "sausage", "basket", "bowl", "spoon",
        "candle", "soap", "wool", "yarn", "quilt", "seed", "bulb", "tree", "shrub", "herb", "mint", "sage", "thyme", "dill",
    ];

    private static Task<TestDatabaseHost> StartAsync(DatabaseProvider provider, List<string>? sql = null) =>
        TestDatabaseHost.StartAsync(provider, services =>
        {
            services.AddCatalogSearch();
            if (sql is not null && provider == DatabaseProvider.Postgres)
            {
                services.ConfigureDbContext<PostgresRuralMarketDbContext>(o => o.AddInterceptors(new CommandRecorder(sql)));
            }
        });

    private static async Task<Seller> AddSellerAsync(RuralMarketDbContext db, TimeProvider clock, string name, double lat = 44.6, double lng = -72.4)
    {
        var owner = new AppUser { UserName = $"{Guid.NewGuid():N}@example.com", Email = $"{Guid.NewGuid():N}@example.com", DisplayName = name };
        db.Users.Add(owner);
        var seller = Seller.Apply(owner.Id, name, null, new SellerLocation("Town", "VT", "05826", "US", lat, lng),
            new FulfilmentOptions(true, "Farm gate", null, null, false, 0, Money.Zero("USD"), true, new Money(900, "USD"), Money.Zero("USD")), 1000, clock);
        seller.Approve("admin", clock);
        db.Sellers.Add(seller);
        await db.SaveChangesAsync();
        return seller;
    }

    private static Product NewProduct(Guid sellerId, string title, string description, TimeProvider clock, SeasonWindow? season = null, long cents = 500)
    {
        var product = Product.Create(sellerId, title, description, 1, new Money(cents, "USD"), "each", 10,
            FulfilmentMethod.Pickup | FulfilmentMethod.Shipping, false, season ?? SeasonWindow.AllYear, clock);
        product.Publish(clock);
        return product;
    }

    private static async Task<CatalogSearchResults> SearchAsync(TestDatabaseHost host, CatalogSearchQuery query)
    {
        await using var scope = host.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ICatalogSearch>().SearchAsync(query, CancellationToken.None);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Has_video_means_a_ready_published_visible_video_tags_the_product_or_is_by_its_seller(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        VideoListing video;
        await using (var scope = host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
            var hill = await AddSellerAsync(db, host.Clock, "Hill Farm");
            var vale = await AddSellerAsync(db, host.Clock, "Vale Farm");
            var tagged = NewProduct(hill.Id, "Tagged squash", "Shown in the video.", host.Clock);
            var untagged = NewProduct(hill.Id, "Quiet squash", "Not in any video.", host.Clock);
            var bySeller = NewProduct(vale.Id, "Vale squash", "Its seller made the video.", host.Clock);
            db.Products.AddRange(tagged, untagged, bySeller);

            video = VideoListing.Create(vale.Id, "Harvest day", null, host.Clock);
            video.StartProcessing(new VideoSourceFacts(1000, null, 30, 1920, 1080, "h264", "aac"));
            video.Tag(tagged.Id, 5, 10);
            db.Videos.Add(video);
            await db.SaveChangesAsync();

            (await SearchAsync(host, new CatalogSearchQuery { HasVideo = true })).Items.Should().BeEmpty("the video is still processing");

            video.MarkReady([new VideoRendition(360, 700, "v/360.m3u8")], "v/master.m3u8", "v/fallback.mp4", "v/poster.jpg");
            await db.SaveChangesAsync();
            (await SearchAsync(host, new CatalogSearchQuery { HasVideo = true })).Items.Should().BeEmpty("the video is not published");

            video.Publish(host.Clock);
            await db.SaveChangesAsync();
        }

        var found = await SearchAsync(host, new CatalogSearchQuery { HasVideo = true, Text = "squash" });
        found.Items.Select(i => i.Title).Should().BeEquivalentTo("Tagged squash", "Vale squash");
        found.Items.Should().OnlyContain(i => i.HasVideo);
        (await SearchAsync(host, new CatalogSearchQuery { Text = "quiet" })).Items.Single().HasVideo.Should().BeFalse();

        await using (var scope = host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
            (await db.Videos.SingleAsync()).Hide("Moderation");
            await db.SaveChangesAsync();
        }

        (await SearchAsync(host, new CatalogSearchQuery { HasVideo = true })).Items.Should().BeEmpty("a hidden video shows nothing");
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task In_season_follows_the_clock_and_wraps_over_the_new_year(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        await using (var scope = host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
            var seller = await AddSellerAsync(db, host.Clock, "Season Farm");
            db.Products.AddRange(
                NewProduct(seller.Id, "Winter kale", "", host.Clock, new SeasonWindow(11, 2)),
                NewProduct(seller.Id, "Summer peaches", "", host.Clock, new SeasonWindow(6, 8)),
                NewProduct(seller.Id, "Maple syrup", "", host.Clock));
            await db.SaveChangesAsync();
        }

        host.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 15, 12, 0, 0, TimeSpan.Zero));
        (await SearchAsync(host, new CatalogSearchQuery { InSeason = true })).Items.Select(i => i.Title)
            .Should().BeEquivalentTo("Winter kale", "Maple syrup");

        host.Clock.SetUtcNow(new DateTimeOffset(2027, 7, 15, 12, 0, 0, TimeSpan.Zero));
        (await SearchAsync(host, new CatalogSearchQuery { InSeason = true })).Items.Select(i => i.Title)
            .Should().BeEquivalentTo("Summer peaches", "Maple syrup");
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_common_word_is_counted_only_as_far_as_the_pager_needs(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        await using (var scope = host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
            var seller = await AddSellerAsync(db, host.Clock, "Seed Library Farm");
            db.Products.AddRange(Enumerable.Range(1, 1030).Select(i => NewProduct(seller.Id, $"Heirloom seed packet {i}", "Saved on the farm.", host.Clock)));
            await db.SaveChangesAsync();
        }

        var first = await SearchAsync(host, new CatalogSearchQuery { Text = "seed" });
        first.TotalCount.Should().Be(1000);
        first.MoreBeyond.Should().BeTrue();
        first.CountText.Should().Be("1,000+");
        first.Items.Should().HaveCount(CatalogSearch.PageSize);
        first.HasNext.Should().BeTrue();

        // Deeper pages count further: page 45 needs more than a thousand, so all 1,030 are counted and the page is clamped to the last.
        var deep = await SearchAsync(host, new CatalogSearchQuery { Text = "seed", Page = 45 });
        deep.TotalCount.Should().Be(1030);
        deep.MoreBeyond.Should().BeFalse();
        deep.CountText.Should().Be("1,030");
        deep.Page.Should().Be(43);
        deep.Items.Should().HaveCount(1030 - (42 * CatalogSearch.PageSize));
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Out_of_range_input_is_clamped_never_thrown(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        await using (var scope = host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
            var seller = await AddSellerAsync(db, host.Clock, "Clamp Farm");
            db.Products.AddRange(Enumerable.Range(1, 30).Select(i => NewProduct(seller.Id, $"Jar {i}", "", host.Clock, cents: 100 * i)));
            await db.SaveChangesAsync();
        }

        var huge = await SearchAsync(host, new CatalogSearchQuery { Page = int.MaxValue, Sort = (CatalogSort)99, MinPrice = -5, MaxPrice = -1 });
        huge.Page.Should().Be(2);
        huge.Items.Should().HaveCount(6);
        huge.TotalCount.Should().Be(30);

        var negative = await SearchAsync(host, new CatalogSearchQuery { Page = -3, Sort = CatalogSort.Distance, Text = new string('x', 5000) });
        negative.Page.Should().Be(1);
        negative.Sort.Should().Be(CatalogSort.Relevance, "distance needs an origin");
    }

    [Fact]
    public async Task On_PostgreSQL_with_100k_products_search_plans_use_the_indexes_not_a_scan_of_products()
    {
        var sql = new List<string>();
        await using var host = await StartAsync(DatabaseProvider.Postgres, sql);
        await using (var scope = host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
            var sellers = new List<Seller>();
            for (var i = 0; i < 20; i++)
            {
                sellers.Add(await AddSellerAsync(db, host.Clock, $"Farm {i}", 40 + (i * 0.3), -100 + (i * 0.5)));
            }

            var random = new Random(42);
            for (var batch = 0; batch < 2; batch++)
            {
                for (var i = 0; i < 500; i++)
                {
                    var n = (batch * 500) + i;
                    string Word() => Words[random.Next(Words.Length)];
                    var title = n % 125 == 7 ? $"Saffron {Word()} {n}" : $"{Word()} {Word()} {n}";
                    db.Products.Add(NewProduct(sellers[n % sellers.Count].Id, title, $"{Word()} {Word()} {Word()} {Word()} from the farm.", host.Clock, cents: 100 + n));
                }

                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }

            // A hundred times as many, copied in SQL (fast); copies never say "saffron", so it stays a rare word.
            var columns = await db.Database.SqlQueryRaw<string>(
                "SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name = 'Products' AND is_generated = 'NEVER' ORDER BY ordinal_position")
                .ToListAsync();
            var values = columns.Select(c => c switch
            {
                "Id" => "gen_random_uuid()",
                "Slug" => "p.\"Slug\" || '-' || g",
                "Title" => "replace(p.\"Title\", 'Saffron', 'Paprika')",
                _ => $"p.\"{c}\"",
            });
#pragma warning disable EF1002 // column names come from the catalog, not from input
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO \"Products\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT {string.Join(", ", values)} FROM \"Products\" AS p CROSS JOIN generate_series(1, 99) AS g");
#pragma warning restore EF1002
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
            (await db.Products.CountAsync()).Should().Be(100_000);
        }

        sql.Clear();
        var exact = await SearchAsync(host, new CatalogSearchQuery { Text = "saffron" });
        exact.TotalCount.Should().Be(8);
        var loose = await SearchAsync(host, new CatalogSearchQuery { Text = "safron" });
        loose.MatchedLoosely.Should().BeTrue();
        loose.Items.Should().HaveCount(8);
        sql.Should().HaveCount(5, "count + page for the exact search; exact count, looser count and page for the typo");

        // Every filter and sort, each with the rare word (the buyer's usual search).
        var farm = new GeoPoint(40, -100);
        CatalogSearchQuery[] filtered =
        [
            new() { Text = "saffron", CategoryId = 1 },
            new() { Text = "saffron", MinPrice = 100, MaxPrice = 900 },
            new() { Text = "saffron", Fulfilment = FulfilmentMethod.Shipping },
            new() { Text = "saffron", HasVideo = true },
            new() { Text = "saffron", InSeason = true },
            new() { Text = "saffron", Origin = farm, WithinKm = 250 },
            new() { Text = "saffron", Sort = CatalogSort.Newest },
            new() { Text = "saffron", Sort = CatalogSort.PriceLowToHigh },
            new() { Text = "saffron", Origin = farm, Sort = CatalogSort.Distance, Page = 2 },
        ];
        foreach (var query in filtered)
        {
            await SearchAsync(host, query);
        }

        sql.Should().HaveCountGreaterThan(5 + filtered.Length);

        await using var scope2 = host.CreateScope();
        await using var connection = new NpgsqlConnection(scope2.ServiceProvider.GetRequiredService<RuralMarketDbContext>().Database.GetConnectionString());
        await connection.OpenAsync();
        foreach (var command in sql)
        {
            await using var explain = new NpgsqlCommand("EXPLAIN " + command, connection);
            var plan = string.Join('\n', await ReadLinesAsync(explain));
            plan.Should().NotMatchRegex(SeqScanOnProducts().ToString(), "no search should read every product:\n{0}\n{1}", command, plan);
            plan.Should().Contain("Index", "the plan uses an index:\n{0}", plan);
        }
    }

    private static async Task<List<string>> ReadLinesAsync(NpgsqlCommand command)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    [GeneratedRegex("Seq Scan on \"?Products\"?")]
    private static partial Regex SeqScanOnProducts();

    /// <summary>Keeps each query's SQL with its parameter values inlined as literals, ready for EXPLAIN.</summary>
    private sealed class CommandRecorder(List<string> sql) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"Products\"", StringComparison.Ordinal) && command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.Ordinal))
            {
                var text = command.CommandText;
                foreach (var parameter in command.Parameters.Cast<NpgsqlParameter>().OrderByDescending(p => p.ParameterName.Length))
                {
                    var name = parameter.ParameterName.StartsWith('@') ? parameter.ParameterName : "@" + parameter.ParameterName;
                    text = text.Replace(name, Literal(parameter.Value), StringComparison.Ordinal);
                }

                lock (sql)
                {
                    sql.Add(text);
                }
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        private static string Literal(object? value) => value switch
        {
            null or DBNull => "NULL",
            string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
            bool b => b ? "TRUE" : "FALSE",
            Guid g => $"'{g}'::uuid",
            Guid[] ids => ids.Length == 0 ? "'{}'::uuid[]" : "ARRAY[" + string.Join(", ", ids.Select(g => $"'{g}'::uuid")) + "]",
            double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "::double precision",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => "'" + value + "'",
        };
    }
}
