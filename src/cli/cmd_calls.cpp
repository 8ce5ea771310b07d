// `flyorcall calls`: remote-meeting slots for participants in several time zones — the best
// dated starts of a date range, the best recurring weekly slot with its daylight-saving shifts,
// and a fair rotation of a weekly series (docs/calls.md).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "io/calls_writer.hpp"
#include "time/calls.hpp"
#include "time/holidays.hpp"
#include "time/participants.hpp"
#include "time/zones.hpp"

namespace flyorcall::cli {
namespace {

/// Limits that keep a run quick; documented in docs/calls.md.
constexpr std::size_t kMaxParticipants = 32;
constexpr int kMaxRangeDays = 400;
constexpr int kMaxDurationMin = 720;

struct CallsArgs {
  std::vector<std::string> participants;
  std::string from;
  std::string to;
  int duration = 60;
  int grid = 15;
  bool weekly = false;
  bool rotate = false;
  int top = 5;
  int options = 3;
  double far = Policy{}.offhours_far_factor;
  double night = Policy{}.offhours_night_factor;
  bool json = false;
};

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

std::string header(const CallsArgs& a, const std::vector<Party>& parties) {
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

int run(const CallsArgs& a, const CommonOptions& opt) {
  const std::string source = "flyorcall calls";
  try {
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
                                  ": expected minutes from 1 to " +
                                  std::to_string(kMaxDurationMin)});
    if (a.grid < 5 || a.grid > 240 || 1440 % a.grid != 0)
      problems.push_back({"", "--grid " + std::to_string(a.grid) +
                                  ": expected minutes from 5 to 240 that divide a day (5, 10, 15, "
                                  "20, 30, 60...)"});
    if (a.top < 1 || a.top > 100)
      problems.push_back({"", "--top " + std::to_string(a.top) + ": expected 1 to 100"});
    if (a.options < 1 || a.options > 8)
      problems.push_back({"", "--options " + std::to_string(a.options) + ": expected 1 to 8"});
    for (const auto& [name, value] :
         {std::pair{"--far-weight", a.far}, {"--night-weight", a.night}})
      if (!(value >= 1 && value <= 100))
        problems.push_back({"", std::string(name) + " " + number(value) + ": expected 1 to 100"});
    const DateRange range = from && to ? DateRange{*from, *to} : DateRange{};
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

    io::CallsReport report;
    report.range = range;
    report.duration_min = a.duration;
    report.grid_min = a.grid;
    for (const auto& p : parties) {
      report.participants.push_back(p.part);
      report.participants.back().curve.far = a.far;
      report.participants.back().curve.night = a.night;
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

    if (a.json) {
      print_data(io::calls_to_json(report));
      return 0;
    }
    std::string out = header(a, parties);
    if (dated) out += starts_text(parties, report.starts);
    if (a.weekly) out += weekly_text(parties, report.weekly);
    if (report.rotation) out += rotation_text(parties, *report.rotation);
    print_text(out);
    return 0;
  } catch (const Error& e) {
    return report_error(e, source, opt);
  }
}

} // namespace

Command add_calls_command(CLI::App& app, CommonOptions& opt) {
  auto args = std::make_shared<CallsArgs>();
  CLI::App* sub = app.add_subcommand(
      "calls", "Remote-meeting slots across time zones: best starts, weekly slot, fair rotation");
  sub->footer(
      "PARTICIPANT is NAME:ZONE[#CC][@HOURS][*WEIGHT]\n"
      "  NAME    any text without ':' or control characters\n"
      "  ZONE    IANA time zone, e.g. Asia/Tokyo\n"
      "  #CC     ISO country whose weekend and public holidays apply (default: the country of\n"
      "          a city in ZONE from the built-in cities; otherwise Sat-Sun, no holidays)\n"
      "  @HOURS  working hours, default 09:00-17:30 (Mon-Fri); per weekday e.g.\n"
      "          \"Mon-Thu 08:00-16:00,Fri 08:00-13:00\"; 'none' for no working time\n"
      "  *WEIGHT weight of one off-hours minute, default 1 (clients usually weigh more)\n"
      "Off-hours minutes are graded by when they fall: within 2 hours of the working day once,\n"
      "further away --far-weight times (2), from 00:00 to 06:00 local --night-weight times (6).\n"
      "The first participant anchors the grid and weekly slots (their local dates and times).\n"
      "Example: flyorcall calls -p \"client:Asia/Tokyo@09:00-18:00*3\" -p "
      "\"me:Europe/Berlin#DE\" --from 2027-03-01 --to 2027-03-31 --weekly\n"
      "Exit codes: 0 ok, 2 bad arguments, 3 no common business day. See docs/calls.md.");
  sub->add_option("-p,--participant", args->participants,
                  "NAME:ZONE[#CC][@HOURS][*WEIGHT]; repeat for each participant")
      ->required();
  sub->add_option("--from", args->from, "First date (YYYY-MM-DD), in the first participant's zone")
      ->required();
  sub->add_option("--to", args->to, "Last date (YYYY-MM-DD), inclusive")->required();
  sub->add_option("--duration", args->duration, "Call length in minutes (1 to 720)")
      ->default_val(60);
  sub->add_option("--grid", args->grid, "Start every N minutes (divides a day)")->default_val(15);
  sub->add_flag("--weekly", args->weekly,
                "Best recurring weekly slots, with the dates a DST change moves someone");
  sub->add_flag("--rotate", args->rotate,
                "Rotate a weekly series among the best slots to share the off-hours fairly");
  sub->add_option("--top", args->top, "How many starts or weekly slots to list (1 to 100)")
      ->default_val(5);
  sub->add_option("--options", args->options, "How many slots --rotate rotates among (1 to 8)")
      ->default_val(3);
  sub->add_option("--far-weight", args->far,
                  "How many times an off-hours minute counts more than 2 hours from the working "
                  "day (1 to 100; policy.offhours_weight.far)")
      ->default_val(Policy{}.offhours_far_factor);
  sub->add_option("--night-weight", args->night,
                  "How many times an off-hours minute between 00:00 and 06:00 local counts (1 to "
                  "100; policy.offhours_weight.night)")
      ->default_val(Policy{}.offhours_night_factor);
  sub->add_flag("--json", args->json, "Print JSON");
  add_error_format(sub, opt);
  return Command{sub, [args, &opt] { return run(*args, opt); }};
}

} // namespace flyorcall::cli
