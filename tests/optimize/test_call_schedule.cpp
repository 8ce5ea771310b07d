// The plan's remote calls are one joint schedule: a traveller never has two calls at the same
// time, even when several clients would each prefer the same weekly slot (docs/model.md, "Call
// schedule"). Before, each client took its own best slot, so two clients in one city shared it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "check/plan_check.hpp"
#include "flyorcall/flyorcall.hpp"

namespace flyorcall {
namespace {

// Three clients in Chicago, one in Sydney and one in Toronto, all worth too little to visit,
// called by one traveller in Munich: the Chicago clients each prefer the same weekly slot.
Input remote_quarter() {
  return read_input(R"({"start": "2027-01-04", "end": "2027-03-26", "currency": "EUR",
      "travellers": [{"id": "t", "home": "MUC", "cost_per_day": 600}],
      "clients": [
        {"id": "a", "city": "CHI", "visit_value": 400},
        {"id": "b", "city": "CHI", "visit_value": 400, "meeting_min": 90},
        {"id": "c", "city": "CHI", "visit_value": 400},
        {"id": "d", "city": "SYD", "visit_value": 400},
        {"id": "e", "city": "YTO", "visit_value": 400}]})");
}

struct Weekly {
  std::string client;
  int start = 0; // minutes into the traveller's local week (Sunday 00:00 = 0)
  int length = 0;
};

std::vector<Weekly> weekly_calls(const Input& input, const Plan& plan) {
  std::vector<Weekly> out;
  for (std::size_t i = 0; i < plan.decisions.size(); ++i) {
    const ClientDecision& d = plan.decisions[i];
    EXPECT_FALSE(d.visit) << d.client_id;
    if (!d.call_slot) {
      ADD_FAILURE() << d.client_id << " has no call slot";
      continue;
    }
    out.push_back({d.client_id, d.call_slot->weekday * 1440 + d.call_slot->traveller_local_min,
                   static_cast<int>(input.clients[i].meeting_length.count())});
  }
  return out;
}

void expect_no_overlap(const std::vector<Weekly>& calls) {
  constexpr int kWeek = 7 * 1440;
  for (std::size_t a = 0; a < calls.size(); ++a)
    for (std::size_t b = 0; b < a; ++b) {
      const int gap = ((calls[a].start - calls[b].start) % kWeek + kWeek) % kWeek;
      EXPECT_TRUE(gap >= calls[b].length && kWeek - gap >= calls[a].length)
          << calls[a].client << " at " << calls[a].start << " overlaps " << calls[b].client
          << " at " << calls[b].start;
    }
}

void expect_valid(const Input& input, const Plan& plan) {
  const auto v = check::check_plan(input, plan);
  std::string listing;
  for (const auto& x : v) listing += x.pointer + " " + x.rule + ": " + x.message + "\n";
  EXPECT_TRUE(v.empty()) << listing;
}

TEST(CallSchedule, OneTravellersCallsNeverOverlap) {
  const Input input = remote_quarter();
  for (const PlanMethod method : {PlanMethod::search, PlanMethod::greedy}) {
    const Plan plan = plan_quarter(input, method);
    const auto calls = weekly_calls(input, plan);
    ASSERT_EQ(calls.size(), 5u);
    expect_no_overlap(calls);
    expect_valid(input, plan);
  }
}

// Moved series are priced at the slot they get, and the plan's remote cost is the sum of its
// clients'. Chicago is as easy to call on Tuesday as on Monday, so here moving costs nothing.
TEST(CallSchedule, MovedSeriesArePricedAtTheirSlot) {
  const Input input = remote_quarter();
  const Plan plan = plan_quarter(input, PlanMethod::greedy);
  Money sum{0};
  for (const ClientDecision& d : plan.decisions) sum += d.remote_cost;
  EXPECT_EQ(sum, plan.totals.remote_cost);
  EXPECT_EQ(plan.decisions[2].remote_cost, plan.decisions[0].remote_cost);
  EXPECT_NE(plan.decisions[2].call_slot->weekday * 1440 +
                plan.decisions[2].call_slot->traveller_local_min,
            plan.decisions[0].call_slot->weekday * 1440 +
                plan.decisions[0].call_slot->traveller_local_min);
}

// The plan checker finds two series of one traveller at the same time.
TEST(CallSchedule, CheckerFindsOverlappingCalls) {
  const Input input = remote_quarter();
  Plan plan = plan_quarter(input, PlanMethod::greedy);
  ASSERT_TRUE(plan.decisions[0].call_slot && plan.decisions[2].call_slot);
  plan.decisions[2].call_slot = plan.decisions[0].call_slot;
  const auto v = check::check_plan(input, plan);
  bool found = false;
  for (const auto& x : v)
    found = found || (x.rule == "call overlap" && x.pointer == "/clients/2/call_slot");
  EXPECT_TRUE(found);
}

// A traveller with more remote clients than the joint schedule places keeps each client's best
// slot, and the plan says the calls may overlap; the checker accepts the plan.
TEST(CallSchedule, ACrowdedTravellerKeepsTheBestSlotsAndSaysSo) {
  std::string clients;
  for (int i = 0; i < 25; ++i)
    clients += std::string(i ? "," : "") + R"({"id": "c)" + std::to_string(i) +
               R"(", "city": "CHI", "visit_value": 400})";
  const Input input = read_input(R"({"start": "2027-01-04", "end": "2027-03-26",
      "currency": "EUR", "travellers": [{"id": "t", "home": "MUC", "cost_per_day": 600}],
      "clients": [)" + clients + "]}");
  const Plan plan = plan_quarter(input, PlanMethod::greedy);
  bool said = false;
  for (const std::string& n : plan.notes) said = said || n.find("more than 24 remote") != n.npos;
  EXPECT_TRUE(said);
  for (const ClientDecision& d : plan.decisions) {
    ASSERT_TRUE(d.call_slot);
    EXPECT_EQ(d.call_slot->traveller_local_min, plan.decisions[0].call_slot->traveller_local_min);
  }
  expect_valid(input, plan);
}

} // namespace
} // namespace flyorcall
