// The terminal summary of a hand-built plan.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>

#include "flyorcall/flyorcall.hpp"

namespace flyorcall {
namespace {

using namespace date::literals;

Input make_input() {
  Input in;
  in.label = "2027-Q1";
  in.horizon = {2027_y / 1 / 1, 2027_y / 3 / 31};
  in.currency = "EUR";
  Client a;
  a.id = "acme";
  a.name = "Acme Pte";
  a.city = "SIN";
  Client b;
  b.id = "bolt";
  b.name = "Bolt Inc";
  b.city = "NYC";
  in.clients = {a, b};
  in.policy.budget_money = money_from_units(20000);
  in.policy.budget_days = 20;
  return in;
}

Plan make_plan() {
  Plan p;
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
  out.depart = date::sys_days{2027_y / 2 / 3} + std::chrono::hours{6};
  out.arrive = out.depart + std::chrono::hours{12};
  PlannedLeg back = out;
  back.from = "SIN";
  back.to = "FRA";
  t.legs = {out, back};
  t.stays = {{"SIN", 2027_y / 2 / 4, 2027_y / 2 / 5, 1}};
  t.visits = {{"acme", "SIN", 2027_y / 2 / 4, 1}};
  t.cost.flights = money_from_units(6241);
  t.cost.hotel = money_from_units(210.25);
  t.cost.traveller_time = money_from_units(2800);
  t.co2_flights = GramsCo2(6965432);
  t.co2_hotel = GramsCo2(24500);
  p.trips.push_back(t);

  ClientDecision d1;
  d1.client_id = "acme";
  d1.visit = true;
  d1.trip_id = "T1";
  d1.traveller_id = "ana";
  d1.value = money_from_units(30000);
  d1.marginal_cost = t.cost.total();
  ClientDecision d2;
  d2.client_id = "bolt";
  d2.traveller_id = "ana";
  d2.remote_cost = money_from_units(1500);
  CallSlotSummary slot;
  slot.weekday = 2;
  slot.traveller_local_min = 15 * 60;
  slot.client_local_min = 9 * 60;
  slot.client_shifts = {{2027_y / 3 / 16, 10 * 60}};
  d2.call_slot = slot;
  p.decisions = {d1, d2};

  p.totals.trips = 1;
  p.totals.visits = 1;
  p.totals.remote = 1;
  p.totals.days_away = 4;
  p.totals.trip_cost = t.cost;
  p.totals.remote_cost = money_from_units(1500);
  p.totals.value = money_from_units(32000);
  p.totals.net = money_from_units(21248.75);
  p.totals.co2 = t.co2();
  p.budget.emplace();
  p.budget->money = t.cost.total();
  p.budget->cash = t.cost.cash();
  p.budget->cash_limit = money_from_units(8000);
  p.budget->days = 4;
  p.budget->co2 = t.co2();
  p.budget->money_limit = money_from_units(20000);
  p.budget->days_limit = 20;
  return p;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Summary, HeaderAndTripLine) {
  const std::string s = plan_summary(make_plan(), make_input());
  EXPECT_TRUE(has(s, "2027-Q1")) << s;
  EXPECT_TRUE(has(s, "greedy-dedicated-round-trips")) << s;
  EXPECT_TRUE(
      has(s, "  T1  ana  2027-02-03 to 2027-02-06  4 d  FRA→SIN→FRA  1 night  9,251.25 EUR"))
      << s;
  EXPECT_TRUE(has(s, "6989.9 kg CO2e")) << s;
}

TEST(Summary, ClientsWithSlotsInBothLocalTimes) {
  const std::string s = plan_summary(make_plan(), make_input());
  EXPECT_TRUE(has(s, "Visited clients (1)")) << s;
  EXPECT_TRUE(has(s, "  acme  Acme Pte  T1  ana  value  30,000.00  trip cost  9,251.25")) << s;
  EXPECT_TRUE(has(s, "Remote clients (1)")) << s;
  EXPECT_TRUE(has(s, "calls Tue 15:00 ana / 09:00 client, from 2027-03-16 10:00 client")) << s;
}

TEST(Summary, TotalsAndBudgetPercentages) {
  const std::string s = plan_summary(make_plan(), make_input());
  EXPECT_TRUE(has(s, "value        32,000.00 EUR")) << s;
  EXPECT_TRUE(has(s, "trip cost    9,251.25 EUR  (flights 6,241.00, hotel 210.25")) << s;
  EXPECT_TRUE(has(s, "net          21,248.75 EUR  (CO2e 6989.9 kg)")) << s;
  EXPECT_TRUE(has(s, "cash spend   6,451.25 EUR  (fares, hotel and per diem; imputed costs "
                     "4,300.00 EUR: time, jet lag, carbon price, remote meetings)"))
      << s;
  EXPECT_TRUE(has(s, "Budget use: money 9,251.25 EUR of 20,000.00 (46%); cash 6,451.25 EUR of "
                     "8,000.00 (81%); days 4 of 20 (20%); CO2e 6989.9 kg (no limit)"))
      << s;
  EXPECT_LE(std::count(s.begin(), s.end(), '\n'), 60);
}

TEST(Summary, TripColumnsLineUp) {
  Plan p = make_plan();
  Trip second = p.trips.front();
  second.id = "T10";
  second.cost.flights += money_from_units(10000);
  p.trips.push_back(second);
  const std::string s = plan_summary(p, make_input());
  // Ids are padded to the longest; amounts are right-aligned; the arrows count as one column.
  EXPECT_TRUE(
      has(s, "\n  T1   ana  2027-02-03 to 2027-02-06  4 d  FRA→SIN→FRA  1 night   9,251.25 EUR"))
      << s;
  EXPECT_TRUE(
      has(s, "\n  T10  ana  2027-02-03 to 2027-02-06  4 d  FRA→SIN→FRA  1 night  19,251.25 EUR"))
      << s;
}

TEST(Summary, EmptyPlanSaysSo) {
  Plan p;
  p.method = "greedy-dedicated-round-trips";
  p.budget.emplace(); // as the planner states it: nothing used, no limits
  const std::string s = plan_summary(p, make_input());
  EXPECT_TRUE(has(s, "Trips (0)\n  none")) << s;
  EXPECT_TRUE(has(s, "money 0.00 EUR (no limit); cash 0.00 EUR (no limit); days 0 (no limit)"))
      << s;
}

} // namespace
} // namespace flyorcall
