#include "time/working_hours.hpp"
#include "model/format.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <vector>

namespace flyorcall::timez {

namespace {

constexpr int kDayMin = 24 * 60;

// Names in Monday-first order, the order people write ranges in; index + 1 mod 7 is the C
// encoding used by WorkingHours.
constexpr std::array<std::string_view, 7> kNames = {"Mon", "Tue", "Wed", "Thu",
                                                    "Fri", "Sat", "Sun"};

std::size_t c_index(int monday_first) {
  return static_cast<std::size_t>((monday_first + 1) % 7);
}

std::optional<int> day_index(std::string_view word) {
  if (word.size() != 3) return std::nullopt;
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    bool same = true;
    for (std::size_t k = 0; k < 3; ++k) {
      if (std::tolower(static_cast<unsigned char>(word[k])) !=
          std::tolower(static_cast<unsigned char>(kNames[i][k]))) {
        same = false;
        break;
      }
    }
    if (same) return static_cast<int>(i);
  }
  return std::nullopt;
}

std::string format_clock(int minutes) {
  return format::clock(minutes);
}

std::string at(std::size_t pos) {
  return " at character " + std::to_string(pos + 1);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_space(char c) {
  return c == ' ' || c == '\t';
}

// Parser over the whole text so that every error can name its 1-based character position.
class Parser {
public:
  explicit Parser(std::string_view text) : text_(text) {}

  std::variant<WorkingHours, std::string> run() {
    std::size_t p = skip_spaces(0);
    if (trimmed() == "none") return WorkingHours{};

    // A bare range is the common case and means Monday to Friday.
    if (p < text_.size() && is_digit(text_[p])) {
      DayHours dh;
      if (auto err = parse_range(p, dh)) return *err;
      p = skip_spaces(p);
      if (p != text_.size()) return "expected end of text" + at(p);
      WorkingHours w;
      for (int d = 0; d < 5; ++d) w.days[c_index(d)] = dh;
      return w;
    }

    WorkingHours w;
    w.days_given = true;
    std::array<bool, 7> seen{};
    while (true) {
      p = skip_spaces(p);
      const std::size_t word_start = p;
      while (p < text_.size() &&
             (std::isalpha(static_cast<unsigned char>(text_[p])) != 0 || text_[p] == '-'))
        ++p;
      if (p == word_start) return "expected a day (Mon..Sun)" + at(p);
      const std::string_view word = text_.substr(word_start, p - word_start);
      std::vector<int> days;
      if (auto err = parse_days(word, days)) return *err;
      p = skip_spaces(p);
      DayHours dh;
      if (auto err = parse_range(p, dh)) return *err;
      for (int d : days) {
        if (seen[static_cast<std::size_t>(d)])
          return "day " + std::string(kNames[static_cast<std::size_t>(d)]) + " given twice";
        seen[static_cast<std::size_t>(d)] = true;
        w.days[c_index(d)] = dh;
      }
      p = skip_spaces(p);
      if (p == text_.size()) break;
      if (text_[p] != ',') return "expected \",\" or end of text" + at(p);
      ++p;
    }
    return w;
  }

private:
  std::string_view trimmed() const {
    std::size_t b = skip_spaces(0);
    std::size_t e = text_.size();
    while (e > b && is_space(text_[e - 1])) --e;
    return text_.substr(b, e - b);
  }

  std::size_t skip_spaces(std::size_t p) const {
    while (p < text_.size() && is_space(text_[p])) ++p;
    return p;
  }

  // "Mon" or "Mon-Thu"; a range may wrap past Sunday ("Sun-Thu", "Fri-Mon").
  static std::optional<std::string> parse_days(std::string_view word, std::vector<int>& out) {
    const std::string unknown = "unknown day \"" + std::string(word) + "\" (expected Mon..Sun)";
    const std::size_t dash = word.find('-');
    if (dash == std::string_view::npos) {
      const auto d = day_index(word);
      if (!d) return unknown;
      out.push_back(*d);
      return std::nullopt;
    }
    const auto first = day_index(word.substr(0, dash));
    const auto last = day_index(word.substr(dash + 1));
    if (!first || !last) return unknown;
    for (int d = *first;; d = (d + 1) % 7) {
      out.push_back(d);
      if (d == *last) break;
    }
    return std::nullopt;
  }

  // HH:MM with two digits each, as (hours, minutes); range checks are the caller's.
  std::optional<std::pair<int, int>> parse_clock(std::size_t p) const {
    if (p + 5 > text_.size()) return std::nullopt;
    const std::string_view t = text_.substr(p, 5);
    if (!is_digit(t[0]) || !is_digit(t[1]) || t[2] != ':' || !is_digit(t[3]) || !is_digit(t[4]))
      return std::nullopt;
    return std::pair{(t[0] - '0') * 10 + (t[1] - '0'), (t[3] - '0') * 10 + (t[4] - '0')};
  }

  std::optional<std::string> parse_range(std::size_t& p, DayHours& out) const {
    const std::string expected = "expected HH:MM-HH:MM" + at(p);
    const auto start = parse_clock(p);
    if (!start || p + 5 >= text_.size() || text_[p + 5] != '-') return expected;
    const auto end = parse_clock(p + 6);
    if (!end) return expected;
    std::array<int, 2> minutes{};
    for (int k = 0; k < 2; ++k) {
      const auto [h, m] = k == 0 ? *start : *end;
      const std::size_t pos = p + static_cast<std::size_t>(6 * k);
      // 24:00 is the only time past 23:59, so that a day can end at midnight.
      if (m > 59 || h > 24 || (h == 24 && m > 0))
        return "invalid time " + std::string(text_.substr(pos, 5)) + at(pos);
      minutes[static_cast<std::size_t>(k)] = h * 60 + m;
    }
    if (minutes[1] <= minutes[0])
      return "end " + format_clock(minutes[1]) + " is not after start " + format_clock(minutes[0]);
    out = DayHours{minutes[0], minutes[1]};
    p += 11;
    return std::nullopt;
  }

  std::string_view text_;
};

bool same_hours(const DayHours& a, const DayHours& b) {
  if (!a.working() || !b.working()) return a.working() == b.working();
  return a.start_min == b.start_min && a.end_min == b.end_min;
}

} // namespace

std::variant<WorkingHours, std::string> parse_working_hours(std::string_view text) {
  return Parser(text).run();
}

std::string format_working_hours(const WorkingHours& hours) {
  const auto day = [&](int monday_first) -> const DayHours& {
    return hours.days[c_index(((monday_first % 7) + 7) % 7)];
  };
  const auto range = [](const DayHours& d) {
    return format_clock(d.start_min) + "-" + format_clock(d.end_min);
  };

  bool office_week = !day(5).working() && !day(6).working() && day(0).working();
  for (int d = 1; d < 5 && office_week; ++d) office_week = same_hours(day(d), day(0));
  if (office_week) return range(day(0));

  // Runs are grouped around the week circle so that "Sun-Thu" stays one range; the first run
  // starts at the first day (from Monday) that differs from the day before it.
  int first = 0;
  while (first < 7 && same_hours(day(first), day(first - 1))) ++first;
  if (first == 7) first = 0; // all seven days alike

  std::string out;
  for (int i = 0; i < 7;) {
    const int run_start = first + i;
    int len = 1;
    while (i + len < 7 && same_hours(day(run_start + len), day(run_start))) ++len;
    if (day(run_start).working()) {
      if (!out.empty()) out += ',';
      out += kNames[static_cast<std::size_t>(run_start % 7)];
      if (len > 1) {
        out += '-';
        out += kNames[static_cast<std::size_t>((run_start + len - 1) % 7)];
      }
      out += ' ' + range(day(run_start));
    }
    i += len;
  }
  return out.empty() ? "none" : out;
}

namespace {

/// Calls f(weekday, lo, hi) for each day's part [lo, hi) of the local minutes
/// [start_min, start_min + len_min) counted from midnight of `day`; the start may be negative or
/// beyond a day and the span may cross midnight.
template <class F> void for_each_day_segment(date::weekday day, int start_min, int len_min, F&& f) {
  // Bring the start into [0, 1440) of the right weekday.
  int shift = start_min / kDayMin;
  if (start_min % kDayMin < 0) --shift;
  int cur = start_min - shift * kDayMin;
  date::weekday wd = day + date::days{shift};
  for (int remaining = len_min; remaining > 0;) {
    const int seg_end = std::min(kDayMin, cur + remaining);
    f(wd, cur, seg_end);
    remaining -= seg_end - cur;
    cur = 0;
    wd = wd + date::days{1};
  }
}

} // namespace

int offhours_minutes(const WorkingHours& hours, date::weekday day, int start_min, int len_min) {
  int off = 0;
  for_each_day_segment(day, start_min, len_min, [&](date::weekday wd, int lo, int hi) {
    const DayHours& dh = hours.days[wd.c_encoding()];
    const int overlap =
        dh.working() ? std::max(0, std::min(hi, dh.end_min) - std::max(lo, dh.start_min)) : 0;
    off += (hi - lo) - overlap;
  });
  return off;
}

long offhours_reach(const WorkingHours& hours, date::weekday day, int start_min, int len_min) {
  long reach = 0;
  for_each_day_segment(day, start_min, len_min, [&](date::weekday wd, int lo, int hi) {
    // The working intervals [a, b) of the day before, the day itself and the day after, on
    // this day's wall-clock line.
    std::array<int, 3> a{};
    std::array<int, 3> b{};
    std::size_t n = 0;
    for (int k = -1; k <= 1; ++k) {
      const DayHours& dh = hours.days[(wd + date::days{k}).c_encoding()];
      if (!dh.working()) continue;
      a[n] = dh.start_min + k * kDayMin;
      b[n] = dh.end_min + k * kDayMin;
      ++n;
    }
    // Distance of minute [x, x+1) to the nearest interval, capped.
    const auto dist = [&](int x) {
      int nearest = kMaxReachMin;
      for (std::size_t i = 0; i < n; ++i)
        nearest = std::min(nearest, x < a[i] ? a[i] - x : (x >= b[i] ? x - b[i] + 1 : 0));
      return nearest;
    };
    // dist is the minimum of lines of slope -1, 0 and +1, so it is linear between the points
    // where one of them starts, ends or crosses another: summing it needs only those points.
    std::array<int, 32> cuts{};
    std::size_t m = 0;
    const auto cut = [&](int x) {
      if (x > lo && x < hi) cuts[m++] = x;
    };
    for (std::size_t i = 0; i < n; ++i) {
      cut(a[i]);
      cut(b[i]);
      cut(a[i] - kMaxReachMin + 1);
      cut(b[i] + kMaxReachMin - 1);
      for (std::size_t j = 0; j < n; ++j) {
        if (b[i] > a[j]) continue; // only a later interval's left side meets this right side
        const int mid = (a[j] + b[i] - 1) / 2;
        cut(mid);
        cut(mid + 1);
      }
    }
    cuts[m++] = hi;
    std::sort(cuts.begin(), cuts.begin() + static_cast<std::ptrdiff_t>(m));
    int from = lo;
    for (std::size_t k = 0; k < m; ++k) {
      const int to = cuts[k];
      if (to <= from) continue;
      // Arithmetic series over the integer minutes from .. to-1.
      reach += static_cast<long>(dist(from) + dist(to - 1)) * (to - from) / 2;
      from = to;
    }
  });
  return reach;
}

} // namespace flyorcall::timez
