// The HTML and Markdown reports of the largest plans stay under their documented size
// (docs/report.md, "Size"): a page shows the first trips, rows and list items, cuts long texts
// and says what it left out; briefings derived from the input list a bounded number of events.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "flyorcall/flyorcall.hpp"
#include "io/plan_reader.hpp"
#include "model/embedded_data.hpp"
#include "network/world_data.hpp"
#include "report/report_page.hpp"
#include "report/trip_report.hpp"

namespace flyorcall::report {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// A text of `n` characters that HTML escaping makes six times longer.
std::string quotes(std::size_t n) {
  return std::string(n, '"');
}

Date day(int d) {
  return Date{date::year{2027} / 1 / d};
}

/// A trip holding `rows` legs, stays and visits and `briefings` briefings of `items` holidays and
/// events each, every text `text` long.
Trip big_trip(std::size_t k, std::size_t rows, std::size_t briefings, std::size_t items,
              std::size_t text) {
  Trip t;
  t.id = "T" + std::to_string(k) + quotes(text);
  t.traveller_id = "t" + std::to_string(k % 60) + quotes(text);
  t.depart = day(4);
  t.back = day(8);
  for (std::size_t i = 0; i < rows; ++i) {
    PlannedLeg l;
    l.from = quotes(text);
    l.to = quotes(text);
    t.legs.push_back(l);
    t.stays.push_back({quotes(text), day(5), day(6), 1});
    t.visits.push_back({quotes(text), quotes(text), day(5), 1});
  }
  for (std::size_t b = 0; b < briefings; ++b) {
    Briefing br;
    br.city = quotes(text);
    br.country = quotes(text);
    br.window = DateRange{day(1), day(9)};
    for (std::size_t i = 0; i < items; ++i) {
      br.holidays.push_back({day(6), quotes(text), false});
      br.events.push_back({EventKind::news, {day(5), day(6)}, quotes(text), quotes(text)});
    }
    t.briefings.push_back(std::move(br));
  }
  return t;
}

/// The worst the page can be given: every list longer than a page shows, every text long and
/// made of quotes, 2 000 clients (the reader's limit), 60 travellers, 150 notes.
Report worst_report() {
  Report r;
  r.plan.currency = "EUR";
  r.plan.label = quotes(300);
  r.horizon = DateRange{day(1), day(31)};
  r.plan.horizon = r.horizon;
  for (std::size_t k = 0; k < 320; ++k)
    r.plan.trips.push_back(k < 12 ? big_trip(k, 60, 25, 25, 300) : big_trip(k, 2, 1, 1, 300));
  for (std::size_t i = 0; i < 2000; ++i) {
    ClientDecision c;
    c.client_id = "c" + std::to_string(i) + quotes(300);
    c.name = quotes(300);
    c.reason = quotes(300);
    c.traveller_id = quotes(300);
    c.trip_id = quotes(300);
    c.visit = i % 2 == 0;
    r.plan.decisions.push_back(std::move(c));
  }
  for (std::size_t i = 0; i < 60; ++i)
    r.travellers.push_back("t" + std::to_string(i) + quotes(300));
  for (std::size_t i = 0; i < 150; ++i) r.plan.notes.push_back(quotes(300));
  return r;
}

TEST(ReportSize, TheWorstPlanStaysUnderTheDocumentedSize) {
  const Report r = worst_report();
  const std::string html = report_html(r);
  const std::string md = report_markdown(r);
  EXPECT_LT(html.size(), kMaxPageBytes);
  EXPECT_LT(md.size(), kMaxPageBytes);
  // What was left out is said, and where to find it.
  EXPECT_TRUE(contains(html, " of 320 trips; the CSV report (flyorcall report --format csv) and "
                             "the plan JSON hold every trip."));
  EXPECT_TRUE(contains(md, " of 320 trips; the CSV report (flyorcall report --format csv) and "
                           "the plan JSON hold every trip."));
  EXPECT_TRUE(contains(html, "… and 50 more, in the plan JSON."));
  // The CSV report holds every trip.
  const std::string csv = report_csv(r);
  EXPECT_TRUE(contains(csv, "T319"));
}

TEST(ReportSize, APageShowsTheFirstItemsAndCountsTheRest) {
  Report r;
  r.plan.currency = "EUR";
  for (std::size_t k = 0; k < 305; ++k)
    r.plan.trips.push_back(big_trip(k, k == 0 ? 55 : 1, k == 0 ? 22 : 1, k == 0 ? 23 : 1, 3));
  r.plan.decisions.push_back(ClientDecision{});
  const Report v = page_view(r);
  ASSERT_EQ(v.plan.trips.size(), kPageTrips);
  EXPECT_EQ(v.trips_not_shown, 5u);
  EXPECT_EQ(v.plan.trips[0].legs.size(), kPageTripRows);
  EXPECT_EQ(v.trip_page(0).legs_not_shown, 5u);
  EXPECT_EQ(v.trip_page(0).briefings_not_shown, 2u);
  EXPECT_EQ(v.plan.trips[0].briefings[0].events_not_listed, 3u);
  const std::string html = report_html(r);
  EXPECT_TRUE(contains(html, "This page details the first 300 of 305 trips"));
  EXPECT_TRUE(contains(html, "… and 5 more flights, in the CSV report (flyorcall report --format "
                             "csv).</p>"));
  EXPECT_TRUE(contains(html, "… and 2 more briefings"));
  EXPECT_TRUE(contains(html, "<li>… and 3 more</li>"));
  const std::string md = report_markdown(r);
  EXPECT_TRUE(contains(md, "… and 5 more flights, in the CSV report"));
  EXPECT_TRUE(contains(md, "  - … and 3 more\n"));
  // A long text is cut on the page, never in the CSV report.
  Report one;
  one.plan.currency = "EUR";
  ClientDecision c;
  c.client_id = "c";
  c.name = std::string(250, 'x');
  one.plan.decisions.push_back(c);
  EXPECT_TRUE(contains(report_html(one), std::string(200, 'x') + "\u2026"));
  EXPECT_FALSE(contains(report_html(one), std::string(201, 'x')));
  EXPECT_TRUE(contains(report_csv(one), std::string(250, 'x')));
}

TEST(ReportSize, BriefingsDerivedFromTheInputListABoundedNumberOfEvents) {
  Input input = read_input(data::default_json);
  const std::string plan_json = plan_to_json(plan_quarter(input));
  // 60 events for the whole of Germany during the quarter; the plan's own briefings are dropped
  // so that the report derives them from the input.
  for (int i = 0; i < 60; ++i) {
    Event e;
    e.kind = EventKind::news;
    e.country = "DE";
    e.dates = {day(1), Date{date::year{2027} / 3 / 31}};
    e.title = "news " + std::to_string(i);
    input.events.push_back(e);
  }
  Plan doc = io::read_plan(plan_json);
  for (Trip& t : doc.trips) t.briefings.clear();
  const auto& world = network::default_world();
  const Report r = make_report(std::move(doc), world.cities, world.countries, &input);
  bool seen = false;
  for (const Trip& t : r.plan.trips)
    for (const Briefing& b : t.briefings)
      if (b.country == "DE") {
        EXPECT_EQ(b.events.size(), kMaxDerivedEvents);
        EXPECT_GE(b.events_not_listed, 10u);
        seen = true;
      }
  EXPECT_TRUE(seen);
}

TEST(ReportSize, EventsAPlanLeftOutOfABriefingAreCounted) {
  const Input input = read_input(data::default_json);
  std::string plan_json = plan_to_json(plan_quarter(input));
  const std::string events = "\"events\": []";
  const std::size_t at = plan_json.find(events);
  ASSERT_NE(at, std::string::npos);
  plan_json.replace(at, events.size(), events + ", \"events_not_listed\": 7");
  const auto& world = network::default_world();
  const Report r = make_report(io::read_plan(plan_json), world.cities, world.countries, nullptr);
  EXPECT_TRUE(contains(report_html(r), "<li>… and 7 more</li>"));
  EXPECT_TRUE(contains(report_markdown(r), "  - … and 7 more\n"));
}

} // namespace
} // namespace flyorcall::report
