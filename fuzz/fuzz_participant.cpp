// libFuzzer harness: the participant syntax of `flyorcall calls` (NAME:ZONE[#CC][@HOURS][*WEIGHT],
// docs/calls.md). Text either parses into a participant or yields exactly one problem naming the
// participant (by number, and quoting the text when it is valid UTF-8); what parses has a name
// without ':', a zone, a weight within its limits and working hours that round-trip through their
// canonical text, and both outputs of the command (the JSON writer and a scored start) take it
// without throwing or replacing any of its text.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "io/calls_writer.hpp"
#include "time/participants.hpp"
#include "time/working_hours.hpp"

namespace tz = flyorcall::timez;

namespace {

flyorcall::Date day(int y, unsigned m, unsigned d) {
  return flyorcall::Date{date::year{y} / m / d};
}

/// N of the last " at character N" of a message, 0 when none.
std::size_t named_position(const std::string& message) {
  static constexpr std::string_view kAt = " at character ";
  const auto p = message.rfind(kAt);
  if (p == std::string::npos) return 0;
  std::size_t n = 0;
  for (auto i = p + kAt.size(); i < message.size() && message[i] >= '0' && message[i] <= '9'; ++i)
    n = std::min<std::size_t>(n * 10 + static_cast<std::size_t>(message[i] - '0'), 1u << 30);
  return n;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 1024) return 0; // a command-line argument; longer texts add nothing
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // One week around the EU's spring daylight-saving change keeps each input fast.
  const flyorcall::DateRange range{day(2027, 3, 24), day(2027, 3, 30)};
  std::vector<flyorcall::Problem> problems;
  const auto parsed = tz::parse_participant(text, 6, range, problems);
  if (!parsed) {
    if (problems.size() != 1) std::abort();
    const std::string& msg = problems[0].message;
    // Named by number, and quoted unless the text is not UTF-8.
    if (msg.rfind("participant 7 \"", 0) != 0 &&
        msg.rfind("participant 7: not valid UTF-8", 0) != 0)
      std::abort();
    // A named position lies within the text, or just after it (a missing part at the end).
    // Messages quote the text, so a text holding the words itself is not checked.
    if (text.find("character") == std::string_view::npos && named_position(msg) > size + 1)
      std::abort();
    return 0;
  }
  if (!problems.empty()) std::abort();
  const auto& part = parsed->part;
  if (part.name.empty() || part.name.find(':') != std::string::npos || part.zone == nullptr)
    std::abort();
  if (!(part.weight > 0) || part.weight > tz::kMaxParticipantWeight) std::abort();
  const auto again = tz::parse_working_hours(parsed->info.hours);
  const auto* hours = std::get_if<flyorcall::WorkingHours>(&again);
  if (hours == nullptr) std::abort();
  for (std::size_t d = 0; d < 7; ++d)
    if (hours->days[d].start_min != part.hours.days[d].start_min ||
        hours->days[d].end_min != part.hours.days[d].end_min)
      std::abort();

  // The command's JSON output with this participant: one hour-long start scored on a
  // half-day grid keeps the search short.
  flyorcall::io::CallsReport report;
  report.range = range;
  report.duration_min = 60;
  report.grid_min = 720;
  report.participants.push_back(part);
  report.info.push_back({parsed->info.zone, parsed->info.country, parsed->info.hours,
                         parsed->info.holidays, parsed->info.complete, parsed->info.notes});
  report.starts = tz::best_starts(report.participants, range, 60, 1, 720);
  for (const auto& s : report.starts)
    if (s.offhours_min.size() != 1 || s.offhours_min[0] < 0 || s.offhours_min[0] > 60) std::abort();
  // The writer replaces text that is not UTF-8 with U+FFFD: none may reach it from a participant.
  static constexpr std::string_view kReplacement = "\xef\xbf\xbd";
  const std::string json = flyorcall::io::calls_to_json(report);
  if (json.find(kReplacement) != std::string::npos &&
      text.find(kReplacement) == std::string_view::npos)
    std::abort();
  return 0;
}
