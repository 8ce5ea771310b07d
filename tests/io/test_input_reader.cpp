// The reader on valid documents: every field lands in the model with the right unit, defaults
// apply, both horizon forms work, and the shipped examples parse.
#include "io/input_reader.hpp"

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "flyorcall/flyorcall.hpp"
#include "model/embedded_data.hpp"
#include "network/world_data.hpp"

namespace flyorcall {
namespace {

using date::days;
using namespace date::literals;

std::string example(const std::string& name) {
  std::ifstream in(std::string(FLYORCALL_SOURCE_DIR) + "/data/examples/" + name);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Input read_ok(const std::string& text) {
  try {
    return read_input(text);
  } catch (const InputError& e) {
    ADD_FAILURE() << "unexpected input error: " << e.what();
    throw;
  }
}

const char* const kMinimal = R"({
  "quarter": "2027-Q1",
  "travellers": [{"id": "anna", "home": "FRA", "cost_per_day": 500}],
  "clients": [{"id": "acme", "city": "LON", "visit_value": 5000}]
})";

TEST(ReadInput, MinimalDocumentGetsTheModelDefaults) {
  const Input in = read_ok(kMinimal);
  EXPECT_EQ(in.label, "2027-Q1");
  EXPECT_EQ(in.horizon.first, Date{2027_y / 1 / 1});
  EXPECT_EQ(in.horizon.last, Date{2027_y / 3 / 31});
  EXPECT_EQ(in.currency, "EUR");
  EXPECT_EQ(in.seed, 1u);
  EXPECT_DOUBLE_EQ(in.time_limit_s, 60.0);
  EXPECT_EQ(in.policy.effort, 3);
  EXPECT_TRUE(in.network.use_default);
  EXPECT_TRUE(in.network.cities.empty());
  EXPECT_TRUE(in.events.empty());

  ASSERT_EQ(in.travellers.size(), 1u);
  const Traveller& t = in.travellers[0];
  const Traveller defaults;
  EXPECT_EQ(t.id, "anna");
  EXPECT_EQ(t.home, "FRA");
  EXPECT_EQ(t.cost_per_day, Money(50000));
  EXPECT_EQ(t.max_days_away, defaults.max_days_away);
  EXPECT_EQ(t.max_trip_days, defaults.max_trip_days);
  EXPECT_EQ(t.weekend, WeekendRule::stay);
  EXPECT_EQ(t.cabin.base, Cabin::economy);
  EXPECT_FALSE(t.cabin.upgrade_above.has_value());
  EXPECT_EQ(t.hours.days[1].start_min, 9 * 60);
  EXPECT_EQ(t.hours.days[5].end_min, 17 * 60 + 30);
  EXPECT_FALSE(t.hours.days[0].working());

  ASSERT_EQ(in.clients.size(), 1u);
  const Client& c = in.clients[0];
  const Client cd;
  EXPECT_EQ(c.id, "acme");
  EXPECT_EQ(c.name, "acme"); // the id stands in for a missing name
  EXPECT_EQ(c.city, "LON");
  EXPECT_EQ(c.visit_value, money_from_units(5000));
  EXPECT_FALSE(c.account_revenue.has_value());
  EXPECT_EQ(c.remote_meetings, cd.remote_meetings);
  EXPECT_EQ(c.meeting_length, cd.meeting_length);
  EXPECT_EQ(c.attendees, cd.attendees);
  EXPECT_EQ(c.visit_days, 1);
  EXPECT_FALSE(c.must_visit);
  EXPECT_TRUE(c.availability.empty());
  EXPECT_TRUE(c.travellers.empty());

  const Policy pd;
  EXPECT_EQ(in.policy.carbon_price_per_tonne, pd.carbon_price_per_tonne);
  EXPECT_EQ(in.policy.client_hour_cost, pd.client_hour_cost);
  EXPECT_DOUBLE_EQ(in.policy.remote_effectiveness, pd.remote_effectiveness);
  EXPECT_FALSE(in.policy.budget_money.has_value());
}

TEST(ReadInput, EveryFieldLandsInTheModelWithItsUnit) {
  const Input in = read_ok(R"({
    "start": "2027-01-04", "end": "2027-03-26",
    "currency": "USD", "seed": 42, "time_limit_s": 2.5,
    "network": {
      "use_default": true,
      "countries": [
        {"code": "AE", "weekend": ["Sat", "Sun"], "hotel_kg_co2": 25.5},
        {"code": "ZZ", "name": "Zedland", "weekend": ["Fri", "Sat"]}
      ],
      "cities": [
        {"code": "XZL", "name": "Zed City", "country": "ZZ", "tz": "Asia/Dubai", "lat": 24.5,
         "lon": 54.25, "region": "middle_east", "hotel": 180.5, "per_diem": 60},
        {"code": "LON", "hotel": 250}
      ],
      "legs": [
        {"from": "FRA", "to": "XZL", "block_min": 390,
         "fare": {"economy": 420.5, "premium": 900, "business": 2400, "first": 5000},
         "both_ways": false},
        {"from": "FRA", "to": "LON", "remove": true}
      ]
    },
    "travellers": [
      {"id": "anna", "home": "FRA", "working_hours": "Mon-Thu 08:00-16:00,Fri 08:00-13:00",
       "cost_per_day": 812.25, "max_days_away": 20, "max_trip_days": 7, "weekend": "home",
       "cabin": {"base": "premium", "upgrade_to": "first", "upgrade_above_h": 7.5}},
      {"id": "wei", "home": "XZL", "cost_per_day": 500}
    ],
    "clients": [
      {"id": "acme", "name": "Acme Ltd", "city": "XZL", "account_revenue": 250000.75,
       "in_person_uplift": 0.08, "months_since_visit": 9, "remote_meetings": 4,
       "meeting_min": 45, "working_hours": "10:00-18:00", "attendees": 5,
       "availability": [{"from": "2027-02-01", "to": "2027-02-12"}, {"from": "2027-03-01"}],
       "must_visit": true, "travellers": ["wei", "anna"], "visit_days": 2}
    ],
    "events": [
      {"kind": "fair", "city": "XZL", "from": "2027-02-02", "to": "2027-02-04",
       "title": "Zed Expo", "note": "hall 3", "value_uplift": 0.3},
      {"kind": "strike", "country": "FR", "from": "2026-12-30", "to": "2027-01-05"},
      {"kind": "advisory", "country": "ZZ", "from": "2027-01-10"},
      {"kind": "blackout", "city": "LON", "from": "2027-03-01", "to": "2027-03-02"},
      {"kind": "news", "city": "FRA", "from": "2027-01-04"}
    ],
    "policy": {
      "carbon_price_per_t": 120.5, "radiative_forcing": false,
      "budget": {"money": 50000, "days": 25, "co2_kg": 4000.5},
      "remote_effectiveness": 0.35, "offhours_weight": {"own": 1.5, "client": 3,
      "far": 3, "night": 8.5},
      "client_hour_cost": 95, "jetlag": {"west_h_per_day": 1.25, "east_h_per_day": 0.75,
      "productivity_loss": 0.3}, "min_connection_min": 75, "connection_penalty": 40.5,
      "visit_replaces_meetings": 2
    }
  })");
  EXPECT_EQ(in.label, "2027-01-04..2027-03-26");
  EXPECT_EQ(in.horizon.first, Date{2027_y / 1 / 4});
  EXPECT_EQ(in.horizon.last, Date{2027_y / 3 / 26});
  EXPECT_EQ(in.currency, "USD");
  EXPECT_EQ(in.seed, 42u);
  EXPECT_DOUBLE_EQ(in.time_limit_s, 2.5);

  ASSERT_EQ(in.network.countries.size(), 2u);
  EXPECT_EQ(in.network.countries[0].code, "AE");
  EXPECT_EQ(in.network.countries[0].name, "United Arab Emirates"); // kept from the default data
  EXPECT_EQ(in.network.countries[0].weekend, kSatSun);
  EXPECT_DOUBLE_EQ(in.network.countries[0].hotel_kg_co2.value(), 25.5);
  EXPECT_EQ(in.network.countries[1].weekend, WeekdayMask((1u << 5) | (1u << 6)));
  EXPECT_FALSE(in.network.countries[1].hotel_kg_co2.has_value());

  ASSERT_EQ(in.network.cities.size(), 2u);
  const City& z = in.network.cities[0];
  EXPECT_EQ(z.code, "XZL");
  EXPECT_EQ(z.name, "Zed City");
  EXPECT_EQ(z.country, "ZZ");
  EXPECT_EQ(z.tz, "Asia/Dubai");
  EXPECT_DOUBLE_EQ(z.lat, 24.5);
  EXPECT_DOUBLE_EQ(z.lon, 54.25);
  EXPECT_EQ(z.region, "middle_east");
  EXPECT_EQ(z.hotel_night, Money(18050));
  EXPECT_EQ(z.per_diem, Money(6000));
  // An override keeps the default city's other fields; its per diem stays with the tables.
  const City& lon = in.network.cities[1];
  EXPECT_EQ(lon.name, "London");
  EXPECT_EQ(lon.tz, "Europe/London");
  EXPECT_EQ(lon.hotel_night, Money(25000));
  EXPECT_FALSE(lon.per_diem.has_value());

  ASSERT_EQ(in.network.legs.size(), 2u);
  const LegSpec& leg = in.network.legs[0];
  EXPECT_EQ(leg.from, "FRA");
  EXPECT_EQ(leg.to, "XZL");
  EXPECT_EQ(leg.block, Minutes(390));
  EXPECT_EQ(leg.fare[0], Money(42050));
  EXPECT_EQ(leg.fare[1], Money(90000));
  EXPECT_EQ(leg.fare[2], Money(240000));
  EXPECT_EQ(leg.fare[3], Money(500000));
  EXPECT_FALSE(leg.both_ways);
  EXPECT_FALSE(leg.remove);
  EXPECT_TRUE(in.network.legs[1].remove);
  EXPECT_FALSE(in.network.legs[1].block.has_value());
  EXPECT_FALSE(in.network.legs[1].fare[0].has_value());

  ASSERT_EQ(in.travellers.size(), 2u);
  const Traveller& t = in.travellers[0];
  EXPECT_EQ(t.cost_per_day, Money(81225));
  EXPECT_EQ(t.max_days_away, 20);
  EXPECT_EQ(t.max_trip_days, 7);
  EXPECT_EQ(t.weekend, WeekendRule::home);
  EXPECT_EQ(t.cabin.base, Cabin::premium);
  EXPECT_EQ(t.cabin.upgraded, Cabin::first);
  EXPECT_EQ(t.cabin.upgrade_above, Minutes(450));
  EXPECT_EQ(t.hours.days[4].start_min, 8 * 60); // Thursday
  EXPECT_EQ(t.hours.days[5].end_min, 13 * 60);  // Friday
  EXPECT_FALSE(t.hours.days[6].working());
  EXPECT_EQ(in.travellers[1].home, "XZL");

  const Client& c = in.clients.at(0);
  EXPECT_EQ(c.name, "Acme Ltd");
  EXPECT_FALSE(c.visit_value.has_value());
  EXPECT_EQ(c.account_revenue, Money(25000075));
  EXPECT_DOUBLE_EQ(c.in_person_uplift, 0.08);
  EXPECT_EQ(c.months_since_visit, 9);
  EXPECT_EQ(c.remote_meetings, 4);
  EXPECT_EQ(c.meeting_length, Minutes(45));
  EXPECT_EQ(c.hours.days[1].start_min, 10 * 60);
  EXPECT_EQ(c.attendees, 5);
  ASSERT_EQ(c.availability.size(), 2u);
  EXPECT_EQ(c.availability[0].first, Date{2027_y / 2 / 1});
  EXPECT_EQ(c.availability[0].last, Date{2027_y / 2 / 12});
  EXPECT_EQ(c.availability[1].first, Date{2027_y / 3 / 1});
  EXPECT_EQ(c.availability[1].last, Date{2027_y / 3 / 1}); // "to" defaults to "from"
  EXPECT_TRUE(c.must_visit);
  EXPECT_EQ(c.travellers, (std::vector<std::string>{"wei", "anna"}));
  EXPECT_EQ(c.visit_days, 2);

  ASSERT_EQ(in.events.size(), 5u);
  EXPECT_EQ(in.events[0].kind, EventKind::fair);
  EXPECT_EQ(in.events[0].city, "XZL");
  EXPECT_EQ(in.events[0].dates.first, Date{2027_y / 2 / 2});
  EXPECT_EQ(in.events[0].dates.last, Date{2027_y / 2 / 4});
  EXPECT_EQ(in.events[0].title, "Zed Expo");
  EXPECT_EQ(in.events[0].note, "hall 3");
  EXPECT_DOUBLE_EQ(in.events[0].value_uplift, 0.3);
  EXPECT_EQ(in.events[1].kind, EventKind::strike);
  EXPECT_EQ(in.events[1].country, "FR");
  EXPECT_TRUE(in.events[1].city.empty());
  EXPECT_EQ(in.events[1].dates.first, Date{2026_y / 12 / 30}); // events may start before
  EXPECT_EQ(in.events[2].kind, EventKind::advisory);
  EXPECT_EQ(in.events[2].dates.last, Date{2027_y / 1 / 10});
  EXPECT_EQ(in.events[3].kind, EventKind::blackout);
  EXPECT_EQ(in.events[4].kind, EventKind::news);

  const Policy& p = in.policy;
  EXPECT_EQ(p.carbon_price_per_tonne, Money(12050));
  EXPECT_FALSE(p.radiative_forcing);
  EXPECT_EQ(p.budget_money, Money(5000000));
  EXPECT_EQ(p.budget_days, 25);
  EXPECT_EQ(p.budget_co2, GramsCo2(4000500));
  EXPECT_DOUBLE_EQ(p.remote_effectiveness, 0.35);
  EXPECT_DOUBLE_EQ(p.offhours_weight_own, 1.5);
  EXPECT_DOUBLE_EQ(p.offhours_weight_client, 3.0);
  EXPECT_DOUBLE_EQ(p.offhours_far_factor, 3.0);
  EXPECT_DOUBLE_EQ(p.offhours_night_factor, 8.5);
  EXPECT_EQ(p.client_hour_cost, Money(9500));
  EXPECT_DOUBLE_EQ(p.jetlag_west_hours_per_day, 1.25);
  EXPECT_DOUBLE_EQ(p.jetlag_east_hours_per_day, 0.75);
  EXPECT_DOUBLE_EQ(p.jetlag_productivity_loss, 0.3);
  EXPECT_EQ(p.min_connection, Minutes(75));
  EXPECT_EQ(p.connection_penalty, Money(4050));
  EXPECT_EQ(p.visit_replaces_meetings, 2);
}

TEST(ReadInput, AirportCodesAndCityNamesBecomeCities) {
  const Input in = read_ok(R"({"quarter": "2027-Q1",
    "travellers": [{"id": "a", "home": "frankfurt", "cost_per_day": 500}],
    "clients": [
      {"id": "c1", "city": "ORD", "visit_value": 1}, {"id": "c2", "city": "GRU", "visit_value": 1},
      {"id": "c3", "city": "NRT", "visit_value": 1}, {"id": "c4", "city": "KIX", "visit_value": 1},
      {"id": "c5", "city": "ICN", "visit_value": 1}, {"id": "c6", "city": "ARN", "visit_value": 1},
      {"id": "c7", "city": "CGK", "visit_value": 1}, {"id": "c8", "city": "YYZ", "visit_value": 1},
      {"id": "c9", "city": "GIG", "visit_value": 1},
      {"id": "c10", "city": "São Paulo", "visit_value": 1},
      {"id": "c11", "city": "BRU", "visit_value": 1}, {"id": "c12", "city": "lhr", "visit_value": 1},
      {"id": "c13", "city": " Zürich ", "visit_value": 1},
      {"id": "c14", "city": "Valencia, Spain", "visit_value": 1},
      {"id": "c15", "city": "San Jose, CR", "visit_value": 1},
      {"id": "c16", "city": "MUNCHEN", "visit_value": 1}],
    "events": [{"kind": "news", "city": "Bombay", "from": "2027-01-10", "title": "t"}]})");
  std::vector<std::string> cities;
  for (const auto& c : in.clients) cities.push_back(c.city);
  EXPECT_EQ(cities,
            (std::vector<std::string>{"CHI", "SAO", "TYO", "OSA", "SEL", "STO", "JKT", "YTO", "RIO",
                                      "SAO", "BRU", "LON", "ZRH", "VLC", "SJO", "MUC"}));
  EXPECT_EQ(in.travellers[0].home, "FRA");
  EXPECT_EQ(in.events[0].city, "BOM");
}

TEST(ReadInput, QuartersCoverTheirThreeMonths) {
  const auto horizon = [](const std::string& q) {
    std::string doc = kMinimal;
    doc.replace(doc.find("2027-Q1"), 7, q);
    return read_input(doc).horizon;
  };
  EXPECT_EQ(horizon("2028-Q1").last, Date{2028_y / 3 / 31});
  EXPECT_EQ(horizon("2027-Q2").first, Date{2027_y / 4 / 1});
  EXPECT_EQ(horizon("2027-Q2").last, Date{2027_y / 6 / 30});
  EXPECT_EQ(horizon("2027-Q3").first, Date{2027_y / 7 / 1});
  EXPECT_EQ(horizon("2027-Q3").last, Date{2027_y / 9 / 30});
  EXPECT_EQ(horizon("2027-Q4").first, Date{2027_y / 10 / 1});
  EXPECT_EQ(horizon("2027-Q4").last, Date{2027_y / 12 / 31});
}

TEST(ReadInput, OneDayHorizonAndLeapDayAreValid) {
  const Input in = read_ok(R"({"start": "2028-02-29", "end": "2028-02-29",
    "travellers": [{"id": "a", "home": "FRA", "cost_per_day": 500}],
    "clients": [{"id": "c", "city": "PAR", "visit_value": 1,
                 "availability": [{"from": "2028-02-29", "to": "2028-02-29"}]}]})");
  EXPECT_EQ(in.horizon.first, in.horizon.last);
  EXPECT_EQ(in.label, "2028-02-29..2028-02-29");
}

TEST(ReadInput, DocumentCitiesAloneWhenTheDefaultNetworkIsOff) {
  const Input in = read_ok(R"({"quarter": "2027-Q1",
    "network": {"use_default": false, "cities": [
      {"code": "AAA", "name": "Alpha", "country": "DE", "tz": "Europe/Berlin", "lat": 50, "lon": 8,
       "region": "europe", "hotel": 100, "per_diem": 30},
      {"code": "BBB", "name": "Beta", "country": "FR", "tz": "Europe/Paris", "lat": 48, "lon": 2,
       "region": "europe", "hotel": 120, "per_diem": 40}]},
    "travellers": [{"id": "a", "home": "AAA", "cost_per_day": 500}],
    "clients": [{"id": "c", "city": "BBB", "visit_value": 1}]})");
  EXPECT_FALSE(in.network.use_default);
  ASSERT_EQ(in.network.cities.size(), 2u);
  EXPECT_EQ(in.network.cities[0].per_diem, money_from_units(30));
}

TEST(ReadInput, LargeSeedAndUnicodeNamesSurvive) {
  const Input in = read_ok(R"({"quarter": "2027-Q1", "seed": 18446744073709551615,
    "travellers": [{"id": "jürgen", "home": "FRA", "cost_per_day": 500}],
    "clients": [{"id": "c", "name": "Société Générale 東京", "city": "TYO", "visit_value": 1,
                 "travellers": ["jürgen"]}]})");
  EXPECT_EQ(in.seed, 18446744073709551615u);
  EXPECT_EQ(in.clients[0].name, "Société Générale 東京");
}

TEST(ReadInput, SeedMayBeWrittenWithAZeroFraction) {
  // Like every other integer: 3 and 3.0 are the same JSON number.
  EXPECT_EQ(read_ok(R"({"quarter": "2027-Q1", "seed": 42.0, "travellers": [{"id": "a",
    "home": "FRA", "cost_per_day": 5}], "clients": [{"id": "c", "city": "PAR",
    "visit_value": 1}]})")
                .seed,
            42u);
  EXPECT_EQ(read_ok(R"({"quarter": "2027-Q1", "seed": -0, "travellers": [{"id": "a",
    "home": "FRA", "cost_per_day": 5}], "clients": [{"id": "c", "city": "PAR",
    "visit_value": 1}]})")
                .seed,
            0u);
}

TEST(ReadInput, EdgeNumbersInRange) {
  const Input in = read_ok(R"({"quarter": "2027-Q1",
    "travellers": [{"id": "a", "home": "FRA", "cost_per_day": 1e12, "max_days_away": -0.0}],
    "clients": [{"id": "c", "city": "PAR", "visit_value": 0.004, "attendees": 1.0e2}],
    "policy": {"carbon_price_per_t": -0.0}})");
  EXPECT_EQ(in.travellers[0].cost_per_day, Money(100000000000000));
  EXPECT_EQ(in.travellers[0].max_days_away, 0);
  EXPECT_EQ(in.clients[0].visit_value, Money(0)); // rounded to the cent
  EXPECT_EQ(in.clients[0].attendees, 100);
  EXPECT_EQ(in.policy.carbon_price_per_tonne, Money(0));
}

TEST(ReadInput, ByteOrderMarkIsSkipped) {
  EXPECT_EQ(read_ok(std::string("\xEF\xBB\xBF") + kMinimal).label, "2027-Q1");
}

TEST(ReadInput, ExamplesParse) {
  for (const char* name :
       {"default.json", "small.json", "two-travellers.json", "must-visit-infeasible.json"}) {
    SCOPED_TRACE(name);
    const Input in = read_ok(example(name));
    EXPECT_FALSE(in.clients.empty());
    EXPECT_FALSE(in.travellers.empty());
  }
}

TEST(ReadInput, DefaultExampleMatchesItsBrief) {
  const Input in = read_ok(example("default.json"));
  EXPECT_EQ(in.label, "2027-Q1");
  EXPECT_EQ(in.currency, "EUR");
  EXPECT_EQ(in.travellers.at(0).home, "FRA");
  EXPECT_GE(in.clients.size(), 20u);
  EXPECT_EQ(in.policy.carbon_price_per_tonne, money_from_units(100));
  EXPECT_TRUE(in.policy.budget_money.has_value());
  EXPECT_TRUE(in.policy.budget_days.has_value());
  int must = 0;
  int windows = 0;
  for (const auto& c : in.clients) {
    must += c.must_visit ? 1 : 0;
    windows += c.availability.empty() ? 0 : 1;
  }
  EXPECT_EQ(must, 1);
  EXPECT_GE(windows, 1);
  bool fair = false;
  bool strike = false;
  bool news = false;
  for (const auto& e : in.events) {
    fair = fair || e.kind == EventKind::fair;
    strike = strike || e.kind == EventKind::strike;
    news = news || e.kind == EventKind::news;
  }
  EXPECT_TRUE(fair && strike && news);
}

TEST(ReadInput, EmbeddedDefaultIsTheShippedFile) {
  EXPECT_EQ(std::string(data::default_json), example("default.json"));
}

TEST(ProblemsToJson, IsTheDocumentedErrorDocument) {
  const std::vector<Problem> problems{{"", "empty document: expected a JSON object"},
                                      {"/clients/0/city", "unknown city \"FRX\""}};
  EXPECT_EQ(io::problems_to_json(problems),
            R"({"code":2,"error":"input","problems":[{"pointer":"","message":"empty document: )"
            R"(expected a JSON object"},{"pointer":"/clients/0/city","message":"unknown city )"
            R"(\"FRX\""}]})");
}

TEST(ProblemsToJson, OtherErrorKindsUseTheSameShape) {
  EXPECT_EQ(
      io::problems_to_json({{"/clients/2", "no business day in the window"}}, 3, "infeasible"),
      R"({"code":3,"error":"infeasible","problems":[{"pointer":"/clients/2","message":")"
      R"(no business day in the window"}]})");
  // Messages quoting broken bytes still give valid JSON.
  EXPECT_EQ(io::problems_to_json({{"", "bad \xff byte"}}, 1, "internal"),
            "{\"code\":1,\"error\":\"internal\",\"problems\":[{\"pointer\":\"\",\"message\":"
            "\"bad \xEF\xBF\xBD byte\"}]}");
}

TEST(FormatProblemsText, OneLinePerProblem) {
  const std::vector<Problem> problems{{"", "malformed JSON at line 1, column 2: x"},
                                      {"/seed", "expected an integer, found string"}};
  EXPECT_EQ(io::format_problems_text(problems, "in.json"),
            "in.json: malformed JSON at line 1, column 2: x\n"
            "in.json: /seed: expected an integer, found string\n");
  EXPECT_EQ(io::format_problems_text({}, "in.json"), "");
  // No document (a command-line problem): no empty "<source>: " prefix.
  EXPECT_EQ(io::format_problems_text({{"", "no input"}}, ""), "no input\n");
}

TEST(FormatProblemsText, ControlCharactersNeverReachTheTerminal) {
  // A pointer holds a key as written; an escape sequence in it must not drive the terminal.
  EXPECT_EQ(io::format_problems_text({{"/a\x1b[2Jb\x7f", "m\x01 \xC2\x9B\xC3\xA9"}}, "in.json"),
            "in.json: /a\\u001b[2Jb\\u007f: m\\u0001 \\u009b\xC3\xA9\n");
}

TEST(EscapePointerToken, FollowsRfc6901) {
  EXPECT_EQ(io::escape_pointer_token("plain"), "plain");
  EXPECT_EQ(io::escape_pointer_token("a/b~c"), "a~1b~0c");
  EXPECT_EQ(io::escape_pointer_token("~1"), "~01");
}

} // namespace
} // namespace flyorcall
