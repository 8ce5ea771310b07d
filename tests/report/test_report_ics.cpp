// The calendar export (docs/report_ics.md): VTIMEZONE from the tz database, events of a plan with
// escaped and folded text, stable UIDs and DTSTAMP, the call series' meetings (the plan's count,
// spread evenly) and their RRULE, EXDATEs and RDATEs, the call series worked out from the input,
// and the command line (--traveller, --input, .ics).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "flyorcall/errors.hpp"
#include "flyorcall/flyorcall.hpp"
#include "io/files.hpp"
#include "io/plan_reader.hpp"
#include "network/network.hpp"
#include "network/world_data.hpp"
#include "report/report_ics.hpp"
#include "report/trip_report.hpp"

namespace flyorcall::report {
namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

const std::string kDstInput =
    std::string(FLYORCALL_SOURCE_DIR) + "/tests/report/ics/dst_march_2027.json";

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  for (std::size_t end; (end = text.find("\r\n", at)) != std::string::npos; at = end + 2)
    out.push_back(text.substr(at, end - at));
  EXPECT_EQ(at, text.size()) << "the text does not end with CRLF";
  return out;
}

/// Lines unfolded (RFC 5545 3.1: CRLF followed by a space continues the line).
std::string unfolded(const std::string& text) {
  std::string out;
  for (const std::string& l : lines(text)) {
    if (!l.empty() && l[0] == ' ')
      out += l.substr(1);
    else
      out += (out.empty() ? "" : "\n") + l;
  }
  return out + "\n";
}

const Input& dst_input() {
  static const Input input = read_input(io::read_text_file(kDstInput));
  return input;
}

const std::string& dst_plan_json() {
  static const std::string text = plan_to_json(plan_quarter(dst_input()));
  return text;
}

TEST(IcsZones, BerlinAndNewYorkChangeOnTheirOwnDates) {
  const std::string berlin = unfolded(vtimezone_text("Europe/Berlin", 2027, 2027));
  EXPECT_TRUE(contains(berlin, "TZID:Europe/Berlin\n"));
  // In force on 1 January, then the EU changes of 28 March and 31 October 2027.
  EXPECT_TRUE(contains(berlin, "BEGIN:STANDARD\nDTSTART:20270101T000000\nTZOFFSETFROM:+0100\n"
                               "TZOFFSETTO:+0100\nTZNAME:CET\nEND:STANDARD\n"))
      << berlin;
  EXPECT_TRUE(contains(berlin, "BEGIN:DAYLIGHT\nDTSTART:20270328T020000\nTZOFFSETFROM:+0100\n"
                               "TZOFFSETTO:+0200\nTZNAME:CEST\nEND:DAYLIGHT\n"));
  EXPECT_TRUE(contains(berlin, "BEGIN:STANDARD\nDTSTART:20271031T030000\nTZOFFSETFROM:+0200\n"
                               "TZOFFSETTO:+0100\nTZNAME:CET\nEND:STANDARD\n"));
  const std::string ny = unfolded(vtimezone_text("America/New_York", 2027, 2028));
  EXPECT_TRUE(contains(ny, "DTSTART:20270314T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400\n"));
  EXPECT_TRUE(contains(ny, "DTSTART:20271107T020000\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500\n"));
  EXPECT_TRUE(contains(ny, "DTSTART:20280312T020000\n")); // the second year is covered too
  // A zone without changes: one observance.
  const std::string sg = unfolded(vtimezone_text("Asia/Singapore", 2027, 2027));
  EXPECT_EQ(sg, "BEGIN:VTIMEZONE\nTZID:Asia/Singapore\nBEGIN:STANDARD\nDTSTART:20270101T000000\n"
                "TZOFFSETFROM:+0800\nTZOFFSETTO:+0800\nTZNAME:+08\nEND:STANDARD\n"
                "END:VTIMEZONE\n");
  EXPECT_THROW((void)vtimezone_text("Europe/Frankfurt", 2027, 2027), std::invalid_argument);
}

/// A plan of one trip Frankfurt - Singapore - Frankfurt with hostile texts.
Report small_report() {
  Report r;
  Plan& p = r.plan;
  p.label = "2027-Q2";
  p.currency = "EUR";
  p.horizon = DateRange{date::year{2027} / 4 / 1, date::year{2027} / 6 / 30};
  Trip t;
  t.id = "T1";
  t.traveller_id = "anna";
  t.depart = date::year{2027} / 4 / 12;
  t.back = date::year{2027} / 4 / 16;
  PlannedLeg out;
  out.from = "FRA";
  out.to = "SIN";
  out.tz_from = "Europe/Berlin";
  out.tz_to = "Asia/Singapore";
  // 21:00 in Frankfurt (CEST) to 16:00 in Singapore.
  out.depart = date::sys_days{date::year{2027} / 4 / 12} + std::chrono::hours{19};
  out.arrive = date::sys_days{date::year{2027} / 4 / 13} + std::chrono::hours{8};
  out.block = Minutes{720};
  out.cabin = Cabin::business;
  PlannedLeg back = out;
  std::swap(back.from, back.to);
  std::swap(back.tz_from, back.tz_to);
  back.depart = date::sys_days{date::year{2027} / 4 / 15} + std::chrono::hours{15};
  back.arrive = date::sys_days{date::year{2027} / 4 / 16} + std::chrono::hours{4};
  t.legs = {out, back};
  t.stays.push_back(Stay{"SIN", date::year{2027} / 4 / 13, date::year{2027} / 4 / 15, 2});
  t.visits.push_back(Visit{"marina", "SIN", date::year{2027} / 4 / 14, 1});
  Briefing b;
  b.city = "SIN";
  b.country = "SG";
  b.time_difference = Minutes{360};
  b.window = DateRange{date::year{2027} / 4 / 10, date::year{2027} / 4 / 18};
  b.events.push_back(BriefingEvent{EventKind::fair,
                                   {date::year{2027} / 4 / 13, date::year{2027} / 4 / 14},
                                   "Fair; Hall 3, Bay",
                                   "Badges\\east\nsecond line"});
  t.briefings.push_back(b);
  p.trips.push_back(t);
  ClientDecision c;
  c.client_id = "marina";
  c.name = "Marina, Pte; Ltd — a name long enough that its summary line folds beyond 75 octets";
  c.visit = true;
  p.decisions.push_back(c);
  const auto& world = network::default_world();
  return make_report(std::move(r.plan), world.cities, world.countries, nullptr);
}

TEST(IcsEvents, FlightsInTheirZonesAndTextEscapedAndFolded) {
  const std::string ics = report_ics(small_report(), {}, std::nullopt);
  for (const std::string& l : lines(ics)) EXPECT_LE(l.size(), 75U) << l;
  const std::string u = unfolded(ics);
  EXPECT_TRUE(contains(u, "DTSTART;TZID=Europe/Berlin:20270412T210000\n")) << u;
  EXPECT_TRUE(contains(u, "DTEND;TZID=Asia/Singapore:20270413T160000\n"));
  EXPECT_TRUE(contains(u, "BEGIN:VTIMEZONE\nTZID:Asia/Singapore\n"));
  EXPECT_TRUE(contains(u, "BEGIN:VTIMEZONE\nTZID:Europe/Berlin\n"));
  // Stay and visit as all-day events; the stay ends on its departure date (exclusive).
  EXPECT_TRUE(contains(u, "DTSTART;VALUE=DATE:20270413\nDTEND;VALUE=DATE:20270415\n"));
  EXPECT_TRUE(contains(u, "DTSTART;VALUE=DATE:20270414\nDTEND;VALUE=DATE:20270415\n"));
  // RFC 5545 3.3.11: backslash, semicolon, comma and line breaks escaped in TEXT.
  EXPECT_TRUE(contains(u, "SUMMARY:Visit: Marina\\, Pte\\; Ltd — a name long enough"));
  EXPECT_TRUE(contains(u, "Fair\\; Hall 3\\, Bay — Badges\\\\east\\nsecond line"));
  EXPECT_TRUE(contains(u, "Client: Marina\\, Pte\\; Ltd"));
  EXPECT_TRUE(contains(u, "Briefing for SIN\\, Singapore"));
  EXPECT_TRUE(contains(u, "DTSTAMP:20270401T000000Z\n"));
  EXPECT_EQ(ics, report_ics(small_report(), {}, std::nullopt));
}

std::vector<std::string> uids(const std::string& ics) {
  std::vector<std::string> out;
  std::istringstream in(unfolded(ics));
  for (std::string l; std::getline(in, l);)
    if (l.starts_with("UID:")) out.push_back(l);
  return out;
}

TEST(IcsEvents, UidsStayWhenTimesChangeAndTravellerFilters) {
  const Report a = small_report();
  Report b = a;
  b.plan.trips[0].legs[0].depart += std::chrono::hours{1};
  b.plan.trips[0].visits[0].date += date::days{1};
  const std::vector<std::string> ua = uids(report_ics(a, {}, std::nullopt));
  ASSERT_EQ(ua.size(), 4U); // two flights, a stay, a visit
  EXPECT_EQ(ua, uids(report_ics(b, {}, std::nullopt)));
  for (std::size_t i = 0; i < ua.size(); ++i)
    for (std::size_t j = i + 1; j < ua.size(); ++j) EXPECT_NE(ua[i], ua[j]);
  Report c = a;
  c.plan.label = "2027-Q3";
  EXPECT_NE(ua[0], uids(report_ics(c, {}, std::nullopt))[0]);
  EXPECT_TRUE(uids(report_ics(a, {}, std::string("ben"))).empty());
  EXPECT_EQ(uids(report_ics(a, {}, std::string("anna"))), ua);
}

TEST(IcsCalls, MeetingsSpreadEvenlyOverTheUsableWeeks) {
  using V = std::vector<std::size_t>;
  EXPECT_EQ(spread_meetings(12, 6), (V{0, 2, 4, 6, 8, 10}));
  EXPECT_EQ(spread_meetings(9, 6), (V{0, 1, 3, 4, 6, 7}));
  EXPECT_EQ(spread_meetings(12, 3), (V{0, 4, 8}));
  EXPECT_EQ(spread_meetings(8, 1), (V{0}));
  EXPECT_EQ(spread_meetings(3, 3), (V{0, 1, 2}));
  EXPECT_EQ(spread_meetings(3, 5), (V{0, 1, 2})); // fewer weeks than meetings: every week
  EXPECT_TRUE(spread_meetings(9, 0).empty());
}

/// Tuesdays from 2 March 2027, by week number.
std::vector<Date> tuesdays(const std::vector<int>& weeks) {
  std::vector<Date> out;
  for (const int w : weeks) out.push_back(Date{date::year{2027} / 3 / 2} + date::days{7 * w});
  return out;
}

TEST(IcsCalls, WeeklyRuleWithTheFewestExceptions) {
  // Every other week: INTERVAL=2, nothing else.
  WeeklyRule r = weekly_rule(tuesdays({0, 2, 4, 6, 8, 10}));
  EXPECT_EQ(r.interval, 2);
  EXPECT_EQ(r.count, 6);
  EXPECT_TRUE(r.exdates.empty() && r.rdates.empty());
  // Two weeks in three: weekly with an excluded week beats every third week plus RDATEs.
  r = weekly_rule(tuesdays({0, 1, 3, 4}));
  EXPECT_EQ(r.interval, 1);
  EXPECT_EQ(r.count, 5);
  EXPECT_EQ(r.exdates, tuesdays({2}));
  EXPECT_TRUE(r.rdates.empty());
  // A late meeting off the two-week beat: one RDATE instead of four EXDATEs.
  r = weekly_rule(tuesdays({0, 2, 4, 6, 8, 9}));
  EXPECT_EQ(r.interval, 2);
  EXPECT_EQ(r.count, 5);
  EXPECT_TRUE(r.exdates.empty());
  EXPECT_EQ(r.rdates, tuesdays({9}));
  // COUNT ends the rule at its last meeting: later generated dates need no EXDATE.
  r = weekly_rule(tuesdays({0, 2, 5, 7}));
  EXPECT_EQ(r.interval, 2);
  EXPECT_EQ(r.count, 2);
  EXPECT_TRUE(r.exdates.empty());
  EXPECT_EQ(r.rdates, tuesdays({5, 7}));
  r = weekly_rule(tuesdays({3}));
  EXPECT_EQ(r.interval, 1);
  EXPECT_EQ(r.count, 1);
  EXPECT_THROW((void)weekly_rule({}), std::invalid_argument);
}

/// Calls from Berlin to Chicago on `dates`, of `usable` usable weeks from 2 March 2027.
CallSeries lakeside_series(int meetings, const std::vector<Date>& dates, int usable) {
  CallSeries s;
  s.client = "lakeside";
  s.client_name = "Lakeside";
  s.client_city = "CHI";
  s.traveller = "anna";
  s.anchor_zone = "Europe/Berlin";
  s.client_zone = "America/Chicago";
  s.weekday = date::Tuesday;
  s.anchor_start_min = 16 * 60;
  s.duration_min = 45;
  s.meetings = meetings;
  for (int w = 0; w < usable; ++w) s.usable.push_back(tuesdays({w}).front());
  s.dates = dates;
  for (const Date d : dates) {
    // US on summer time from 14 March, the EU from 28 March.
    const bool us_only =
        d >= Date{date::year{2027} / 3 / 14} && d < Date{date::year{2027} / 3 / 28};
    s.client_starts.push_back(date::local_days{d.time_since_epoch()} +
                              std::chrono::hours{us_only ? 10 : 9});
  }
  return s;
}

TEST(IcsCalls, RuleInTheAnchorsZoneWithExcludedAndAddedDates) {
  // Four of eight usable weeks; 23 March is not a meeting.
  const CallSeries s = lakeside_series(4, tuesdays({1, 2, 4, 5}), 8);
  const std::string u = unfolded(report_ics(small_report(), {s}, std::nullopt));
  EXPECT_TRUE(contains(u, "DTSTART;TZID=Europe/Berlin:20270309T160000\nDURATION:PT45M\n"
                          "RRULE:FREQ=WEEKLY;COUNT=5\n"
                          "EXDATE;TZID=Europe/Berlin:20270323T160000\n"))
      << u;
  EXPECT_TRUE(contains(u, "Client's local start (America/Chicago): 09:00"));
  EXPECT_TRUE(contains(u, "From 2027-03-16: 10:00"));
  EXPECT_TRUE(contains(u, "From 2027-03-30: 09:00"));
  EXPECT_TRUE(contains(u, "\\n4 meetings\\, the 4 remote meetings the plan prices: 4 of the 8 "
                          "weeks of the horizon on which both sides do business\\, spread evenly "
                          "(meeting i in usable week floor(i x 8 / 4)"));
  EXPECT_TRUE(uids(report_ics(small_report(), {s}, std::string("ben"))).empty());
  // Off the rule's beat: an RDATE in the anchor's zone.
  const CallSeries late = lakeside_series(6, tuesdays({0, 2, 4, 6, 8, 9}), 10);
  const std::string v = unfolded(report_ics(small_report(), {late}, std::nullopt));
  EXPECT_TRUE(contains(v, "RRULE:FREQ=WEEKLY;COUNT=5;INTERVAL=2\n"
                          "RDATE;TZID=Europe/Berlin:20270504T160000\n"))
      << v;
  // As many usable weeks as meetings, and fewer: the description says so.
  const CallSeries all = lakeside_series(3, tuesdays({0, 1, 2}), 3);
  EXPECT_TRUE(contains(unfolded(report_ics(small_report(), {all}, std::nullopt)),
                       "3 meetings\\, the 3 remote meetings the plan prices: one in each of the 3 "
                       "weeks"));
  const CallSeries few = lakeside_series(5, tuesdays({0, 1, 2}), 3);
  const std::string w = unfolded(report_ics(small_report(), {few}, std::nullopt));
  EXPECT_TRUE(contains(w, "3 meetings\\, one in each of the 3 weeks of the horizon on which both "
                          "sides do business: fewer weeks than the 5 remote meetings the plan "
                          "prices (it prices all 5 at this slot)\\; the other 2 are not in this "
                          "calendar."))
      << w;
}

TEST(IcsCalls, SeriesFromTheInputMatchThePlanAndCrossMarch2027) {
  const network::Network net = network::Network::build(dst_input());
  const Plan doc = io::read_plan(dst_plan_json());
  const std::vector<CallSeries> calls = call_series(doc, dst_input(), net);
  ASSERT_EQ(calls.size(), 3U);
  EXPECT_EQ(calls[0].client, "lakeside");
  EXPECT_EQ(calls[0].anchor_zone, "Europe/Berlin");
  EXPECT_EQ(calls[0].client_zone, "America/Chicago");
  EXPECT_EQ(calls[0].duration_min, 45);
  EXPECT_EQ(calls[1].anchor_zone, "America/New_York");
  for (const CallSeries& s : calls) {
    ASSERT_FALSE(s.dates.empty());
    EXPECT_LT(s.dates.front(), Date{date::year{2027} / 3 / 14});
    EXPECT_GT(s.dates.back(), Date{date::year{2027} / 3 / 28});
    for (const Date d : s.dates) {
      EXPECT_EQ(date::weekday{d}, s.weekday);
      EXPECT_TRUE(std::binary_search(s.usable.begin(), s.usable.end(), d));
    }
  }
  // lakeside: 4 meetings priced, 8 usable Mondays (Easter Monday closes Frankfurt); zurich: 12
  // priced, but only the 9 Mondays of March and April; tejo: 6 priced of 9
  // usable Mondays.
  EXPECT_EQ(calls[0].meetings, 4);
  ASSERT_EQ(calls[0].usable.size(), 8U);
  EXPECT_EQ(calls[0].dates, (std::vector<Date>{calls[0].usable[0], calls[0].usable[2],
                                               calls[0].usable[4], calls[0].usable[6]}));
  EXPECT_EQ(calls[1].meetings, 12);
  EXPECT_EQ(calls[1].usable.size(), 9U);
  EXPECT_EQ(calls[1].dates, calls[1].usable);
  EXPECT_EQ(calls[2].client, "tejo");
  ASSERT_EQ(calls[2].usable.size(), 9U);
  const std::vector<Date>& u = calls[2].usable;
  EXPECT_EQ(calls[2].dates, (std::vector<Date>{u[0], u[1], u[3], u[4], u[6], u[7]}));
  // A client the plan prices no remote meeting for has no series.
  Input none = dst_input();
  none.clients[0].remote_meetings = 0;
  EXPECT_EQ(call_series(doc, none, net).size(), 2U);
  // A plan whose slot the input does not give.
  Json j = Json::parse(dst_plan_json());
  for (auto& c : j["clients"])
    if (c["id"] == "lakeside") c["call_slot"]["traveller_local"] = "03:00";
  try {
    (void)call_series(io::read_plan(j.dump()), dst_input(), net);
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_TRUE(contains(e.what(), "give the input the plan was made from")) << e.what();
  }
}

TEST(IcsCalls, DefaultExampleSeriesHoldThePricedMeetings) {
  const Input input = read_input(
      io::read_text_file(std::string(FLYORCALL_SOURCE_DIR) + "/data/examples/default.json"));
  const network::Network net = network::Network::build(input);
  const Plan doc = io::read_plan(plan_to_json(plan_quarter(input)));
  const std::vector<CallSeries> calls = call_series(doc, input, net);
  ASSERT_FALSE(calls.empty());
  for (const CallSeries& s : calls) {
    const auto c = std::find_if(input.clients.begin(), input.clients.end(),
                                [&](const Client& x) { return x.id == s.client; });
    ASSERT_NE(c, input.clients.end());
    EXPECT_EQ(s.meetings, c->remote_meetings) << s.client;
    // Every example series has more usable weeks than meetings: exactly the priced count.
    EXPECT_LT(static_cast<std::size_t>(s.meetings), s.usable.size()) << s.client;
    EXPECT_EQ(s.dates.size(), static_cast<std::size_t>(c->remote_meetings)) << s.client;
    EXPECT_EQ(s.client_starts.size(), s.dates.size());
  }
}

TEST(IcsCli, TravellerInputAndExtension) {
  const fs::path dir = clitest::make_test_dir("report-ics");
  const auto run = [&](const std::string& args) { return clitest::run_cli(args, dir); };
  ASSERT_EQ(run("plan '" + kDstInput + "' -q -o plan.json").code, 0);
  const std::string in = " --input '" + kDstInput + "'";
  const clitest::CliRun ok = run("report plan.json" + in + " -o cal.ics");
  ASSERT_EQ(ok.code, 0) << ok.err;
  EXPECT_TRUE(clitest::slurp(dir / "cal.ics").starts_with("BEGIN:VCALENDAR\r\n"));
  EXPECT_EQ(run("report plan.json" + in + " --format ics").out, clitest::slurp(dir / "cal.ics"));
  const clitest::CliRun bad =
      run("report plan.json" + in + " --format ics --traveller evb -o x.ics");
  EXPECT_EQ(bad.code, 2);
  EXPECT_TRUE(contains(bad.err, "\"evb\" is not a traveller of the input; known: eva, sam"))
      << bad.err;
  EXPECT_FALSE(fs::exists(dir / "x.ics"));
  const clitest::CliRun html = run("report plan.json" + in + " --traveller eva -o x.html");
  EXPECT_EQ(html.code, 2);
  EXPECT_TRUE(contains(html.err, "--traveller applies to --format ics only")) << html.err;
  const clitest::CliRun no_input = run("report plan.json --format ics -o x.ics");
  EXPECT_EQ(no_input.code, 2);
  EXPECT_TRUE(contains(no_input.err, "give --input INPUT")) << no_input.err;
  EXPECT_FALSE(fs::exists(dir / "x.ics"));
  const clitest::CliRun eva = run("report plan.json" + in + " --format ics --traveller eva");
  EXPECT_EQ(eva.code, 0) << eva.err;
  EXPECT_TRUE(contains(eva.out, "X-WR-CALNAME:flyorcall 2027-03-01..2027-04-30 (eva)\r\n"))
      << eva.out.substr(0, 400);
  EXPECT_FALSE(contains(eva.out, "America/New_York"));
  const clitest::CliRun example = run("report --example --format ics");
  EXPECT_EQ(example.code, 0) << example.err;
  EXPECT_TRUE(contains(example.out, "RRULE:FREQ=WEEKLY;COUNT="));
  fs::remove_all(dir);
}

} // namespace
} // namespace flyorcall::report
