// io::read_plan: a plan read back from its JSON is the plan that was written, as its document
// states it (format::as_written) — one plan model for the planner, the report and the check —
// and a document that states one figure twice in two ways that disagree is refused with the
// pointer of the figure.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "flyorcall/errors.hpp"
#include "flyorcall/flyorcall.hpp"
#include "io/plan_reader.hpp"
#include "model/as_written.hpp"
#include "model/format.hpp"

namespace flyorcall {
namespace {

using Json = nlohmann::json;

std::string example(const std::string& name) {
  std::ifstream in(std::string(FLYORCALL_SOURCE_DIR) + "/data/examples/" + name + ".json");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Compares part by part first, so that a failure names the trip, leg or client that differs.
void expect_same(const Plan& made, const Plan& read, const std::string& what) {
  ASSERT_EQ(made.trips.size(), read.trips.size()) << what;
  for (std::size_t t = 0; t < made.trips.size(); ++t) {
    const Trip& a = made.trips[t];
    const Trip& b = read.trips[t];
    ASSERT_EQ(a.legs.size(), b.legs.size()) << what << " trip " << a.id;
    for (std::size_t k = 0; k < a.legs.size(); ++k)
      EXPECT_TRUE(a.legs[k] == b.legs[k]) << what << " trip " << a.id << " leg " << k;
    ASSERT_EQ(a.briefings.size(), b.briefings.size()) << what << " trip " << a.id;
    for (std::size_t k = 0; k < a.briefings.size(); ++k)
      EXPECT_TRUE(a.briefings[k] == b.briefings[k])
          << what << " trip " << a.id << " briefing " << k;
    EXPECT_EQ(a.co2_flights, b.co2_flights) << what << " trip " << a.id;
    EXPECT_EQ(a.co2_hotel, b.co2_hotel) << what << " trip " << a.id;
    EXPECT_TRUE(a == b) << what << " trip " << a.id;
  }
  ASSERT_EQ(made.decisions.size(), read.decisions.size()) << what;
  for (std::size_t c = 0; c < made.decisions.size(); ++c)
    EXPECT_TRUE(made.decisions[c] == read.decisions[c])
        << what << " client " << made.decisions[c].client_id;
  EXPECT_TRUE(made.totals == read.totals) << what;
  EXPECT_TRUE(made.budget == read.budget) << what;
  EXPECT_TRUE(made.allowances == read.allowances) << what;
  EXPECT_TRUE(made == read) << what;
}

TEST(PlanReader, GivesThePlanAsWrittenForEveryExampleAndMethod) {
  int planned = 0;
  for (const std::string name : {"default", "small", "two-travellers", "world"}) {
    const Input input = read_input(example(name));
    for (const PlanMethod method : {PlanMethod::greedy, PlanMethod::search}) {
      Plan plan;
      try {
        plan = plan_quarter(input, method);
      } catch (const InfeasibleError&) {
        continue;
      }
      ++planned;
      const std::string what = name + (method == PlanMethod::greedy ? " greedy" : " search");
      const std::string text = plan_to_json(plan);
      const Plan read = io::read_plan(text);
      expect_same(format::as_written(plan), read, what);
      // Written again, the plan read back is the same document, byte for byte.
      EXPECT_EQ(plan_to_json(read), text) << what;
      // As written is as written: a plan read back does not change when rounded again.
      EXPECT_TRUE(format::as_written(read) == read) << what;
    }
  }
  EXPECT_GE(planned, 6);
}

TEST(PlanReader, RoundsAsTheDocumentDoes) {
  // Amounts the document rounds: CO2 to 0.1 kg, distances and off-hours minutes to 0.1.
  Input input = read_input(example("small"));
  Plan plan = plan_quarter(input, PlanMethod::greedy);
  ASSERT_FALSE(plan.trips.empty());
  ASSERT_FALSE(plan.trips[0].legs.empty());
  PlannedLeg& leg = plan.trips[0].legs[0];
  leg.co2 = GramsCo2(123'456);
  leg.km = 1234.56;
  // 0.05 kg of flights and of hotel: each written as 0.1 kg, their total as 0.1 kg, not 0.2.
  plan.trips[0].co2_flights = GramsCo2(50);
  plan.trips[0].co2_hotel = GramsCo2(50);
  const Plan written = format::as_written(plan);
  EXPECT_EQ(written.trips[0].legs[0].co2, GramsCo2(123'500));
  EXPECT_DOUBLE_EQ(written.trips[0].legs[0].km, 1234.6);
  EXPECT_EQ(format::co2_as_written(written.trips[0].co2_flights), GramsCo2(100));
  EXPECT_EQ(format::co2_as_written(written.trips[0].co2_hotel), GramsCo2(100));
  EXPECT_EQ(format::co2_as_written(written.trips[0].co2()), GramsCo2(100));
  expect_same(written, io::read_plan(plan_to_json(plan)), "small, altered");
}

TEST(PlanReader, FindsCo2PartsForEveryTotalTheDocumentCanState) {
  // Exact parts 0..400 g each: whatever the document writes for them, the reader finds parts
  // that round to all three figures.
  for (int f = 0; f <= 400; f += 7)
    for (int h = 0; h <= 400; h += 11) {
      const GramsCo2 flights = format::co2_as_written(GramsCo2(f));
      const GramsCo2 hotel = format::co2_as_written(GramsCo2(h));
      const GramsCo2 total = format::co2_as_written(GramsCo2(f + h));
      const auto parts = format::co2_parts_as_written(flights, hotel, total);
      ASSERT_TRUE(parts) << f << " g + " << h << " g";
      EXPECT_EQ(format::co2_as_written(parts->first), flights);
      EXPECT_EQ(format::co2_as_written(parts->second), hotel);
      EXPECT_EQ(format::co2_as_written(parts->first + parts->second), total);
    }
  // A total 0.2 kg off its parts is no rounding of them.
  EXPECT_FALSE(format::co2_parts_as_written(GramsCo2(1000), GramsCo2(500), GramsCo2(1700)));
}

/// The problems read_plan reports for `j`, as "pointer: message" lines.
std::string problems_of(const Json& j) {
  try {
    (void)io::read_plan(j.dump());
  } catch (const InputError& e) {
    std::string out;
    for (const Problem& p : e.problems()) out += p.pointer + ": " + p.message + "\n";
    return out;
  }
  return "";
}

class Stated : public ::testing::Test {
protected:
  void SetUp() override {
    const Input input = read_input(example("default"));
    plan = Json::parse(plan_to_json(plan_quarter(input, PlanMethod::search)));
    ASSERT_FALSE(plan["trips"].empty());
    ASSERT_FALSE(plan["trips"][0]["legs"].empty());
    ASSERT_TRUE(problems_of(plan).empty()) << problems_of(plan);
  }
  Json& leg() { return plan["trips"][0]["legs"][0]; }
  Json plan;
};

TEST_F(Stated, LocalTimeThatIsNotItsUtcTimeInItsZone) {
  const std::string local = leg()["depart_local"];
  leg()["depart_local"] = local.substr(0, 11) + (local[11] == '0' ? "1" : "0") + local.substr(12);
  EXPECT_NE(problems_of(plan).find(
                "/trips/0/legs/0/depart_local: " + leg()["depart_local"].get<std::string>() +
                " is not " + leg()["depart_utc"].get<std::string>() + " in " +
                leg()["tz_from"].get<std::string>() + " (" + local + ")"),
            std::string::npos)
      << problems_of(plan);
}

TEST_F(Stated, LocalTimeWithoutAZone) {
  leg()["tz_to"] = "";
  EXPECT_NE(problems_of(plan).find(
                "/trips/0/legs/0/arrive_local: a local time needs the leg's zone (tz_to)"),
            std::string::npos)
      << problems_of(plan);
  leg()["tz_to"] = "Mars/Olympus_Mons";
  EXPECT_NE(
      problems_of(plan).find("/trips/0/legs/0/tz_to: unknown time zone \"Mars/Olympus_Mons\""),
      std::string::npos)
      << problems_of(plan);
}

TEST_F(Stated, LegWithoutItsUtcTimes) {
  leg().erase("depart_utc");
  leg().erase("depart_local");
  EXPECT_NE(problems_of(plan).find("/trips/0/legs/0: missing required key \"depart_utc\""),
            std::string::npos)
      << problems_of(plan);
}

TEST_F(Stated, CabinNoAirlineSells) {
  leg()["cabin"] = "coach";
  EXPECT_NE(problems_of(plan).find("/trips/0/legs/0/cabin: expected economy, premium, business "
                                   "or first, found \"coach\""),
            std::string::npos)
      << problems_of(plan);
}

TEST_F(Stated, TripCo2TotalThatIsNotFlightsPlusHotel) {
  Json& co2 = plan["trips"][0]["co2_kg"];
  co2["total"] = co2["total"].get<double>() + 0.5;
  EXPECT_NE(problems_of(plan).find("/trips/0/co2_kg/total: "), std::string::npos)
      << problems_of(plan);
  EXPECT_NE(problems_of(plan).find("is not flights"), std::string::npos) << problems_of(plan);
}

TEST_F(Stated, EventKindAndPerDiemTableByName) {
  Json* briefing = nullptr;
  for (Json& t : plan["trips"])
    for (Json& b : t["briefings"])
      if (!b["events"].empty() && briefing == nullptr) briefing = &b;
  ASSERT_NE(briefing, nullptr) << "no briefing with an event in the default example's plan";
  (*briefing)["events"][0]["kind"] = "party";
  ASSERT_FALSE(plan["rates"]["per_diem"].empty());
  plan["rates"]["per_diem"][0]["table"] = "home";
  const std::string p = problems_of(plan);
  EXPECT_NE(p.find("/kind: expected fair, strike, "), std::string::npos) << p;
  EXPECT_NE(p.find("/rates/per_diem/0/table: expected the table used"), std::string::npos) << p;
}

TEST_F(Stated, OlderPlanWithoutBudgetOrBriefingsStillReads) {
  plan.erase("budget");
  for (Json& t : plan["trips"]) t.erase("briefings");
  for (Json& t : plan["trips"])
    for (Json& l : t["legs"]) {
      l.erase("depart_local");
      l.erase("arrive_local");
    }
  const Plan read = io::read_plan(plan.dump());
  EXPECT_FALSE(read.budget);
  for (const Trip& t : read.trips) EXPECT_TRUE(t.briefings.empty());
}

} // namespace
} // namespace flyorcall
