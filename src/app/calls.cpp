// The calls verb of the library: remote-meeting slots across time zones — the best dated starts
// of a date range, the best recurring weekly slot with its daylight-saving shifts, and a fair
// rotation of a weekly series (include/flyorcall/calls.hpp, docs/calls.md).
#include "flyorcall/calls.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "flyorcall/errors.hpp"
#include "io/calls_writer.hpp"
#include "time/calls.hpp"
#include "time/holidays.hpp"
#include "time/participants.hpp"
#include "time/zones.hpp"

namespace flyorcall {
namespace {

/// Limits that keep a run quick; documented in docs/calls.md.
constexpr std::size_t kMaxParticipants = 32;
constexpr int kMaxRangeDays = 400;
constexpr int kMaxDurationMin = 720;

std::string quote(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

std::string clock(int minutes) {
  const auto two = [](int v) {
    return std::string{static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
  };
  return two(minutes / 60) + ":" + two(minutes % 60);
}

std::string weekday_of(date::local_seconds t) {
  return std::string(
      weekday_name(static_cast<int>(date::weekday{date::floor<date::days>(t)}.c_encoding())));
}

/// A parsed --participant with what the output reports about its calendar.
using Party = timez::ParsedParticipant;

std::optional<Date> parse_date(const std::string& text, const std::string& option,
                               std::vector<Problem>& problems) {
  // YYYY-MM-DD exactly: ten characters, digits but for the two dashes.
  bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
  for (std::size_t i = 0; shaped && i < text.size(); ++i)
    if (i != 4 && i != 7 && !std::isdigit(static_cast<unsigned char>(text[i]))) shaped = false;
  const date::year_month_day ymd = shaped ? date::year{std::stoi(text.substr(0, 4))} /
                                                std::stoi(text.substr(5, 2)) /
                                                std::stoi(text.substr(8, 2))
                                          : date::year_month_day{};
  if (shaped && ymd.ok()) {
    const int y = int(ymd.year());
    // Holiday rules cover these years; the margin keeps neighbouring dates inside them too.
    if (y >= timez::kFirstHolidayYear && y <= timez::kLastHolidayYear &&
        !(ymd.month() == date::January && unsigned(ymd.day()) <= 3 &&
          y == timez::kFirstHolidayYear) &&
        !(ymd.month() == date::December && unsigned(ymd.day()) >= 29 &&
          y == timez::kLastHolidayYear))
      return Date{ymd};
    problems.push_back(
        {"", option + " " + quote(text) + ": expected a date from 2000-01-04 to 2100-12-28"});
    return std::nullopt;
  }
  problems.push_back({"", option + " " + quote(text) + ": expected a date YYYY-MM-DD"});
  return std::nullopt;
}

// ---- text output ----------------------------------------------------------------------------

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string number(double v) {
  const double r = std::round(v);
  if (std::abs(v - r) < 1e-9) return std::to_string(static_cast<long long>(r));
  std::string s = std::to_string(std::round(v * 10.0) / 10.0);
  return s.substr(0, s.find('.') + 2);
}

std::size_t name_width(const std::vector<Party>& parties) {
  std::size_t w = 4;
  for (const auto& p : parties) w = std::max(w, p.part.name.size());
  return w;
}

std::string off_text(int off) {
  return off == 0 ? "in hours" : std::to_string(off) + " min off-hours";
}

std::string start_lines(const std::vector<Party>& parties, const timez::SlotOccurrence& occ) {
  std::string out;
  const std::size_t w = name_width(parties);
  for (std::size_t p = 0; p < parties.size(); ++p) {
    const auto& part = parties[p].part;
    const std::string iso = timez::format_in_zone(occ.start, part.zone);
    out += "     " + pad(part.name, w) + "  " + weekday_of(occ.local_start[p]) + " " +
           iso.substr(0, 10) + " " + iso.substr(11, 5) + " (UTC" + iso.substr(16) + ")  " +
           off_text(occ.offhours_min[p]) + "\n";
  }
  return out;
}

std::string header(const CallsRequest& a, const std::vector<Party>& parties) {
  std::string out = "Calls from " + a.from + " to " + a.to + ", " + std::to_string(a.duration) +
                    " min, starts every " + std::to_string(a.grid) + " min of " +
                    parties.front().part.name + "'s day\n";
  const std::size_t w = name_width(parties);
  for (const auto& p : parties) {
    out += "  " + pad(p.part.name, w) + "  " + p.info.zone +
           (p.info.country.empty() ? "" : " #" + p.info.country) + "  " + p.info.hours +
           "  weight " + number(p.part.weight) + "\n";
    for (const auto& n : p.info.notes) out += "  " + std::string(w, ' ') + "  note: " + n + "\n";
  }
  out += "score = weighted off-hours minutes (lower is better)\n";
  return out;
}

std::string starts_text(const std::vector<Party>& parties,
                        const std::vector<timez::SlotOccurrence>& starts) {
  std::string out = "\nBest starts:\n";
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const auto& occ = starts[k];
    out += pad(std::to_string(k + 1) + ".", 5) +
           date::format("%F %H:%M UTC", date::floor<std::chrono::minutes>(occ.start)) + "  score " +
           number(occ.score) + "\n" + start_lines(parties, occ);
  }
  return out;
}

std::string slot_title(const std::vector<Party>& parties, const timez::WeeklySlot& s) {
  return std::string(weekday_name(static_cast<int>(s.weekday.c_encoding()))) + " " +
         clock(s.anchor_start_min) + " " + parties.front().part.name + "'s time, " +
         std::to_string(s.occurrences.size()) + " dates, mean score " + number(s.score);
}

std::string weekly_text(const std::vector<Party>& parties,
                        const std::vector<timez::WeeklySlot>& slots) {
  std::string out = "\nBest weekly slots:\n";
  const std::size_t w = name_width(parties);
  for (std::size_t k = 0; k < slots.size(); ++k) {
    const auto& s = slots[k];
    out += pad(std::to_string(k + 1) + ".", 5) + slot_title(parties, s) + "\n";
    const auto& first = s.occurrences.front();
    for (std::size_t p = 0; p < parties.size(); ++p)
      out += "     " + pad(parties[p].part.name, w) + "  " + weekday_of(first.local_start[p]) +
             " " + clock(first.local_start_min[p]) + "  mean " + number(s.mean_offhours[p]) +
             " min off-hours\n";
    out += "     dates:";
    for (const auto& occ : s.occurrences)
      out += " " + date::format("%m-%d", date::floor<date::days>(occ.local_start.front()));
    out += "\n";
    const auto shifts = timez::local_time_shifts(s);
    if (shifts.empty()) continue;
    out += "     local time moved by a daylight-saving change:\n";
    for (const auto& sh : shifts) {
      const auto& occ = s.occurrences[sh.occurrence];
      out += "       from " + date::format("%F", date::floor<date::days>(occ.local_start.front())) +
             ": " + parties[sh.participant].part.name + " " + weekday_of(sh.before) + " " +
             date::format("%H:%M", sh.before) + " -> " + weekday_of(sh.after) + " " +
             date::format("%H:%M", sh.after) + " (" + (sh.shift_min > 0 ? "+" : "") +
             std::to_string(sh.shift_min) + " min), " + off_text(occ.offhours_min[sh.participant]) +
             "\n";
    }
  }
  return out;
}

std::string rotation_text(const std::vector<Party>& parties, const timez::Rotation& rot) {
  std::string out = "\nFair rotation of " + std::to_string(rot.meetings.size()) +
                    " weekly meetings among " + std::to_string(rot.options.size()) + " slots:\n";
  for (std::size_t k = 0; k < rot.options.size(); ++k)
    out += "  option " + std::to_string(k + 1) + ": " + slot_title(parties, rot.options[k]) + "\n";
  const std::size_t w = name_width(parties);
  for (const auto& m : rot.meetings) {
    out += "  " + date::format("%F", date::floor<date::days>(m.occurrence.local_start.front())) +
           "  option " + std::to_string(m.option + 1) + ":";
    for (std::size_t p = 0; p < parties.size(); ++p)
      out += "  " + parties[p].part.name + " " + clock(m.occurrence.local_start_min[p]) +
             (m.occurrence.offhours_min[p] > 0
                  ? " (" + std::to_string(m.occurrence.offhours_min[p]) + " off)"
                  : "");
    out += "\n";
  }
  out += "  burden (off-hours minutes)  " + pad("rotated", 9) + "fixed option 1\n";
  for (std::size_t p = 0; p < parties.size(); ++p)
    out += "    " + pad(parties[p].part.name, std::max<std::size_t>(w, 24)) +
           pad(std::to_string(rot.burden[p]), 9) + std::to_string(rot.burden_fixed[p]) + "\n";
  out += "    " + pad("weighted score", std::max<std::size_t>(w, 24)) +
         pad(number(rot.weighted), 9) + number(rot.weighted_fixed) + "\n";
  if (!rot.exact) out += "  note: very large case; the rotation is the best found, not proven\n";
  return out;
}

/// Every problem of a request's arguments and participants; throws InputError when there is one.
std::vector<Party> check_request(const CallsRequest& a, DateRange& range) {
  std::vector<Problem> problems;
  const auto from = parse_date(a.from, "--from", problems);
  const auto to = parse_date(a.to, "--to", problems);
  if (from && to) {
    if (*to < *from)
      problems.push_back({"", "--to " + a.to + " is before --from " + a.from});
    else if ((*to - *from).count() + 1 > kMaxRangeDays)
      problems.push_back({"", "--from/--to span " + std::to_string((*to - *from).count() + 1) +
                                  " days; at most " + std::to_string(kMaxRangeDays)});
  }
  if (a.participants.size() > kMaxParticipants)
    problems.push_back({"", std::to_string(a.participants.size()) + " participants; at most " +
                                std::to_string(kMaxParticipants)});
  if (a.duration < 1 || a.duration > kMaxDurationMin)
    problems.push_back({"", "--duration " + std::to_string(a.duration) +
                                ": expected minutes from 1 to " + std::to_string(kMaxDurationMin)});
  if (a.grid < 5 || a.grid > 240 || 1440 % a.grid != 0)
    problems.push_back({"", "--grid " + std::to_string(a.grid) +
                                ": expected minutes from 5 to 240 that divide a day (5, 10, 15, "
                                "20, 30, 60...)"});
  if (a.top < 1 || a.top > 100)
    problems.push_back({"", "--top " + std::to_string(a.top) + ": expected 1 to 100"});
  if (a.options < 1 || a.options > 8)
    problems.push_back({"", "--options " + std::to_string(a.options) + ": expected 1 to 8"});
  for (const auto& [name, value] :
       {std::pair{"--far-weight", a.far_weight}, {"--night-weight", a.night_weight}})
    if (!(value >= 1 && value <= 100))
      problems.push_back({"", std::string(name) + " " + number(value) + ": expected 1 to 100"});
  range = from && to ? DateRange{*from, *to} : DateRange{};
  std::vector<Party> parties;
  if (from && to && !(*to < *from)) {
    for (std::size_t i = 0; i < a.participants.size() && i < kMaxParticipants; ++i) {
      if (auto p = timez::parse_participant(a.participants[i], i, range, problems))
        parties.push_back(std::move(*p));
    }
    for (std::size_t i = 0; i < parties.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (parties[i].part.name == parties[j].part.name)
          problems.push_back(
              {"", "participant name " + quote(parties[i].part.name) + " is given twice"});
  }
  if (!problems.empty()) throw InputError(std::move(problems));

  return parties;
}

/// The plain-data view of what was computed.
void summarize(const io::CallsReport& report, CallsResult& r) {
  for (const auto& p : report.participants) r.names.push_back(p.name);
  for (const auto& s : report.starts) r.starts.push_back({s.start, s.offhours_min, s.score});
  for (const auto& w : report.weekly) {
    WeeklyCallSlot slot{
        static_cast<int>(w.weekday.c_encoding()), w.anchor_start_min, w.score, w.mean_offhours, {}};
    for (const auto& occ : w.occurrences) slot.dates.push_back(occ.start);
    r.weekly.push_back(std::move(slot));
  }
  if (report.rotation) {
    r.rotated = true;
    r.rotation_burden = report.rotation->burden;
    r.fixed_burden = report.rotation->burden_fixed;
  }
}

} // namespace

CallsResult find_call_slots(const CallsRequest& a) {
  DateRange range;
  const std::vector<Party> parties = check_request(a, range);
  io::CallsReport report;
  report.range = range;
  report.duration_min = a.duration;
  report.grid_min = a.grid;
  for (const auto& p : parties) {
    report.participants.push_back(p.part);
    report.participants.back().curve.far = a.far_weight;
    report.participants.back().curve.night = a.night_weight;
    report.info.push_back(p.info);
  }
  const auto& parts = report.participants;
  const std::size_t top = static_cast<std::size_t>(a.top);
  const bool dated = !a.weekly && !a.rotate;
  if (dated) report.starts = timez::best_starts(parts, range, a.duration, top, a.grid);
  if (a.weekly) {
    report.weekly_requested = true;
    report.weekly = timez::rank_weekly_slots(parts, range, a.duration, top, a.grid);
  }
  if (a.rotate)
    report.rotation = timez::rotate_weekly_slots(parts, range, a.duration,
                                                 static_cast<std::size_t>(a.options), a.grid);
  if ((dated && report.starts.empty()) || (a.weekly && report.weekly.empty()) ||
      (a.rotate && !report.rotation))
    throw InfeasibleError("/participants", "no date from " + a.from + " to " + a.to +
                                               " is a business day for every participant");

  CallsResult r;
  summarize(report, r);
  r.json = io::calls_to_json(report);
  std::string out = header(a, parties);
  if (dated) out += starts_text(parties, report.starts);
  if (a.weekly) out += weekly_text(parties, report.weekly);
  if (report.rotation) out += rotation_text(parties, *report.rotation);
  r.text = std::move(out);
  return r;
}

} // namespace flyorcall
