using System.Globalization;

namespace RuralMarket.Infrastructure.Data.Seed;

/// <summary>
/// Demo content for the development seed: sellers in rural US regions and their products, as plain data.
/// Prices are in US cents; <c>Region</c> is the two-letter USPS state code; fulfilment values are
/// "shipping", "pickup" and "delivery" (local delivery), comma-separated. Farm stays and other on-site
/// experiences use "pickup" only.
/// </summary>
internal static class DemoCatalog
{
    private const int MinProductsPerCategory = 4;

    internal sealed record DemoSeller(
        string Slug,
        string Name,
        string Story,
        string Town,
        string Region,
        string PostalCode,
        string CountryCode,
        double Latitude,
        double Longitude,
        bool OffersPickup,
        string? PickupAddress,
        string? PickupHours,
        string? PickupInstructions,
        bool OffersLocalDelivery,
        int DeliveryRadiusKm,
        long LocalDeliveryFeeCents,
        bool OffersShipping,
        long ShippingFeeCents,
        long FreeShippingOverCents,
        IReadOnlyList<DemoProduct> Products);

    internal sealed record DemoProduct(
        string Slug,
        string Title,
        string Description,
        string CategorySlug,
        long PriceCents,
        string UnitLabel,
        int Stock,
        bool IsPerishable,
        int SeasonStartMonth,
        int SeasonEndMonth,
        string Fulfilment);

    /// <summary>The category slugs the demo products use.</summary>
    internal static IReadOnlyList<string> CategorySlugs { get; } =
    [
        "produce",
        "meat-eggs",
        "dairy",
        "honey-preserves",
        "baked-goods",
        "crafts",
        "home-garden",
        "plants-seeds",
        "farm-stays-experiences",
    ];

    /// <summary>The fulfilment values a product may list.</summary>
    internal static IReadOnlyList<string> FulfilmentOptions { get; } = ["shipping", "pickup", "delivery"];

    internal static IReadOnlyList<DemoSeller> Sellers { get; } =
    [
        // Northeast Kingdom, Vermont: Jersey dairy with a cheese room and a sugarbush.
        new(
            Slug: "black-river-jerseys",
            Name: "Black River Jerseys",
            Story: """
                Denis and Claire Moreau have milked Jersey cows on this hill above the Black River since 1988, when they bought the place from Claire's uncle with 22 cows and a barn roof that leaked over the hay. Today it's 34 cows and their daughter Josie, who came home from UVM in 2019 and started making cheese in the old milk house.

                We milk at 5 in the morning and 4:30 in the afternoon, every day. The cows are out on grass from mid-May until the snow says otherwise, and in winter they eat hay we put up ourselves off 140 acres.

                What we sell:
                - **Raw milk** in glass half-gallons, straight from the bulk tank, at the farm only. That's the Vermont rule and we agree with it.
                - **Butter and yogurt** that Josie makes on Tuesdays and Fridays.
                - **Tomme** aged at least four months in the cellar under the house.

                Denis also boils about 300 gallons of syrup each spring from the sugarbush behind the barn. There's one guest room above the milk house, if you want to see a morning milking for yourself.
                """,
            Town: "Craftsbury",
            Region: "VT",
            PostalCode: "05826",
            CountryCode: "US",
            Latitude: 44.6387,
            Longitude: -72.3723,
            OffersPickup: true,
            PickupAddress: "1466 North Craftsbury Road, Craftsbury, VT 05826",
            PickupHours: "Farm store open daily 7 am–7 pm (self-serve)",
            PickupInstructions: "The farm store is the white shed to the left of the barn. Orders are in the cooler on the bottom shelf under your last name; bring back milk jars for your $2 deposit. Guests check in at the house.",
            OffersLocalDelivery: false,
            DeliveryRadiusKm: 0,
            LocalDeliveryFeeCents: 0,
            OffersShipping: true,
            ShippingFeeCents: 1200,
            FreeShippingOverCents: 9000,
            Products:
            [
                new("raw-jersey-milk", "Raw Jersey milk",
                    "Unpasteurized whole milk from our Jersey herd, bottled the morning of pickup in half-gallon glass jars. The price includes a $2 jar deposit, refunded when the jar comes back.",
                    "dairy", 850, "per half gallon", 24, true, 0, 0, "pickup"),
                new("jersey-cultured-butter", "Cultured butter",
                    "Churned twice a week from cream ripened overnight with cultures, then lightly salted. Deep yellow in summer when the cows are on grass.",
                    "dairy", 900, "per 8 oz block", 40, true, 0, 0, "pickup,shipping"),
                new("whole-milk-yogurt", "Whole-milk yogurt",
                    "Plain and unstrained, with the cream on top. Made in small batches on Tuesdays and Fridays.",
                    "dairy", 700, "per quart", 18, true, 0, 0, "pickup"),
                new("black-river-tomme", "Black River tomme",
                    "A natural-rind raw-milk tomme aged at least four months in our cellar. Nutty and a little grassy; it melts well.",
                    "dairy", 1500, "per 1/2 lb wedge", 35, true, 0, 0, "pickup,shipping"),
                new("craftsbury-pasture-eggs", "Pasture-raised eggs",
                    "Brown and green eggs from about 60 hens that follow the cows around the pasture. Sold out while the flock molts; back in a few weeks.",
                    "meat-eggs", 600, "per dozen", 0, true, 0, 0, "pickup"),
                new("dark-maple-syrup-quart", "Grade A dark maple syrup",
                    "Boiled over a wood fire from 1,200 taps on the hill behind the barn. Dark, robust syrup in a glass quart.",
                    "honey-preserves", 2600, "per quart", 60, false, 0, 0, "pickup,shipping"),
                new("milk-house-guest-room", "Guest room above the milk house",
                    "One queen room with its own bath above the cheese room, breakfast with the family included. Come down for the 5 a.m. milking if you like; nobody will make you.",
                    "farm-stays-experiences", 14500, "per night (2 guests)", 10, false, 0, 0, "pickup"),
            ]),

        // Hudson Valley, New York: fourth-generation apple orchard.
        new(
            Slug: "stickles-family-orchard",
            Name: "Stickles Family Orchard",
            Story: """
                The Stickles family has grown apples on the ridge east of the Hudson since 1911, and Pete Stickles is the fourth of them to do it. He and his wife Marisol run 55 acres with about 40 varieties: the ones you know, plus old ones like Esopus Spitzenburg, Northern Spy and Roxbury Russet that grew here long before anybody shipped apples across the country.

                Pete does the pruning himself, all winter, one ladder at a time. Marisol runs the cider press and the donut fryer on fall weekends, and their son Caleb grafts young trees every spring from wood cut off the oldest trees on the farm.

                We spray as little as we can and scout for pests every week instead of spraying on a calendar. Some of our apples have a bit of russet or scab on the skin. They taste the same, and *we'd rather sell them than throw them out*.

                We deliver around Columbia and northern Dutchess counties on Thursdays, and we ship jars and boxed apples anywhere in the lower 48.
                """,
            Town: "Germantown",
            Region: "NY",
            PostalCode: "12526",
            CountryCode: "US",
            Latitude: 42.1348,
            Longitude: -73.8918,
            OffersPickup: true,
            PickupAddress: "4122 Route 9G, Germantown, NY 12526",
            PickupHours: "Sep–Nov: Thu–Sun 9 am–5 pm; Dec–Aug: Sat 10 am–2 pm",
            PickupInstructions: "Park on the gravel by the red barn, not on the orchard lanes. Online orders are on the shelf just inside the stand door, labeled by last name.",
            OffersLocalDelivery: true,
            DeliveryRadiusKm: 40,
            LocalDeliveryFeeCents: 600,
            OffersShipping: true,
            ShippingFeeCents: 1400,
            FreeShippingOverCents: 10000,
            Products:
            [
                new("honeycrisp-apples-half-peck", "Honeycrisp apples",
                    "Picked the week you get them, about 5 lb to the half peck. Some have cosmetic russet; they eat the same.",
                    "produce", 1100, "per half peck", 120, true, 9, 10, "pickup,delivery"),
                new("heirloom-apple-sampler-box", "Heirloom apple sampler box",
                    "Ten pounds of whichever old varieties are ripe that week (Spitzenburg, Northern Spy, Roxbury Russet, Baldwin), each labeled with a tasting note from Pete.",
                    "produce", 4200, "per 10 lb box", 35, true, 9, 11, "pickup,delivery,shipping"),
                new("bosc-pears", "Bosc pears",
                    "Firm, russeted pears for eating or poaching. Let them sit on the counter two or three days before eating.",
                    "produce", 325, "per lb", 80, true, 9, 10, "pickup,delivery"),
                new("fresh-pressed-apple-cider", "Fresh-pressed apple cider",
                    "Pressed on the farm every Friday from at least five varieties. Unfiltered and UV-treated rather than heat-pasteurized; keeps about ten days cold.",
                    "produce", 800, "per half gallon", 60, true, 9, 12, "pickup,delivery"),
                new("apple-cider-donuts", "Apple cider donuts",
                    "Made with our own cider, fried Saturday and Sunday mornings and rolled in cinnamon sugar. Best the same day.",
                    "baked-goods", 1000, "per half dozen", 40, true, 9, 11, "pickup"),
                new("copper-kettle-apple-butter", "Apple butter",
                    "Cooked down slowly in a copper kettle from seconds and windfalls, with a little cinnamon and clove. No added sugar.",
                    "honey-preserves", 950, "per 10 oz jar", 90, false, 0, 0, "pickup,delivery,shipping"),
                new("bare-root-heirloom-apple-tree", "Bare-root heirloom apple tree",
                    "A one-year whip Caleb grafted from our oldest trees onto semi-dwarf rootstock; choose Spitzenburg, Northern Spy or Roxbury Russet. Plant it the week you pick it up.",
                    "plants-seeds", 3800, "each", 3, false, 3, 4, "pickup"),
            ]),

        // Kentucky foothills: Appalachian woodworker, ships only.
        new(
            Slug: "combs-creek-woodshop",
            Name: "Combs Creek Woodshop",
            Story: """
                Aaron Combs grew up in Jackson County, Kentucky, splitting kindling for his grandfather Virgil, who made chairs and baskets and never once used a nail in either. Aaron did the woodcraft apprenticeship at Berea College in 2006 and has worked out of a block building behind his house outside Berea since 2012.

                Nearly all of his wood comes from trees that were coming down anyway: storm damage, a road widening, a neighbor's walnut that finally died. He air-dries it in the barn for about a year per inch of thickness, so he's always working with wood he cut a few years back.

                Everything is finished with walnut oil and beeswax and nothing else. If a spoon or board gets dry, oil it. *If it cracks in the first year, send it back and he'll make you another.*

                His wife Danielle does the packing and shipping, on Mondays and Thursdays.
                """,
            Town: "Berea",
            Region: "KY",
            PostalCode: "40403",
            CountryCode: "US",
            Latitude: 37.5687,
            Longitude: -84.2963,
            OffersPickup: false,
            PickupAddress: null,
            PickupHours: null,
            PickupInstructions: null,
            OffersLocalDelivery: false,
            DeliveryRadiusKm: 0,
            LocalDeliveryFeeCents: 0,
            OffersShipping: true,
            ShippingFeeCents: 950,
            FreeShippingOverCents: 15000,
            Products:
            [
                new("black-walnut-cutting-board", "Black walnut cutting board",
                    "About 16 by 11 inches and an inch thick, cut from one plank of a walnut that came down in a 2019 storm near Paint Lick. Oiled with walnut oil and beeswax.",
                    "home-garden", 8500, "each", 9, false, 0, 0, "shipping"),
                new("wild-cherry-cooking-spoon", "Wild cherry cooking spoon",
                    "Carved green with an axe and a knife, then dried and finished. Twelve inches long with a shallow bowl for stirring and tasting.",
                    "crafts", 2800, "each", 40, false, 0, 0, "shipping"),
                new("white-oak-egg-basket", "White oak egg basket",
                    "Woven from splits Aaron rives by hand from a single white oak log, the way his grandfather taught him. About 10 inches across; each one takes weeks, so there are only a few.",
                    "crafts", 14500, "each", 2, false, 0, 0, "shipping"),
                new("hand-hewn-poplar-dough-bowl", "Hand-hewn poplar dough bowl",
                    "Adzed from a half-log of tulip poplar, roughly 24 by 12 inches. The next batch is still drying and should be ready in spring.",
                    "crafts", 12000, "each", 0, false, 0, 0, "shipping"),
                new("maple-spurtle-pair", "Maple spurtle pair",
                    "Two turned hard maple stirring sticks, one thick and one thin, for porridge, grits and soup.",
                    "crafts", 2400, "per set of 2", 30, false, 0, 0, "shipping"),
                new("red-cedar-wren-house", "Red cedar wren house",
                    "Sized for Carolina wrens and chickadees, with a 1 1/8-inch entrance hole and a side panel that opens for cleaning. The cedar is left bare to weather gray.",
                    "home-garden", 4200, "each", 15, false, 0, 0, "shipping"),
                new("hickory-garden-dibber", "Hickory garden dibber",
                    "A T-handled hickory dibber with depth marks every inch, for setting onions, garlic and transplants.",
                    "home-garden", 1800, "each", 25, false, 0, 0, "shipping"),
            ]),

        // Southeast Iowa: family farm moving row-crop ground back to pasture.
        new(
            Slug: "swartzendruber-family-farm",
            Name: "Swartzendruber Family Farm",
            Story: """
                Nate and Rachel Swartzendruber farm 160 acres south of Kalona that Nate's great-grandfather bought in 1921. For most of the last fifty years it grew corn and soybeans. In 2014 they fenced the first 20 acres back into pasture, and they've fenced a little more every year since.

                Now there are laying hens in mobile coops that move every few days behind the cattle, meat chickens on grass from May through September, a dozen Red Wattle hogs in the woodlot and about 30 Angus-cross steers. Everything is processed at the small locker in Wellman, fifteen minutes down the road.

                Rachel's mother Lois still does the baking. Her rhubarb custard pie is the reason some people drive out in June.

                We deliver to Iowa City, Coralville, North Liberty and Cedar Rapids on Wednesdays, and you're always welcome to pick up at the farm.
                """,
            Town: "Kalona",
            Region: "IA",
            PostalCode: "52247",
            CountryCode: "US",
            Latitude: 41.4831,
            Longitude: -91.7060,
            OffersPickup: true,
            PickupAddress: "2931 540th Street SW, Kalona, IA 52247",
            PickupHours: "Wed 3–6 pm, Sat 9 am–noon",
            PickupInstructions: "Come to the white house with the green roof and pull up by the machine shed; the freezer is inside. Frozen orders are bagged under your name. Bring a cooler in summer.",
            OffersLocalDelivery: true,
            DeliveryRadiusKm: 60,
            LocalDeliveryFeeCents: 500,
            OffersShipping: false,
            ShippingFeeCents: 0,
            FreeShippingOverCents: 0,
            Products:
            [
                new("pastured-eggs-dozen", "Pastured eggs",
                    "Brown eggs from hens that move to fresh grass every few days behind the cattle. Washed and unsorted by size, laid within three days of delivery.",
                    "meat-eggs", 600, "per dozen", 60, true, 0, 0, "pickup,delivery"),
                new("whole-pastured-chicken", "Whole pastured chicken",
                    "Freedom Ranger birds raised on grass and processed at the Wellman locker. Sold frozen, 4 to 5 lb each, priced by weight.",
                    "meat-eggs", 550, "per lb", 40, true, 0, 0, "pickup,delivery"),
                new("red-wattle-pork-chops", "Red Wattle pork chops",
                    "Bone-in, inch-thick chops from our heritage hogs raised in the woodlot. Two chops to a vacuum-sealed pack, about 1.5 lb.",
                    "meat-eggs", 1050, "per lb", 30, true, 0, 0, "pickup,delivery"),
                new("pasture-ground-beef", "Ground beef",
                    "85% lean ground beef from Angus-cross steers finished on pasture. Frozen in 1 lb packs.",
                    "meat-eggs", 850, "per lb", 80, true, 0, 0, "pickup,delivery"),
                new("hickory-smoked-bacon", "Hickory-smoked bacon",
                    "Thick-cut, dry-cured and hickory-smoked at the locker. Only a few packs left until the next hog goes in.",
                    "meat-eggs", 1200, "per 12 oz pack", 4, true, 0, 0, "pickup,delivery"),
                new("bicolor-sweet-corn", "Bicolor sweet corn",
                    "Picked the morning of your pickup or delivery. Three plantings give us corn from late July into September.",
                    "produce", 700, "per dozen ears", 150, true, 7, 9, "pickup,delivery"),
                new("rhubarb-custard-pie", "Rhubarb custard pie",
                    "Lois's recipe, with rhubarb from the patch by the house in a lard crust. Baked the morning before pickup.",
                    "baked-goods", 2200, "each", 6, true, 5, 6, "pickup"),
            ]),

        // Texas Hill Country: beekeeper and peach grower.
        new(
            Slug: "weinheimer-bees-and-peaches",
            Name: "Weinheimer Bees & Peaches",
            Story: """
                Luisa Weinheimer started with two hives in 2003 because her husband Dale's peach trees weren't setting fruit the way his father's had. The peaches got better, and the bees took over. She now keeps about 120 hives on ranches between Fredericksburg and Stonewall, and Dale still looks after the 600 peach trees his father planted.

                We pull honey twice a year. The spring flow is mostly wildflower (bluebonnet, horsemint, Mexican hat), and in wet years there's a separate guajillo honey from hives we move south into the brush country each March. We don't heat it and we don't blend it; we strain it through cheesecloth and jar it.

                Peach season runs from late May into August depending on the variety and the weather, and in a dry year it's short. When they're gone, they're gone.

                The fried pies are Dale's mother's recipe, lard crust and all.
                """,
            Town: "Fredericksburg",
            Region: "TX",
            PostalCode: "78624",
            CountryCode: "US",
            Latitude: 30.2752,
            Longitude: -98.8720,
            OffersPickup: true,
            PickupAddress: "4417 Ranch Road 1376, Fredericksburg, TX 78624",
            PickupHours: "May–Aug: daily 8 am–6 pm; Sep–Apr: Fri–Sat 10 am–4 pm",
            PickupInstructions: "Turn in at the gate with the painted hive boxes. Online orders are in the cooler behind the stand counter; give your name at the window.",
            OffersLocalDelivery: false,
            DeliveryRadiusKm: 0,
            LocalDeliveryFeeCents: 0,
            OffersShipping: true,
            ShippingFeeCents: 1000,
            FreeShippingOverCents: 7500,
            Products:
            [
                new("hill-country-wildflower-honey", "Wildflower honey",
                    "Raw spring honey, mostly bluebonnet, horsemint and Mexican hat. Strained, never heated; it will crystallize, and that's fine.",
                    "honey-preserves", 1400, "per 1 lb jar", 120, false, 0, 0, "pickup,shipping"),
                new("raw-comb-honey", "Raw comb honey",
                    "A section of capped comb cut straight from the frame, about 12 ounces. Eat it wax and all.",
                    "honey-preserves", 1800, "each (about 12 oz)", 12, false, 0, 0, "pickup,shipping"),
                new("guajillo-honey", "Guajillo honey",
                    "Light, mild honey from guajillo brush in South Texas, where we move some hives each March. Only in years with spring rain.",
                    "honey-preserves", 2000, "per 1 lb jar", 18, false, 0, 0, "pickup,shipping"),
                new("fredericksburg-peaches", "Fredericksburg peaches",
                    "Tree-ripened freestone peaches from Dale's orchard, Loring, Redskin or Flameprince depending on the week. Too soft to ship.",
                    "produce", 1800, "per 4 lb basket", 70, true, 5, 8, "pickup"),
                new("hill-country-peach-preserves", "Peach preserves",
                    "Made in small July batches from our own peaches with sugar and lemon. Chunky.",
                    "honey-preserves", 1000, "per 12 oz jar", 55, false, 0, 0, "pickup,shipping"),
                new("beeswax-taper-candles", "Beeswax taper candles",
                    "Hand-dipped from our own cappings wax, 10 inches tall, sold in pairs. Each burns about eight hours.",
                    "home-garden", 1600, "per pair", 45, false, 0, 0, "pickup,shipping"),
                new("peach-fried-pies", "Peach fried pies",
                    "Half-moon pies with a lard crust and our own stewed peaches, fried the morning of pickup.",
                    "baked-goods", 1500, "per half dozen", 20, true, 5, 8, "pickup"),
            ]),

        // Hatch Valley, New Mexico: chile farm.
        new(
            Slug: "lucero-chile-farm",
            Name: "Lucero Chile Farm",
            Story: """
                Eddie Lucero's grandfather Ramón started growing chile on 30 acres along the Rio Grande outside Hatch in 1948, and the family has planted the same fields every April since. Eddie and his wife Ramona farm 80 acres now, mostly chile, with onions and a row of pecans along the ditch.

                We grow **Big Jim, Sandia and NuMex 6-4** from seed we save ourselves. Green chile comes off in August and September, and that's when the roasters run all day in front of the barn. In October whatever's left on the plants turns red; Ramona and her sisters tie the ristras and we grind the rest.

                If you've never had it fresh-roasted, come out in late August. The whole valley smells like it.

                We ship dried chile, powder, seed and frozen roasted chile year-round. Fresh sacks are pickup only. They don't travel well, and we won't pretend they do.
                """,
            Town: "Hatch",
            Region: "NM",
            PostalCode: "87937",
            CountryCode: "US",
            Latitude: 32.6654,
            Longitude: -107.1536,
            OffersPickup: true,
            PickupAddress: "1205 NM-187, Hatch, NM 87937",
            PickupHours: "Aug–Sep: daily 7 am–6 pm; Oct–Jul: Sat 9 am–1 pm",
            PickupInstructions: "Look for the roasters under the shade awning by the barn. Tell us mild, medium or hot and whether you want it roasted (free); allow about 15 minutes a sack.",
            OffersLocalDelivery: false,
            DeliveryRadiusKm: 0,
            LocalDeliveryFeeCents: 0,
            OffersShipping: true,
            ShippingFeeCents: 1500,
            FreeShippingOverCents: 12000,
            Products:
            [
                new("fresh-green-chile-sack", "Fresh green chile, roasted on site",
                    "A 25 lb sack of Big Jim or Sandia, roasted in our drum roaster while you wait, or raw if you prefer. Bag and freeze it the same day.",
                    "produce", 4200, "per 25 lb sack", 80, true, 8, 9, "pickup"),
                new("frozen-roasted-green-chile", "Frozen roasted green chile",
                    "Roasted, peeled and chopped medium-hot green chile, frozen in 1 lb bags. Ships Monday or Tuesday in an insulated box with dry ice.",
                    "produce", 1400, "per 1 lb bag", 110, true, 0, 0, "pickup,shipping"),
                new("ground-red-chile", "Ground red chile",
                    "Pure ground red chile from our own sun-dried pods, medium heat, nothing added. Use it for red chile sauce or carne adovada.",
                    "produce", 900, "per 8 oz bag", 200, false, 0, 0, "pickup,shipping"),
                new("red-chile-ristra", "Red chile ristra",
                    "A 2-foot ristra of dried red chile tied by hand. Hang it by the kitchen door and cook from it all winter.",
                    "home-garden", 4500, "each", 15, false, 0, 0, "pickup,shipping"),
                new("big-jim-chile-seeds", "Big Jim chile seeds",
                    "About 30 seeds saved from our best Big Jim plants. Long, meaty, medium-hot pods; needs a long, warm season.",
                    "plants-seeds", 450, "per packet", 150, false, 0, 0, "pickup,shipping"),
                new("green-chile-jam", "Green chile jam",
                    "Sweet-hot jam made with our roasted green chile and cider vinegar. Try it on cream cheese or in a grilled cheese.",
                    "honey-preserves", 900, "per 8 oz jar", 65, false, 0, 0, "pickup,shipping"),
                new("anise-biscochitos", "Biscochitos",
                    "New Mexico's state cookie, made with lard, anise and cinnamon from Eddie's aunt's recipe. Keeps two weeks in a tin.",
                    "baked-goods", 1200, "per dozen", 50, false, 0, 0, "pickup,shipping"),
            ]),

        // Willamette Valley, Oregon: seed farm, nursery and hazelnuts.
        new(
            Slug: "marys-river-seed-and-plant",
            Name: "Marys River Seed & Plant",
            Story: """
                Tess Alvarado ran the seed room at a university research farm for nine years before she and her husband Ruben bought 12 acres on the Marys River west of Philomath in 2015. The soil is heavy clay and the winters are wet, and most of what we sell had to prove it could handle both.

                Every seed packet comes from plants we grew out ourselves and selected over at least three seasons. We grow about 60 tomato varieties a year just to keep the seed fresh, and Tess keeps notes on every one. If a packet doesn't germinate for you, tell us and we'll replace it.

                Ruben looks after 200 hazelnut trees (Jefferson and Yamhill, both resistant to eastern filbert blight) and a small hop yard that started as a favor to a brewer friend in Corvallis.

                Starts and trellises are pickup or local delivery only. Seeds, nuts, garlic and hop rhizomes ship.
                """,
            Town: "Philomath",
            Region: "OR",
            PostalCode: "97370",
            CountryCode: "US",
            Latitude: 44.5401,
            Longitude: -123.3676,
            OffersPickup: true,
            PickupAddress: "28140 Fern Road, Philomath, OR 97370",
            PickupHours: "Apr–Jun: Fri–Sun 10 am–4 pm; Jul–Mar: Sat 10 am–1 pm",
            PickupInstructions: "Drive past the house to the hoop houses. Orders are on the potting bench under your name; bring back plastic flats if you have them.",
            OffersLocalDelivery: true,
            DeliveryRadiusKm: 25,
            LocalDeliveryFeeCents: 400,
            OffersShipping: true,
            ShippingFeeCents: 600,
            FreeShippingOverCents: 4000,
            Products:
            [
                new("wet-summer-tomato-seed-collection", "Wet-summer tomato seed collection",
                    "Six packets of tomatoes that ripen for us even in a cool valley year: Stupice, Glacier, Oregon Spring, Cherokee Purple, Black Krim and Amish Paste. About 25 seeds each.",
                    "plants-seeds", 1800, "per set of 6 packets", 90, false, 0, 0, "pickup,delivery,shipping"),
                new("cascade-hop-rhizome", "Cascade hop rhizome",
                    "A pencil-thick rhizome dug from our hop yard in March and packed in damp sawdust. Plant it along a fence or under a 15-foot string.",
                    "plants-seeds", 800, "each", 45, false, 3, 4, "pickup,delivery,shipping"),
                new("german-extra-hardy-seed-garlic", "German Extra Hardy seed garlic",
                    "Large hardneck bulbs with four to six cloves each, for planting in October. About six bulbs to the pound.",
                    "plants-seeds", 2200, "per lb", 40, false, 9, 10, "pickup,delivery,shipping"),
                new("vegetable-starts", "Vegetable starts",
                    "Tomato, pepper, squash and brassica starts in 4-inch pots, hardened off outside before they go home with you. Choose varieties at checkout.",
                    "plants-seeds", 450, "each", 200, false, 4, 6, "pickup,delivery"),
                new("dry-roasted-hazelnuts", "Dry-roasted hazelnuts",
                    "Jefferson and Yamhill hazelnuts from our own trees, shelled and dry-roasted without salt. Keep them in the fridge once opened.",
                    "produce", 1400, "per 1 lb bag", 75, false, 0, 0, "pickup,delivery,shipping"),
                new("marionberry-jam", "Marionberry jam",
                    "Marionberries from our neighbors' field down the road, cooked in small batches with cane sugar.",
                    "honey-preserves", 1100, "per 10 oz jar", 50, false, 0, 0, "pickup,delivery,shipping"),
                new("woven-willow-trellis", "Woven willow trellis",
                    "A 5-foot obelisk woven from willow we coppice along the creek. Good for peas, pole beans or clematis; lasts three or four seasons.",
                    "home-garden", 5500, "each", 6, false, 0, 0, "pickup,delivery"),
            ]),

        // Green County, Wisconsin: small Swiss-tradition creamery.
        new(
            Slug: "legler-creamery",
            Name: "Legler Creamery",
            Story: """
                Peter Legler came to Green County from the canton of Bern in 1923 and made Swiss cheese at a factory at the end of our road until it closed in 1971. His great-granddaughter Anna reopened a small version of it in a converted machine shed in 2010, after twelve years making cheese for other people.

                Anna buys milk from three neighboring grazing farms, all within six miles. She makes cheese five mornings a week in a 600-gallon vat, and her brother Tom runs the aging rooms and the shop.

                - **Curds** are made Tuesday and Friday, and they squeak for about a day. That's why they're pickup only.
                - **Cheddar** ages two years before we cut it.
                - **Limburger** is the cheese Monroe is known for, and only a handful of people still make it. Anna learned from one of them.

                The whey goes to a neighbor's hogs, and we sell the brats he makes from them. Tom's wife Greta bakes bread in the shop oven on Saturdays.
                """,
            Town: "Monroe",
            Region: "WI",
            PostalCode: "53566",
            CountryCode: "US",
            Latitude: 42.6011,
            Longitude: -89.6385,
            OffersPickup: true,
            PickupAddress: "N2650 County Road N, Monroe, WI 53566",
            PickupHours: "Tue–Sat 9 am–5 pm",
            PickupInstructions: "The shop door is on the south side of the shed. Curds come out around 11 am on Tuesdays and Fridays; orders placed ahead are held at the counter until close.",
            OffersLocalDelivery: false,
            DeliveryRadiusKm: 0,
            LocalDeliveryFeeCents: 0,
            OffersShipping: true,
            ShippingFeeCents: 1300,
            FreeShippingOverCents: 8500,
            Products:
            [
                new("fresh-cheese-curds", "Fresh cheese curds",
                    "White cheddar curds from that morning's vat, lightly salted. They squeak for about a day, so plan to eat them soon after pickup.",
                    "dairy", 850, "per 1 lb bag", 50, true, 0, 0, "pickup"),
                new("two-year-aged-cheddar", "Two-year aged cheddar",
                    "Cheddar aged two years until it's sharp and a little crystalline. Cut and vacuum-packed to order.",
                    "dairy", 900, "per 8 oz block", 70, true, 0, 0, "pickup,shipping"),
                new("green-county-swiss", "Green County Swiss",
                    "A traditional Swiss with small, even eyes, made the way Peter Legler's factory made it and aged four months. Mild and nutty.",
                    "dairy", 1150, "per lb", 40, true, 0, 0, "pickup,shipping"),
                new("washed-rind-limburger", "Limburger",
                    "A washed-rind brick aged about two months: strong at the rind, soft and mild inside. Small batches, so we often run low; wrap it well.",
                    "dairy", 800, "per 8 oz brick", 3, true, 0, 0, "pickup,shipping"),
                new("whey-fed-pork-bratwurst", "Whey-fed pork bratwurst",
                    "Fresh bratwurst our neighbor makes from hogs raised on our whey. Five brats to a 1 lb pack, sold frozen.",
                    "meat-eggs", 900, "per 1 lb pack", 45, true, 0, 0, "pickup"),
                new("swiss-farmers-bread", "Swiss farmer's bread",
                    "A round rye-and-wheat loaf, about 2 lb, baked Saturday mornings in the shop oven. Dense, with a thick crust; keeps several days.",
                    "baked-goods", 800, "each", 14, true, 0, 0, "pickup"),
            ]),

        // Downeast Maine: wild blueberry barrens and hand-harvested seaweed.
        new(
            Slug: "wescott-barrens",
            Name: "Wescott Barrens",
            Story: """
                Jen and Gary Wescott rake wild blueberries on 90 acres of barrens north of Cherryfield that Gary's family has managed since the 1950s. Wild blueberries aren't planted; the plants have been spreading underground here since the glaciers left. The work is mostly mowing or burning half the land each year so the other half can bear.

                Harvest lasts about four weeks, from late July through August, and it takes the whole family: Jen, Gary, their two daughters and a crew of about a dozen, most of whom come back every year. We still hand-rake the steep ground.

                In spring Gary cuts sugar kelp and rockweed by hand in Narraguagus Bay and dries it in the greenhouse. Jen makes the jam and the pies, and in November she sews balsam pillows and ties wreaths from fir tips off our woodlot.

                Fresh berries, frozen berries and pies are pickup only. Everything else ships.
                """,
            Town: "Cherryfield",
            Region: "ME",
            PostalCode: "04622",
            CountryCode: "US",
            Latitude: 44.6073,
            Longitude: -67.9259,
            OffersPickup: true,
            PickupAddress: "212 Ridge Road, Cherryfield, ME 04622",
            PickupHours: "Late Jul–Aug: daily 8 am–6 pm; rest of the year by appointment (text first)",
            PickupInstructions: "The stand is at the end of the driveway by the blue winnowing shed. Frozen berries are in the chest freezer; pay cash at the stand or by card up at the house.",
            OffersLocalDelivery: false,
            DeliveryRadiusKm: 0,
            LocalDeliveryFeeCents: 0,
            OffersShipping: true,
            ShippingFeeCents: 1200,
            FreeShippingOverCents: 8000,
            Products:
            [
                new("fresh-wild-blueberries", "Fresh wild blueberries",
                    "Hand-raked and winnowed the day before pickup. Small, tart and intense, nothing like cultivated berries.",
                    "produce", 3200, "per 10 lb box", 100, true, 7, 8, "pickup"),
                new("frozen-wild-blueberries", "Frozen wild blueberries",
                    "Our own berries, individually quick-frozen at harvest and packed in 5 lb bags. Pickup from the farm freezer only.",
                    "produce", 2800, "per 5 lb bag", 60, true, 0, 0, "pickup"),
                new("wild-blueberry-jam", "Wild blueberry jam",
                    "Wild blueberries, sugar and a little lemon, cooked twelve jars at a time.",
                    "honey-preserves", 950, "per 10 oz jar", 85, false, 0, 0, "pickup,shipping"),
                new("dried-sugar-kelp", "Dried sugar kelp",
                    "Hand-cut in Narraguagus Bay in spring and dried in our greenhouse. Add a strip to a pot of beans or crumble it over rice.",
                    "produce", 1000, "per 2 oz bag", 60, false, 0, 0, "pickup,shipping"),
                new("rockweed-garden-meal", "Rockweed garden meal",
                    "Dried, ground rockweed to work into garden beds or compost for potassium and trace minerals. About a cup per 10 square feet in spring.",
                    "home-garden", 1800, "per 4 lb bag", 40, false, 0, 0, "pickup,shipping"),
                new("wild-blueberry-pie", "Wild blueberry pie",
                    "Jen's double-crust pie with about three pounds of berries in it, baked Friday and Saturday mornings in season.",
                    "baked-goods", 2600, "each", 8, true, 7, 9, "pickup"),
                new("balsam-fir-pillow", "Balsam fir pillow",
                    "A 5-by-7-inch cotton pillow stuffed with dried fir tips from our woodlot. Squeeze it when the smell fades.",
                    "crafts", 2200, "each", 30, false, 0, 0, "pickup,shipping"),
                new("balsam-wreath", "Balsam wreath",
                    "A 22-inch wreath tied on a wire frame from fresh balsam tips, with a plain red bow. Ships the week you order, Thanksgiving to mid-December.",
                    "home-garden", 4500, "each", 25, false, 11, 12, "pickup,shipping"),
            ]),

        // Sweet Grass County, Montana: cattle ranch with a farm stay; everything on site.
        new(
            Slug: "halverson-ranch",
            Name: "Halverson Ranch",
            Story: """
                Cal and Meg Halverson run about 250 mother cows and a small band of Rambouillet ewes on 4,000 acres along the Boulder River south of Big Timber, with the Crazy Mountains on one side and the Absarokas on the other. Cal's great-grandfather homesteaded the bottom ground in 1909; the rest came together a piece at a time.

                We started taking guests in 2016 after a bad year for calf prices, and kept at it because we liked it. There's a two-bedroom log cabin by the river and a restored 1920s sheep wagon up on the bench. You can help with chores, ride out with Cal to check cattle, or sit on the porch and do nothing at all.

                A few things to know:
                - It's a working ranch. Leave gates the way you found them.
                - Cell service is patchy; there's Wi-Fi in the cabin.
                - Riding is for all levels, but you need to be 10 or older.

                We also sell our own grass-finished beef, cut and wrapped in Big Timber, to pick up while you're here or at the ranch by appointment.
                """,
            Town: "Big Timber",
            Region: "MT",
            PostalCode: "59011",
            CountryCode: "US",
            Latitude: 45.8338,
            Longitude: -109.9549,
            OffersPickup: true,
            PickupAddress: "1140 Boulder Road, Big Timber, MT 59011",
            PickupHours: "Check-in 3–7 pm, check-out by 11 am; beef pickup by appointment",
            PickupInstructions: "Stays and rides are all on site at the ranch. Take Boulder Road (MT-298) south from Big Timber about 14 miles and turn at the green mailbox; the last two miles are gravel. Text Meg when you leave town.",
            OffersLocalDelivery: false,
            DeliveryRadiusKm: 0,
            LocalDeliveryFeeCents: 0,
            OffersShipping: false,
            ShippingFeeCents: 0,
            FreeShippingOverCents: 0,
            Products:
            [
                new("boulder-river-log-cabin", "Log cabin by the river",
                    "Two bedrooms, a woodstove, a full kitchen and a porch that faces the Crazies. Eggs, bacon and coffee are stocked for your first morning.",
                    "farm-stays-experiences", 21000, "per night (2 guests)", 20, false, 5, 10, "pickup"),
                new("restored-sheep-wagon", "Restored sheep wagon",
                    "A 1920s sheep wagon up on the bench with a double bed, a small cookstove and the best view on the place. Outhouse and solar shower close by.",
                    "farm-stays-experiences", 13500, "per night (2 guests)", 12, false, 6, 9, "pickup"),
                new("half-day-ride-to-check-cattle", "Half-day ride to check cattle",
                    "Ride out with Cal to check water, fence and cows, about four hours at a walk. Ages 10 and up; horses and helmets provided.",
                    "farm-stays-experiences", 12500, "per person", 16, false, 6, 9, "pickup"),
                new("fall-cattle-gather", "Fall cattle gather",
                    "A full day helping bring the herd down off summer pasture in early October, with lunch from the chuck box. Experienced riders only; this year's gather is full.",
                    "farm-stays-experiences", 16000, "per person", 0, false, 10, 10, "pickup"),
                new("grass-finished-beef-quarter", "Quarter beef",
                    "A mixed quarter of grass-finished beef cut and wrapped at the locker in Big Timber, roughly 100 lb of steaks, roasts and ground. You'll need about 4 cubic feet of freezer space.",
                    "meat-eggs", 115000, "per quarter (about 100 lb)", 2, true, 0, 0, "pickup"),
                new("bone-in-ribeye-steaks", "Bone-in ribeye steaks",
                    "Ribeyes cut 1¼ inches thick, frozen two to a pack.",
                    "meat-eggs", 2400, "per lb", 30, true, 0, 0, "pickup"),
                new("rambouillet-sheepskin", "Tanned sheepskin",
                    "A hide from our own Rambouillet ewes, tanned in Montana. Dense, fine wool, about three feet long.",
                    "crafts", 16000, "each", 5, false, 0, 0, "pickup"),
            ]),

        // Southwest Georgia: pecan orchard, ships only.
        new(
            Slug: "mathis-pecan-grove",
            Name: "Mathis Pecan Grove",
            Story: """
                Lorene Mathis's father planted the first 40 acres of Stuart and Desirable pecans here in 1952, on land he'd sharecropped for twenty years before he could buy it. Some of those trees are still bearing. Lorene took over in 1994, and her son Andre came home from Atlanta in 2017 to run the orchard with her. It's 180 acres now.

                Harvest starts in late October when the shakers go through and runs into December. We clean, crack and shell in our own small plant, so the pecans you get were on the tree this past fall, not sitting in a warehouse for two years.

                Lorene still bakes every pie herself, from October through April, in the same double oven she's used since 1988.

                We ship Monday through Wednesday so nothing sits in a truck over the weekend.
                """,
            Town: "Baconton",
            Region: "GA",
            PostalCode: "31716",
            CountryCode: "US",
            Latitude: 31.3799,
            Longitude: -84.1613,
            OffersPickup: false,
            PickupAddress: null,
            PickupHours: null,
            PickupInstructions: null,
            OffersLocalDelivery: false,
            DeliveryRadiusKm: 0,
            LocalDeliveryFeeCents: 0,
            OffersShipping: true,
            ShippingFeeCents: 900,
            FreeShippingOverCents: 6000,
            Products:
            [
                new("fancy-pecan-halves", "Pecan halves",
                    "Fancy halves from this past fall's harvest, shelled in our own plant. Keep them in the freezer and they'll last a year.",
                    "produce", 1600, "per 1 lb bag", 180, false, 0, 0, "shipping"),
                new("in-shell-desirable-pecans", "In-shell Desirable pecans",
                    "Big, thin-shelled Desirables, cleaned and sized straight from the harvester. Crack them on the porch.",
                    "produce", 2800, "per 5 lb bag", 60, false, 11, 1, "shipping"),
                new("lorenes-pecan-pie", "Lorene's pecan pie",
                    "A 9-inch pie with a cup and a half of halves on top and cane syrup in the filling. Ships in a tin; refrigerate it when it arrives.",
                    "baked-goods", 3200, "each", 24, true, 10, 4, "shipping"),
                new("roasted-pecan-butter", "Roasted pecan butter",
                    "Roasted pecans and a pinch of salt, ground smooth. Stir before using; the oil separates, and that's normal.",
                    "honey-preserves", 1200, "per 8 oz jar", 70, false, 0, 0, "shipping"),
                new("pecan-shell-mulch", "Pecan shell mulch",
                    "Cracked shells from our shelling plant for paths and around shrubs. They break down slowly and darken the soil.",
                    "home-garden", 2200, "per 20 lb bag", 40, false, 0, 0, "shipping"),
                new("pecan-wood-smoking-chunks", "Pecan wood smoking chunks",
                    "Fist-sized chunks from limbs we prune every winter, seasoned a year. Milder than hickory; good with pork and poultry.",
                    "home-garden", 1400, "per 5 lb box", 55, false, 0, 0, "shipping"),
                new("elliot-pecan-tree", "Elliot pecan tree",
                    "A bare-root grafted Elliot pecan, 4 to 5 feet tall, scab-resistant and suited to the Southeast. Shipped dormant, December through February.",
                    "plants-seeds", 4500, "each", 4, false, 12, 2, "shipping"),
            ]),

        // Acadiana, Louisiana: family farm on Bayou Teche.
        new(
            Slug: "dupuis-family-farm",
            Name: "Dupuis Family Farm",
            Story: """
                Ray and Jolie Dupuis grow on 25 acres along Bayou Teche, on land that's been in Jolie's family longer than anybody wrote down. Ray grew up half a mile away, and they've farmed it together since 1999: sweet potatoes, Creole tomatoes, a few hundred satsuma trees, figs along the fence line and a patch of cane they cook down to syrup every November.

                Jolie is the cook. Boudin on Saturdays, fig preserves in July, and king cakes from Twelfth Night to Mardi Gras. Her boudin is pork, rice, liver, green onion and a lot of black pepper, nothing else.

                We keep a small flock of Muscovy ducks mostly for the eggs, which a few bakers around Lafayette have caught on to.

                We deliver around Lafayette, St. Martinville and Breaux Bridge on Fridays and Saturdays. Or come by the stand; one of us is usually there.
                """,
            Town: "Breaux Bridge",
            Region: "LA",
            PostalCode: "70517",
            CountryCode: "US",
            Latitude: 30.2735,
            Longitude: -91.8993,
            OffersPickup: true,
            PickupAddress: "4150 Main Highway (LA-31), Breaux Bridge, LA 70517",
            PickupHours: "Fri 2–6 pm, Sat 7 am–noon",
            PickupInstructions: "The stand is under the big pecan tree by the road. Boudin is hot at 7 on Saturday and usually gone by 10; preorders are held until noon.",
            OffersLocalDelivery: true,
            DeliveryRadiusKm: 50,
            LocalDeliveryFeeCents: 700,
            OffersShipping: false,
            ShippingFeeCents: 0,
            FreeShippingOverCents: 0,
            Products:
            [
                new("teche-satsumas", "Satsumas",
                    "Seedless, easy-peeling satsumas off our own trees. Sweetest after the first cool nights in November.",
                    "produce", 2000, "per 10 lb bag", 90, true, 10, 1, "pickup,delivery"),
                new("cured-beauregard-sweet-potatoes", "Cured sweet potatoes",
                    "Beauregard sweet potatoes cured for two weeks after digging so they sweeten. Store them somewhere cool, but not in the fridge.",
                    "produce", 225, "per lb", 200, false, 9, 3, "pickup,delivery"),
                new("creole-tomatoes", "Creole tomatoes",
                    "Vine-ripened Creole tomatoes from our bayou-bottom soil. Keep them on the counter, never in the fridge.",
                    "produce", 350, "per lb", 60, true, 5, 7, "pickup,delivery"),
                new("saturday-pork-boudin", "Saturday boudin",
                    "Pork, rice, liver, green onion and black pepper in natural casing, made Saturday mornings. Get it hot at the stand or cold for the grill.",
                    "meat-eggs", 800, "per lb", 40, true, 0, 0, "pickup,delivery"),
                new("muscovy-duck-eggs", "Muscovy duck eggs",
                    "Large eggs with rich yolks and firm whites; bakers like them for cakes. From our small flock of Muscovies.",
                    "meat-eggs", 900, "per half dozen", 8, true, 0, 0, "pickup,delivery"),
                new("open-kettle-cane-syrup", "Pure cane syrup",
                    "Cooked down from our own cane in an open kettle every November: dark, a little smoky, slightly bitter at the finish. Good on biscuits and in pecan pie.",
                    "honey-preserves", 1000, "per 12 oz bottle", 45, false, 0, 0, "pickup,delivery"),
                new("celeste-fig-preserves", "Celeste fig preserves",
                    "Whole Celeste figs from the fence-line trees, preserved with lemon slices the way Jolie's grandmother made them.",
                    "honey-preserves", 900, "per 12 oz jar", 35, false, 0, 0, "pickup,delivery"),
                new("jolies-king-cake", "King cake",
                    "Braided cinnamon brioche, glazed and sugared purple, green and gold. There's a baby inside; whoever finds it brings the next one.",
                    "baked-goods", 2800, "each", 12, true, 1, 3, "pickup,delivery"),
            ]),

        // Allegheny Highlands, West Virginia: farm-gate stand, pickup only.
        new(
            Slug: "locust-creek-farm-stand",
            Name: "Locust Creek Farm Stand",
            Story: """
                Wendell and Nora Cutlip have farmed on Locust Creek, a couple of miles past the covered bridge, since 1976. They keep hens, a big garden, two acres of sorghum cane and the pole beans Wendell's mother saved in Mason jars for sixty years.

                Wendell is 74 and still runs the sorghum mill every October, with the grandkids feeding cane into the press. It takes about ten gallons of juice to make one of molasses, and we cook it all day over a wood fire.

                Nora braids rag rugs from wool and cotton the church clothing drive can't use. She's also the one who makes the apple stack cake: seven layers with dried apples between them, October to Christmas.

                We're a farm-gate stand, not a store. *No shipping and no delivery* — come see us.
                """,
            Town: "Hillsboro",
            Region: "WV",
            PostalCode: "24946",
            CountryCode: "US",
            Latitude: 38.1354,
            Longitude: -80.2134,
            OffersPickup: true,
            PickupAddress: "2784 Locust Creek Road, Hillsboro, WV 24946",
            PickupHours: "Farm gate stand, Sat 8 am–12 pm, April through December",
            PickupInstructions: "If nobody's at the stand, ring the bell on the porch post. Orders are in the springhouse cooler labeled with your name. Cash or check is best; the card reader works when the signal does.",
            OffersLocalDelivery: false,
            DeliveryRadiusKm: 0,
            LocalDeliveryFeeCents: 0,
            OffersShipping: false,
            ShippingFeeCents: 0,
            FreeShippingOverCents: 0,
            Products:
            [
                new("wild-ramps", "Wild ramps",
                    "Dug by hand on our north-facing woods slope, taking no more than one plant in ten from each patch. Trimmed and washed.",
                    "produce", 900, "per 1/2 lb bundle", 30, true, 4, 5, "pickup"),
                new("creekside-pawpaws", "Pawpaws",
                    "Ripe pawpaws from the trees along the creek, custardy and tasting of banana and mango. They last two or three days, so come the week they're ready.",
                    "produce", 600, "per lb", 25, true, 9, 9, "pickup"),
                new("wood-fired-sorghum-molasses", "Sorghum molasses",
                    "Cooked down over a wood fire every October from cane we grow and press ourselves. Thinner and tangier than blackstrap.",
                    "honey-preserves", 1200, "per 16 oz jar", 40, false, 0, 0, "pickup"),
                new("locust-creek-farm-eggs", "Farm eggs",
                    "From our mixed flock of Barred Rocks and Buff Orpingtons. Clean, unwashed, collected that week.",
                    "meat-eggs", 500, "per dozen", 20, true, 0, 0, "pickup"),
                new("greasy-cut-short-bean-seed", "Greasy cut-short bean seed",
                    "The pole bean Wendell's mother kept going for sixty years: smooth, shiny pods packed so tight the beans square off at the ends. About 50 seeds.",
                    "plants-seeds", 500, "per packet", 60, false, 0, 0, "pickup"),
                new("apple-stack-cake", "Apple stack cake",
                    "Seven thin sorghum-sweetened layers with cooked dried apples between them. It needs two days to set before cutting, so order a few days ahead.",
                    "baked-goods", 3000, "each", 4, true, 10, 12, "pickup"),
                new("braided-rag-rug", "Braided rag rug",
                    "An oval rug about 2 by 3 feet, braided and lace-stitched by hand from reclaimed wool and cotton. No two have the same colors.",
                    "crafts", 6500, "each", 3, false, 0, 0, "pickup"),
            ]),
    ];

    /// <summary>Checks the catalog for data problems. Returns an empty list when everything is consistent.</summary>
    internal static IReadOnlyList<string> Validate()
    {
        List<string> problems = [];
        HashSet<string> categories = new(CategorySlugs, StringComparer.Ordinal);
        HashSet<string> knownFulfilment = new(FulfilmentOptions, StringComparer.Ordinal);
        HashSet<string> sellerSlugs = new(StringComparer.Ordinal);
        HashSet<string> productSlugs = new(StringComparer.Ordinal);
        Dictionary<string, int> perCategory = new(StringComparer.Ordinal);

        if (Sellers.Count == 0)
        {
            problems.Add("The catalog has no sellers.");
        }

        foreach (var seller in Sellers)
        {
            var who = $"Seller '{seller.Slug}'";

            if (!IsSlug(seller.Slug))
            {
                problems.Add($"{who}: slug is not lower-case ascii words joined by single hyphens.");
            }

            if (!sellerSlugs.Add(seller.Slug))
            {
                problems.Add($"{who}: duplicate seller slug.");
            }

            if (IsBlank(seller.Name) || IsBlank(seller.Story) || IsBlank(seller.Town) || IsBlank(seller.Region))
            {
                problems.Add($"{who}: name, story, town and region are all required.");
            }

            if (seller.CountryCode.Length != 2 || !seller.CountryCode.All(char.IsAsciiLetterUpper))
            {
                problems.Add($"{who}: country code '{seller.CountryCode}' is not two upper-case letters.");
            }
            else if (seller.CountryCode == "US" && (seller.PostalCode.Length != 5 || !seller.PostalCode.All(char.IsAsciiDigit)))
            {
                problems.Add($"{who}: postal code '{seller.PostalCode}' is not a 5-digit US ZIP code.");
            }

            if (seller.Latitude is < -90 or > 90 || seller.Longitude is < -180 or > 180)
            {
                problems.Add($"{who}: latitude/longitude out of range.");
            }

            if (!seller.OffersPickup && !seller.OffersLocalDelivery && !seller.OffersShipping)
            {
                problems.Add($"{who}: offers no fulfilment method.");
            }

            if (seller.OffersPickup && (IsBlank(seller.PickupAddress) || IsBlank(seller.PickupHours)))
            {
                problems.Add($"{who}: offers pickup but has no pickup address or hours.");
            }

            if (!seller.OffersPickup && (seller.PickupAddress is not null || seller.PickupHours is not null || seller.PickupInstructions is not null))
            {
                problems.Add($"{who}: has pickup details but does not offer pickup.");
            }

            if (seller.OffersLocalDelivery && seller.DeliveryRadiusKm <= 0)
            {
                problems.Add($"{who}: offers local delivery with no delivery radius.");
            }

            if (seller.DeliveryRadiusKm < 0 || seller.LocalDeliveryFeeCents < 0 || seller.ShippingFeeCents < 0 || seller.FreeShippingOverCents < 0)
            {
                problems.Add($"{who}: negative delivery radius, fee or free-shipping threshold.");
            }

            if (seller.Products.Count == 0)
            {
                problems.Add($"{who}: has no products.");
            }

            HashSet<string> offered = new(StringComparer.Ordinal);
            if (seller.OffersShipping)
            {
                offered.Add("shipping");
            }

            if (seller.OffersPickup)
            {
                offered.Add("pickup");
            }

            if (seller.OffersLocalDelivery)
            {
                offered.Add("delivery");
            }

            foreach (var product in seller.Products)
            {
                var what = $"Product '{product.Slug}' ({seller.Slug})";

                if (!IsSlug(product.Slug))
                {
                    problems.Add($"{what}: slug is not lower-case ascii words joined by single hyphens.");
                }

                if (!productSlugs.Add(product.Slug))
                {
                    problems.Add($"{what}: duplicate product slug.");
                }

                if (IsBlank(product.Title) || IsBlank(product.Description) || IsBlank(product.UnitLabel))
                {
                    problems.Add($"{what}: title, description and unit label are all required.");
                }

                if (categories.Contains(product.CategorySlug))
                {
                    perCategory[product.CategorySlug] = perCategory.GetValueOrDefault(product.CategorySlug) + 1;
                }
                else
                {
                    problems.Add($"{what}: unknown category '{product.CategorySlug}'.");
                }

                if (product.PriceCents <= 0)
                {
                    problems.Add($"{what}: price must be positive.");
                }

                if (product.Stock < 0)
                {
                    problems.Add($"{what}: negative stock.");
                }

                var allYear = product.SeasonStartMonth == 0 && product.SeasonEndMonth == 0;
                var validSeason = product.SeasonStartMonth is >= 1 and <= 12 && product.SeasonEndMonth is >= 1 and <= 12;
                if (!allYear && !validSeason)
                {
                    problems.Add(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{what}: season {product.SeasonStartMonth}–{product.SeasonEndMonth} is neither 0–0 (all year) nor two months 1–12."));
                }

                var methods = product.Fulfilment.Split(',', StringSplitOptions.TrimEntries);
                if (methods.Any(m => m.Length == 0))
                {
                    problems.Add($"{what}: fulfilment '{product.Fulfilment}' has an empty entry.");
                }

                if (methods.Distinct(StringComparer.Ordinal).Count() != methods.Length)
                {
                    problems.Add($"{what}: fulfilment '{product.Fulfilment}' repeats a method.");
                }

                foreach (var method in methods.Where(m => m.Length > 0))
                {
                    if (!knownFulfilment.Contains(method))
                    {
                        problems.Add($"{what}: unknown fulfilment method '{method}'.");
                    }
                    else if (!offered.Contains(method))
                    {
                        problems.Add($"{what}: fulfilment '{method}' is not offered by the seller.");
                    }
                }

                if (product.CategorySlug == "farm-stays-experiences" && !(methods.Length == 1 && methods[0] == "pickup"))
                {
                    problems.Add($"{what}: farm stays happen on site and must be pickup only.");
                }
            }
        }

        foreach (var category in CategorySlugs)
        {
            var count = perCategory.GetValueOrDefault(category);
            if (count < MinProductsPerCategory)
            {
                problems.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Category '{category}' has {count} products; the demo needs at least {MinProductsPerCategory}."));
            }
        }

        return problems;
    }

    private static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    private static bool IsSlug(string value) =>
        value.Length > 0
        && value[0] != '-'
        && value[^1] != '-'
        && !value.Contains("--", StringComparison.Ordinal)
        && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
