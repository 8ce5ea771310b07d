// The plan JSON writer on a hand-built plan: field names and order, money and CO2 formatting,
// local times in each city's own zone, determinism; and every method's plan stating what the
// document's head, clients and legs need without the input.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

#include "flyorcall/flyorcall.hpp"
#include "model/embedded_data.hpp"

namespace flyorcall {
namespace {

using namespace date::literals;
using std::chrono::hours;
using std::chrono::minutes;

/// A plan as the planner states it: Ana from Frankfurt visits Acme in Singapore; Bolt in New York
/// is run remotely.
Plan make_plan() {
  Plan p;
  p.label = "2027-Q1";
  p.currency = "EUR";
  p.horizon = DateRange{2027_y / 1 / 1, 2027_y / 3 / 31};
  p.seed = 7;
  p.flyorcall_version = kVersion;
  p.data_version = "2026.4";
  p.method = "greedy-dedicated-round-trips";
  Trip t;
  t.id = "T1";
  t.traveller_id = "ana";
  t.depart = 2027_y / 2 / 3;
  t.back = 2027_y / 2 / 6;
  t.days_away = 4;
  PlannedLeg out;
  out.from = "FRA";
  out.to = "SIN";
  out.depart = date::sys_days{2027_y / 2 / 3} + hours{6};
  out.arrive = out.depart + minutes{12 * 60 + 5};
  out.tz_from = "Europe/Berlin";
  out.tz_to = "Asia/Singapore";
  out.block = Minutes(725);
  out.km = 10260.44;
  out.cabin = Cabin::business;
  out.fare = money_from_units(3120.5);
  out.co2 = GramsCo2(3482716);
  PlannedLeg back = out;
  back.from = "SIN";
  back.to = "FRA";
  back.tz_from = "Asia/Singapore";
  back.tz_to = "Europe/Berlin";
  back.depart = date::sys_days{2027_y / 2 / 5} + hours{15};
  back.arrive = back.depart + minutes{13 * 60 + 20};
  back.block = Minutes(800);
  t.legs = {out, back};
  t.stays = {{"SIN", 2027_y / 2 / 4, 2027_y / 2 / 5, 1}};
  t.visits = {{"acme", "SIN", 2027_y / 2 / 4, 2}};
  t.cost.flights = money_from_units(6241);
  t.cost.hotel = money_from_units(210.25);
  t.cost.per_diem = money_from_units(180);
  t.cost.traveller_time = money_from_units(2800);
  t.cost.jetlag = money_from_units(700);
  t.cost.carbon = Money(0);
  t.co2_flights = GramsCo2(6965432);
  t.co2_hotel = GramsCo2(24500);
  Briefing b;
  b.city = "SIN";
  b.country = "SG";
  b.time_difference = Minutes(7 * 60);
  b.window = {2027_y / 2 / 1, 2027_y / 2 / 8};
  b.holidays = {{2027_y / 2 / 6, "Chinese New Year", false},
                {2027_y / 2 / 8, "Chinese New Year (substitute day)", true}};
  b.events = {{EventKind::fair, {2027_y / 2 / 3, 2027_y / 2 / 5}, "Expo", "Hall 4"}};
  t.briefings = {b};
  p.trips.push_back(t);
  p.notes = {"a note"};

  ClientDecision d1;
  d1.client_id = "acme";
  d1.name = "Acme Pte";
  d1.city = "SIN";
  d1.visit = true;
  d1.trip_id = "T1";
  d1.traveller_id = "ana";
  d1.value = money_from_units(30000);
  d1.remote_value = money_from_units(12000);
  d1.remote_cost = money_from_units(1500.1);
  d1.marginal_cost = t.cost.total();
  d1.break_even_value = money_from_units(16000);
  d1.reason = "Visited on T1.";
  ClientDecision d2;
  d2.client_id = "bolt";
  d2.name = "Bolt Inc";
  d2.city = "NYC";
  d2.traveller_id = "ana";
  d2.value = money_from_units(5000);
  d2.break_even_defined = false;
  d2.reason = "Remote.";
  CallSlotSummary slot;
  slot.weekday = 2;
  slot.traveller_local_min = 15 * 60;
  slot.client_local_min = 9 * 60;
  slot.traveller_offhours_min = 0;
  slot.client_offhours_min = 12.345;
  slot.client_shifts = {{2027_y / 3 / 16, 10 * 60}, {2027_y / 3 / 30, 9 * 60}};
  d2.call_slot = slot;
  p.decisions = {d1, d2};

  p.totals.trips = 1;
  p.totals.visits = 1;
  p.totals.remote = 1;
  p.totals.days_away = 4;
  p.totals.trip_cost = t.cost;
  p.totals.value = money_from_units(32000);
  p.totals.net = money_from_units(1234.5);
  p.totals.co2 = t.co2();
  p.budget.emplace();
  p.budget->money = t.cost.total();
  p.budget->days = 4;
  p.budget->co2 = t.co2();
  p.budget->money_limit = money_from_units(20000);
  return p;
}

TEST(PlanWriter, TopLevelFieldsInOrder) {
  const auto j = nlohmann::ordered_json::parse(plan_to_json(make_plan()));
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  const std::vector<std::string> expected{
      "flyorcall", "data_version", "label", "horizon", "currency", "seed",  "method",
      "notes",     "rates",        "trips", "clients", "totals",   "budget"};
  EXPECT_EQ(keys, expected);
  EXPECT_EQ(j["flyorcall"], kVersion);
  EXPECT_EQ(j["horizon"]["start"], "2027-01-01");
  EXPECT_EQ(j["horizon"]["end"], "2027-03-31");
  EXPECT_EQ(j["seed"], 7);
  EXPECT_EQ(j["method"], "greedy-dedicated-round-trips");
}

TEST(PlanWriter, LegsCarryLocalTimesInTheirOwnZones) {
  const auto j = nlohmann::json::parse(plan_to_json(make_plan()));
  const auto& leg = j["trips"][0]["legs"][0];
  EXPECT_EQ(leg["depart_local"], "2027-02-03T07:00");
  EXPECT_EQ(leg["depart_utc"], "2027-02-03T06:00Z");
  // 18:05 UTC is 02:05 the next day in Singapore (UTC+8).
  EXPECT_EQ(leg["arrive_local"], "2027-02-04T02:05");
  EXPECT_EQ(leg["arrive_utc"], "2027-02-03T18:05Z");
  EXPECT_EQ(leg["tz_from"], "Europe/Berlin");
  EXPECT_EQ(leg["tz_to"], "Asia/Singapore");
  EXPECT_EQ(leg["block_min"], 725);
  EXPECT_EQ(leg["km"], 10260.4);
  EXPECT_EQ(leg["cabin"], "business");
  EXPECT_EQ(leg["fare"], 3120.5);
  EXPECT_EQ(leg["co2_kg"], 3482.7);
  const auto& back = j["trips"][0]["legs"][1];
  EXPECT_EQ(back["depart_local"], "2027-02-05T23:00");
  EXPECT_EQ(back["arrive_local"], "2027-02-06T05:20");
}

TEST(PlanWriter, TripStaysVisitsCostAndCo2) {
  const std::string text = plan_to_json(make_plan());
  const auto j = nlohmann::json::parse(text);
  const auto& t = j["trips"][0];
  EXPECT_EQ(t["id"], "T1");
  EXPECT_EQ(t["traveller"], "ana");
  EXPECT_EQ(t["depart"], "2027-02-03");
  EXPECT_EQ(t["back"], "2027-02-06");
  EXPECT_EQ(t["days_away"], 4);
  EXPECT_EQ(t["stays"][0]["city"], "SIN");
  EXPECT_EQ(t["stays"][0]["hotel_nights"], 1);
  EXPECT_EQ(t["visits"][0]["client"], "acme");
  EXPECT_EQ(t["visits"][0]["date"], "2027-02-04");
  EXPECT_EQ(t["visits"][0]["days"], 2);
  EXPECT_EQ(t["cost"]["hotel"], 210.25);
  EXPECT_EQ(t["cost"]["total"], 10131.25);
  EXPECT_EQ(t["co2_kg"]["flights"], 6965.4);
  EXPECT_EQ(t["co2_kg"]["hotel"], 24.5);
  EXPECT_EQ(t["co2_kg"]["total"], 6989.9);
  // Money is written as a plain number in currency units, never as cents or a string.
  EXPECT_NE(text.find("\"hotel\": 210.25"), std::string::npos);
  EXPECT_NE(text.find("\"net\": 1234.5"), std::string::npos);
}

TEST(PlanWriter, BriefingsAndNotes) {
  const auto j = nlohmann::json::parse(plan_to_json(make_plan()));
  EXPECT_EQ(j["notes"], nlohmann::json::array({"a note"}));
  const auto& b = j["trips"][0]["briefings"][0];
  EXPECT_EQ(b["city"], "SIN");
  EXPECT_EQ(b["country"], "SG");
  EXPECT_EQ(b["time_difference"], "+07:00");
  EXPECT_EQ(b["from"], "2027-02-01");
  EXPECT_EQ(b["to"], "2027-02-08");
  ASSERT_EQ(b["holidays"].size(), 2u);
  EXPECT_EQ(b["holidays"][1]["date"], "2027-02-08");
  EXPECT_EQ(b["holidays"][1]["substitute"], true);
  ASSERT_EQ(b["events"].size(), 1u);
  EXPECT_EQ(b["events"][0]["kind"], "fair");
  EXPECT_EQ(b["events"][0]["start"], "2027-02-03");
  EXPECT_EQ(b["events"][0]["note"], "Hall 4");
  EXPECT_TRUE(b["calendar_note"].is_null());
}

TEST(PlanWriter, NegativeTimeDifferenceWithMinutes) {
  Plan p = make_plan();
  p.trips[0].briefings[0].time_difference = Minutes(-(9 * 60 + 30));
  const auto j = nlohmann::json::parse(plan_to_json(p));
  EXPECT_EQ(j["trips"][0]["briefings"][0]["time_difference"], "-09:30");
}

TEST(PlanWriter, ClientDecisionsAndCallSlots) {
  const auto j = nlohmann::json::parse(plan_to_json(make_plan()));
  const auto& a = j["clients"][0];
  EXPECT_EQ(a["id"], "acme");
  EXPECT_EQ(a["name"], "Acme Pte");
  EXPECT_EQ(a["decision"], "visit");
  EXPECT_EQ(a["trip"], "T1");
  EXPECT_EQ(a["remote_cost"], 1500.1);
  EXPECT_EQ(a["break_even_value"], 16000.0);
  EXPECT_TRUE(a["call_slot"].is_null());
  const auto& b = j["clients"][1];
  EXPECT_EQ(b["decision"], "remote");
  EXPECT_TRUE(b["trip"].is_null());
  EXPECT_TRUE(b["break_even_value"].is_null());
  const auto& s = b["call_slot"];
  EXPECT_EQ(s["weekday"], "Tue");
  EXPECT_EQ(s["traveller_local"], "15:00");
  EXPECT_EQ(s["client_local"], "09:00");
  EXPECT_EQ(s["client_offhours_min"], 12.3);
  ASSERT_EQ(s["shifts"].size(), 2u);
  EXPECT_EQ(s["shifts"][0]["from_date"], "2027-03-16");
  EXPECT_EQ(s["shifts"][0]["client_local"], "10:00");
}

TEST(PlanWriter, TotalsAndBudget) {
  const auto j = nlohmann::json::parse(plan_to_json(make_plan()));
  EXPECT_EQ(j["totals"]["trips"], 1);
  EXPECT_EQ(j["totals"]["trip_cost"]["flights"], 6241.0);
  EXPECT_EQ(j["totals"]["co2_kg"], 6989.9);
  EXPECT_EQ(j["budget"]["money"]["used"], 10131.25);
  EXPECT_EQ(j["budget"]["money"]["limit"], 20000.0);
  EXPECT_EQ(j["budget"]["days"]["used"], 4);
  EXPECT_TRUE(j["budget"]["days"]["limit"].is_null());
  EXPECT_TRUE(j["budget"]["co2_kg"]["limit"].is_null());
}

TEST(PlanWriter, CashSpendAndTheRatesUsed) {
  Plan plan = make_plan();
  plan.budget->cash = plan.totals.cash();
  plan.budget->cash_limit = money_from_units(7000);
  plan.hotel_source = "lodging table of the test";
  plan.allowances.push_back({"ana", AllowanceTable::bmf, "BMF of the test"});
  const auto j = nlohmann::json::parse(plan_to_json(plan));
  // Cash is what leaves the company's account: fares, hotel and per diem.
  const Totals& t = plan.totals;
  EXPECT_EQ(j["totals"]["cash"],
            to_units(t.trip_cost.flights + t.trip_cost.hotel + t.trip_cost.per_diem));
  EXPECT_EQ(j["totals"]["imputed"], to_units(t.trip_cost.traveller_time + t.trip_cost.jetlag +
                                             t.trip_cost.carbon + t.remote_cost));
  EXPECT_EQ(j["budget"]["cash"]["used"], j["totals"]["cash"]);
  EXPECT_EQ(j["budget"]["cash"]["limit"], 7000.0);
  EXPECT_EQ(j["rates"]["hotel"], "lodging table of the test");
  ASSERT_EQ(j["rates"]["per_diem"].size(), 1u);
  EXPECT_EQ(j["rates"]["per_diem"][0]["traveller"], "ana");
  EXPECT_EQ(j["rates"]["per_diem"][0]["table"], "bmf");
  EXPECT_EQ(j["rates"]["per_diem"][0]["source"], "BMF of the test");
}

TEST(PlanWriter, PrettyPrintedDeterministicAndNewlineTerminated) {
  const std::string a = plan_to_json(make_plan());
  const std::string b = plan_to_json(make_plan());
  EXPECT_EQ(a, b);
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(a.back(), '\n');
  EXPECT_EQ(a.rfind("{\n  \"flyorcall\": ", 0), 0u);
}

TEST(PlanWriter, SummerTimeChangesTheLocalTime) {
  Plan p = make_plan();
  // 1 April 2027 is after the EU switch to CEST (28 March): 06:00 UTC is 08:00 in Frankfurt.
  p.trips[0].legs[0].depart = date::sys_days{2027_y / 4 / 1} + hours{6};
  const auto j = nlohmann::json::parse(plan_to_json(p));
  EXPECT_EQ(j["trips"][0]["legs"][0]["depart_local"], "2027-04-01T08:00");
}

TEST(PlanWriter, HostileTextReadsBackExactlyAndTheRunIsRecorded) {
  Plan plan = make_plan();
  plan.decisions[0].name = "<img src=x onerror=alert(1)>";
  plan.decisions[1].name = "=HYPERLINK(\"x\")|a\\b";
  plan.notes = {"line\nbreak\ttab\r\x1b[31m", "@x", "-1", "+1"};
  plan.decisions[0].reason = "</script><script>alert(2)</script>";
  const std::string text = plan_to_json(plan);
  const auto j = nlohmann::json::parse(text);
  EXPECT_EQ(j["clients"][0]["name"], "<img src=x onerror=alert(1)>");
  EXPECT_EQ(j["clients"][1]["name"], "=HYPERLINK(\"x\")|a\\b");
  EXPECT_EQ(j["clients"][0]["reason"], "</script><script>alert(2)</script>");
  EXPECT_EQ(j["notes"], nlohmann::json::array({"line\nbreak\ttab\r\x1b[31m", "@x", "-1", "+1"}));
  // Control characters are escaped: the only raw ones are the pretty-printer's line breaks.
  for (const char c : text)
    EXPECT_TRUE(c == '\n' || static_cast<unsigned char>(c) >= 0x20) << static_cast<int>(c);
  // What makes the run reproducible: tool version, world-data version and seed.
  EXPECT_EQ(j["flyorcall"], kVersion);
  EXPECT_EQ(j["data_version"], "2026.4");
  EXPECT_EQ(j["seed"], 7);
}

TEST(PlanWriter, EveryMethodsPlanStatesWhatItIsForWithoutItsInput) {
  const Input input = read_input(data::default_json);
  for (const PlanMethod method : {PlanMethod::greedy, PlanMethod::search}) {
    const Plan plan = plan_quarter(input, method);
    EXPECT_EQ(plan.label, input.label);
    EXPECT_EQ(plan.currency, input.currency);
    ASSERT_TRUE(plan.horizon.has_value());
    EXPECT_EQ(plan.horizon->first, input.horizon.first);
    EXPECT_EQ(plan.horizon->last, input.horizon.last);
    EXPECT_EQ(plan.seed, input.seed);
    EXPECT_EQ(plan.flyorcall_version, kVersion);
    EXPECT_FALSE(plan.data_version.empty());
    ASSERT_EQ(plan.decisions.size(), input.clients.size());
    for (std::size_t k = 0; k < input.clients.size(); ++k) {
      EXPECT_EQ(plan.decisions[k].name, input.clients[k].name);
      EXPECT_EQ(plan.decisions[k].city, input.clients[k].city);
    }
    int from_frankfurt = 0;
    for (const Trip& t : plan.trips)
      for (const PlannedLeg& l : t.legs) {
        EXPECT_FALSE(l.tz_from.empty()) << l.from;
        EXPECT_FALSE(l.tz_to.empty()) << l.to;
        if (l.from == "FRA") {
          EXPECT_EQ(l.tz_from, "Europe/Berlin");
          ++from_frankfurt;
        }
      }
    EXPECT_GT(from_frankfurt, 0); // the example's traveller lives in Frankfurt
  }
}

} // namespace
} // namespace flyorcall
