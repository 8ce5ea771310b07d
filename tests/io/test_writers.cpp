// The JSON writers of the commands (calls, compare, batch lines) with hostile text: quotes,
// backslashes, markup and control characters are escaped so that the text reads back exactly,
// and text that is not UTF-8 (possible for library callers) becomes U+FFFD instead of an
// exception.
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "io/calls_writer.hpp"
#include "io/compare_json.hpp"
#include "time/zones.hpp"

namespace flyorcall::io {
namespace {

using nlohmann::json;

const std::string kHostile = "<img src=x onerror=alert(1)> \"q\" back\\slash\ttab\nline\x1b[31m";
const std::string kNotUtf8 = "bad\xff\xfe byte";
const std::string kReplaced = "bad\xef\xbf\xbd\xef\xbf\xbd byte"; // two U+FFFD

Date day(int y, unsigned m, unsigned d) {
  return Date{date::year{y} / m / d};
}

CallsReport one_participant(const std::string& name) {
  CallsReport r;
  r.range = {day(2027, 3, 1), day(2027, 3, 1)};
  timez::CallParticipant p;
  p.name = name;
  p.zone = timez::find_zone("Europe/Berlin");
  p.hours = WorkingHours::office_default();
  r.participants.push_back(p);
  r.info.push_back({"Europe/Berlin", "DE", "09:00-17:30", true, true, {name}});
  return r;
}

} // namespace

TEST(JsonWriters, CallsNamesReadBackExactly) {
  const json j = json::parse(calls_to_json(one_participant(kHostile)));
  EXPECT_EQ(j["participants"][0]["name"], kHostile);
  EXPECT_EQ(j["participants"][0]["notes"][0], kHostile);
  const std::string text = calls_to_json(one_participant(kHostile));
  EXPECT_EQ(text.find('\x1b'), std::string::npos); // controls are \u escapes in JSON
  EXPECT_EQ(text.find('\t'), std::string::npos);
}

TEST(JsonWriters, CallsTextThatIsNotUtf8IsReplacedNotThrown) {
  std::string text;
  ASSERT_NO_THROW(text = calls_to_json(one_participant(kNotUtf8)));
  EXPECT_EQ(json::parse(text)["participants"][0]["name"], kReplaced);
}

TEST(JsonWriters, ComparisonAndBatchLinesReadBackExactly) {
  report::Comparison c;
  c.base_name = kHostile;
  c.label = "2027-Q1";
  c.currency = "EUR";
  report::ScenarioComparison s;
  s.name = kHostile;
  s.flips.push_back(
      {"id|1", kHostile, report::ClientState::visit, report::ClientState::remote, "T1", ""});
  c.scenarios.push_back(s);
  const json j = json::parse(comparison_to_json(c));
  EXPECT_EQ(j["base"]["name"], kHostile);
  EXPECT_EQ(j["scenarios"][0]["name"], kHostile);
  EXPECT_EQ(j["scenarios"][0]["flips"][0]["name"], kHostile);

  const std::string line =
      batch_error_line(3, kHostile, 7, 2, "input", {{"/clients/0/name", kHostile}});
  EXPECT_EQ(line.find('\n'), std::string::npos); // one record, one line
  const json e = json::parse(line);
  EXPECT_EQ(e["source"], kHostile);
  EXPECT_EQ(e["line"], 7);
  EXPECT_EQ(e["error"]["problems"][0]["message"], kHostile);
  const json bad = json::parse(batch_error_line(0, kNotUtf8, std::nullopt, 2, "input", {}));
  EXPECT_EQ(bad["source"], kReplaced);
  c.base_name = kNotUtf8;
  EXPECT_EQ(json::parse(comparison_to_json(c))["base"]["name"], kReplaced);
}

} // namespace flyorcall::io
