using System.Globalization;
using Npgsql;

namespace RuralMarket.Bench.Baseline;

/// <summary>
/// One method per storefront page: the page's SQL (kept in step with what EF logs for the real page; run.sh
/// saves that log next to each result) and a hand-written rendering of the rows.
/// </summary>
public sealed class StorefrontQueries(NpgsqlDataSource dataSource)
{
    private const int PageSize = 24;
    private const int VideosShown = 6;
    private const int SellersShown = 12;
    private const int SellerVideosShown = 6;
    private const int ProductVideosShown = 3;
    private const int InSeasonCandidates = 500;
    private const int CategoryCountCap = 1000; // the first page's cap, CountCaps.For(1, 24): categories and searches

    private static readonly Dictionary<string, (int Id, string Name)> _categories = new(StringComparer.Ordinal)
    {
        ["produce"] = (1, "Produce"),
        ["meat-eggs"] = (2, "Meat & eggs"),
        ["dairy"] = (3, "Dairy"),
        ["honey-preserves"] = (4, "Honey & preserves"),
        ["baked-goods"] = (5, "Baked goods"),
        ["crafts"] = (6, "Crafts"),
        ["home-garden"] = (7, "Home & garden"),
        ["plants-seeds"] = (8, "Plants & seeds"),
        ["farm-stays-experiences"] = (9, "Farm stays & experiences"),
    };

    // A card's columns: the product, its seller, whether a ready, published, visible video tags it, and its first photo.
    private const string CardColumns = """
        p."Title", p."Slug", s."Name", s."Slug", s."Town", s."Region", p."PriceAmount", p."PriceCurrency", p."UnitLabel", p."Stock", p."CategoryId",
        EXISTS (
            SELECT 1 FROM "Videos" AS v
            WHERE v."Status" = 'Ready' AND v."Published" AND v."Moderation" = 'Visible'
              AND EXISTS (SELECT 1 FROM "VideoProductTags" AS t WHERE v."Id" = t."VideoId" AND t."ProductId" = p."Id")),
        (SELECT i."StorageKey" FROM "ProductImages" AS i WHERE i."ProductId" = p."Id" ORDER BY i."SortOrder" LIMIT 1) AS "Cover"
        """;

    // Search marks a card "video" when the seller has any video or one tags the product, and reads the seller's
    // position for distances.
    private const string SearchCardColumns = """
        p."Title", p."Slug", s."Name", s."Slug", s."Town", s."Region", p."PriceAmount", p."PriceCurrency", p."UnitLabel", p."Stock", p."CategoryId",
        EXISTS (
            SELECT 1 FROM "Videos" AS v
            WHERE v."Status" = 'Ready' AND v."Published" AND v."Moderation" = 'Visible'
              AND (v."SellerId" = s."Id" OR EXISTS (SELECT 1 FROM "VideoProductTags" AS t WHERE v."Id" = t."VideoId" AND t."ProductId" = p."Id"))),
        p."Id", p."CreatedAt", s."Latitude", s."Longitude", s."OffersLocalDelivery", s."DeliveryRadiusKm",
        (SELECT i."StorageKey" FROM "ProductImages" AS i WHERE i."ProductId" = p."Id" ORDER BY i."SortOrder" LIMIT 1) AS "Cover"
        """;

    private const string Listed = """
        FROM "Products" AS p
        INNER JOIN "Sellers" AS s ON p."SellerId" = s."Id"
        WHERE p."Status" = 'Active' AND p."Moderation" = 'Visible' AND s."Status" = 'Approved'
        """;

    public async Task HomeAsync(HttpContext context)
    {
        var month = DateTime.UtcNow.Month;
        var page = new HtmlPage("RuralMarket");
        page.Raw("<section class=\"hero\"><h1>Buy straight from the farm, the workshop and the kitchen.</h1></section>");
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);

        page.Raw("<section aria-labelledby=\"in-season\"><h2 id=\"in-season\">In season now</h2><ul class=\"grid\">");
        await using (var command = Command(context, 
            $"""
            SELECT p."Title", p."Slug", p."Name", p."SellerSlug", p."Town", p."Region", p."PriceAmount", p."PriceCurrency", p."UnitLabel", p."Stock", p."CategoryId",
                EXISTS (
                    SELECT 1 FROM "Videos" AS v
                    WHERE v."Status" = 'Ready' AND v."Published" AND v."Moderation" = 'Visible'
                      AND EXISTS (SELECT 1 FROM "VideoProductTags" AS t WHERE v."Id" = t."VideoId" AND t."ProductId" = p."Id")),
                (SELECT i."StorageKey" FROM "ProductImages" AS i WHERE i."ProductId" = p."Id" ORDER BY i."SortOrder" LIMIT 1) AS "Cover"
            FROM (
                SELECT p."Id", p."Title", p."Slug", p."PriceAmount", p."PriceCurrency", p."UnitLabel", p."Stock", p."CategoryId", p."SeasonStartMonth", p."CreatedAt",
                       s."Name", s."Slug" AS "SellerSlug", s."Town", s."Region"
                {Listed}
                  AND (p."SeasonStartMonth" = 0
                    OR (p."SeasonStartMonth" <= p."SeasonEndMonth" AND p."SeasonStartMonth" <= @month AND @month <= p."SeasonEndMonth")
                    OR (p."SeasonStartMonth" > p."SeasonEndMonth" AND (@month >= p."SeasonStartMonth" OR @month <= p."SeasonEndMonth")))
                ORDER BY p."CreatedAt" DESC
                LIMIT @candidates
            ) AS p
            ORDER BY p."Stock" > 0 DESC, p."SeasonStartMonth" <> 0 DESC, p."CreatedAt" DESC
            LIMIT @take
            """,
            connection))
        {
            command.Parameters.AddWithValue("month", month);
            command.Parameters.AddWithValue("candidates", InSeasonCandidates);
            command.Parameters.AddWithValue("take", PageSize);
            await RenderCardsAsync(command, page, context.RequestAborted);
        }

        page.Raw("</ul></section><section aria-labelledby=\"videos\"><h2 id=\"videos\">Latest videos</h2><ul class=\"videos\">");
        await using (var command = Command(context, 
            """
            SELECT v."Title", s."Name", s."Slug", v."PosterKey", v."DurationSeconds"
            FROM "Videos" AS v
            INNER JOIN "Sellers" AS s ON v."SellerId" = s."Id"
            WHERE v."Status" = 'Ready' AND v."Published" AND v."Moderation" = 'Visible' AND s."Status" = 'Approved'
            ORDER BY v."PublishedAt" DESC
            LIMIT @take
            """,
            connection))
        {
            command.Parameters.AddWithValue("take", VideosShown);
            await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
            while (await reader.ReadAsync(context.RequestAborted))
            {
                page.Raw("<li class=\"card video-card\"><a href=\"/s/").Text(reader.GetString(2)).Raw("\">");
                if (!reader.IsDBNull(3))
                {
                    page.Raw("<img src=\"/media/").Text(reader.GetString(3)).Raw("\" width=\"640\" height=\"360\" loading=\"lazy\" decoding=\"async\" alt=\"\">");
                }

                page.Raw("<strong>").Text(reader.GetString(0)).Raw("</strong></a><span class=\"muted small\">").Text(reader.GetString(1)).Raw(" · ")
                    .Raw(TimeSpan.FromSeconds(reader.GetDouble(4)).ToString("m\\:ss", CultureInfo.InvariantCulture)).Raw("</span></li>");
            }
        }

        page.Raw("</ul></section><section aria-labelledby=\"sellers\"><h2 id=\"sellers\">Meet the sellers</h2><ul class=\"sellers\">");
        await using (var command = Command(context, 
            """
            SELECT s."Name", s."Slug", s."Town", s."Region", s."OffersPickup", s."OffersLocalDelivery", s."OffersShipping", (
                SELECT count(*)::int FROM "Products" AS p
                WHERE p."SellerId" = s."Id" AND p."Status" = 'Active' AND p."Moderation" = 'Visible')
            FROM "Sellers" AS s
            WHERE s."Status" = 'Approved'
            ORDER BY s."Name"
            LIMIT @take
            """,
            connection))
        {
            command.Parameters.AddWithValue("take", SellersShown);
            await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
            while (await reader.ReadAsync(context.RequestAborted))
            {
                page.Raw("<li class=\"card seller-card\"><a href=\"/s/").Text(reader.GetString(1)).Raw("\"><strong>").Text(reader.GetString(0))
                    .Raw("</strong></a><span class=\"where\">").Text(Place(reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)))
                    .Raw("</span><span class=\"small\">");
                if (reader.GetBoolean(6))
                {
                    page.Raw("<span class=\"badge\">Ships</span>");
                }

                if (reader.GetBoolean(5))
                {
                    page.Raw("<span class=\"badge\">Delivers nearby</span>");
                }

                if (reader.GetBoolean(4))
                {
                    page.Raw("<span class=\"badge\">Farm pickup</span>");
                }

                page.Raw("</span><span class=\"muted small\">").Raw(reader.GetInt32(7).ToString(CultureInfo.InvariantCulture)).Raw(" products</span></li>");
            }
        }

        page.Raw("</ul></section>");
        await page.WriteAsync(context);
    }

    public async Task CategoryAsync(HttpContext context, string slug)
    {
        if (!_categories.TryGetValue(slug, out var category))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var page = new HtmlPage(category.Name);
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        int total;
        await using (var count = Command(context, $"""SELECT count(*)::int FROM (SELECT p."Id" {Listed} AND p."CategoryId" = @category LIMIT @cap) AS t""", connection))
        {
            count.Parameters.AddWithValue("category", category.Id);
            count.Parameters.AddWithValue("cap", CategoryCountCap + 1);
            total = (int)(await count.ExecuteScalarAsync(context.RequestAborted))!;
        }

        var counted = total > CategoryCountCap ? CategoryCountCap.ToString("N0", CultureInfo.InvariantCulture) + "+" : total.ToString(CultureInfo.InvariantCulture);
        page.Raw("<h1>").Text(category.Name).Raw("</h1><p class=\"muted\">").Raw(counted).Raw(" products</p><ul class=\"grid\">");
        await using (var command = Command(context, 
            $"""
            SELECT {CardColumns}
            {Listed} AND p."CategoryId" = @category
            ORDER BY p."CreatedAt" DESC, p."Id" DESC
            LIMIT @take OFFSET 0
            """,
            connection))
        {
            command.Parameters.AddWithValue("category", category.Id);
            command.Parameters.AddWithValue("take", PageSize);
            await RenderCardsAsync(command, page, context.RequestAborted);
        }

        page.Raw("</ul><nav class=\"pager\" aria-label=\"Pages\"><a rel=\"next\" href=\"/c/").Text(slug).Raw("?page=2\">Next</a></nav>");
        await page.WriteAsync(context);
    }

    public async Task SearchAsync(HttpContext context, string text)
    {
        var page = new HtmlPage("Search");
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        int total;
        // Counted as far as the pager needs, like the app's search (CountCaps: 1,000 for the first page).
        await using (var count = Command(context,
            $"""SELECT count(*)::int FROM (SELECT p."Id" {Listed} AND p."SearchVector" @@ websearch_to_tsquery('english', @q) LIMIT @cap) AS t""", connection))
        {
            count.Parameters.AddWithValue("q", text);
            count.Parameters.AddWithValue("cap", CategoryCountCap + 1);
            total = (int)(await count.ExecuteScalarAsync(context.RequestAborted))!;
        }

        var counted = total > CategoryCountCap ? CategoryCountCap.ToString("N0", CultureInfo.InvariantCulture) + "+" : total.ToString(CultureInfo.InvariantCulture);
        page.Raw("<h1>Results for “").Text(text).Raw("”</h1><p class=\"muted\">").Raw(counted).Raw(" products</p><ul class=\"grid\">");
        await using (var command = Command(context, 
            $"""
            SELECT {SearchCardColumns}
            {Listed} AND p."SearchVector" @@ websearch_to_tsquery('english', @q)
            ORDER BY ts_rank(p."SearchVector", websearch_to_tsquery('english', @q))::double precision DESC, p."CreatedAt" DESC, p."Id"
            LIMIT @take OFFSET 0
            """,
            connection))
        {
            command.Parameters.AddWithValue("q", text);
            command.Parameters.AddWithValue("take", PageSize);
            await RenderCardsAsync(command, page, context.RequestAborted);
        }

        page.Raw("</ul>");
        await page.WriteAsync(context);
    }

    public async Task ProductAsync(HttpContext context, string sellerSlug, string productSlug)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        await using var command = Command(context, 
            """
            SELECT t.*, i."StorageKey", i."AltText"
            FROM (
                SELECT p."Id", p."Title", p."Description", p."PriceAmount", p."PriceCurrency", p."UnitLabel", p."Stock", p."AllowedFulfilment",
                       p."CategoryId", p."SeasonStartMonth", p."SeasonEndMonth",
                       s."Name", s."Slug", s."Town", s."Region", s."OffersPickup", s."PickupHours", s."OffersLocalDelivery", s."DeliveryRadiusKm",
                       s."LocalDeliveryFeeAmount", s."OffersShipping", s."ShippingFeeAmount",
                       EXISTS (
                           SELECT 1 FROM "Videos" AS v
                           WHERE v."Status" = 'Ready' AND v."Published" AND v."Moderation" = 'Visible'
                             AND EXISTS (SELECT 1 FROM "VideoProductTags" AS vt WHERE v."Id" = vt."VideoId" AND vt."ProductId" = p."Id")) AS "HasVideo"
                FROM "Products" AS p
                INNER JOIN "Sellers" AS s ON p."SellerId" = s."Id"
                WHERE p."Status" = 'Active' AND p."Moderation" = 'Visible' AND s."Status" = 'Approved'
                  AND s."Slug" = @seller AND p."Slug" = @product
                LIMIT 1
            ) AS t
            LEFT JOIN "ProductImages" AS i ON t."Id" = i."ProductId"
            ORDER BY t."Id", i."SortOrder"
            """,
            connection);
        command.Parameters.AddWithValue("seller", sellerSlug);
        command.Parameters.AddWithValue("product", productSlug);
        await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
        if (!await reader.ReadAsync(context.RequestAborted))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // One row per image (at least one row): the product's columns repeat on each.
        var row = new object[reader.FieldCount];
        reader.GetValues(row);
        var images = new List<(string Key, string Alt)>();
        do
        {
            if (!reader.IsDBNull(23))
            {
                images.Add((reader.GetString(23), reader.GetString(24)));
            }
        }
        while (await reader.ReadAsync(context.RequestAborted));

        var title = (string)row[1];
        var page = new HtmlPage(title);
        page.Raw("<article class=\"product\"><div class=\"gallery\">");
        foreach (var (key, alt) in images)
        {
            page.Raw("<img src=\"/media/").Text(key).Raw("\" alt=\"").Text(alt).Raw("\" width=\"390\" height=\"390\">");
        }

        page.Raw("</div><h1>").Text(title).Raw("</h1>");
        if ((bool)row[22])
        {
            page.Raw("<p class=\"video-mark\">▶ video</p>");
        }

        var stock = (int)row[6];
        var seasonStart = (int)row[9];
        page.Raw("<p><span class=\"price\">").Raw(Money((long)row[3])).Raw("</span> <span class=\"unit\">").Text((string)row[5]).Raw("</span></p>")
            .Raw("<p>").Raw(stock == 0 ? "Sold out" : stock.ToString(CultureInfo.InvariantCulture) + " in stock").Raw("</p>")
            .Raw("<p>In season: ").Raw(seasonStart == 0 ? "all year" : seasonStart.ToString(CultureInfo.InvariantCulture) + "–" + ((int)row[10]).ToString(CultureInfo.InvariantCulture)).Raw("</p>")
            .Raw("<div class=\"description\"><p>").Text((string)row[2]).Raw("</p></div>")
            .Raw("<aside class=\"card seller-card\"><a href=\"/s/").Text((string)row[12]).Raw("\">").Text((string)row[11]).Raw("</a> <span class=\"where\">")
            .Text(Place((string)row[13], row[14] as string)).Raw("</span></aside><ul class=\"fulfilment\">");
        var allowed = (int)row[7];
        if ((allowed & 1) != 0 && (bool)row[20])
        {
            page.Raw("<li>Shipping ").Raw(Money((long)row[21])).Raw("</li>");
        }

        if ((allowed & 2) != 0 && (bool)row[15])
        {
            page.Raw("<li>Pickup ").Text(row[16] as string ?? "").Raw("</li>");
        }

        if ((allowed & 4) != 0 && (bool)row[17])
        {
            page.Raw("<li>Local delivery within ").Raw(((int)row[18]).ToString(CultureInfo.InvariantCulture)).Raw(" km, ").Raw(Money((long)row[19])).Raw("</li>");
        }

        page.Raw("</ul><form method=\"post\" action=\"/cart/add\"><input type=\"hidden\" name=\"productId\" value=\"").Raw(((Guid)row[0]).ToString())
            .Raw("\"><label for=\"qty\">Quantity</label><input id=\"qty\" name=\"quantity\" type=\"number\" value=\"1\" min=\"1\"><button>Add to cart</button></form>");
        await reader.DisposeAsync();
        if ((bool)row[22])
        {
            await RenderProductVideosAsync(context, connection, (Guid)row[0], page);
        }

        page.Raw("</article>");
        await page.WriteAsync(context);
    }

    /// <summary>
    /// The videos that tag a product, newest first, each with its tags and the tagged products still for sale: the
    /// app's players query (StorefrontVideos.PlayersAsync), one row per tag.
    /// </summary>
    private static async Task RenderProductVideosAsync(HttpContext context, NpgsqlConnection connection, Guid productId, HtmlPage page)
    {
        await using var command = Command(context,
            """
            SELECT t."Id", t."Title", t."Mp4FallbackKey", t."MasterPlaylistKey", t."PosterKey", t."Width", t."Height", t."DurationSeconds", t."Name",
                   tag."StartSecond", tag."Title", tag."Slug", tag."SellerSlug", tag."PriceAmount", tag."UnitLabel"
            FROM (
                SELECT v."Id", v."Title", v."Mp4FallbackKey", v."MasterPlaylistKey", v."PosterKey", v."Width", v."Height", v."DurationSeconds", v."PublishedAt", s."Name"
                FROM "Videos" AS v
                INNER JOIN "Sellers" AS s ON v."SellerId" = s."Id"
                WHERE v."Status" = 'Ready' AND v."Published" AND v."Moderation" = 'Visible' AND s."Status" = 'Approved'
                  AND EXISTS (SELECT 1 FROM "VideoProductTags" AS vt WHERE v."Id" = vt."VideoId" AND vt."ProductId" = @product)
                ORDER BY v."PublishedAt" DESC, v."Id" DESC
                LIMIT @take
            ) AS t
            LEFT JOIN (
                SELECT vt."VideoId", vt."StartSecond", p."Title", p."Slug", ps."Slug" AS "SellerSlug", p."PriceAmount", p."UnitLabel"
                FROM "VideoProductTags" AS vt
                INNER JOIN "Products" AS p ON vt."ProductId" = p."Id"
                INNER JOIN "Sellers" AS ps ON p."SellerId" = ps."Id"
                WHERE p."Status" = 'Active' AND p."Moderation" = 'Visible' AND ps."Status" = 'Approved'
            ) AS tag ON t."Id" = tag."VideoId"
            ORDER BY t."PublishedAt" DESC, t."Id" DESC, tag."StartSecond"
            """,
            connection);
        command.Parameters.AddWithValue("product", productId);
        command.Parameters.AddWithValue("take", ProductVideosShown);
        await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
        page.Raw("<section class=\"product-videos\"><h2>See it in videos</h2>");
        Guid? current = null;
        while (await reader.ReadAsync(context.RequestAborted))
        {
            var id = reader.GetGuid(0);
            if (id != current)
            {
                page.Raw(current is null ? "" : "</ol></figure>");
                current = id;
                page.Raw("<figure class=\"player\"><video controls playsinline preload=\"none\" width=\"").Raw(reader.GetInt32(5).ToString(CultureInfo.InvariantCulture))
                    .Raw("\" height=\"").Raw(reader.GetInt32(6).ToString(CultureInfo.InvariantCulture)).Raw("\" data-hls=\"/media/").Text(reader.GetString(3))
                    .Raw("\" poster=\"/media/").Text(reader.IsDBNull(4) ? "" : reader.GetString(4)).Raw("\"><source src=\"/media/").Text(reader.GetString(2))
                    .Raw("\" type=\"video/mp4\"></video><figcaption>").Text(reader.GetString(1)).Raw(" · ").Text(reader.GetString(8)).Raw(" · ")
                    .Raw(TimeSpan.FromSeconds(reader.GetDouble(7)).ToString("m\\:ss", CultureInfo.InvariantCulture)).Raw("</figcaption><ol class=\"tags\">");
            }

            if (!reader.IsDBNull(10))
            {
                page.Raw("<li><a href=\"/p/").Text(reader.GetString(12)).Raw("/").Text(reader.GetString(11)).Raw("\" data-start=\"")
                    .Raw(reader.GetInt32(9).ToString(CultureInfo.InvariantCulture)).Raw("\">").Text(reader.GetString(10)).Raw(" ")
                    .Raw(Money(reader.GetInt64(13))).Raw(" ").Text(reader.GetString(14)).Raw("</a></li>");
            }
        }

        page.Raw(current is null ? "</section>" : "</ol></figure></section>");
    }

    public async Task SellerAsync(HttpContext context, string slug)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.RequestAborted);
        HtmlPage page;
        Guid sellerId;
        await using (var command = Command(context, 
            """
            SELECT s."Id", s."Name", s."Story", s."Town", s."Region", s."OffersPickup", s."PickupHours", s."OffersLocalDelivery", s."DeliveryRadiusKm",
                   s."OffersShipping", s."ShippingFeeAmount", s."Latitude", s."Longitude"
            FROM "Sellers" AS s
            WHERE s."Slug" = @slug AND s."Status" = 'Approved'
            LIMIT 1
            """,
            connection))
        {
            command.Parameters.AddWithValue("slug", slug);
            await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
            if (!await reader.ReadAsync(context.RequestAborted))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            sellerId = reader.GetGuid(0);
            page = new HtmlPage(reader.GetString(1));
            page.Raw("<header class=\"seller\"><h1>").Text(reader.GetString(1)).Raw("</h1><p class=\"where\">")
                .Text(Place(reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4))).Raw("</p></header>");
            foreach (var paragraph in reader.GetString(2).Split("\n\n"))
            {
                page.Raw("<p>").Text(paragraph).Raw("</p>");
            }

            if (reader.GetBoolean(5))
            {
                page.Raw("<p>Pickup: ").Text(reader.IsDBNull(6) ? "" : reader.GetString(6)).Raw("</p>");
            }
        }

        int total;
        await using (var count = Command(context, $"""SELECT count(*)::int {Listed} AND p."SellerId" = @seller""", connection))
        {
            count.Parameters.AddWithValue("seller", sellerId);
            total = (int)(await count.ExecuteScalarAsync(context.RequestAborted))!;
        }

        page.Raw("<h2>Products (").Raw(total.ToString(CultureInfo.InvariantCulture)).Raw(")</h2><ul class=\"grid\">");
        await using (var command = Command(context, 
            $"""
            SELECT {CardColumns}
            {Listed} AND p."SellerId" = @seller
            ORDER BY p."CreatedAt" DESC, p."Id" DESC
            LIMIT @take OFFSET 0
            """,
            connection))
        {
            command.Parameters.AddWithValue("seller", sellerId);
            command.Parameters.AddWithValue("take", PageSize);
            await RenderCardsAsync(command, page, context.RequestAborted);
        }

        page.Raw("</ul>");

        // The seller's newest videos, like the page's video cards (the page runs this on its first page only).
        await using (var command = Command(context,
            """
            SELECT v."Id", v."Title", s."Name", s."Slug", v."PosterKey", v."DurationSeconds"
            FROM "Videos" AS v
            INNER JOIN "Sellers" AS s ON v."SellerId" = s."Id"
            WHERE v."Status" = 'Ready' AND v."Published" AND v."Moderation" = 'Visible' AND s."Status" = 'Approved' AND v."SellerId" = @seller
            ORDER BY v."PublishedAt" DESC, v."Id" DESC
            LIMIT @take
            """,
            connection))
        {
            command.Parameters.AddWithValue("seller", sellerId);
            command.Parameters.AddWithValue("take", SellerVideosShown);
            await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
            var any = false;
            while (await reader.ReadAsync(context.RequestAborted))
            {
                page.Raw(any ? "" : "<h2>Videos</h2><ul class=\"videos\">");
                any = true;
                page.Raw("<li class=\"card video-card\"><a href=\"/v/").Raw(reader.GetGuid(0).ToString()).Raw("\">");
                if (!reader.IsDBNull(4))
                {
                    page.Raw("<img src=\"/media/").Text(reader.GetString(4)).Raw("\" width=\"640\" height=\"360\" loading=\"lazy\" decoding=\"async\" alt=\"\">");
                }

                page.Raw("<strong>").Text(reader.GetString(1)).Raw("</strong></a><span class=\"muted small\">").Text(reader.GetString(2)).Raw(" · ")
                    .Raw(TimeSpan.FromSeconds(reader.GetDouble(5)).ToString("m\\:ss", CultureInfo.InvariantCulture)).Raw("</span></li>");
            }

            page.Raw(any ? "</ul>" : "");
        }

        await page.WriteAsync(context);
    }

    /// <summary>Renders rows of <see cref="CardColumns"/> as product cards, like the app's _ProductCard partial.</summary>
    private static async Task RenderCardsAsync(NpgsqlCommand command, HtmlPage page, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var cover = reader.GetOrdinal("Cover");
        while (await reader.ReadAsync(cancellationToken))
        {
            var title = reader.GetString(0);
            var sellerSlug = reader.GetString(3);
            var stock = reader.GetInt32(9);
            page.Raw("<li class=\"card product-card\"><div class=\"thumb\" aria-hidden=\"true\">");
            if (reader.IsDBNull(cover))
            {
                page.Text(title[..1]);
            }
            else
            {
                page.Raw("<img src=\"/media/").Text(reader.GetString(cover)).Raw("\" alt=\"\" loading=\"lazy\" decoding=\"async\">");
            }

            if (reader.GetBoolean(11))
            {
                page.Raw("<span class=\"video-mark\">▶ video</span>");
            }

            page.Raw("</div><div class=\"card-body\"><a class=\"card-title\" href=\"/p/").Text(sellerSlug).Raw("/").Text(reader.GetString(1)).Raw("\">").Text(title)
                .Raw("</a><span><span class=\"price\">").Raw(Money(reader.GetInt64(6))).Raw("</span> <span class=\"unit\">").Text(reader.GetString(8))
                .Raw("</span></span><span class=\"muted small\"><a href=\"/s/").Text(sellerSlug).Raw("\">").Text(reader.GetString(2)).Raw("</a> · ")
                .Text(Place(reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5))).Raw("</span>");
            if (stock == 0)
            {
                page.Raw("<span><span class=\"badge out\">Sold out</span></span>");
            }
            else if (stock <= 5)
            {
                page.Raw("<span><span class=\"badge\">Only ").Raw(stock.ToString(CultureInfo.InvariantCulture)).Raw(" left</span></span>");
            }

            page.Raw("</div></li>");
        }
    }

    /// <summary>A command on the request's connection, counted (the count goes out in a response header, see <see cref="HtmlPage"/>).</summary>
    private static NpgsqlCommand Command(HttpContext context, string sql, NpgsqlConnection connection)
    {
        context.Items[HtmlPage.CommandsHeader] = (context.Items[HtmlPage.CommandsHeader] as int? ?? 0) + 1;
        return new NpgsqlCommand(sql, connection);
    }

    private static string Place(string town, string? region) => string.IsNullOrEmpty(region) ? town : town + ", " + region;

    private static string Money(long cents) => (cents / 100m).ToString("$#,##0.00", CultureInfo.InvariantCulture);
}
