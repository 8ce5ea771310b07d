// Network construction: the embedded legs and their provenance, the fare model and company
// fares, block times by direction and airspace, hotel and per-diem rates, currency conversion and
// the input's overrides.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <numbers>
#include <queue>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "flyorcall/errors.hpp"
#include "model/csv.hpp"
#include "network/block_time.hpp"
#include "network/default_legs.hpp"
#include "network/network.hpp"
#include "network/routes.hpp"
#include "network/world_data.hpp"

namespace flyorcall::network {
namespace {

City make_city(std::string code, double lat, double lon, std::string region = "europe") {
  City c;
  c.code = std::move(code);
  c.name = c.code;
  c.country = "DE";
  c.tz = "Europe/Berlin";
  c.lat = lat;
  c.lon = lon;
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

const std::vector<Vec3> great_circle(const City& a, const City& b) {
  return {to_vec(a.lat, a.lon), to_vec(b.lat, b.lon)};
}

TEST(Models, FareGrowsWithDistanceAndCabin) {
  EXPECT_DOUBLE_EQ(modelled_fare_usd(0.0, Cabin::economy), 166.40);
  EXPECT_NEAR(modelled_fare_usd(1000.0, Cabin::economy), 166.40 + 29.49, 1e-9);
  for (double km = 100; km < 16000; km += 499) {
    EXPECT_LT(modelled_fare_usd(km, Cabin::economy), modelled_fare_usd(km + 499, Cabin::economy));
    EXPECT_LT(modelled_fare_usd(km, Cabin::economy), modelled_fare_usd(km, Cabin::premium));
    EXPECT_LT(modelled_fare_usd(km, Cabin::premium), modelled_fare_usd(km, Cabin::business));
    EXPECT_DOUBLE_EQ(modelled_fare_usd(km, Cabin::first),
                     modelled_fare_usd(km, Cabin::business) * 1.5);
  }
  // Business is 2.5 x economy on a short leg and 3.809 x from 4000 km on.
  EXPECT_NEAR(modelled_fare_usd(0.0, Cabin::business), 166.40 * 2.5, 1e-9);
  EXPECT_NEAR(modelled_fare_usd(9000.0, Cabin::business) /
                  modelled_fare_usd(9000.0, Cabin::economy),
              2.5 + 1.309, 1e-12);
}

TEST(LegSpecs, OverrideAddAndRemovePerDirection) {
  std::vector<City> cities{make_city("AAA", 50.0, 8.0), make_city("BBB", 51.0, 9.0),
                           make_city("CCC", 52.0, 10.0)};
  LegSpec fare_only = spec("AAA", "BBB");
  fare_only.fare[0] = money_from_units(99);
  LegSpec one_way = spec("AAA", "CCC");
  one_way.block = Minutes(200);
  one_way.both_ways = false;
  LegSpec back = spec("CCC", "AAA");
  back.both_ways = false;
  LegSpec bc = spec("BBB", "CCC");
  LegSpec removal = spec("CCC", "BBB");
  removal.both_ways = false;
  removal.remove = true;
  const auto net = Network::build(cities, {}, {fare_only, one_way, back, bc, removal}, false, 2.0);
  const auto usd = 2.0 / *eur_rate("USD");

  const auto* ab = find_leg(net, "AAA", "BBB");
  const auto* ba = find_leg(net, "BBB", "AAA");
  ASSERT_NE(ab, nullptr);
  ASSERT_NE(ba, nullptr);
  EXPECT_EQ(ab->fare[0], money_from_units(99)); // already in the document currency
  EXPECT_EQ(ba->fare[0], money_from_units(99));
  EXPECT_TRUE(ab->fare_given[0]);
  EXPECT_FALSE(ab->fare_given[1]);
  EXPECT_EQ(ab->fare[1], money_from_units(modelled_fare_usd(ab->km, Cabin::premium) * usd));
  const auto a = net.city(*net.find("AAA"));
  const auto b = net.city(*net.find("BBB"));
  EXPECT_EQ(ab->block, modelled_block(great_circle(a, b), 0.0));
  EXPECT_TRUE(ab->given);
  EXPECT_EQ(ab->source, "input");

  const auto* ac = find_leg(net, "AAA", "CCC");
  const auto* ca = find_leg(net, "CCC", "AAA");
  ASSERT_NE(ac, nullptr);
  ASSERT_NE(ca, nullptr);
  EXPECT_EQ(ac->block, Minutes(200));
  EXPECT_NE(ca->block, Minutes(200));
  EXPECT_NE(find_leg(net, "BBB", "CCC"), nullptr);
  EXPECT_EQ(find_leg(net, "CCC", "BBB"), nullptr);
}

TEST(LegSpecs, WithoutDefaultLegsOnlyGivenLegsExist) {
  std::vector<City> cities{make_city("AAA", 50.0, 8.0), make_city("BBB", 51.0, 9.0),
                           make_city("CCC", 52.0, 10.0)};
  const auto net = Network::build(cities, {}, {spec("CCC", "AAA")}, false, 1.0);
  ASSERT_EQ(net.legs().size(), 2u);
  EXPECT_NE(find_leg(net, "AAA", "CCC"), nullptr);
  EXPECT_NE(find_leg(net, "CCC", "AAA"), nullptr);
  EXPECT_EQ(find_leg(net, "AAA", "BBB"), nullptr);
  EXPECT_EQ(net.legs()[0].from, 0); // legs are ordered by (from, to)
}

TEST(LegSpecs, UnknownCitiesAreReportedAllAtOnceWithPointers) {
  std::vector<City> cities{make_city("FRA", 50.0, 8.6), make_city("LHR", 51.5, -0.5),
                           make_city("SIN", 1.4, 104.0)};
  LegSpec bad_block = spec("FRA", "SIN");
  bad_block.block = Minutes(0);
  const auto problems = input_problems([&] {
    (void)Network::build(cities, {},
                         {spec("FRA", "LHR"), spec("FRAA", "QQQ"), spec("LHR", "LHR"), bad_block},
                         true, 1.0);
  });
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0].pointer, "/network/legs/1/from");
  EXPECT_EQ(problems[0].message, "unknown city \"FRAA\"");
  EXPECT_EQ(problems[1].pointer, "/network/legs/1/to");
  EXPECT_EQ(problems[1].message, "unknown city \"QQQ\"");
  EXPECT_EQ(problems[2].pointer, "/network/legs/2/to");
  EXPECT_EQ(problems[2].message, "a leg must join two different cities; both ends are \"LHR\"");
  EXPECT_EQ(problems[3].pointer, "/network/legs/3/block");
  EXPECT_EQ(problems[3].message, "block time must be positive, found 0 minutes");
}

// ---- the embedded default legs -----------------------------------------------------------------

std::string slurp(const std::string& relative) {
  std::ifstream in(std::string(FLYORCALL_SOURCE_DIR) + "/" + relative);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(DefaultLegs, EveryLegHasARecordedSourceAndKnownCarriers) {
  const auto sources = csv::read_data_table(slurp("data/leg_sources.csv"), "data/leg_sources.csv",
                                            "id,url,title,date");
  std::set<std::string> ids;
  for (const auto& r : sources.rows) {
    EXPECT_TRUE(r.fields[1].starts_with("http")) << r.fields[0];
    ids.insert(r.fields[0]);
  }
  std::set<std::string> codes;
  for (const auto& c : default_world().cities) codes.insert(c.code);
  int without_source = 0;
  for (const auto& leg : default_legs()) {
    EXPECT_TRUE(codes.contains(leg.from) && codes.contains(leg.to)) << leg.from << "-" << leg.to;
    EXPECT_TRUE(leg.basis == "openflights-2014" || leg.basis == "added");
    if (leg.source == "review") {
      // Kept from the OpenFlights snapshot on the maintainers' review: the snapshot is its source.
      EXPECT_EQ(leg.basis, "openflights-2014") << leg.from << "-" << leg.to;
      ++without_source;
    } else {
      EXPECT_TRUE(ids.contains(leg.source)) << leg.from << "-" << leg.to << ": " << leg.source;
    }
    for (const auto& c : leg.carriers) EXPECT_FALSE(carrier_country(c).empty()) << c;
  }
  std::printf("default legs: %zu directed; %d kept from the 2014 snapshot on review alone\n",
              default_legs().size(), without_source);
}

TEST(DefaultLegs, RemovedPairsAreNotLegs) {
  const auto removed = csv::read_data_table(slurp("data/legs_removed.csv"), "data/legs_removed.csv",
                                            "from,to,source,reason");
  std::set<std::pair<std::string, std::string>> legs;
  for (const auto& l : default_legs()) legs.insert({l.from, l.to});
  EXPECT_GT(removed.rows.size(), 100u);
  for (const auto& r : removed.rows) {
    EXPECT_FALSE(legs.contains({r.fields[0], r.fields[1]})) << r.fields[0] << "-" << r.fields[1];
    EXPECT_FALSE(legs.contains({r.fields[1], r.fields[0]})) << r.fields[1] << "-" << r.fields[0];
  }
}

TEST(DefaultLegs, NoLegJoinsIsraelWithLebanonOrSaudiArabiaAndKyivHasNone) {
  const auto net = Network::build(Input{});
  for (const auto& leg : net.legs()) {
    const std::set<std::string> pair{net.city(leg.from).country, net.city(leg.to).country};
    EXPECT_FALSE(pair == std::set<std::string>({"IL", "LB"})) << net.city(leg.from).code;
    EXPECT_FALSE(pair == std::set<std::string>({"IL", "SA"})) << net.city(leg.from).code;
    EXPECT_NE(net.city(leg.from).code, "KBP");
    EXPECT_NE(net.city(leg.to).code, "KBP");
  }
}

TEST(DefaultLegs, MalformedRowsNameTheLine) {
  const auto error = [](const std::string& rows) {
    try {
      (void)parse_default_legs(
          "# flyorcall-data 1\nfrom,to,dirs,carriers,season,basis,source,flag\n" + rows);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(error("FRA,AMS,both,LH,,openflights-2014,review,\n"),
            "data/legs.csv:3: a pair is listed once, with from before to");
  EXPECT_EQ(error("AMS,FRA,both,,,openflights-2014,review,\n"),
            "data/legs.csv:3: carriers: at least one operating carrier");
  EXPECT_EQ(error("AMS,FRA,both,ZZ,,openflights-2014,review,\n"),
            "data/legs.csv:3: carrier \"ZZ\" is not in data/carriers.csv");
  EXPECT_EQ(error("AMS,FRA,both,LH,,added,review,\n"),
            "data/legs.csv:3: an added leg needs a source");
  EXPECT_EQ(error("AMS,FRA,sideways,LH,,openflights-2014,review,\n"),
            "data/legs.csv:3: dirs: expected both, forward or backward");
  EXPECT_EQ(
      parse_default_legs("# flyorcall-data 1\nfrom,to,dirs,carriers,season,basis,source,flag\n"
                         "AMS,FRA,backward,LH KL,summer,added,S0001,unsure\n")
          .front()
          .from,
      "FRA");
}

const Route route_of(const Network& net, const char* from, const char* to) {
  const RouteFinder finder(net, RouteParams{});
  return finder.best(*net.find(from), *net.find(to));
}

TEST(DefaultLegs, RealNonstopsFlyNonstopAndFarPairsConnect) {
  const auto net = Network::build(Input{});
  for (const auto& [a, b] : std::vector<std::pair<const char*, const char*>>{
           {"SIN", "OSA"}, {"LON", "PER"}, {"MUC", "SAO"}, {"MUC", "SIN"}}) {
    EXPECT_NE(find_leg(net, a, b), nullptr) << a << "-" << b;
    const auto r = route_of(net, a, b);
    EXPECT_EQ(r.legs.size(), 1u) << a << "-" << b;
  }
  for (const auto& [a, b] : std::vector<std::pair<const char*, const char*>>{
           {"SAO", "SYD"}, {"CHI", "SYD"}, {"FRA", "SYD"}}) {
    EXPECT_EQ(find_leg(net, a, b), nullptr) << a << "-" << b << " has no nonstop";
    const auto r = route_of(net, a, b);
    EXPECT_TRUE(r.reachable) << a << "-" << b;
    EXPECT_GE(r.legs.size(), 2u) << a << "-" << b;
  }
}

TEST(DefaultLegs, EveryCityButKyivIsReachableFromFrankfurtAndBack) {
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
    // Kyiv has had no scheduled civil flights since Ukraine's airspace closed on 24 Feb 2022.
    const bool kyiv = net.cities()[i].code == "KBP";
    EXPECT_EQ(out[i], !kyiv) << "FRA to " << net.cities()[i].code;
    EXPECT_EQ(back[i], !kyiv) << net.cities()[i].code << " to FRA";
  }
}

TEST(DefaultLegs, SeasonalLegsFlyOnlyInTheirSeason) {
  const DefaultLeg* summer = nullptr;
  for (const auto& l : default_legs())
    if (l.season == LegSeason::summer) summer = &l;
  ASSERT_NE(summer, nullptr);
  Input winter;
  winter.horizon = {Date{date::year{2027} / 1 / 1}, Date{date::year{2027} / 3 / 15}};
  Input july = winter;
  july.horizon = {Date{date::year{2027} / 7 / 1}, Date{date::year{2027} / 9 / 30}};
  EXPECT_EQ(find_leg(Network::build(winter), summer->from, summer->to), nullptr);
  EXPECT_NE(find_leg(Network::build(july), summer->from, summer->to), nullptr);
  // IATA summer 2027: 28 March to 30 October.
  EXPECT_FALSE(
      touches_season({Date{date::year{2027} / 1 / 1}, Date{date::year{2027} / 3 / 27}}, true));
  EXPECT_TRUE(
      touches_season({Date{date::year{2027} / 1 / 1}, Date{date::year{2027} / 3 / 28}}, true));
  EXPECT_TRUE(
      touches_season({Date{date::year{2027} / 10 / 30}, Date{date::year{2027} / 10 / 30}}, true));
  EXPECT_FALSE(
      touches_season({Date{date::year{2027} / 10 / 31}, Date{date::year{2027} / 12 / 31}}, true));
  EXPECT_FALSE(
      touches_season({Date{date::year{2027} / 4 / 1}, Date{date::year{2027} / 9 / 30}}, false));
}

// ---- block times: direction, airspace, season ---------------------------------------------------

TEST(BlockTimes, EastboundIsFasterAndClosedAirspaceIsFlownAround) {
  const auto net = Network::build(Input{});
  const auto* east = find_leg(net, "LAX", "NYC");
  const auto* west = find_leg(net, "NYC", "LAX");
  ASSERT_TRUE(east && west);
  EXPECT_LT(east->block, west->block);
  // London-Tokyo: BA, JAL and ANA all avoid Russia, so the flown path is longer than the
  // great circle; Frankfurt-Beijing has Air China, which still overflies it.
  const auto* lon_tyo = find_leg(net, "LON", "TYO");
  const auto* fra_bjs = find_leg(net, "FRA", "BJS");
  ASSERT_TRUE(lon_tyo && fra_bjs);
  EXPECT_GT(lon_tyo->flown_km, lon_tyo->km * 1.1);
  EXPECT_DOUBLE_EQ(fra_bjs->flown_km, fra_bjs->km);
  // Both ways longer than the great circle's 12h00 of before 2022 (published since: 13h35-14h00
  // eastbound, 14h05-14h40 westbound, over Alaska; tests/network/test_reference.cpp compares
  // them season by season); westbound, against the jet, the longer.
  const auto* tyo_lon = find_leg(net, "TYO", "LON");
  ASSERT_NE(tyo_lon, nullptr);
  EXPECT_GT(lon_tyo->block, Minutes(12 * 60 + 20));
  EXPECT_GT(tyo_lon->block, Minutes(14 * 60));
  EXPECT_GT(tyo_lon->block, lon_tyo->block);
  // Every leg is at least as long as its great circle, and every block a multiple of 5 minutes.
  for (const auto& l : net.legs()) {
    EXPECT_GE(l.flown_km, l.km);
    EXPECT_EQ(l.block.count() % 5, 0);
  }
}

TEST(BlockTimes, WinterJetsWidenTheEastWestGap) {
  const std::vector<Vec3> west{to_vec(40.6, -73.8), to_vec(51.5, -0.5)}; // New York to London
  const double jan = season_of(Date{date::year{2027} / 1 / 15});
  const double jul = season_of(Date{date::year{2027} / 7 / 15});
  EXPECT_NEAR(jan, 1.0, 2e-3);
  EXPECT_NEAR(jul, -1.0, 2e-3);
  const std::vector<Vec3> east{west.back(), west.front()};
  const double gap_jan = block_minutes(east, jan) - block_minutes(west, jan);
  const double gap_jul = block_minutes(east, jul) - block_minutes(west, jul);
  EXPECT_GT(gap_jan, gap_jul);
  EXPECT_GT(gap_jul, 0);
}

// ---- from an Input, on the default world data ---------------------------------------------------

TEST(DefaultNetwork, ConvertsMoneyToTheDocumentCurrency) {
  Input in;
  in.currency = "USD";
  const auto net = Network::build(in);
  ASSERT_FALSE(net.legs().empty());
  const auto& leg = net.legs().front();
  // Fares are modelled in US dollars: in a USD document they are the model's figures.
  EXPECT_EQ(leg.fare[0], money_from_units(modelled_fare_usd(leg.km, Cabin::economy)));
  Input eur;
  const auto in_eur = Network::build(eur);
  EXPECT_EQ(in_eur.legs().front().fare[0],
            money_from_units(modelled_fare_usd(leg.km, Cabin::economy) / *eur_rate("USD")));
  EXPECT_EQ(net.countries().size(), default_world().countries.size());
}

TEST(DefaultNetwork, UnknownCurrencyIsAnInputErrorAtCurrency) {
  Input in;
  in.currency = "EUX";
  const auto problems = input_problems([&] { (void)Network::build(in); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].pointer, "/currency");
  EXPECT_EQ(problems[0].message,
            "unknown currency \"EUX\"; expected an ISO 4217 code with a reference rate");
}

TEST(DefaultNetwork, InputCitiesOverrideOrAddWithTheirOwnLegs) {
  Input in;
  const auto base = Network::build(in);
  City fra = base.city(*base.find("FRA"));
  fra.hotel_night = money_from_units(321);
  City added = make_city("XQZ", 50.3, 9.4, fra.region);
  in.network.cities = {fra, added};
  in.network.legs = {spec("XQZ", "FRA")};
  Country de;
  de.code = "DE";
  de.name = "Germany (custom)";
  in.network.countries = {de};
  const auto net = Network::build(in);
  EXPECT_EQ(net.cities().size(), base.cities().size() + 1);
  EXPECT_EQ(net.hotel_night(*net.find("FRA"), Date{date::year{2027} / 1 / 5}),
            money_from_units(321));
  EXPECT_NE(find_leg(net, "XQZ", "FRA"), nullptr);
  EXPECT_NE(find_leg(net, "FRA", "XQZ"), nullptr);
  EXPECT_EQ(net.country("DE")->name, "Germany (custom)");
  EXPECT_EQ(net.country_of(*net.find("XQZ"))->code, "DE");
  const auto codes = net.codes();
  EXPECT_TRUE(std::is_sorted(codes.begin(), codes.end()));
}

TEST(DefaultNetwork, AnAddedCityWithoutFlightsIsAnInputErrorWhereSomeoneNeedsOne) {
  Input in;
  City added = make_city("XQZ", 50.3, 9.4, "europe");
  added.hotel_night = money_from_units(100);
  added.per_diem = money_from_units(40);
  in.network.cities = {added};
  Traveller t;
  t.id = "t";
  t.home = "FRA";
  in.travellers = {t};
  Client c;
  c.id = "c";
  c.city = "XQZ";
  in.clients = {c};
  auto problems = input_problems([&] { (void)Network::build(in); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].pointer, "/clients/0/city");
  EXPECT_EQ(problems[0].message,
            "no flight leaves or reaches XQZ: add its legs in /network/legs (nearest cities with "
            "flights: FRA 55 km, STR 170 km, CGN 186 km)");
  // A traveller living there with a client elsewhere needs one too.
  in.travellers[0].home = "XQZ";
  in.clients[0].city = "LON";
  problems = input_problems([&] { (void)Network::build(in); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].pointer, "/travellers/0/home");
  // Not when everyone is there, nor for a default city without flights (Kyiv): its clients are
  // called remotely, and the plan says why.
  in.clients[0].city = "XQZ";
  EXPECT_NO_THROW((void)Network::build(in));
  in.network.cities.clear();
  in.travellers[0].home = "FRA";
  in.clients[0].city = "KBP";
  EXPECT_NO_THROW((void)Network::build(in));
  // With legs the added city is fine.
  in.network.cities = {added};
  in.clients[0].city = "XQZ";
  in.network.legs = {spec("XQZ", "FRA")};
  EXPECT_NO_THROW((void)Network::build(in));
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
  EXPECT_EQ(problems[0].message, "unknown city \"ZZZ\"");
}

// ---- fares: by origin and destination, the company's own
// -----------------------------------------

FareSpec fare(const char* from, const char* to, Cabin cabin, double amount) {
  FareSpec f;
  f.from = from;
  f.to = to;
  f.cabin = cabin;
  f.amount = amount;
  f.where = "/network/fares/0";
  return f;
}

TEST(Fares, AJourneyIsPricedFromOriginToDestination) {
  const auto net = Network::build(Input{});
  const auto r = route_of(net, "SAO", "SYD");
  ASSERT_GE(r.legs.size(), 2u);
  const auto& a = net.city(*net.find("SAO"));
  const auto& b = net.city(*net.find("SYD"));
  const Money od = money_from_units(
      modelled_fare_usd(great_circle_km(a.lat, a.lon, b.lat, b.lon), Cabin::economy) /
      *eur_rate("USD"));
  EXPECT_EQ(r.fare, od);
  Money sum{0};
  for (const auto& l : r.legs) sum += l.fare;
  EXPECT_EQ(sum, r.fare); // the legs carry shares of the journey's fare
}

TEST(Fares, CompanyFaresReplaceTheModelInEitherDirection) {
  Input in;
  in.horizon = {Date{date::year{2027} / 1 / 1}, Date{date::year{2027} / 3 / 31}};
  auto ret = fare("FRA", "SIN", Cabin::business, 4000);
  ret.round_trip = true;
  auto usd = fare("SYD", "FRA", Cabin::economy, 2000);
  usd.currency = "USD";
  auto expired = fare("FRA", "NYC", Cabin::economy, 1);
  expired.valid_to = Date{date::year{2026} / 12 / 31};
  in.network.fares = {ret, usd, expired};
  const auto net = Network::build(in);
  EXPECT_EQ(net.company_fare(*net.find("SIN"), *net.find("FRA"), Cabin::business),
            std::optional<Money>(money_from_units(2000)));
  EXPECT_EQ(net.company_fare(*net.find("FRA"), *net.find("SYD"), Cabin::economy),
            std::optional<Money>(money_from_units(2000 / *eur_rate("USD"))));
  EXPECT_EQ(net.company_fare(*net.find("FRA"), *net.find("NYC"), Cabin::economy), std::nullopt);
  RouteParams p;
  p.cabin.base = Cabin::business;
  const auto r = RouteFinder(net, p).best(*net.find("FRA"), *net.find("SIN"));
  EXPECT_EQ(r.fare, money_from_units(2000));
  // Two fares for one pair and cabin in the horizon are an error.
  in.network.fares.push_back(fare("SIN", "FRA", Cabin::business, 1000));
  in.network.fares.back().where = "fares.csv:4";
  const auto problems = input_problems([&] { (void)Network::build(in); });
  ASSERT_EQ(problems.size(), 1u);
  // A row of a fare file is named in the message, not as a JSON Pointer.
  EXPECT_EQ(problems[0].pointer, "");
  EXPECT_EQ(problems[0].message, "fares.csv:4: a second business fare for SIN-FRA in the planning "
                                 "horizon (the first is /network/fares/0)");
}

// ---- hotel nights and per diems
// ------------------------------------------------------------------

TEST(Rates, HotelNightsFollowTheLodgingTableSeasons) {
  const auto net = Network::build(Input{});
  const int edi = *net.find("EDI");
  // Edinburgh: 621 USD in July and August, 311 USD the rest of the year (State Department).
  const double usd = 1.0 / *eur_rate("USD");
  EXPECT_EQ(net.hotel_night(edi, Date{date::year{2027} / 8 / 10}), money_from_units(621 * usd));
  EXPECT_EQ(net.hotel_night(edi, Date{date::year{2027} / 2 / 10}), money_from_units(311 * usd));
}

TEST(Rates, PerDiemsFollowTheAllowanceTable) {
  const auto net = Network::build(Input{});
  const int lon = *net.find("LON");
  const Date day{date::year{2027} / 2 / 10};
  // BMF 2026: London 66 EUR a full day, 44 EUR an arrival or departure day.
  EXPECT_EQ(net.per_diem(lon, AllowanceTable::bmf, false, day), money_from_units(66));
  EXPECT_EQ(net.per_diem(lon, AllowanceTable::bmf, true, day), money_from_units(44));
  // US tables: M&IE, 75 % on the first and last day.
  const Money full = net.per_diem(lon, AllowanceTable::us_gsa_state, false, day);
  EXPECT_EQ(net.per_diem(lon, AllowanceTable::us_gsa_state, true, day), scale(full, 0.75));
  // A custom allowance wins over every table.
  Input in;
  in.policy.custom_allowances = {{"LON", money_from_units(90), money_from_units(60)}};
  const auto custom = Network::build(in);
  EXPECT_EQ(custom.per_diem(lon, AllowanceTable::bmf, false, day), money_from_units(90));
  EXPECT_EQ(custom.per_diem(lon, AllowanceTable::us_gsa_state, true, day), money_from_units(60));
}

} // namespace
} // namespace flyorcall::network
