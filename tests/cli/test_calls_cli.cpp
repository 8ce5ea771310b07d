// End-to-end tests of `flyorcall calls`: dated starts, weekly slots with daylight-saving shifts,
// fair rotation, participant syntax, holidays from the participant's country, and errors.
#include <algorithm>
#include <cmath>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

using flyorcall::clitest::CliRun;
using nlohmann::json;

namespace {

class CallsCli : public ::testing::Test {
protected:
  /// Runs `flyorcall calls` with a shell-quoted argument string.
  CliRun run(const std::string& args) const { return flyorcall::clitest::run_cli("calls " + args); }

  json run_json(const std::string& args) const {
    const CliRun r = run(args + " --json");
    EXPECT_EQ(r.code, 0) << r.err;
    return r.code == 0 ? json::parse(r.out) : json{};
  }
};

const std::string kTokyoBerlin = "-p 'client:Asia/Tokyo@09:00-18:00*3' -p 'me:Europe/Berlin' "
                                 "--from 2027-03-01 --to 2027-03-31";

} // namespace

TEST_F(CallsCli, HelpDocumentsTheParticipantSyntax) {
  const CliRun r = run("--help");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("NAME:ZONE[#CC][@HOURS][*WEIGHT]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Mon-Thu 08:00-16:00,Fri 08:00-13:00"), std::string::npos);
  EXPECT_NE(r.out.find("--rotate"), std::string::npos);
  EXPECT_NE(r.out.find("--weekly"), std::string::npos);
}

TEST_F(CallsCli, BestStartsAreTheOfficeOverlapOfTokyoAndBerlin) {
  // March 2027 before the EU change: Tokyo is 8 h ahead, so Tokyo 17:00-18:00 is Berlin
  // 09:00-10:00, the only hour inside both offices.
  const json j = run_json(kTokyoBerlin);
  ASSERT_EQ(j["starts"].size(), 5u);
  const auto& first = j["starts"][0];
  EXPECT_EQ(first["utc"], "2027-03-01T08:00Z");
  EXPECT_EQ(first["score"], 0);
  EXPECT_EQ(first["participants"][0]["name"], "client");
  EXPECT_EQ(first["participants"][0]["local"], "2027-03-01T17:00+09:00");
  EXPECT_EQ(first["participants"][1]["local"], "2027-03-01T09:00+01:00");
  EXPECT_EQ(j["starts"][1]["utc"], "2027-03-02T08:00Z");
  const std::regex iso(R"(\d{4}-\d\d-\d\dT\d\d:\d\d[+-]\d\d:\d\d)");
  double previous = -1;
  for (const auto& s : j["starts"]) {
    double score = 0;
    const double weights[] = {3.0, 1.0};
    for (std::size_t p = 0; p < 2; ++p) {
      EXPECT_TRUE(std::regex_match(s["participants"][p]["local"].get<std::string>(), iso));
      score += weights[p] * s["participants"][p]["offhours_min"].get<int>();
    }
    EXPECT_EQ(s["score"].get<double>(), score);
    EXPECT_GE(score, previous);
    previous = score;
  }
  EXPECT_EQ(j["participants"][0]["country"], "JP");
  EXPECT_EQ(j["participants"][0]["notes"][0],
            "country JP from the zone (city Tokyo); give #CC to choose another");
  EXPECT_EQ(j["participants"][1]["country"], "DE");
  EXPECT_EQ(j["participants"][0]["weight"], 3);
  EXPECT_EQ(j["participants"][1]["hours"], "09:00-17:30");
}

TEST_F(CallsCli, TextTableShowsLocalTimesAndWhetherInsideHours) {
  const CliRun r = run(kTokyoBerlin + " --top 2");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("1.   2027-03-01 08:00 UTC  score 0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("client  Mon 2027-03-01 17:00 (UTC+09:00)  in hours"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("me      Mon 2027-03-01 09:00 (UTC+01:00)  in hours"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("3.  "), std::string::npos);
}

TEST_F(CallsCli, WeeklySlotReportsTheMarchDaylightSavingGap) {
  // Berlin anchors, New York is the client. US clocks change on 14 March 2027, EU clocks on
  // 28 March: New York's local time moves 09:00 -> 10:00 from 15 March, back to 09:00 on the
  // next Monday after the EU change that Germany works (29 March is Easter Monday).
  const json j = run_json("-p me:Europe/Berlin -p 'client:America/New_York*3' --from 2027-03-01 "
                          "--to 2027-04-12 --weekly --top 1");
  ASSERT_EQ(j["weekly"].size(), 1u);
  const auto& w = j["weekly"][0];
  EXPECT_EQ(w["weekday"], "Mon");
  EXPECT_EQ(w["anchor_start"], "15:00");
  EXPECT_EQ(w["score"], 0);
  for (const auto& occ : w["occurrences"])
    EXPECT_NE(occ["utc"].get<std::string>().substr(0, 10), "2027-03-29"); // Easter Monday in DE
  ASSERT_EQ(w["dst_shifts"].size(), 2u) << w.dump(1);
  EXPECT_EQ(w["dst_shifts"][0]["participant"], "client");
  EXPECT_EQ(w["dst_shifts"][0]["before"], "2027-03-08T09:00-05:00");
  EXPECT_EQ(w["dst_shifts"][0]["after"], "2027-03-15T10:00-04:00");
  EXPECT_EQ(w["dst_shifts"][0]["shift_min"], 60);
  EXPECT_EQ(w["dst_shifts"][1]["after"], "2027-04-05T09:00-04:00");
  EXPECT_EQ(w["dst_shifts"][1]["shift_min"], -60);
  const CliRun text = run("-p me:Europe/Berlin -p 'client:America/New_York*3' --from 2027-03-01 "
                          "--to 2027-04-12 --weekly --top 1");
  EXPECT_NE(text.out.find("from 2027-03-15: client Mon 09:00 -> Mon 10:00 (+60 min)"),
            std::string::npos)
      << text.out;
}

TEST_F(CallsCli, RotationSharesTheOffHoursOfBerlinAndSydney) {
  const json j = run_json("-p berlin:Europe/Berlin -p sydney:Australia/Sydney --from 2027-01-04 "
                          "--to 2027-03-26 --rotate");
  const auto& rot = j["rotation"];
  ASSERT_GE(rot["options"].size(), 2u);
  long fixed_max = 0;
  long rotated_max = 0;
  long fixed_total = 0;
  long rotated_total = 0;
  for (const auto& b : rot["burden"]) {
    fixed_max = std::max(fixed_max, b["fixed_min"].get<long>());
    rotated_max = std::max(rotated_max, b["rotated_min"].get<long>());
    fixed_total += b["fixed_min"].get<long>();
    rotated_total += b["rotated_min"].get<long>();
  }
  EXPECT_LT(rotated_max, fixed_max);
  // Graded, the best slot (Berlin 07:00, Sydney 17:00) costs 90 off-hours minutes a week; the
  // rotation's one-sided hours (Berlin 06:30, or Sydney 19:00) score the same with 60.
  EXPECT_LE(rotated_total, fixed_total);
  // The schedule's off-hours add up to the rotated burdens.
  long sum = 0;
  for (const auto& m : rot["schedule"])
    for (const auto& p : m["participants"]) sum += p["offhours_min"].get<long>();
  EXPECT_EQ(sum, rotated_total);
  EXPECT_EQ(rot["exact"], true);
}

// Munich, Chicago and Singapore, all 09:00-17:30 (issue 15): the best weekly slot and every
// meeting of the rotation keep everybody out of 00:00-06:00 local. With the night weighed like
// any other minute (--night-weight 1 --far-weight 1) Chicago is called before 06:00 again.
TEST_F(CallsCli, MunichChicagoSingaporeAreNeverCalledAtNight) {
  const std::string parts = "-p munich:Europe/Berlin -p chicago:America/Chicago "
                            "-p singapore:Asia/Singapore --from 2027-01-04 --to 2027-03-26";
  // Whether a one-hour call starting at this participant's local time reaches 00:00-06:00.
  const auto at_night = [](const json& p) {
    const std::string local = p["local"].get<std::string>();
    const int start = std::stoi(local.substr(11, 2)) * 60 + std::stoi(local.substr(14, 2));
    return start < 6 * 60 || start > 23 * 60;
  };
  const json weekly = run_json(parts + " --weekly --top 1");
  ASSERT_EQ(weekly["weekly"].size(), 1u);
  for (const auto& occ : weekly["weekly"][0]["occurrences"])
    for (const auto& p : occ["participants"]) EXPECT_FALSE(at_night(p)) << occ.dump();
  const json rot = run_json(parts + " --rotate");
  for (const auto& m : rot["rotation"]["schedule"])
    for (const auto& p : m["participants"]) EXPECT_FALSE(at_night(p)) << m.dump();
  const json flat = run_json(parts + " --weekly --top 1 --night-weight 1 --far-weight 1");
  bool night = false;
  for (const auto& occ : flat["weekly"][0]["occurrences"])
    for (const auto& p : occ["participants"]) night = night || at_night(p);
  EXPECT_TRUE(night) << flat.dump(1);
  const CliRun bad = run(parts + " --night-weight 0.5");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("--night-weight 0.5: expected 1 to 100"), std::string::npos) << bad.err;
}

TEST_F(CallsCli, PerWeekdayHoursCountryAndZoneWithoutCity) {
  const json j = run_json("-p 'me:Europe/Berlin#AT@Mon-Thu 08:00-16:00,Fri 08:00-13:00*2' "
                          "-p 'x:Etc/GMT+5' --from 2027-06-01 --to 2027-06-30 --top 1");
  EXPECT_EQ(j["participants"][0]["country"], "AT");
  EXPECT_EQ(j["participants"][0]["hours"], "Mon-Thu 08:00-16:00,Fri 08:00-13:00");
  EXPECT_EQ(j["participants"][0]["weight"], 2);
  EXPECT_TRUE(j["participants"][1]["country"].is_null());
  ASSERT_EQ(j["participants"][1]["notes"].size(), 1u);
  EXPECT_NE(j["participants"][1]["notes"][0].get<std::string>().find("weekend Sat-Sun"),
            std::string::npos);
}

TEST_F(CallsCli, PublicHolidaysOfEachParticipantCloseTheirDates) {
  // 3 May 2027 is the UK's Early May bank holiday; Germany works that Monday.
  const json j = run_json("-p de:Europe/Berlin -p uk:Europe/London --from 2027-04-29 "
                          "--to 2027-05-04 --top 100 --duration 30");
  ASSERT_FALSE(j["starts"].empty());
  for (const auto& s : j["starts"]) {
    EXPECT_NE(s["participants"][1]["local"].get<std::string>().substr(0, 10), "2027-05-03");
    EXPECT_NE(s["participants"][0]["local"].get<std::string>().substr(0, 10), "2027-05-01");
  }
}

TEST_F(CallsCli, ErrorsNameTheParticipantAndPosition) {
  CliRun r = run("-p 'client:Asia/Tokio' -p me:Europe/Berlin --from 2027-03-01 --to 2027-03-31");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("participant 1 \"client:Asia/Tokio\": unknown time zone \"Asia/Tokio\" at "
                       "character 8 (did you mean \"Asia/Tokyo\"?)"),
            std::string::npos)
      << r.err;
  r = run("-p me:Europe/Frankfurt --from 2027-03-01 --to 2027-03-31");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("(did you mean \"Europe/Berlin\"?)"), std::string::npos) << r.err;
  r = run("-p a:Europe/Berlin -p 'b:Asia/Tokyo@09:00-25:00' --from 2027-03-01 --to 2027-03-31");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("participant 2 \"b:Asia/Tokyo@09:00-25:00\": working hours"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("at character 20"), std::string::npos) << r.err; // the "25:00"
  r = run("-p 'a:Europe/Berlin*0' -p b:Asia/Tokyo#DEU -p nocolon --from 2027-03-01 "
          "--to 2027-03-31");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("participant 1 \"a:Europe/Berlin*0\": weight \"0\" at character 17"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("participant 2 \"b:Asia/Tokyo#DEU\": unknown country \"DEU\" at character "
                       "14; expected an ISO 3166 code"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("participant 3 \"nocolon\": expected NAME:ZONE"), std::string::npos);
  r = run("-p a:Europe/Berlin -p a:Asia/Tokyo --from 2027-03-31 --to 2027-03-01");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--to 2027-03-01 is before --from 2027-03-31"), std::string::npos);
  r = run("-p a:Europe/Berlin -p a:Asia/Tokyo --from 2027-03-01 --to 2027-03-02");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("participant name \"a\" is given twice"), std::string::npos) << r.err;
  r = run("-p a:Europe/Berlin --from 2027-02-30 --to 2027-03-02");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--from \"2027-02-30\": expected a date YYYY-MM-DD"), std::string::npos);
  r = run("-p a:Europe/Berlin --from 2027-03-01 --to 2027-03-02 --grid 7");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--grid 7"), std::string::npos);
  r = run("-p a:Europe/Berlin --from 2027-03-01 --to 2027-03-02 --error-format json "
          "--duration 0");
  EXPECT_EQ(r.code, 2);
  const json err = json::parse(r.err);
  EXPECT_EQ(err["code"], 2);
  EXPECT_NE(err.dump().find("--duration 0"), std::string::npos) << r.err;
}

TEST_F(CallsCli, NoCommonBusinessDayIsInfeasible) {
  // A weekend only: exit 3.
  const CliRun r = run("-p a:Europe/Berlin -p b:Asia/Tokyo --from 2027-03-06 --to 2027-03-07");
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("no date from 2027-03-06 to 2027-03-07"), std::string::npos) << r.err;
}

TEST_F(CallsCli, SameArgumentsGiveTheSameOutput) {
  const std::string args = "-p 'c:Asia/Kolkata*2' -p m:Europe/Berlin -p s:Australia/Sydney "
                           "--from 2027-03-01 --to 2027-05-31 --weekly --rotate --json";
  const CliRun a = run(args);
  const CliRun b = run(args);
  ASSERT_EQ(a.code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
}

TEST_F(CallsCli, HostileNamesAreTextInTheTableAndExactInTheJson) {
  // Names reach the terminal (text) and JSON as they are: the table has no markup to escape,
  // and JSON escapes quotes and backslashes so the names read back byte for byte.
  const std::vector<std::string> names{
      "<img src=x onerror=alert(1)>", "=HYPERLINK(\"x\")", "+1", "-1", "@x", "a|b",
      "say \"hi\" 'there'",           "back\\slash"};
  const std::vector<std::string> zones{"Europe/Berlin",   "Asia/Tokyo",      "America/New_York",
                                       "Europe/London",   "Asia/Kolkata",    "Australia/Sydney",
                                       "America/Chicago", "Europe/Amsterdam"};
  std::string args;
  for (std::size_t i = 0; i < names.size(); ++i) {
    // Shell single quotes: a ' inside becomes '\''.
    std::string arg = names[i] + ":" + zones[i];
    for (std::size_t at = arg.find('\''); at != std::string::npos; at = arg.find('\'', at + 4))
      arg.replace(at, 1, "'\\''");
    args += "-p '" + arg + "' ";
  }
  args += "--from 2027-03-01 --to 2027-03-05 --top 1";
  const json j = run_json(args);
  ASSERT_EQ(j["participants"].size(), names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(j["participants"][i]["name"], names[i]);
    EXPECT_EQ(j["starts"][0]["participants"][i]["name"], names[i]);
  }
  const CliRun text = run(args);
  ASSERT_EQ(text.code, 0) << text.err;
  for (const auto& n : names) EXPECT_NE(text.out.find("  " + n + " "), std::string::npos) << n;
  for (const char c : text.out)
    EXPECT_TRUE(c == '\n' || static_cast<unsigned char>(c) >= 0x20) << static_cast<int>(c);
}

TEST_F(CallsCli, NamesWithControlCharactersOrInvalidUtf8AreBadArguments) {
  // Found by fuzz_participant: a name that is not UTF-8 made `calls --json` fail with an
  // internal error (exit 1) in the JSON writer. Now every such argument is exit 2.
  // (/bin/sh runs the command: printf writes the bytes.)
  CliRun r = run("-p \"$(printf '\\377eAsia/\\002:Asia/Tokyo@09:00-18:00*3')\" -p me:Europe/Berlin "
                 "--from 2027-03-01 --to 2027-03-05 --json");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("participant 1: not valid UTF-8 at character 1"), std::string::npos)
      << r.err;
  EXPECT_TRUE(r.out.empty());
  r = run("-p \"$(printf '\\ttab:Europe/Berlin')\" -p \"$(printf '\\rcr:Asia/Tokyo')\" "
          "-p \"$(printf 'new\\nline:UTC')\" -p \"$(printf '\\033[31mred:UTC')\" --from 2027-03-01 "
          "--to 2027-03-05");
  EXPECT_EQ(r.code, 2) << r.err;
  // The message shows the control characters escaped, never raw.
  EXPECT_NE(
      r.err.find("participant 1 \"\\u0009tab:Europe/Berlin\": control character in the name at "
                 "character 1"),
      std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("participant 2 \"\\u000dcr:Asia/Tokyo\": control character in the name at "
                       "character 1"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("participant 3 \"new\\u000aline:UTC\": control character in the name at "
                       "character 4"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("participant 4 \"\\u001b[31mred:UTC\": control character"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos);
  r = run("-p \"$(printf '\\377:UTC')\" --from 2027-03-01 --to 2027-03-05 --error-format json");
  EXPECT_EQ(r.code, 2);
  const json err = json::parse(r.err); // valid JSON although the argument was not UTF-8
  EXPECT_EQ(err["code"], 2);
}

TEST_F(CallsCli, EveryDocumentedLimitAtAndPastItsMaximum) {
  // docs/calls.md, "Options and limits": 32 participants, 400 days, 1 to 720 minutes, a grid of
  // 5 to 240 minutes dividing a day, --top 1 to 100, --options 1 to 8, dates 2000-01-04 to
  // 2100-12-28.
  const auto participants = [](int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += "-p p" + std::to_string(i) + ":Europe/Berlin ";
    return out;
  };
  EXPECT_EQ(run(participants(32) + "--from 2027-03-01 --to 2027-03-02 --top 1").code, 0);
  CliRun r = run(participants(33) + "--from 2027-03-01 --to 2027-03-02");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("33 participants; at most 32"), std::string::npos) << r.err;

  const std::string one = "-p a:Europe/Berlin ";
  EXPECT_EQ(run(one + "--from 2027-01-01 --to 2028-02-04 --top 1").code, 0); // 400 days
  r = run(one + "--from 2027-01-01 --to 2028-02-05");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--from/--to span 401 days; at most 400"), std::string::npos) << r.err;

  const std::string week = one + "--from 2027-03-01 --to 2027-03-05 ";
  EXPECT_EQ(run(week + "--duration 720 --top 1").code, 0);
  EXPECT_EQ(run(week + "--duration 1 --top 1").code, 0);
  for (const char* bad :
       {"--duration 721", "--duration 0", "--grid 4", "--grid 241", "--grid 7", "--top 0",
        "--top 101", "--options 0", "--options 9", "--duration 99999999999999999999"}) {
    r = run(week + bad);
    EXPECT_EQ(r.code, 2) << bad << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << bad;
  }
  EXPECT_EQ(run(week + "--grid 240 --top 100 --rotate --options 8").code, 0);
  EXPECT_EQ(run(one + "--from 2000-01-04 --to 2000-01-10 --top 1").code, 0);
  EXPECT_EQ(run(one + "--from 2100-12-20 --to 2100-12-28 --top 1").code, 0);
  r = run(one + "--from 2000-01-03 --to 2000-01-10");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("expected a date from 2000-01-04 to 2100-12-28"), std::string::npos)
      << r.err;
  EXPECT_EQ(run(one + "--from 2100-12-20 --to 2100-12-29").code, 2);
}
