-- Bench catalog: 2,000 approved sellers spread over the rural US, 100,000 products, 5,000 ready and
-- published videos tagged with products. Runs against a database the app's own migrations created
-- (`RuralMarket.Web migrate`), straight into the real tables. Deterministic (fixed ids and seed).
-- psql variables: sellers, products, videos (run.sh passes them; --quick uses smaller numbers).
\set ON_ERROR_STOP on
\timing off
BEGIN;
SELECT setseed(0.42) AS seeded \gset

-- Rural towns with their real coordinates; sellers are scattered up to ~40 km around them.
CREATE TEMP TABLE bench_towns (n int PRIMARY KEY, town text, region text, postal text, lat float8, lng float8) ON COMMIT DROP;
INSERT INTO bench_towns (n, town, region, postal, lat, lng)
SELECT row_number() OVER (), t.* FROM (VALUES
  ('Hardwick', 'VT', '05843', 44.505, -72.368), ('Brattleboro', 'VT', '05301', 42.851, -72.558),
  ('Farmington', 'ME', '04938', 44.671, -70.151), ('Presque Isle', 'ME', '04769', 46.681, -68.016),
  ('Keene', 'NH', '03431', 42.934, -72.278), ('Great Barrington', 'MA', '01230', 42.196, -73.362),
  ('Hudson', 'NY', '12534', 42.253, -73.791), ('Penn Yan', 'NY', '14527', 42.661, -77.054),
  ('Lancaster', 'PA', '17602', 40.038, -76.306), ('Wellsboro', 'PA', '16901', 41.749, -77.300),
  ('Frederick', 'MD', '21701', 39.414, -77.411), ('Staunton', 'VA', '24401', 38.150, -79.072),
  ('Floyd', 'VA', '24091', 36.911, -80.320), ('Lewisburg', 'WV', '24901', 37.802, -80.446),
  ('Boone', 'NC', '28607', 36.217, -81.675), ('Pittsboro', 'NC', '27312', 35.720, -79.177),
  ('Travelers Rest', 'SC', '29690', 34.968, -82.443), ('Madison', 'GA', '30650', 33.595, -83.468),
  ('Quincy', 'FL', '32351', 30.587, -84.583), ('Fairhope', 'AL', '36532', 30.523, -87.903),
  ('Oxford', 'MS', '38655', 34.366, -89.519), ('Franklin', 'TN', '37064', 35.925, -86.869),
  ('Berea', 'KY', '40403', 37.569, -84.296), ('Athens', 'OH', '45701', 39.329, -82.101),
  ('Millersburg', 'OH', '44654', 40.555, -81.918), ('Shipshewana', 'IN', '46565', 41.673, -85.580),
  ('Traverse City', 'MI', '49684', 44.763, -85.621), ('Viroqua', 'WI', '54665', 43.557, -90.889),
  ('Door County', 'WI', '54235', 44.834, -87.377), ('Northfield', 'MN', '55057', 44.458, -93.161),
  ('Decorah', 'IA', '52101', 43.303, -91.786), ('Kalona', 'IA', '52247', 41.483, -91.706),
  ('Galena', 'IL', '61036', 42.417, -90.429), ('Hermann', 'MO', '65041', 38.704, -91.437),
  ('Fayetteville', 'AR', '72701', 36.063, -94.157), ('Ruston', 'LA', '71270', 32.523, -92.638),
  ('Fredericksburg', 'TX', '78624', 30.275, -98.872), ('Nacogdoches', 'TX', '75961', 31.604, -94.655),
  ('Stillwater', 'OK', '74074', 36.116, -97.058), ('Lawrence', 'KS', '66044', 38.972, -95.235),
  ('Hastings', 'NE', '68901', 40.586, -98.389), ('Spearfish', 'SD', '57783', 44.491, -103.859),
  ('Dickinson', 'ND', '58601', 46.879, -102.790), ('Bozeman', 'MT', '59715', 45.677, -111.043),
  ('Driggs', 'ID', '83422', 43.723, -111.111), ('Sheridan', 'WY', '82801', 44.797, -106.956),
  ('Paonia', 'CO', '81428', 38.868, -107.592), ('Taos', 'NM', '87571', 36.407, -105.573),
  ('Willcox', 'AZ', '85643', 32.253, -109.832), ('Torrey', 'UT', '84775', 38.300, -111.419),
  ('Elko', 'NV', '89801', 40.832, -115.763), ('Sebastopol', 'CA', '95472', 38.402, -122.824),
  ('Paso Robles', 'CA', '93446', 35.627, -120.691), ('Hood River', 'OR', '97031', 45.705, -121.521),
  ('Corvallis', 'OR', '97330', 44.565, -123.262), ('Walla Walla', 'WA', '99362', 46.065, -118.343),
  ('Port Townsend', 'WA', '98368', 48.117, -122.760), ('Palmer', 'AK', '99645', 61.600, -149.113),
  ('Waimea', 'HI', '96743', 20.023, -155.672), ('Litchfield', 'CT', '06759', 41.747, -73.189)
) AS t(town, region, postal, lat, lng);

CREATE TEMP TABLE bench_words (kind text, n int, word text, PRIMARY KEY (kind, n)) ON COMMIT DROP;
INSERT INTO bench_words (kind, n, word)
SELECT kind, row_number() OVER (PARTITION BY kind), word FROM (VALUES
  ('first', 'Black River'), ('first', 'Maple Hollow'), ('first', 'Cedar Creek'), ('first', 'Stony Brook'),
  ('first', 'Willow Bend'), ('first', 'Red Barn'), ('first', 'Hilltop'), ('first', 'Green Acre'),
  ('first', 'Bluebird'), ('first', 'Three Oaks'), ('first', 'Sunny Slope'), ('first', 'Prairie Wind'),
  ('first', 'Old Mill'), ('first', 'Fox Run'), ('first', 'Juniper Ridge'), ('first', 'Copper Kettle'),
  ('first', 'Wild Rose'), ('first', 'Deer Meadow'), ('first', 'Honeybee'), ('first', 'Long Valley'),
  ('second', 'Farm'), ('second', 'Homestead'), ('second', 'Orchard'), ('second', 'Creamery'),
  ('second', 'Apiary'), ('second', 'Gardens'), ('second', 'Ranch'), ('second', 'Bakehouse'),
  ('second', 'Workshop'), ('second', 'Family Farm'), ('second', 'Farmstead'), ('second', 'Market Garden')
) AS w(kind, word);

-- Per category: product nouns with a unit, a price range in cents and whether it has a season.
CREATE TEMP TABLE bench_nouns (category int, n int, noun text, unit text, min_cents int, max_cents int, seasonal bool, PRIMARY KEY (category, n)) ON COMMIT DROP;
INSERT INTO bench_nouns (category, n, noun, unit, min_cents, max_cents, seasonal)
SELECT category, row_number() OVER (PARTITION BY category), noun, unit, lo, hi, seasonal FROM (VALUES
  (1, 'Honeycrisp apples', 'per lb', 250, 450, true), (1, 'Gala apples', 'per lb', 200, 400, true),
  (1, 'heirloom tomatoes', 'per lb', 350, 650, true), (1, 'sweet corn', 'per dozen', 600, 1000, true),
  (1, 'russet potatoes', '5 lb bag', 500, 900, false), (1, 'rainbow carrots', 'per bunch', 300, 500, true),
  (1, 'butternut squash', 'each', 250, 500, true), (1, 'blueberries', 'per pint', 500, 800, true),
  (1, 'strawberries', 'per quart', 600, 900, true), (1, 'salad greens', 'per bag', 400, 700, true),
  (1, 'garlic', 'per head', 150, 300, true), (1, 'peaches', 'per lb', 300, 550, true),
  (2, 'pasture-raised eggs', 'per dozen', 500, 900, false), (2, 'duck eggs', 'per half dozen', 600, 1000, false),
  (2, 'grass-fed ground beef', 'per lb', 800, 1200, false), (2, 'ribeye steak', 'per lb', 1800, 3200, false),
  (2, 'whole chicken', 'each', 1800, 3000, false), (2, 'pork chops', 'per lb', 900, 1400, false),
  (2, 'smoked bacon', 'per lb', 1000, 1500, false), (2, 'lamb shoulder', 'per lb', 1200, 1800, false),
  (3, 'raw milk', 'half gallon', 600, 900, false), (3, 'cultured butter', '8 oz', 700, 1100, false),
  (3, 'aged cheddar', '8 oz', 900, 1500, false), (3, 'fresh chevre', '4 oz', 600, 900, false),
  (3, 'whole-milk yogurt', 'quart', 600, 900, false), (3, 'alpine tomme', '8 oz', 1100, 1700, false),
  (4, 'wildflower honey', '1 lb jar', 1000, 1600, false), (4, 'raw clover honey', '1 lb jar', 900, 1400, false),
  (4, 'maple syrup', 'quart', 1800, 2800, false), (4, 'strawberry jam', '8 oz jar', 700, 1000, false),
  (4, 'apple butter', '8 oz jar', 700, 1000, false), (4, 'bread-and-butter pickles', 'pint', 800, 1100, false),
  (4, 'hot pepper jelly', '8 oz jar', 700, 1000, false), (4, 'comb honey', 'each', 1400, 2000, false),
  (5, 'sourdough loaf', 'each', 800, 1200, false), (5, 'apple pie', 'each', 2200, 3200, false),
  (5, 'cinnamon rolls', 'half dozen', 1200, 1800, false), (5, 'rye bread', 'each', 800, 1100, false),
  (5, 'oatmeal cookies', 'dozen', 900, 1400, false), (5, 'pecan pie', 'each', 2400, 3400, false),
  (6, 'hand-thrown mug', 'each', 2800, 4800, false), (6, 'wool blanket', 'each', 12000, 24000, false),
  (6, 'beeswax candles', 'pair', 1400, 2400, false), (6, 'cutting board', 'each', 4000, 9000, false),
  (6, 'hand-knit hat', 'each', 3500, 6000, false), (6, 'willow basket', 'each', 5500, 12000, false),
  (7, 'goat milk soap', 'bar', 600, 1000, false), (7, 'cedar birdhouse', 'each', 3500, 6500, false),
  (7, 'lavender sachets', 'set of 3', 1200, 1800, false), (7, 'compost', '40 lb bag', 1000, 1800, false),
  (7, 'firewood bundle', 'each', 800, 1400, false), (7, 'dried flower wreath', 'each', 4500, 9000, false),
  (8, 'tomato seedlings', 'six-pack', 500, 900, true), (8, 'heirloom bean seeds', 'packet', 300, 500, false),
  (8, 'apple tree', 'bare-root', 3500, 6000, true), (8, 'garlic seed', 'per lb', 1500, 2500, true),
  (8, 'herb starts', 'each', 400, 700, true), (8, 'strawberry crowns', 'bundle of 25', 1500, 2500, true),
  (9, 'farm stay', 'per night', 12000, 26000, false), (9, 'cheese-making class', 'per person', 6500, 12000, false),
  (9, 'orchard tour', 'per person', 1500, 3000, true), (9, 'maple sugaring morning', 'per person', 2500, 4500, true),
  (9, 'pick-your-own apples', 'per person', 1000, 2000, true), (9, 'sheep shearing day', 'per person', 3500, 6000, true)
) AS v(category, noun, unit, lo, hi, seasonal);

INSERT INTO bench_words (kind, n, word)
SELECT 'adj', row_number() OVER (), word FROM (VALUES
  ('Organic'), ('Heirloom'), ('Fresh'), ('Small-batch'), ('Hand-picked'), ('Farm-fresh'), ('Local'),
  ('Pasture-raised'), ('Homemade'), ('Traditional'), ('Wild'), ('Old-fashioned'), ('Sun-ripened'),
  ('Hand-made'), ('Family recipe'), ('Seasonal')
) AS a(word);

-- Owner accounts (sellers need one each); no password: nobody signs in as these.
INSERT INTO "AspNetUsers" ("Id", "DisplayName", "CreatedAt", "UserName", "NormalizedUserName", "Email",
    "NormalizedEmail", "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed",
    "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
SELECT 'bench-owner-' || s, 'Bench Seller ' || s, now() - interval '400 days',
       'owner' || s || '@bench.ruralmarket.local', upper('owner' || s || '@bench.ruralmarket.local'),
       'owner' || s || '@bench.ruralmarket.local', upper('owner' || s || '@bench.ruralmarket.local'),
       true, md5('stamp' || s), md5('concurrency' || s), false, false, true, 0
FROM generate_series(1, :sellers) AS s;

CREATE TEMP TABLE bench_sellers ON COMMIT DROP AS
SELECT s,
       md5('bench-seller-' || s)::uuid AS id,
       1 + ((s * 7) % (SELECT count(*) FROM bench_towns))::int AS town_n,
       1 + ((s * 13 + s / 20) % 20) AS first_n,
       1 + ((s * 5 + s / 7) % 12) AS second_n,
       random() < 0.75 AS ships, random() < 0.8 AS pickup, random() < 0.45 AS delivers,
       random() AS r1, random() AS r2, random() AS r3
FROM generate_series(1, :sellers) AS s;
UPDATE bench_sellers SET pickup = true WHERE NOT ships AND NOT pickup AND NOT delivers;

INSERT INTO "Sellers" ("Id", "OwnerUserId", "Slug", "Name", "Story", "CommissionBasisPoints",
    "ChargesEnabled", "PayoutsEnabled", "Status", "CreatedAt", "UpdatedAt", "Version",
    "DeliveryRadiusKm", "OffersLocalDelivery", "OffersPickup", "OffersShipping", "PickupAddress", "PickupHours",
    "PickupInstructions", "FreeShippingOverAmount", "FreeShippingOverCurrency", "LocalDeliveryFeeAmount",
    "LocalDeliveryFeeCurrency", "ShippingFeeAmount", "ShippingFeeCurrency", "CountryCode", "Latitude",
    "Longitude", "PostalCode", "Region", "Town")
SELECT b.id, 'bench-owner-' || b.s,
       lower(replace(f.word || ' ' || w.word, ' ', '-')) || '-' || b.s,
       f.word || ' ' || w.word || CASE WHEN b.s > 640 THEN ' ' || b.s ELSE '' END,
       'We have farmed outside ' || t.town || ' for ' || (5 + (b.s % 40)) || ' years. '
         || repeat('Everything we sell is grown, raised or made here, by hand, in small batches, and we are happy to answer questions about how. ', 3 + (b.s % 5))
         || E'\n\n- **Visit us** at the farm gate.\n- **Order ahead** for pickup or delivery.',
       1000, true, true, 'Approved',
       now() - (interval '1 day' * (30 + floor(b.r1 * 700))), now() - (interval '1 day' * floor(b.r1 * 30)), 1,
       CASE WHEN b.delivers THEN 15 + (b.s % 50) ELSE 0 END, b.delivers, b.pickup, b.ships,
       CASE WHEN b.pickup THEN (100 + b.s) || ' Farm Road, ' || t.town || ', ' || t.region END,
       CASE WHEN b.pickup THEN 'Sat 9–1, Wed 3–6' END,
       CASE WHEN b.pickup THEN 'Ring the bell at the barn.' END,
       CASE WHEN b.ships THEN 7500 ELSE 0 END, 'USD',
       CASE WHEN b.delivers THEN 300 + (b.s % 5) * 100 ELSE 0 END, 'USD',
       CASE WHEN b.ships THEN 800 + (b.s % 8) * 100 ELSE 0 END, 'USD',
       'US', t.lat + (b.r2 - 0.5) * 0.7, t.lng + (b.r3 - 0.5) * 0.9, t.postal, t.region, t.town
FROM bench_sellers b
JOIN bench_towns t ON t.n = b.town_n
JOIN bench_words f ON f.kind = 'first' AND f.n = b.first_n
JOIN bench_words w ON w.kind = 'second' AND w.n = b.second_n;

-- Products: sellers get a skewed share (a few big ones, many small ones); categories 1..9.
CREATE TEMP TABLE bench_products ON COMMIT DROP AS
SELECT i,
       md5('bench-product-' || i)::uuid AS id,
       1 + floor(power(random(), 1.6) * :sellers)::int AS seller_s,
       (ARRAY[1,1,1,1,2,2,3,4,4,5,5,6,7,8,9])[1 + floor(random() * 15)::int] AS category,
       random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
FROM generate_series(1, :products) AS i;

INSERT INTO "Products" ("Id", "SellerId", "Slug", "Title", "Description", "CategoryId", "UnitLabel", "Stock",
    "Status", "Moderation", "HiddenReason", "AllowedFulfilment", "IsPerishable", "CreatedAt", "UpdatedAt",
    "Version", "PriceAmount", "PriceCurrency", "SeasonEndMonth", "SeasonStartMonth")
SELECT p.id, s."Id",
       lower(replace(replace(a.word || ' ' || n.noun, ' ', '-'), '''', '')) || '-' || p.i,
       a.word || ' ' || n.noun,
       a.word || ' ' || n.noun || ' from ' || t.town || ', ' || t.region || '. '
         || 'Grown and prepared on our own land, packed the day it goes out. '
         || CASE WHEN p.r4 < 0.3 THEN 'Picked fresh every morning in season. ' ELSE '' END
         || CASE WHEN p.r4 > 0.8 THEN 'Certified organic since 2015. ' ELSE '' END
         || 'Ask us anything about how it is made.',
       p.category, n.unit,
       CASE WHEN p.r2 < 0.08 THEN 0 WHEN p.r2 < 0.18 THEN 1 + floor(p.r3 * 5)::int ELSE 6 + floor(p.r3 * 200)::int END,
       CASE WHEN p.r5 < 0.02 THEN 'Draft' WHEN p.r5 < 0.03 THEN 'Archived' ELSE 'Active' END,
       CASE WHEN p.r5 > 0.99 THEN 'Hidden' ELSE 'Visible' END,
       CASE WHEN p.r5 > 0.99 THEN 'Bench: hidden by moderation.' END,
       CASE WHEN ((CASE WHEN bs.ships THEN 1 ELSE 0 END | CASE WHEN bs.pickup THEN 2 ELSE 0 END | CASE WHEN bs.delivers THEN 4 ELSE 0 END)
                  & (1 + floor(p.r3 * 7)::int)) = 0
            THEN (CASE WHEN bs.ships THEN 1 ELSE 0 END | CASE WHEN bs.pickup THEN 2 ELSE 0 END | CASE WHEN bs.delivers THEN 4 ELSE 0 END)
            ELSE (CASE WHEN bs.ships THEN 1 ELSE 0 END | CASE WHEN bs.pickup THEN 2 ELSE 0 END | CASE WHEN bs.delivers THEN 4 ELSE 0 END)
                  & (1 + floor(p.r3 * 7)::int) END,
       p.category <= 5,
       now() - (interval '1 minute' * floor(p.r1 * 525600)), now() - (interval '1 minute' * floor(p.r1 * 1000)),
       1,
       n.min_cents + floor(p.r2 * (n.max_cents - n.min_cents) / 25)::int * 25, 'USD',
       CASE WHEN n.seasonal AND p.r4 < 0.7 THEN 1 + ((floor(p.r4 * 1000)::int + 2 + floor(p.r3 * 5)::int) % 12) ELSE 0 END,
       CASE WHEN n.seasonal AND p.r4 < 0.7 THEN 1 + (floor(p.r4 * 1000)::int % 12) ELSE 0 END
FROM bench_products p
JOIN bench_sellers bs ON bs.s = p.seller_s
JOIN "Sellers" s ON s."Id" = bs.id
JOIN bench_towns t ON t.n = bs.town_n
JOIN (SELECT category, count(*)::int AS c FROM bench_nouns GROUP BY category) nc ON nc.category = p.category
JOIN bench_nouns n ON n.category = p.category AND n.n = 1 + floor(p.r1 * 997)::int % nc.c
JOIN bench_words a ON a.kind = 'adj' AND a.n = 1 + (floor(p.r2 * 9973)::int % 16);

-- Images: two for half the products, one for a third, none for the rest (the files themselves are not needed:
-- wrk only fetches the HTML).
INSERT INTO "ProductImages" ("Id", "StorageKey", "AltText", "SortOrder", "ProductId")
SELECT md5('bench-image-' || p.i || '-' || k)::uuid, 'products/' || p.id || '/' || k || '.webp',
       'Photo ' || k || ' of the product', k, p.id
FROM bench_products p, generate_series(1, 2) AS k
WHERE (k = 1 AND p.r5 < 0.83) OR (k = 2 AND p.r5 < 0.5);

-- Videos: ready, published, visible, each tagged with up to three products of its seller.
INSERT INTO "Videos" ("Id", "SellerId", "Title", "Description", "Status", "Moderation", "Published", "PublishedAt",
    "SizeBytes", "Sha256", "DurationSeconds", "Width", "Height", "VideoCodec", "AudioCodec", "MasterPlaylistKey",
    "Mp4FallbackKey", "PosterKey", "CaptionsKey", "Plays", "Completions", "TagClicks", "AddToCarts",
    "AttributedOrders", "CreatedAt", "Version")
SELECT md5('bench-video-' || v)::uuid, md5('bench-seller-' || (1 + (v * 7) % :sellers))::uuid,
       'A morning at the farm, part ' || v, 'What we did today, from milking to market.', 'Ready', 'Visible', true,
       now() - (interval '1 minute' * ((v * 7919) % 262800)),
       20000000 + (v % 1000) * 10000, md5('sha' || v), 30 + (v % 90), 1920, 1080, 'h264', 'aac',
       'videos/' || v || '/master.m3u8', 'videos/' || v || '/fallback.mp4', 'videos/' || v || '/poster.jpg', NULL,
       (v * 31) % 5000, (v * 17) % 2000, (v * 7) % 300, (v * 3) % 100, v % 20,
       now() - (interval '1 minute' * ((v * 7919) % 262800)) - interval '1 hour', 1
FROM generate_series(1, :videos) AS v;

INSERT INTO "VideoRenditions" ("Id", "Height", "BitrateKbps", "PlaylistKey", "VideoId")
SELECT md5('bench-rendition-' || v || '-' || h)::uuid, h, CASE h WHEN 240 THEN 400 WHEN 360 THEN 800 ELSE 2500 END,
       'videos/' || v || '/' || h || 'p.m3u8', md5('bench-video-' || v)::uuid
FROM generate_series(1, :videos) AS v, unnest(ARRAY[240, 360, 720]) AS h;

INSERT INTO "VideoProductTags" ("Id", "ProductId", "StartSecond", "EndSecond", "VideoId")
SELECT md5('bench-tag-' || x.vid || '-' || x.pid)::uuid, x.pid, (x.rn - 1) * 10, (x.rn - 1) * 10 + 8, x.vid
FROM (
    SELECT v."Id" AS vid, p."Id" AS pid,
           row_number() OVER (PARTITION BY v."Id" ORDER BY p."CreatedAt" DESC) AS rn
    FROM "Videos" v
    JOIN "Products" p ON p."SellerId" = v."SellerId" AND p."Status" = 'Active'
) x
WHERE x.rn <= 3;

COMMIT;
-- VACUUM as well as ANALYZE: like a database autovacuum has visited, the visibility map is set, so index-only
-- scans (a seller's product count) read the index alone.
VACUUM ANALYZE;

SELECT (SELECT count(*) FROM "Sellers") AS sellers, (SELECT count(*) FROM "Products") AS products,
       (SELECT count(*) FROM "Videos") AS videos, (SELECT count(*) FROM "VideoProductTags") AS video_tags;
