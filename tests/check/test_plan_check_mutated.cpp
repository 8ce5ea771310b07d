// The plan checker's rules, one test each (docs/check.md): a valid multi-stop plan of this folder
// (see test_plan_check.cpp for how the fixtures are made) or its input is mutated, and the test
// asserts the exact violation pointer and rule.

#include "check/plan_check_support.hpp"

namespace {

using namespace plan_check_test;

// ---- one test per rule ---------------------------------------------------------------------

class Mutated : public ::testing::Test {
protected:
  Json input_json = example_json("default");
  Json plan = fixture("default");
  const Places places{input_json}; // the unchanged input's places
  std::vector<Violation> run() const { return check(input_of(input_json), plan); }
  Json& trip(std::size_t t) { return plan["trips"][t]; }
  Json& leg(std::size_t t, std::size_t k) { return plan["trips"][t]["legs"][k]; }
  Json& stay(std::size_t t, std::size_t k) { return plan["trips"][t]["stays"][k]; }
  Json& visit(std::size_t t, std::size_t k) { return plan["trips"][t]["visits"][k]; }
  std::size_t traveller_index(const std::string& id) const {
    return index_of(input_json["travellers"], id);
  }
  /// Moves visit `at` to `day` and expects the "business days" violation there, naming `why`.
  void expect_closed_day(const Item& at, flyorcall::Date day, const std::string& why) {
    visit(at.trip, at.k)["date"] = text_of(day);
    const auto v = run();
    const std::string p = at_visit(at.trip, at.k) + "/date";
    EXPECT_VIOLATION(v, p, "business days");
    ASSERT_NE(find(v, p, "business days"), nullptr);
    EXPECT_THAT(find(v, p, "business days")->message, HasSubstr(why));
  }
};

// An unknown city code in a plan is offered the network city only when it names the same place
// (an airport's code), never a city code spelt alike: GRU is Sao Paulo, not Brussels (BRU).
TEST_F(Mutated, UnknownCityIsOfferedOnlyTheSamePlace) {
  leg(0, 0)["to"] = "GRU";
  leg(0, 1)["from"] = "BRX";
  const std::vector<Violation> v = run();
  const Violation* gru = find(v, at_leg(0, 0) + "/to", "network leg");
  ASSERT_NE(gru, nullptr) << listing(v);
  EXPECT_EQ(gru->message, "unknown city \"GRU\" (did you mean \"SAO\", the city of \"GRU\"?)");
  const Violation* brx = find(v, at_leg(0, 1) + "/from", "network leg");
  ASSERT_NE(brx, nullptr) << listing(v);
  EXPECT_EQ(brx->message, "unknown city \"BRX\"");
}

TEST_F(Mutated, FareNotTheNetworks) {
  // A journey of one leg: its fare is the network's fare of that leg.
  const auto j = find_journey(plan, [](const Json&, const std::vector<Journey>& js, std::size_t k) {
    return js[k].size() == 1;
  });
  ASSERT_TRUE(j) << "no journey of a single leg";
  const Json& l = leg(j->trip, j->journey.first);
  const std::string name = l["cabin"].get<std::string>() + " fare of " +
                           l["from"].get<std::string>() + "-" + l["to"].get<std::string>() + " is";
  add_money(leg(j->trip, j->journey.first)["fare"], 1);
  const auto v = run();
  EXPECT_ONLY_VIOLATION(v, at_leg(j->trip, j->journey.first) + "/fare", "network fare");
  ASSERT_FALSE(v.empty());
  EXPECT_THAT(v.front().message, HasSubstr(name));
}

TEST_F(Mutated, FareNotTheJourneysShare) {
  // A journey with a connection is sold from its origin to its destination; each leg carries a
  // share of its fare.
  const auto j =
      find_journey(plan, [](const Json& t, const std::vector<Journey>& js, std::size_t k) {
        return js[k].size() >= 2 && one_cabin(t, js[k]) &&
               t["legs"][js[k].first + 1]["fare"].get<double>() > 100;
      });
  ASSERT_TRUE(j) << "no journey with a connection in one cabin";
  const std::size_t a = j->journey.first;
  const std::size_t b = a + 1;
  const Json& legs = trip(j->trip)["legs"];
  const std::string name = legs[a]["cabin"].get<std::string>() + " fare of " +
                           legs[a]["from"].get<std::string>() + "-" +
                           legs[j->journey.end - 1]["to"].get<std::string>() + " is";
  add_money(leg(j->trip, a)["fare"], 100);
  add_money(leg(j->trip, b)["fare"], -100);
  const auto v = run();
  EXPECT_VIOLATION(v, at_leg(j->trip, a) + "/fare", "network fare");
  EXPECT_VIOLATION(v, at_leg(j->trip, b) + "/fare", "network fare");
  EXPECT_EQ(v.size(), 2u) << listing(v); // the trip's total is the same
  const Violation* first = find(v, at_leg(j->trip, a) + "/fare", "network fare");
  ASSERT_NE(first, nullptr);
  EXPECT_THAT(first->message, HasSubstr(name));
  EXPECT_THAT(first->message, HasSubstr(", of which this leg carries"));
}

TEST_F(Mutated, LegNotInTheNetwork) {
  // The last leg of a trip flies to a city the network has no flight to from there.
  const auto t = find_trip(plan, [](const Json& x) { return !x["legs"].empty(); });
  ASSERT_TRUE(t) << "no trip with flights";
  Json& last = trip(*t)["legs"].back();
  const std::size_t k = trip(*t)["legs"].size() - 1;
  const auto& net = places.network();
  const int from = net.find(last["from"].get<std::string>()).value();
  std::optional<std::string> nowhere;
  for (std::size_t c = 0; c < net.cities().size() && !nowhere; ++c) {
    const bool flown = std::any_of(net.legs().begin(), net.legs().end(), [&](const auto& l) {
      return l.from == from && l.to == static_cast<int>(c);
    });
    if (!flown && static_cast<int>(c) != from) nowhere = net.cities()[c].code;
  }
  ASSERT_TRUE(nowhere) << "the network flies from " << last["from"] << " everywhere";
  last["to"] = *nowhere;
  const auto v = run();
  EXPECT_VIOLATION(v, at_leg(*t, k), "network leg");
  EXPECT_VIOLATION(v, at_leg(*t, k) + "/to", "home");
}

TEST_F(Mutated, VisitOnASaturday) {
  // A visit moved to the next Saturday, a weekend day of its client's country.
  flyorcall::Date saturday{};
  const auto at = find_item(plan, "visits", [&](const Json& t, std::size_t k) {
    const Json& x = t["visits"][k];
    saturday = day_of(x["date"]) + date::days{1};
    while (date::weekday{saturday} != date::Saturday) saturday += date::days{1};
    return places.in_horizon(saturday) && places.weekend_day(x["city"], saturday);
  });
  ASSERT_TRUE(at) << "no visit with a Saturday weekend after it in the horizon";
  const Json& x = visit(at->trip, at->k);
  const std::string why = text_of(saturday) + " (Sat) is not a business day of client " +
                          x["client"].get<std::string>() + " in " + x["city"].get<std::string>() +
                          ": a weekend day in " + places.country(x["city"]);
  expect_closed_day(*at, saturday, why);
}

TEST_F(Mutated, VisitOnAPublicHoliday) {
  // A visit moved to a public holiday of its client's country that is not a weekend day.
  flyorcall::Date holiday{};
  std::string name;
  const auto at = find_item(plan, "visits", [&](const Json& t, std::size_t k) {
    const Json& x = t["visits"][k];
    const std::string cc = places.country(x["city"]);
    const auto y = flyorcall::timez::holidays_in_year(
        cc, static_cast<int>(date::year_month_day{day_of(x["date"])}.year()));
    if (!y) return false;
    for (const flyorcall::timez::Holiday& h : y->holidays)
      if (places.in_horizon(h.date) && !places.weekend_day(x["city"], h.date)) {
        holiday = h.date;
        name = h.name;
        return true;
      }
    return false;
  });
  ASSERT_TRUE(at) << "no visit in a country with a public holiday on a weekday of the horizon";
  const Json& x = visit(at->trip, at->k);
  const std::string why = "is not a business day of client " + x["client"].get<std::string>() +
                          " in " + x["city"].get<std::string>() + ": a public holiday in " +
                          places.country(x["city"]) + " (" + name + ")";
  expect_closed_day(*at, holiday, why);
}

TEST_F(Mutated, VisitOnABlackoutDay) {
  // A blackout at a visited client's city on the visit's first day.
  const auto at = find_item(plan, "visits", [](const Json&, std::size_t) { return true; });
  ASSERT_TRUE(at) << "no visit";
  const Json& x = visit(at->trip, at->k);
  input_json["events"].push_back(
      {{"kind", "blackout"}, {"city", x["city"]}, {"from", x["date"]}, {"title", "Office move"}});
  const auto v = run();
  const std::string p = at_visit(at->trip, at->k) + "/date";
  EXPECT_VIOLATION(v, p, "business days");
  ASSERT_NE(find(v, p, "business days"), nullptr);
  EXPECT_THAT(find(v, p, "business days")->message, HasSubstr("Office move"));
}

TEST_F(Mutated, DroppedLeg) {
  // A leg in the middle of a trip is left out: the next one leaves from elsewhere.
  const auto at = find_item(plan, "legs", [](const Json& t, std::size_t k) {
    const Json& legs = t["legs"];
    return k >= 1 && k + 1 < legs.size() && legs[k - 1]["to"] != legs[k + 1]["from"];
  });
  ASSERT_TRUE(at) << "no trip with three legs or more";
  trip(at->trip)["legs"].erase(at->k);
  const auto v = run();
  EXPECT_VIOLATION(v, at_leg(at->trip, at->k) + "/from", "legs chain");
}

TEST_F(Mutated, BrokenTotal) {
  add_money(plan["totals"]["net"], 0.01);
  EXPECT_ONLY_VIOLATION(run(), "/totals/net", "totals");
}

TEST_F(Mutated, BrokenCo2Total) {
  plan["totals"]["co2_kg"] = plan["totals"]["co2_kg"].get<double>() + 0.1;
  EXPECT_ONLY_VIOLATION(run(), "/totals/co2_kg", "totals");
}

TEST_F(Mutated, TripCostFieldOffByACent) {
  const auto t = find_trip(plan, [](const Json& x) { return !x["legs"].empty(); });
  ASSERT_TRUE(t) << "no trip with flights";
  add_money(trip(*t)["cost"]["jetlag"], 0.01);
  EXPECT_ONLY_VIOLATION(run(), at_trip(*t) + "/cost/jetlag", "trip cost");
}

TEST_F(Mutated, OverlappingTrips) {
  // A trip moved to the day after an earlier trip of the same traveller leaves, inside it (that
  // trip lasts two days or more) and before the trip listed just above the moved one.
  std::optional<std::pair<std::size_t, std::size_t>> found; // (earlier, moved)
  const std::size_t n = plan["trips"].size();
  for (std::size_t i = 0; i < n && !found; ++i) {
    if (trip(i)["days_away"].get<int>() < 2) continue;
    const flyorcall::Date to = day_of(trip(i)["depart"]) + date::days{1};
    for (std::size_t j = i + 2; j < n && !found; ++j)
      if (trip(j)["traveller"] == trip(i)["traveller"] && day_of(trip(j - 1)["depart"]) > to)
        found = std::make_pair(i, j);
  }
  ASSERT_TRUE(found) << "no trip two trips after a trip of two days or more of its traveller";
  const auto [earlier, moved] = *found;
  const flyorcall::Date to = day_of(trip(earlier)["depart"]) + date::days{1};
  shift_trip(trip(moved), static_cast<int>((to - day_of(trip(moved)["depart"])).count()));
  const auto v = run();
  EXPECT_VIOLATION(v, at_trip(moved) + "/depart", "non-overlapping trips");
  EXPECT_VIOLATION(v, at_trip(moved) + "/depart", "trip ids"); // no longer in date order
}

TEST_F(Mutated, MoneyBudgetExceeded) {
  input_json["policy"]["budget"]["money"] =
      std::floor(plan["budget"]["money"]["used"].get<double>()) - 1;
  const auto v = run();
  EXPECT_VIOLATION(v, "/budget/money/used", "money budget");
  EXPECT_VIOLATION(v, "/budget/money/limit", "plan input"); // the plan states another limit
}

TEST_F(Mutated, DaysAndCo2BudgetsExceeded) {
  input_json["policy"]["budget"]["days"] = plan["budget"]["days"]["used"].get<int>() - 1;
  input_json["policy"]["budget"]["co2_kg"] =
      std::floor(plan["budget"]["co2_kg"]["used"].get<double>()) - 1;
  const auto v = run();
  EXPECT_VIOLATION(v, "/budget/days/used", "days budget");
  EXPECT_VIOLATION(v, "/budget/co2_kg/used", "co2 budget");
}

TEST_F(Mutated, MaxDaysAwayExceeded) {
  // max_days_away one day short of the traveller's days up to and including a multi-stop trip.
  const auto t = find_trip(plan, multi_stop);
  ASSERT_TRUE(t) << "no multi-stop trip";
  const std::string who = trip(*t)["traveller"];
  int days = 0;
  for (std::size_t i = 0; i <= *t; ++i)
    if (trip(i)["traveller"] == who) days += trip(i)["days_away"].get<int>();
  input_json["travellers"][traveller_index(who)]["max_days_away"] = days - 1;
  EXPECT_ONLY_VIOLATION(run(), at_trip(*t) + "/days_away", "max_days_away");
}

TEST_F(Mutated, MaxTripDaysExceeded) {
  // max_trip_days one day short of the shortest multi-stop trip: every trip as long or longer
  // breaks it.
  std::optional<std::size_t> shortest;
  for (std::size_t t = 0; t < plan["trips"].size(); ++t)
    if (multi_stop(trip(t)) && (!shortest || trip(t)["days_away"] < trip(*shortest)["days_away"]))
      shortest = t;
  ASSERT_TRUE(shortest) << "no multi-stop trip";
  const std::string who = trip(*shortest)["traveller"];
  const int limit = trip(*shortest)["days_away"].get<int>() - 1;
  input_json["travellers"][traveller_index(who)]["max_trip_days"] = limit;
  const auto v = run();
  std::size_t longer = 0;
  for (std::size_t t = 0; t < plan["trips"].size(); ++t)
    if (trip(t)["traveller"] == who && trip(t)["days_away"].get<int>() > limit) {
      EXPECT_VIOLATION(v, at_trip(t) + "/days_away", "max_trip_days");
      ++longer;
    }
  EXPECT_EQ(v.size(), longer) << listing(v);
}

TEST_F(Mutated, MustVisitClientLeftRemote) {
  const auto c = std::find_if(plan["clients"].begin(), plan["clients"].end(),
                              [](const Json& d) { return d["decision"] == "remote"; });
  ASSERT_NE(c, plan["clients"].end()) << "no client kept remote";
  const std::size_t k = index_of(input_json["clients"], (*c)["id"]);
  input_json["clients"][k]["must_visit"] = true;
  EXPECT_ONLY_VIOLATION(run(), at_client(index_of(plan["clients"], (*c)["id"])) + "/decision",
                        "must_visit");
}

TEST_F(Mutated, VisitOutsideAvailability) {
  // A visited client with availability windows gets one that ends before the visit, or starts
  // after it.
  const auto at = find_item(plan, "visits", [&](const Json& t, std::size_t k) {
    return !places.client(t["visits"][k]["client"]).availability.empty();
  });
  ASSERT_TRUE(at) << "no visit of a client with availability windows";
  const Json& x = visit(at->trip, at->k);
  const flyorcall::Date d = day_of(x["date"]);
  const flyorcall::DateRange& h = places.input().horizon;
  const bool before = d - h.first >= date::days{7};
  const flyorcall::Date from = before ? h.first : d + date::days{14};
  ASSERT_TRUE(before || from + date::days{4} <= h.last);
  input_json["clients"][index_of(input_json["clients"], x["client"])]["availability"] =
      Json::array({{{"from", text_of(from)}, {"to", text_of(from + date::days{4})}}});
  EXPECT_ONLY_VIOLATION(run(), at_visit(at->trip, at->k) + "/date", "availability");
}

TEST_F(Mutated, HotelNights) {
  const auto at = find_item(plan, "stays", [](const Json& t, std::size_t k) {
    return t["stays"][k]["hotel_nights"].get<int>() >= 1;
  });
  ASSERT_TRUE(at) << "no stay with a hotel night";
  stay(at->trip, at->k)["hotel_nights"] = stay(at->trip, at->k)["hotel_nights"].get<int>() + 1;
  EXPECT_ONLY_VIOLATION(run(), at_stay(at->trip, at->k) + "/hotel_nights", "hotel nights");
}

TEST_F(Mutated, StayArrival) {
  // A stop reached by a flight after another stop, stated to start the day before.
  const auto at = find_item(plan, "stays", [](const Json& t, std::size_t k) {
    return k >= 1 && journey_to(t, k).has_value();
  });
  ASSERT_TRUE(at) << "no second stop reached by a flight";
  Json& s = stay(at->trip, at->k);
  s["arrive"] = text_of(day_of(s["arrive"]) - date::days{1});
  EXPECT_ONLY_VIOLATION(run(), at_stay(at->trip, at->k) + "/arrive", "stays");
}

TEST_F(Mutated, VisitRightAfterALongHaulArrival) {
  // A one-day visit the day after a landing at or after 12:00, or after a journey of more than
  // 4 h, moved to the landing day (a business day): the traveller rests before the meeting.
  const auto at = find_item(plan, "visits", [&](const Json& t, std::size_t k) {
    const Json& x = t["visits"][k];
    const auto s = stay_of(t, k);
    if (!s || x["days"] != 1 || !places.client(x["client"]).availability.empty()) return false;
    const auto j = journey_to(t, *s);
    if (!j) return false;
    const Json& land = t["legs"][j->end - 1];
    const bool late = clock_of(land["arrive_local"]) >= 12 * 60 ||
                      minutes_between(t["legs"][j->first]["depart_utc"], land["arrive_utc"]) > 240;
    const flyorcall::Date arrive = day_of(t["stays"][*s]["arrive"]);
    return late && arrive < day_of(x["date"]) && places.business_day(x["city"], arrive) &&
           places.fair_uplift(x["city"], arrive) ==
               places.fair_uplift(x["city"], day_of(x["date"]));
  });
  ASSERT_TRUE(at) << "no visit the day after a long-haul or afternoon landing";
  const flyorcall::Date arrive = day_of(stay(at->trip, *stay_of(trip(at->trip), at->k))["arrive"]);
  visit(at->trip, at->k)["date"] = text_of(arrive);
  const auto v = run();
  EXPECT_ONLY_VIOLATION(v, at_visit(at->trip, at->k) + "/date", "arrival rule");
  ASSERT_FALSE(v.empty());
  EXPECT_THAT(v.front().message,
              HasSubstr("can start on " + text_of(arrive + date::days{1}) + " at the earliest"));
}

TEST_F(Mutated, LeavingAStopBefore1800) {
  // The flight on from a stop leaves two hours earlier, before 18:00 of the last visit day.
  const auto at = find_item(plan, "legs", [](const Json& t, std::size_t k) {
    const Json& l = t["legs"][k];
    if (k == 0) return false;
    const int clock = clock_of(l["depart_local"]);
    const bool after_landing =
        minutes_between(t["legs"][k - 1]["arrive_utc"], l["depart_utc"]) >= 120;
    // a stop ends here when the previous leg landed in a stay's city with a visit that day
    const bool leaves_stop =
        std::any_of(t["visits"].begin(), t["visits"].end(), [&](const Json& x) {
          return x["city"] == l["from"] && x["days"] == 1 &&
                 day_of(x["date"]) == day_of(l["depart_local"]);
        });
    return leaves_stop && after_landing && clock >= 18 * 60 && clock < 20 * 60;
  });
  ASSERT_TRUE(at) << "no flight leaving a stop between 18:00 and 20:00 of its visit day";
  shift_leg(leg(at->trip, at->k), date::days{0}, -120);
  EXPECT_ONLY_VIOLATION(run(), at_leg(at->trip, at->k) + "/depart_utc", "leave stop 18:00");
}

TEST_F(Mutated, LeavingHomeBefore0700) {
  const auto t = find_trip(plan, [](const Json& x) {
    return !x["legs"].empty() && x["stays"][0]["city"] != x["legs"][0]["from"] &&
           clock_of(x["legs"][0]["depart_local"]) == 7 * 60;
  });
  ASSERT_TRUE(t) << "no trip whose first flight leaves home at 07:00";
  shift_leg(leg(*t, 0), date::days{0}, -30);
  EXPECT_ONLY_VIOLATION(run(), at_leg(*t, 0) + "/depart_utc", "leave home 07:00");
}

TEST_F(Mutated, ShortConnection) {
  // A connecting flight moved earlier, to half the minimum connection after the landing; when
  // it ends the journey, its own landing keeps its local day and its side of 06:00 and 12:00.
  const int min_connection = static_cast<int>(places.input().policy.min_connection.count());
  int shift = 0;
  const auto j =
      find_journey(plan, [&](const Json& t, const std::vector<Journey>& js, std::size_t i) {
        if (js[i].size() < 2) return false;
        const Json& legs = t["legs"];
        const std::size_t k = js[i].first + 1;
        shift = min_connection / 2 -
                static_cast<int>(minutes_between(legs[k - 1]["arrive_utc"], legs[k]["depart_utc"]));
        if (k + 1 < js[i].end) return true;
        const int land = clock_of(legs[k]["arrive_local"]);
        const int moved = land + shift;
        return moved >= 0 && (land < 6 * 60) == (moved < 6 * 60) &&
               (land < 12 * 60) == (moved < 12 * 60);
      });
  ASSERT_TRUE(j) << "no journey with a connection";
  const std::size_t k = j->journey.first + 1;
  shift_leg(leg(j->trip, k), date::days{0}, shift);
  EXPECT_ONLY_VIOLATION(run(), at_leg(j->trip, k) + "/depart_utc", "min_connection");
}

TEST_F(Mutated, ArrivalNotDepartPlusBlock) {
  const auto t = find_trip(plan, [](const Json& x) { return !x["legs"].empty(); });
  ASSERT_TRUE(t) << "no trip with flights";
  Json& l = leg(*t, 0);
  // Both statements of the arrival move (the reader holds the local time to the UTC time).
  l["arrive_utc"] = shift_text(l["arrive_utc"], date::days{0}, 10);
  l["arrive_local"] = shift_text(l["arrive_local"], date::days{0}, 10);
  EXPECT_ONLY_VIOLATION(run(), at_leg(*t, 0) + "/arrive_utc", "leg times");
}

TEST_F(Mutated, CabinRule) {
  // With the threshold at 20 h no journey earns the upgraded cabin.
  const Json& rule = input_json["travellers"][0]["cabin"];
  const std::string upgraded = rule["upgrade_to"];
  const std::string base = rule["base"];
  const std::string who = input_json["travellers"][0]["id"];
  const auto j =
      find_journey(plan, [&](const Json& t, const std::vector<Journey>& js, std::size_t i) {
        return t["traveller"] == who && t["legs"][js[i].first]["cabin"] == upgraded;
      });
  ASSERT_TRUE(j) << "no journey of " << who << " in " << upgraded;
  const Json& legs = trip(j->trip)["legs"];
  const std::string journey = legs[j->journey.first]["from"].get<std::string>() + "-" +
                              legs[j->journey.end - 1]["to"].get<std::string>();
  input_json["travellers"][0]["cabin"]["upgrade_above_h"] = 20;
  const auto v = run();
  const std::string p = at_leg(j->trip, j->journey.first) + "/cabin";
  EXPECT_VIOLATION(v, p, "cabin rule");
  ASSERT_NE(find(v, p, "cabin rule"), nullptr);
  EXPECT_THAT(find(v, p, "cabin rule")->message, HasSubstr("the journey " + journey + " flies"));
  EXPECT_THAT(find(v, p, "cabin rule")->message, HasSubstr("cabin rule books " + base));
}

TEST_F(Mutated, WeekendRuleHome) {
  // A trip of three days or more of a traveller with the weekend rule "home", moved to leave on
  // a Friday: Saturday lies between its departure and its return.
  const auto t = find_trip(plan, [&](const Json& x) {
    return x["days_away"].get<int>() >= 3 &&
           input_json["travellers"][traveller_index(x["traveller"])]["weekend"] == "home";
  });
  ASSERT_TRUE(t) << "no trip of three days or more of a traveller who is home on weekends";
  const flyorcall::Date depart = day_of(trip(*t)["depart"]);
  int days = static_cast<int>((date::Friday - date::weekday{depart}).count());
  if (depart + date::days{days + trip(*t)["days_away"].get<int>()} > places.input().horizon.last)
    days -= 7;
  shift_trip(trip(*t), days);
  const auto v = run();
  EXPECT_VIOLATION(v, at_trip(*t), "weekend rule home");
}

TEST_F(Mutated, PastTheHorizon) {
  // The last trip with flights moved to start the day after the horizon ends.
  std::optional<std::size_t> t;
  for (std::size_t i = 0; i < plan["trips"].size(); ++i)
    if (!trip(i)["legs"].empty() && !trip(i)["visits"].empty()) t = i;
  ASSERT_TRUE(t) << "no trip with flights and visits";
  const flyorcall::Date after = places.input().horizon.last + date::days{1};
  shift_trip(trip(*t), static_cast<int>((after - day_of(trip(*t)["depart"])).count()));
  const auto v = run();
  EXPECT_VIOLATION(v, at_trip(*t) + "/back", "horizon");
  EXPECT_VIOLATION(v, at_visit(*t, 0) + "/date", "horizon");
}

TEST_F(Mutated, DaysAwayField) {
  ASSERT_FALSE(plan["trips"].empty());
  trip(0)["days_away"] = trip(0)["days_away"].get<int>() + 1;
  EXPECT_ONLY_VIOLATION(run(), "/trips/0/days_away", "days_away");
}

TEST_F(Mutated, TripIds) {
  // A multi-stop trip renamed; its clients' decisions follow it.
  const auto t = find_trip(plan, multi_stop);
  ASSERT_TRUE(t) << "no multi-stop trip";
  const std::string id = trip(*t)["id"];
  trip(*t)["id"] = "T70";
  for (Json& d : plan["clients"])
    if (d["trip"] == id) d["trip"] = "T70";
  EXPECT_ONLY_VIOLATION(run(), at_trip(*t) + "/id", "trip ids");
}

TEST_F(Mutated, UnknownTraveller) {
  ASSERT_FALSE(plan["trips"].empty());
  const std::string who = trip(0)["traveller"];
  trip(0)["traveller"] = who.substr(0, 1) + who.substr(2); // "anna" -> "ana"
  const auto v = run();
  EXPECT_VIOLATION(v, "/trips/0/traveller", "traveller");
  ASSERT_NE(find(v, "/trips/0/traveller", "traveller"), nullptr);
  EXPECT_THAT(find(v, "/trips/0/traveller", "traveller")->message,
              HasSubstr("did you mean \"" + who + "\""));
}

TEST_F(Mutated, FairUpliftLeftOut) {
  // A client visited during a fair is worth its visit value with the fair's uplift.
  const auto fair = find_fair_visit(plan, places);
  ASSERT_TRUE(fair) << "no visit during a fair";
  const std::string id = visit(fair->visit.trip, fair->visit.k)["client"];
  const std::size_t c = index_of(plan["clients"], id);
  ASSERT_NE(plan["clients"][c]["value"].get<double>(), places.visit_value(id));
  plan["clients"][c]["value"] = places.visit_value(id);
  EXPECT_ONLY_VIOLATION(run(), at_client(c) + "/value", "value");
}

TEST_F(Mutated, FairThePlanDidNotPrice) {
  // A fair at a visited client's city on the visit's day that the plan did not know of.
  const auto at = find_item(plan, "visits", [&](const Json& t, std::size_t k) {
    const Json& x = t["visits"][k];
    return places.fair_uplift(x["city"], day_of(x["date"])) == 0;
  });
  ASSERT_TRUE(at) << "no visit outside a fair";
  const Json& x = visit(at->trip, at->k);
  input_json["events"].push_back({{"kind", "fair"},
                                  {"city", x["city"]},
                                  {"from", x["date"]},
                                  {"to", x["date"]},
                                  {"value_uplift", 0.5}});
  const auto v = run();
  EXPECT_VIOLATION(v, at_client(index_of(plan["clients"], x["client"])) + "/value", "value");
  EXPECT_VIOLATION(v, "/totals/value", "totals");
}

TEST_F(Mutated, RemoteCost) {
  ASSERT_FALSE(plan["clients"].empty());
  add_money(plan["clients"][0]["remote_cost"], 1);
  EXPECT_ONLY_VIOLATION(run(), "/clients/0/remote_cost", "remote cost");
}

TEST_F(Mutated, RemoteValue) {
  ASSERT_FALSE(plan["clients"].empty());
  add_money(plan["clients"][0]["remote_value"], -1);
  EXPECT_ONLY_VIOLATION(run(), "/clients/0/remote_value", "remote value");
}

TEST_F(Mutated, DecisionNamesAnotherTrip) {
  const auto c = std::find_if(plan["clients"].begin(), plan["clients"].end(),
                              [](const Json& d) { return d["decision"] == "visit"; });
  ASSERT_NE(c, plan["clients"].end()) << "no visited client";
  const auto other = find_trip(plan, [&](const Json& t) { return t["id"] != (*c)["trip"]; });
  ASSERT_TRUE(other) << "a single trip";
  (*c)["trip"] = trip(*other)["id"];
  EXPECT_ONLY_VIOLATION(run(), at_client(index_of(plan["clients"], (*c)["id"])) + "/trip", "visit");
}

TEST_F(Mutated, VisitedClientMarkedRemote) {
  const auto c = std::find_if(plan["clients"].begin(), plan["clients"].end(),
                              [](const Json& d) { return d["decision"] == "visit"; });
  ASSERT_NE(c, plan["clients"].end()) << "no visited client";
  (*c)["decision"] = "remote";
  (*c)["trip"] = nullptr;
  EXPECT_ONLY_VIOLATION(run(), at_client(index_of(plan["clients"], (*c)["id"])) + "/decision",
                        "visit");
}

TEST_F(Mutated, ClientVisitedTwice) {
  // A trip visits its client a second time, on the same day.
  const auto t = find_trip(plan, [](const Json& x) { return x["visits"].size() == 1; });
  ASSERT_TRUE(t) << "no trip with one visit";
  trip(*t)["visits"].push_back(trip(*t)["visits"][0]);
  const auto v = run();
  EXPECT_VIOLATION(v, at_visit(*t, 1) + "/client", "visit");
}

TEST_F(Mutated, ClientName) {
  ASSERT_FALSE(plan["clients"].empty());
  plan["clients"][0]["name"] = plan["clients"][0]["name"].get<std::string>() + " Ltd";
  EXPECT_ONLY_VIOLATION(run(), "/clients/0/name", "clients");
}

TEST_F(Mutated, MissingDecision) {
  ASSERT_FALSE(plan["clients"].empty());
  plan["clients"].erase(plan["clients"].size() - 1);
  const auto v = run();
  EXPECT_VIOLATION(v, "/clients", "clients");
}

TEST_F(Mutated, LegDatedCenturiesLater) {
  // Still a plan the reader accepts: the checker names the dates and does not price 8 000 years.
  const auto t = find_trip(plan, multi_stop);
  ASSERT_TRUE(t) << "no multi-stop trip";
  ASSERT_FALSE(trip(*t)["legs"].empty());
  trip(*t)["legs"].back()["depart_utc"] = "9999-12-30T17:00Z";
  trip(*t)["legs"].back().erase("depart_local"); // optional: the UTC time and zone state it
  const auto v = run();
  EXPECT_VIOLATION(v, at_trip(*t) + "/back", "trip dates");
  EXPECT_VIOLATION(v, at_trip(*t) + "/days_away", "max_trip_days");
  EXPECT_VIOLATION(v, at_trip(*t) + "/back", "horizon");
}

TEST_F(Mutated, MiddleLegDatedCenturiesLater) {
  // A flight from one stop on to another dated centuries later: the stays around it would last
  // millions of nights, some of them negative. The checker names the leg and the stays and does
  // not price them.
  const auto j = find_journey(plan, [](const Json&, const std::vector<Journey>& js, std::size_t i) {
    return i >= 1 && js[i].stay && js[i - 1].stay;
  });
  ASSERT_TRUE(j) << "no flight from one stop to another";
  const std::vector<Journey> js = journeys(trip(j->trip));
  const std::size_t from_stay = *js[j->index - 1].stay;
  const std::size_t k = j->journey.first;
  leg(j->trip, k)["depart_utc"] = "9999-12-30T17:00Z";
  leg(j->trip, k).erase("depart_local");
  const auto v = run();
  EXPECT_VIOLATION(v, at_leg(j->trip, k) + "/arrive_utc", "leg times");
  EXPECT_VIOLATION(v, at_stay(j->trip, from_stay) + "/hotel_nights", "hotel nights");
  EXPECT_FALSE(has(v, at_trip(j->trip) + "/cost/hotel", "trip cost")) << listing(v);
}

TEST_F(Mutated, UnknownCities) {
  // A stop's city written in lower case (on the leg there and on the stay).
  const auto j =
      find_journey(plan, [](const Json& t, const std::vector<Journey>& js, std::size_t i) {
        return js[i].stay && js[i].end < t["legs"].size();
      });
  ASSERT_TRUE(j) << "no stop with a flight on from it";
  const std::size_t k = j->journey.end - 1;
  const std::string city = leg(j->trip, k)["to"];
  leg(j->trip, k)["to"] = lower(city);
  stay(j->trip, *j->journey.stay)["city"] = lower(city);
  const auto v = run();
  EXPECT_VIOLATION(v, at_leg(j->trip, k) + "/to", "network leg");
  ASSERT_NE(find(v, at_leg(j->trip, k) + "/to", "network leg"), nullptr);
  EXPECT_THAT(find(v, at_leg(j->trip, k) + "/to", "network leg")->message,
              HasSubstr("did you mean \"" + city + "\""));
}

TEST_F(Mutated, CabinNoAirlineSellsIsNoPlan) {
  // A cabin is one of four names; any other text is refused by the reader with its pointer
  // (a plan's cabin is a Cabin, docs/plan.md), before any rule is checked.
  ASSERT_FALSE(trip(0)["legs"].empty());
  leg(0, 0)["cabin"] = "coach";
  try {
    (void)run();
    ADD_FAILURE() << "a leg in cabin \"coach\" was read";
  } catch (const flyorcall::InputError& e) {
    ASSERT_FALSE(e.problems().empty());
    EXPECT_EQ(e.problems().front().pointer, at_leg(0, 0) + "/cabin");
    EXPECT_THAT(e.problems().front().message, HasSubstr("found \"coach\""));
  }
}

TEST_F(Mutated, PlanOfAnotherInput) {
  const auto v = check(input_of(example_json("small")), plan);
  EXPECT_VIOLATION(v, "/label", "plan input");
  EXPECT_VIOLATION(v, "/horizon", "plan input");
}

// ---- several travellers, client restrictions, a trip without flights -------------------------

} // namespace
