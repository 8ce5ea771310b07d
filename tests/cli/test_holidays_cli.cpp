// End-to-end tests of `flyorcall holidays COUNTRY YEAR`: text and JSON views, country names and
// codes in any case, and the errors for unknown countries and years.
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

using flyorcall::clitest::CliRun;
using nlohmann::json;

namespace {

/// Runs the CLI with a shell-quoted argument string; captures exit code, stdout and stderr.
CliRun run(const std::string& args) {
  return flyorcall::clitest::run_cli(args);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

} // namespace

TEST(HolidaysCli, TextListsHolidaysWeekdaysAndSubstituteDays) {
  const CliRun r = run("holidays GB 2027");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_TRUE(contains(r.out, "Public holidays of United Kingdom (GB) in 2027\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "weekend: Sat Sun\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "2027-12-25  Sat  Christmas Day\n")) << r.out;
  EXPECT_TRUE(contains(r.out, "2027-12-27  Mon  Christmas Day (substitute day)  [substitute]\n"))
      << r.out;
  EXPECT_TRUE(contains(r.out, "2027-12-28  Tue  Boxing Day (substitute day)  [substitute]\n"))
      << r.out;
  EXPECT_FALSE(contains(r.out, "warning")) << r.out;
}

TEST(HolidaysCli, CountryByNameInAnyCase) {
  const CliRun code = run("holidays de 2027");
  const CliRun name = run("holidays GERMANY 2027");
  const CliRun spaced = run("holidays 'united states' 2027");
  EXPECT_EQ(code.code, 0) << code.err;
  EXPECT_EQ(name.code, 0) << name.err;
  EXPECT_EQ(code.out, name.out);
  EXPECT_TRUE(contains(code.out, "2027-10-03  Sun  German Unity Day\n")) << code.out;
  EXPECT_EQ(spaced.code, 0) << spaced.err;
  EXPECT_TRUE(contains(spaced.out, "2027-07-05  Mon  Independence Day (substitute day)"))
      << spaced.out;
}

TEST(HolidaysCli, IncompleteYearWarnsAndWorkdaysAreListed) {
  const CliRun late = run("holidays CN 2031");
  EXPECT_EQ(late.code, 0) << late.err;
  EXPECT_TRUE(contains(late.out, "warning: incomplete list: ")) << late.out;
  EXPECT_TRUE(contains(late.out, "2024-2030 only")) << late.out;
  const CliRun known = run("holidays CN 2026");
  EXPECT_EQ(known.code, 0) << known.err;
  EXPECT_FALSE(contains(known.out, "warning")) << known.out;
  EXPECT_TRUE(contains(known.out, "official working weekend days: 2026-01-04 Sun 2026-02-14 Sat"))
      << known.out;
}

TEST(HolidaysCli, Json) {
  const CliRun r = run("holidays us 2021 --json");
  ASSERT_EQ(r.code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["country"], "US");
  EXPECT_EQ(j["name"], "United States");
  EXPECT_EQ(j["year"], 2021);
  EXPECT_EQ(j["weekend"], json::array({"Sat", "Sun"}));
  EXPECT_EQ(j["complete"], true);
  EXPECT_EQ(j["note"], "");
  EXPECT_EQ(j["workdays"], json::array());
  // 1 January 2022 is a Saturday: observed on Friday 31 December 2021.
  const json& last = j["holidays"].back();
  EXPECT_EQ(last["date"], "2021-12-31");
  EXPECT_EQ(last["weekday"], "Fri");
  EXPECT_EQ(last["name"], "New Year's Day (substitute day)");
  EXPECT_EQ(last["substitute"], true);
  EXPECT_EQ(j["holidays"].front()["date"], "2021-01-01");
  EXPECT_EQ(j["holidays"].front()["substitute"], false);

  const CliRun cn = run("holidays CN 2031 --json");
  ASSERT_EQ(cn.code, 0) << cn.err;
  const json c = json::parse(cn.out);
  EXPECT_EQ(c["complete"], false);
  EXPECT_TRUE(contains(c["note"].get<std::string>(), "2024-2030 only")) << c["note"];
}

TEST(HolidaysCli, UnknownCountrySuggestsACode) {
  const CliRun r = run("holidays Germny 2027");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "flyorcall holidays: unknown country \"Germny\" (did you mean \"DE\", the code "
                   "of Germany?); give an ISO 3166 code (DE) or an English name (Germany)\n");
  // A code is never offered another code: XY is no country, and Mexico (MX) is not meant.
  const CliRun xy = run("holidays XY 2027");
  EXPECT_EQ(xy.err, "flyorcall holidays: unknown country \"XY\"; give an ISO 3166 code (DE) or an "
                    "English name (Germany)\n");
  const CliRun j = run("holidays Atlantis 2027 --error-format json");
  EXPECT_EQ(j.code, 2);
  const json e = json::parse(j.err);
  EXPECT_EQ(e["code"], 2);
  EXPECT_TRUE(contains(e["problems"][0]["message"].get<std::string>(), "unknown country"));
}

TEST(HolidaysCli, BadYears) {
  for (const char* y : {"1999", "2101", "20x7", "-5", "''"}) {
    const CliRun r = run(std::string("holidays DE ") + y);
    EXPECT_EQ(r.code, 2) << y;
    EXPECT_EQ(r.out, "") << y;
    EXPECT_TRUE(contains(r.err, "expected a year from 2000 to 2100")) << y << ": " << r.err;
  }
  EXPECT_EQ(run("holidays DE 2000").code, 0);
  EXPECT_EQ(run("holidays DE 2100").code, 0);
}

TEST(HolidaysCli, MissingArgumentsAreUsageErrors) {
  EXPECT_EQ(run("holidays").code, 2);
  EXPECT_EQ(run("holidays DE").code, 2);
}

TEST(HolidaysCli, HostileArgumentsAreQuotedAsPlainText) {
  // The country argument is the only user text of this command; it appears in error messages
  // only: markup and formula starts as they are, control characters as \u00XX, one line each.
  CliRun r = run("holidays '<img src=x onerror=alert(1)>' 2027");
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(contains(r.err, "unknown country \"<img src=x onerror=alert(1)>\"")) << r.err;
  r = run("holidays '=HYPERLINK(\"x\")|a' 2027");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "unknown country \"=HYPERLINK(\"x\")|a\"")) << r.err;
  // (/bin/sh runs the command: printf writes the bytes.)
  r = run("holidays \"$(printf 'D\\033[31mE\\nx\\ty\\rz')\" 2027");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "unknown country \"D\\u001b[31mE\\u000ax\\u0009y\\u000dz\""))
      << r.err;
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos);
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1); // one line
  r = run("holidays DE \"$(printf '20\\n27')\"");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(contains(r.err, "year \"20\\u000a27\"")) << r.err;
  // Not UTF-8: the JSON error document is still valid JSON.
  r = run("holidays \"$(printf '\\377\\376')\" 2027 --error-format json");
  EXPECT_EQ(r.code, 2);
  const json e = json::parse(r.err);
  EXPECT_EQ(e["code"], 2);
}

TEST(HolidaysCli, NamesReadTheSameInTextAndJson) {
  // Holiday names hold apostrophes, parentheses and non-ASCII letters ("New Year's Day",
  // "Saint Patrick's Day"); JSON escapes nothing of them and the text shows them verbatim.
  for (const char* country : {"GB", "IE", "US", "FR", "TR"}) {
    const CliRun text = run(std::string("holidays ") + country + " 2027");
    const CliRun j = run(std::string("holidays ") + country + " 2027 --json");
    ASSERT_EQ(text.code, 0) << text.err;
    ASSERT_EQ(j.code, 0) << j.err;
    const json doc = json::parse(j.out);
    ASSERT_FALSE(doc["holidays"].empty()) << country;
    for (const auto& h : doc["holidays"]) {
      const std::string line = h["date"].get<std::string>() + "  " +
                               h["weekday"].get<std::string>() + "  " +
                               h["name"].get<std::string>();
      EXPECT_TRUE(contains(text.out, line + "\n") || contains(text.out, line + "  [substitute]\n"))
          << country << ": " << line;
    }
  }
}
