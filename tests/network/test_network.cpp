// Network construction: distance, block and fare models, the generated leg rule, currency
// conversion and the input's overrides.
#include <algorithm>
#include <cmath>
#include <numbers>
#include <queue>

#include <gtest/gtest.h>

#include "flyorcall/errors.hpp"
#include "network/network.hpp"
#include "network/world_data.hpp"

namespace flyorcall::network {
namespace {

City make_city(std::string code, double lat, double lon, int tier = 3,
               std::string region = "europe") {
  City c;
  c.code = std::move(code);
  c.name = c.code;
  c.country = "DE";
  c.tz = "Europe/Berlin";
  c.lat = lat;
  c.lon = lon;
  c.tier = tier;
  c.region = std::move(region);
  c.hotel_night = money_from_units(100);
  c.per_diem = money_from_units(30);
  return c;
}

const Leg* find_leg(const Network& net, std::string_view from, std::string_view to) {
  const auto f = net.find(from);
  const auto t = net.find(to);
  if (!f || !t) return nullptr;
  for (const auto& leg : net.legs())
    if (leg.from == *f && leg.to == *t) return &leg;
  return nullptr;
}

LegSpec spec(std::string from, std::string to) {
  LegSpec s;
  s.from = std::move(from);
  s.to = std::move(to);
  return s;
}

/// The problems of the InputError thrown by `f` (empty when none is thrown).
template <class F> std::vector<Problem> input_problems(F f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.problems();
  }
  return {};
}

TEST(Distance, GreatCircleMatchesKnownDistances) {
  EXPECT_NEAR(great_circle_km(0, 0, 0, 90), std::numbers::pi / 2 * 6371.0, 1e-6);
  EXPECT_NEAR(great_circle_km(90, 0, -90, 0), std::numbers::pi * 6371.0, 1e-6);
  EXPECT_DOUBLE_EQ(great_circle_km(50.1, 8.6, 50.1, 8.6), 0.0);
  // London Heathrow - New York JFK is about 5540 km.
  EXPECT_NEAR(great_circle_km(51.4700, -0.4543, 40.6413, -73.7781), 5540.0, 15.0);
  // Across the antimeridian: Auckland - Los Angeles about 10480 km.
  EXPECT_NEAR(great_circle_km(-37.0082, 174.7850, 33.9416, -118.4085), 10480.0, 30.0);
}

TEST(Models, BlockTimeIsOverheadPlusCruiseRoundedToFiveMinutes) {
  EXPECT_EQ(modelled_block(0.0), Minutes(45));
  EXPECT_EQ(modelled_block(850.0), Minutes(105));
  EXPECT_EQ(modelled_block(10260.0), Minutes(770)); // FRA-SIN: 45 + 724.2 -> 770
  for (double km = 0; km < 16000; km += 137.0) {
    EXPECT_EQ(modelled_block(km).count() % 5, 0);
    EXPECT_LE(modelled_block(km), modelled_block(km + 137.0));
  }
}

TEST(Models, FareBandTapersAndCabinMultiplesDependOnHaul) {
  EXPECT_DOUBLE_EQ(modelled_fare_eur(0.0, Cabin::economy), 60.0);
  EXPECT_DOUBLE_EQ(modelled_fare_eur(1000.0, Cabin::economy), 170.0);
  EXPECT_DOUBLE_EQ(modelled_fare_eur(3000.0, Cabin::economy), 390.0);
  EXPECT_DOUBLE_EQ(modelled_fare_eur(5000.0, Cabin::economy), 510.0);
  EXPECT_DOUBLE_EQ(modelled_fare_eur(1000.0, Cabin::premium), 170.0 * 1.5);
  EXPECT_DOUBLE_EQ(modelled_fare_eur(1000.0, Cabin::business), 170.0 * 2.5);
  EXPECT_DOUBLE_EQ(modelled_fare_eur(1000.0, Cabin::first), 170.0 * 3.5);
  EXPECT_DOUBLE_EQ(modelled_fare_eur(5000.0, Cabin::premium), 510.0 * 1.8);
  EXPECT_DOUBLE_EQ(modelled_fare_eur(5000.0, Cabin::business), 510.0 * 4.0);
  EXPECT_DOUBLE_EQ(modelled_fare_eur(5000.0, Cabin::first), 510.0 * 6.5);
  // The taper: the second 3000 km cost less than the first.
  EXPECT_LT(modelled_fare_eur(6000.0, Cabin::economy) - modelled_fare_eur(3000.0, Cabin::economy),
            modelled_fare_eur(3000.0, Cabin::economy) - modelled_fare_eur(0.0, Cabin::economy));
}

TEST(LegRule, ConnectsHubsRegionsAndNearbyCitiesButNothingOutOfRange) {
  std::vector<City> cities{
      make_city("GHA", 50.0, 8.0, 1, "europe"),     // global hub, Europe
      make_city("GHB", 1.3, 103.9, 1, "asia"),      // global hub ~10000 km away
      make_city("GHC", -41.3, 174.8, 1, "oceania"), // ~18500 km from GHA
      make_city("RHA", 38.7, -9.1, 2, "europe"),    // regional hub ~1900 km from GHA
      make_city("RHB", 13.7, 100.7, 2, "asia"),     // regional hub near GHB
      make_city("SMA", 50.5, 9.0, 3, "europe"),     // small city near GHA
      make_city("SMB", 51.0, 10.0, 3, "europe"),    // small city ~100 km from SMA
      make_city("SMC", 64.1, -21.9, 3, "island"),   // far from every hub of its own region
  };
  const auto net = Network::build(cities, {}, {}, true, 1.0);
  const auto has = [&](std::string_view a, std::string_view b) {
    return find_leg(net, a, b) != nullptr && find_leg(net, b, a) != nullptr;
  };
  EXPECT_TRUE(has("GHA", "GHB"));  // tier 1 to tier 1
  EXPECT_FALSE(has("GHA", "GHC")); // beyond kMaxLegKm
  EXPECT_GT(great_circle_km(50.0, 8.0, -41.3, 174.8), kMaxLegKm);
  EXPECT_TRUE(has("GHB", "GHC"));
  EXPECT_TRUE(has("RHA", "GHA"));  // tier 2 to tier 1 within 9000 km
  EXPECT_FALSE(has("RHA", "GHB")); // tier 2 to tier 1 beyond 9000 km, other region
  EXPECT_TRUE(has("RHB", "GHB"));
  EXPECT_TRUE(has("SMA", "GHA")); // regional hub within 2500 km
  EXPECT_TRUE(has("SMA", "RHA"));
  EXPECT_TRUE(has("SMA", "SMB"));  // nearby cities fly direct
  EXPECT_FALSE(has("SMA", "RHB")); // hub of another region
  EXPECT_FALSE(has("SMA", "GHB"));
  // No hub of its own region: the two nearest hubs of any region.
  EXPECT_TRUE(has("SMC", "GHA"));
  EXPECT_TRUE(has("SMC", "RHA"));
  EXPECT_FALSE(has("SMC", "SMA"));
  for (const auto& leg : net.legs()) {
    EXPECT_LE(leg.km, kMaxLegKm);
    EXPECT_FALSE(leg.given);
    EXPECT_EQ(leg.block, modelled_block(leg.km));
    EXPECT_EQ(leg.fare[2], money_from_units(modelled_fare_eur(leg.km, Cabin::business)));
  }
  // Cities come out sorted by code; indices are positions.
  EXPECT_EQ(net.city(0).code, "GHA");
  EXPECT_EQ(net.find("SMC"), 7);
  EXPECT_FALSE(net.find("XXX").has_value());
}

TEST(LegSpecs, OverrideAddAndRemovePerDirection) {
  std::vector<City> cities{make_city("AAA", 50.0, 8.0, 1), make_city("BBB", 51.0, 9.0, 1),
                           make_city("CCC", 52.0, 10.0, 1)};
  LegSpec fare_only = spec("AAA", "BBB");
  fare_only.fare[0] = money_from_units(99);
  LegSpec one_way = spec("AAA", "CCC");
  one_way.block = Minutes(200);
  one_way.both_ways = false;
  LegSpec removal = spec("BBB", "CCC");
  removal.remove = true;
  const auto net = Network::build(cities, {}, {fare_only, one_way, removal}, true, 2.0);

  const auto* ab = find_leg(net, "AAA", "BBB");
  const auto* ba = find_leg(net, "BBB", "AAA");
  ASSERT_NE(ab, nullptr);
  ASSERT_NE(ba, nullptr);
  EXPECT_EQ(ab->fare[0], money_from_units(99)); // already in the document currency
  EXPECT_EQ(ba->fare[0], money_from_units(99));
  EXPECT_EQ(ab->fare[1], money_from_units(modelled_fare_eur(ab->km, Cabin::premium) * 2.0));
  EXPECT_EQ(ab->block, modelled_block(ab->km));
  EXPECT_TRUE(ab->given);

  const auto* ac = find_leg(net, "AAA", "CCC");
  const auto* ca = find_leg(net, "CCC", "AAA");
  ASSERT_NE(ac, nullptr);
  ASSERT_NE(ca, nullptr);
  EXPECT_EQ(ac->block, Minutes(200));
  EXPECT_EQ(ca->block, modelled_block(ca->km));
  EXPECT_TRUE(ac->given);
  EXPECT_FALSE(ca->given);

  EXPECT_EQ(find_leg(net, "BBB", "CCC"), nullptr);
  EXPECT_EQ(find_leg(net, "CCC", "BBB"), nullptr);
}

TEST(LegSpecs, WithoutGeneratedLegsOnlyGivenLegsExist) {
  std::vector<City> cities{make_city("AAA", 50.0, 8.0, 1), make_city("BBB", 51.0, 9.0, 1),
                           make_city("CCC", 52.0, 10.0, 1)};
  const auto net = Network::build(cities, {}, {spec("CCC", "AAA")}, false, 1.0);
  ASSERT_EQ(net.legs().size(), 2u);
  EXPECT_NE(find_leg(net, "AAA", "CCC"), nullptr);
  EXPECT_NE(find_leg(net, "CCC", "AAA"), nullptr);
  EXPECT_EQ(find_leg(net, "AAA", "BBB"), nullptr);
  EXPECT_EQ(net.legs()[0].from, 0); // legs are ordered by (from, to)
}

TEST(LegSpecs, UnknownCitiesAreReportedAllAtOnceWithPointers) {
  std::vector<City> cities{make_city("FRA", 50.0, 8.6, 1), make_city("LHR", 51.5, -0.5, 1),
                           make_city("SIN", 1.4, 104.0, 1)};
  LegSpec bad_block = spec("FRA", "SIN");
  bad_block.block = Minutes(0);
  const auto problems = input_problems([&] {
    (void)Network::build(cities, {},
                         {spec("FRA", "LHR"), spec("FRAA", "QQQ"), spec("LHR", "LHR"), bad_block},
                         true, 1.0);
  });
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0].pointer, "/network/legs/1/from");
  EXPECT_EQ(problems[0].message, "unknown city \"FRAA\" (did you mean \"FRA\"?)");
  EXPECT_EQ(problems[1].pointer, "/network/legs/1/to");
  EXPECT_EQ(problems[1].message, "unknown city \"QQQ\"");
  EXPECT_EQ(problems[2].pointer, "/network/legs/2/to");
  EXPECT_EQ(problems[2].message, "a leg must join two different cities; both ends are \"LHR\"");
  EXPECT_EQ(problems[3].pointer, "/network/legs/3/block");
  EXPECT_EQ(problems[3].message, "block time must be positive, found 0 minutes");
}

// ---- from an Input, on the default world data ---------------------------------------------------

TEST(DefaultNetwork, ConvertsMoneyToTheDocumentCurrency) {
  Input in;
  in.currency = "USD";
  const double usd = *eur_rate("USD");
  const auto net = Network::build(in);
  const auto& world = default_world();
  ASSERT_EQ(net.cities().size(), world.cities.size());
  for (std::size_t i = 0; i < world.cities.size(); ++i) {
    EXPECT_EQ(net.cities()[i].hotel_night, scale(world.cities[i].hotel_night, usd));
    EXPECT_EQ(net.cities()[i].per_diem, scale(world.cities[i].per_diem, usd));
  }
  ASSERT_FALSE(net.legs().empty());
  const auto& leg = net.legs().front();
  EXPECT_EQ(leg.fare[0], money_from_units(modelled_fare_eur(leg.km, Cabin::economy) * usd));
  EXPECT_EQ(net.countries().size(), world.countries.size());
}

TEST(DefaultNetwork, UnknownCurrencyIsAnInputErrorAtCurrency) {
  Input in;
  in.currency = "EUX";
  const auto problems = input_problems([&] { (void)Network::build(in); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].pointer, "/currency");
  EXPECT_EQ(problems[0].message,
            "unknown currency \"EUX\"; expected an ISO 4217 code with a reference rate (did you "
            "mean \"EUR\"?)");
}

TEST(DefaultNetwork, InputCitiesOverrideOrAddAndGetLegs) {
  Input in;
  const auto base = Network::build(in);
  const auto fra_index = base.find("FRA");
  ASSERT_TRUE(fra_index.has_value());
  City fra = base.city(*fra_index);
  fra.hotel_night = money_from_units(321);
  // A made-up city 60 km from Frankfurt: within kNearbyKm, so it gets a direct leg.
  City added = make_city("XQZ", 50.3, 9.4, 3, fra.region);
  in.network.cities = {fra, added};
  Country de;
  de.code = "DE";
  de.name = "Germany (custom)";
  in.network.countries = {de};
  const auto net = Network::build(in);
  EXPECT_EQ(net.cities().size(), base.cities().size() + 1);
  EXPECT_EQ(net.city(*net.find("FRA")).hotel_night, money_from_units(321));
  ASSERT_TRUE(net.find("XQZ").has_value());
  EXPECT_NE(find_leg(net, "XQZ", "FRA"), nullptr);
  EXPECT_NE(find_leg(net, "FRA", "XQZ"), nullptr);
  EXPECT_EQ(net.country("DE")->name, "Germany (custom)");
  EXPECT_EQ(net.country_of(*net.find("XQZ"))->code, "DE");
  const auto codes = net.codes();
  EXPECT_TRUE(std::is_sorted(codes.begin(), codes.end()));
}

TEST(DefaultNetwork, RemovedLegIsGoneAndUnknownCityHasItsPointer) {
  Input in;
  const auto base = Network::build(in);
  ASSERT_NE(find_leg(base, "FRA", "LON"), nullptr);
  in.network.legs = {spec("FRA", "LON")};
  in.network.legs[0].remove = true;
  const auto net = Network::build(in);
  EXPECT_EQ(find_leg(net, "FRA", "LON"), nullptr);
  EXPECT_EQ(find_leg(net, "LON", "FRA"), nullptr);
  EXPECT_EQ(net.legs().size(), base.legs().size() - 2);

  in.network.legs.push_back(spec("FRA", "ZZZ"));
  const auto problems = input_problems([&] { (void)Network::build(in); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].pointer, "/network/legs/1/to");
  EXPECT_EQ(problems[0].message.rfind("unknown city \"ZZZ\"", 0), 0u) << problems[0].message;
}

TEST(DefaultNetwork, EveryCityIsReachableFromFrankfurtAndBack) {
  const auto net = Network::build(Input{});
  const auto fra = net.find("FRA");
  ASSERT_TRUE(fra.has_value());
  const auto n = net.cities().size();
  const auto reach = [&](bool forward) {
    std::vector<std::vector<int>> adj(n);
    for (const auto& leg : net.legs())
      adj[static_cast<std::size_t>(forward ? leg.from : leg.to)].push_back(forward ? leg.to
                                                                                   : leg.from);
    std::vector<bool> seen(n, false);
    std::queue<int> q;
    q.push(*fra);
    seen[static_cast<std::size_t>(*fra)] = true;
    while (!q.empty()) {
      const int v = q.front();
      q.pop();
      for (const int w : adj[static_cast<std::size_t>(v)])
        if (!seen[static_cast<std::size_t>(w)]) {
          seen[static_cast<std::size_t>(w)] = true;
          q.push(w);
        }
    }
    return seen;
  };
  const auto out = reach(true);
  const auto back = reach(false);
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_TRUE(out[i]) << "FRA cannot reach " << net.cities()[i].code;
    EXPECT_TRUE(back[i]) << net.cities()[i].code << " cannot reach FRA";
  }
  for (const auto& leg : net.legs()) EXPECT_LE(leg.km, kMaxLegKm);
}

} // namespace
} // namespace flyorcall::network
