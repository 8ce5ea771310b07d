// check_input_plan and report_plan (flyorcall/check.hpp, flyorcall/report.hpp) through the public
// headers only: the in-memory plan and the same plan read back from its document give the same
// check and byte-identical reports.
#include <string>

#include <gtest/gtest.h>

#include "flyorcall/check.hpp"
#include "flyorcall/flyorcall.hpp"
#include "flyorcall/planning.hpp"
#include "flyorcall/report.hpp"
#include "flyorcall/validate.hpp"

namespace {

using namespace flyorcall;

/// The default example planned once with the greedy method (quick) for every test here.
const PlanResult& planned() {
  static const PlanResult r = [] {
    PlanOptions o;
    o.method = PlanMethod::greedy;
    return plan_input(read_input(default_example_json()), o);
  }();
  return r;
}

void expect_same(const CheckResult& a, const CheckResult& b) {
  EXPECT_EQ(a.label, b.label);
  EXPECT_EQ(a.currency, b.currency);
  EXPECT_EQ(a.trips, b.trips);
  EXPECT_EQ(a.visits, b.visits);
  EXPECT_EQ(a.remote, b.remote);
  EXPECT_EQ(a.net, b.net);
  ASSERT_EQ(a.violations.size(), b.violations.size());
  for (std::size_t i = 0; i < a.violations.size(); ++i) {
    EXPECT_EQ(a.violations[i].pointer, b.violations[i].pointer);
    EXPECT_EQ(a.violations[i].rule, b.violations[i].rule);
    EXPECT_EQ(a.violations[i].message, b.violations[i].message);
  }
  EXPECT_EQ(check_result_text(a), check_result_text(b));
  EXPECT_EQ(check_result_json(a), check_result_json(b));
}

TEST(AppCheck, InMemoryPlanAndItsDocumentAgree) {
  const PlanResult& p = planned();
  const CheckResult mem = check_input_plan(p.input, p.plan);
  const CheckResult file = check_input_plan(p.input, plan_to_json(p.plan));
  EXPECT_TRUE(mem.valid()) << check_result_text(mem);
  EXPECT_EQ(mem.trips, static_cast<int>(p.plan.trips.size()));
  EXPECT_EQ(mem.net, p.plan.totals.net);
  EXPECT_EQ(check_result_json(mem), "{\"valid\":true,\"violations\":[]}\n");
  EXPECT_EQ(check_result_text(mem).rfind("valid: " + p.input.label + ", ", 0), 0u);
  expect_same(mem, file);
}

TEST(AppCheck, ABrokenPlanIsFoundInMemoryAndOnDisk) {
  const PlanResult& p = planned();
  Plan broken = p.plan;
  ASSERT_FALSE(broken.trips.empty());
  ASSERT_FALSE(broken.trips[0].legs.empty());
  broken.trips[0].legs[0].fare += Money{100};
  const CheckResult mem = check_input_plan(p.input, broken);
  ASSERT_FALSE(mem.valid());
  bool found = false;
  for (const CheckViolation& v : mem.violations)
    found = found || v.pointer == "/trips/0/legs/0/fare";
  EXPECT_TRUE(found) << check_result_text(mem);
  expect_same(mem, check_input_plan(p.input, plan_to_json(broken)));
  EXPECT_NE(check_result_text(mem).find(" violation"), std::string::npos);
}

TEST(AppCheck, TellsAPlanFromAnInput) {
  const PlanResult& p = planned();
  EXPECT_TRUE(looks_like_plan(plan_to_json(p.plan)));
  EXPECT_FALSE(looks_like_plan(default_example_json()));
}

TEST(AppCheck, AnUnreadablePlanDocumentIsAnInputError) {
  EXPECT_THROW((void)check_input_plan(planned().input, std::string("{\"trips\": 3}")), InputError);
}

TEST(AppReport, InMemoryPlanAndItsDocumentGiveTheSameReport) {
  const PlanResult& p = planned();
  const std::string json = plan_to_json(p.plan);
  for (const std::string format : {"html", "md", "csv-stacked", "ics", "xlsx"}) {
    ReportOptions o;
    o.format = format;
    const ReportResult mem = report_plan(p.plan, p.input, o);
    const ReportResult file = report_plan(json, &p.input, o);
    EXPECT_FALSE(mem.text.empty()) << format;
    EXPECT_TRUE(mem.files.empty()) << format;
    EXPECT_EQ(mem.text, file.text) << format;
  }
  ReportOptions csv;
  csv.format = "csv";
  const ReportResult mem = report_plan(p.plan, p.input, csv);
  const ReportResult file = report_plan(json, &p.input, csv);
  EXPECT_TRUE(mem.text.empty());
  ASSERT_FALSE(mem.files.empty());
  ASSERT_EQ(mem.files.size(), file.files.size());
  for (std::size_t i = 0; i < mem.files.size(); ++i) {
    EXPECT_EQ(mem.files[i].name, file.files[i].name);
    EXPECT_EQ(mem.files[i].text, file.files[i].text);
  }
  EXPECT_EQ(mem.files.front().name.substr(mem.files.front().name.size() - 4), ".csv");
}

TEST(AppReport, CurrencyAndTravellerOptions) {
  const PlanResult& p = planned();
  ReportOptions usd;
  usd.format = "md";
  usd.currency = "USD";
  const std::string text = report_plan(p.plan, p.input, usd).text;
  EXPECT_NE(text.find("USD"), std::string::npos);
  EXPECT_NE(text, report_plan(p.plan, p.input, ReportOptions{"md", "", ""}).text);

  // One traveller's calendar holds no more events than everyone's, and is another file.
  const auto events = [](const std::string& ics) {
    std::size_t n = 0;
    for (std::size_t at = ics.find("BEGIN:VEVENT"); at != std::string::npos;
         at = ics.find("BEGIN:VEVENT", at + 1))
      ++n;
    return n;
  };
  const std::string all = report_plan(p.plan, p.input, ReportOptions{"ics", "", ""}).text;
  const std::string one =
      report_plan(p.plan, p.input, ReportOptions{"ics", "", p.input.travellers.back().id}).text;
  EXPECT_GT(events(all), 0u);
  EXPECT_LE(events(one), events(all));
  EXPECT_NE(one, all);
}

TEST(AppReport, BadOptionsAndAnotherPlansInputAreRefused) {
  const PlanResult& p = planned();
  EXPECT_THROW(check_report_options(ReportOptions{"pdf", "", ""}), InputError);
  EXPECT_THROW(check_report_options(ReportOptions{"html", "", "anna"}), InputError);
  EXPECT_NO_THROW(check_report_options(ReportOptions{"ics", "", "anna"}));
  EXPECT_THROW((void)report_plan(p.plan, p.input, ReportOptions{"ics", "", "nobody"}),
               ReportInputError);

  Input other = p.input;
  other.label = "another quarter";
  try {
    (void)report_plan(plan_to_json(p.plan), &other, ReportOptions{});
    FAIL() << "a plan was reported with another plan's input";
  } catch (const ReportInputError& e) {
    EXPECT_NE(std::string(e.what()).find("the plan is for"), std::string::npos) << e.what();
  }
  // A plan document alone: the calendar's call series need its input.
  EXPECT_THROW((void)report_plan(plan_to_json(p.plan), nullptr, ReportOptions{"ics", "", ""}),
               InputError);
  EXPECT_FALSE(report_plan(plan_to_json(p.plan), nullptr, ReportOptions{}).text.empty());
}

} // namespace
