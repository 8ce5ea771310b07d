// report::plan_document: the in-memory plan as its document states it is exactly what the reader
// gives for the plan's JSON, for every example and method, so that the report and the check of a
// plan made in the same process (no JSON written) equal those of the plan file.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "flyorcall/errors.hpp"
#include "flyorcall/flyorcall.hpp"
#include "io/plan_reader.hpp"
#include "report/trip_report.hpp"

namespace flyorcall {
namespace {

std::string example(const std::string& name) {
  std::ifstream in(std::string(FLYORCALL_SOURCE_DIR) + "/data/examples/" + name + ".json");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Compares part by part first, so that a failure names the trip, leg or client that differs.
void expect_same(const report::PlanDocument& made, const report::PlanDocument& read,
                 const std::string& what) {
  ASSERT_EQ(made.trips.size(), read.trips.size()) << what;
  for (std::size_t t = 0; t < made.trips.size(); ++t) {
    const report::PlanTrip& a = made.trips[t];
    const report::PlanTrip& b = read.trips[t];
    ASSERT_EQ(a.legs.size(), b.legs.size()) << what << " trip " << a.id;
    for (std::size_t k = 0; k < a.legs.size(); ++k)
      EXPECT_TRUE(a.legs[k] == b.legs[k]) << what << " trip " << a.id << " leg " << k;
    ASSERT_EQ(a.briefings.size(), b.briefings.size()) << what << " trip " << a.id;
    for (std::size_t k = 0; k < a.briefings.size(); ++k)
      EXPECT_TRUE(a.briefings[k] == b.briefings[k])
          << what << " trip " << a.id << " briefing " << k;
    EXPECT_TRUE(a == b) << what << " trip " << a.id;
  }
  ASSERT_EQ(made.clients.size(), read.clients.size()) << what;
  for (std::size_t c = 0; c < made.clients.size(); ++c)
    EXPECT_TRUE(made.clients[c] == read.clients[c]) << what << " client " << made.clients[c].id;
  EXPECT_TRUE(made.totals == read.totals) << what;
  EXPECT_TRUE(made.budget == read.budget) << what;
  EXPECT_TRUE(made == read) << what;
}

TEST(PlanDocument, IsWhatTheReaderGivesForThePlansJson) {
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
      expect_same(report::plan_document(plan), io::read_plan(plan_to_json(plan)),
                  name + (method == PlanMethod::greedy ? " greedy" : " search"));
    }
  }
  EXPECT_GE(planned, 6);
}

TEST(PlanDocument, RoundsAsTheDocumentDoes) {
  // Amounts the document rounds: CO2 to 0.1 kg, distances and off-hours minutes to 0.1.
  Input input = read_input(example("small"));
  Plan plan = plan_quarter(input, PlanMethod::greedy);
  ASSERT_FALSE(plan.trips.empty());
  ASSERT_FALSE(plan.trips[0].legs.empty());
  PlannedLeg& leg = plan.trips[0].legs[0];
  leg.co2 = GramsCo2(123'456);
  leg.km = 1234.56;
  plan.trips[0].co2_hotel = GramsCo2(50);
  const report::PlanDocument doc = report::plan_document(plan);
  EXPECT_EQ(doc.trips[0].legs[0].co2, GramsCo2(123'500));
  EXPECT_DOUBLE_EQ(doc.trips[0].legs[0].km, 1234.6);
  EXPECT_EQ(doc.trips[0].co2_hotel, GramsCo2(100));
  expect_same(doc, io::read_plan(plan_to_json(plan)), "small, altered");
}

} // namespace
} // namespace flyorcall
