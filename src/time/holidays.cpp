// Holiday rule parser and evaluator. The rule files are compiled into the library, so a malformed
// row is a bug of the project, reported as an internal error with file:line.
#include "time/holidays.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <set>
#include <stdexcept>

#include "flyorcall/errors.hpp"
#include "model/csv.hpp"
#include "model/embedded_data.hpp"
#include "model/suggest.hpp"
#include "network/world_data.hpp"

namespace flyorcall::timez {

Date western_easter(int year) {
  // Anonymous Gregorian computus (Meeus/Jones/Butcher).
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Date{date::year{year} / static_cast<unsigned>(month) / static_cast<unsigned>(day)};
}

Date orthodox_easter(int year) {
  // Julian computus (Meeus); the result is a Julian calendar date in March or April.
  const int a = year % 4;
  const int b = year % 7;
  const int c = year % 19;
  const int d = (19 * c + 15) % 30;
  const int e = (2 * a + 4 * b - d + 34) % 7;
  const int month = (d + e + 114) / 31;
  const int day = (d + e + 114) % 31 + 1;
  // Julian to Gregorian: the calendars differ by the Gregorian leap days skipped since 200 AD,
  // constant from March of a century year to February of the next.
  const int shift = year / 100 - year / 400 - 2;
  return Date{date::year{year} / static_cast<unsigned>(month) / static_cast<unsigned>(day)} +
         date::days{shift};
}

namespace {

enum class Kind { fixed, easter, orthodox, nth, last, on_or_after, on_or_before, dated, workday };
enum class Shift { none, next, nearest, sun_next };

struct Rule {
  std::string name;
  Kind kind = Kind::fixed;
  unsigned month = 1;
  unsigned day = 1;
  int offset = 0;                   // Easter offset in days, or N of the N-th weekday
  unsigned weekday = 0;             // C encoding
  std::optional<Date> on;           // dated and workday rows
  int from = kFirstHolidayYear - 1; // unbounded rules also apply to the neighbouring years
  int to = kLastHolidayYear + 1;    // that substitute days are computed from
  Shift shift = Shift::none;
  std::string where; // "file:line", for messages about the table range
};

struct CountryRules {
  std::string code;
  WeekdayMask weekend = kSatSun;
  std::vector<Rule> rules;       // in file order
  std::optional<int> table_from; // `table` range, when the country has one
  std::optional<int> table_to;
  std::string table_name;
  std::string table_where; // "file:line" of the table row
};

} // namespace

struct HolidayRules::Impl {
  std::vector<CountryRules> countries; // sorted by code
};

namespace {

constexpr std::string_view kHeader = "country,name,rule,from,to,shift";

struct Where {
  std::string_view file;
  std::size_t line = 0;
};

[[noreturn]] void fail(const Where& w, const std::string& what) {
  throw Error(ErrorCode::internal,
              std::string(w.file) + ":" + std::to_string(w.line) + ": " + what);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const auto pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.push_back(trim(s.substr(start)));
      return out;
    }
    out.push_back(trim(s.substr(start, pos - start)));
    start = pos + 1;
  }
}

using csv::quoted;

/// A run of decimal digits of exactly `width` characters (any width when 0), or nullopt.
std::optional<int> digits(std::string_view s, std::size_t width = 0) {
  if (s.empty() || (width != 0 && s.size() != width) || s.size() > 6) return std::nullopt;
  if (!std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

const std::vector<std::string>& weekday_names() {
  static const std::vector<std::string> names(kWeekdayNames.begin(), kWeekdayNames.end());
  return names;
}

/// "unknown weekday "x" (did you mean ...?) (expected Mon ... Sun)".
std::string unknown_weekday(std::string_view s) {
  return "unknown weekday " + quoted(s) + did_you_mean(s, weekday_names()) +
         " (expected Mon Tue Wed Thu Fri Sat Sun)";
}

std::optional<unsigned> weekday_of(std::string_view s) {
  const auto it = std::find(kWeekdayNames.begin(), kWeekdayNames.end(), s);
  if (it == kWeekdayNames.end()) return std::nullopt;
  return static_cast<unsigned>(it - kWeekdayNames.begin());
}

/// "MM-DD" valid in a leap year.
bool parse_month_day(std::string_view s, Rule& r) {
  if (s.size() != 5 || s[2] != '-') return false;
  const auto m = digits(s.substr(0, 2), 2);
  const auto d = digits(s.substr(3, 2), 2);
  if (!m || !d || *m < 1 || *m > 12 || *d < 1) return false;
  r.month = static_cast<unsigned>(*m);
  r.day = static_cast<unsigned>(*d);
  return (date::year{2000} / date::month{r.month} / date::day{r.day}).ok();
}

std::optional<Date> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const auto y = digits(s.substr(0, 4), 4);
  const auto m = digits(s.substr(5, 2), 2);
  const auto d = digits(s.substr(8, 2), 2);
  if (!y || !m || !d) return std::nullopt;
  const date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                                 date::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

int year_of(Date d) {
  return static_cast<int>(date::year_month_day{d}.year());
}

/// Parses an Easter rule ("easter", "easter+N", "easter-N", same with "orthodox").
bool parse_easter(std::string_view s, std::string_view word, Rule& r) {
  if (!s.starts_with(word)) return false;
  const auto rest = s.substr(word.size());
  r.offset = 0;
  if (rest.empty()) return true;
  const auto n = digits(rest.substr(1));
  if ((rest.front() != '+' && rest.front() != '-') || !n || *n > 200) return false;
  r.offset = rest.front() == '-' ? -*n : *n;
  return true;
}

constexpr std::string_view kRuleKinds =
    "expected MM-DD, easter[+-N], orthodox[+-N], \"N WKD MM\", \"last WKD MM\", WKD>=MM-DD, "
    "WKD<=MM-DD, \"date YYYY-MM-DD\", \"workday YYYY-MM-DD\" or \"table YYYY-YYYY\"";

/// Parses the rule column into `r`; a `table` row fills `table` instead and returns false.
[[noreturn]] void bad_rule(const Where& at, std::string_view rule, const std::string& why) {
  fail(at, "rule " + quoted(rule) + ": " + why);
}

bool parse_rule(std::string_view s, Rule& r, std::optional<std::pair<int, int>>& table,
                const Where& at) {
  if (s.empty()) fail(at, "rule: must not be empty (" + std::string(kRuleKinds) + ")");
  const auto words = split(s, ' ');
  if (words.size() == 2 && (words[0] == "date" || words[0] == "workday")) {
    r.on = parse_iso_date(words[1]);
    if (!r.on)
      bad_rule(at, s, "expected a valid date YYYY-MM-DD after \"" + std::string(words[0]) + "\"");
    r.kind = words[0] == "date" ? Kind::dated : Kind::workday;
    return true;
  }
  if (words.size() == 2 && words[0] == "table") {
    const auto range = split(words[1], '-');
    std::optional<int> a, b;
    if (range.size() == 2) {
      a = digits(range[0], 4);
      b = digits(range[1], 4);
    }
    if (!a || !b) bad_rule(at, s, "expected \"table YYYY-YYYY\"");
    if (*a < kFirstHolidayYear || *b > kLastHolidayYear || *a > *b)
      bad_rule(at, s,
               "the years must be increasing within " + std::to_string(kFirstHolidayYear) + ".." +
                   std::to_string(kLastHolidayYear));
    table = std::pair{*a, *b};
    return false;
  }
  if (words.size() == 3 && (words[0] == "last" || digits(words[0], 1))) {
    const auto wd = weekday_of(words[1]);
    const auto m = digits(words[2], 2);
    if (!wd) bad_rule(at, s, unknown_weekday(words[1]));
    if (!m || *m < 1 || *m > 12)
      bad_rule(at, s, "expected a two-digit month 01..12, found " + quoted(words[2]));
    r.weekday = *wd;
    r.month = static_cast<unsigned>(*m);
    if (words[0] == "last") {
      r.kind = Kind::last;
    } else {
      r.kind = Kind::nth;
      r.offset = *digits(words[0], 1);
      if (r.offset < 1 || r.offset > 5) bad_rule(at, s, "N must be 1..5");
    }
    return true;
  }
  if (words.size() == 1) {
    if (parse_easter(s, "easter", r)) {
      r.kind = Kind::easter;
      return true;
    }
    if (parse_easter(s, "orthodox", r)) {
      r.kind = Kind::orthodox;
      return true;
    }
    if (s.size() == 10 && (s.substr(3, 2) == ">=" || s.substr(3, 2) == "<=")) {
      const auto wd = weekday_of(s.substr(0, 3));
      if (!wd) bad_rule(at, s, unknown_weekday(s.substr(0, 3)));
      if (!parse_month_day(s.substr(5), r))
        bad_rule(at, s, "expected a valid MM-DD after the weekday");
      r.weekday = *wd;
      r.kind = s[3] == '>' ? Kind::on_or_after : Kind::on_or_before;
      return true;
    }
    if (s.size() == 5 && s[2] == '-') {
      if (!parse_month_day(s, r)) bad_rule(at, s, "not a valid MM-DD date");
      r.kind = Kind::fixed;
      return true;
    }
  }
  bad_rule(at, s, "unknown rule (" + std::string(kRuleKinds) + ")");
}

std::optional<int> parse_year(std::string_view s, const Where& at, std::string_view field) {
  if (s.empty()) return std::nullopt;
  const auto y = digits(s, 4);
  if (!y || *y < kFirstHolidayYear || *y > kLastHolidayYear)
    fail(at, std::string(field) + ": expected a year " + std::to_string(kFirstHolidayYear) + ".." +
                 std::to_string(kLastHolidayYear) + " or nothing, found " + quoted(s));
  return y;
}

Shift parse_shift(std::string_view s, const Where& at) {
  if (s.empty()) return Shift::none;
  if (s == "next") return Shift::next;
  if (s == "nearest") return Shift::nearest;
  if (s == "sun-next") return Shift::sun_next;
  if (s == "sat-prev-sun-next")
    fail(at, "shift: \"sat-prev-sun-next\" is an alias; write \"nearest\"");
  fail(at, "shift: expected nothing, \"next\", \"nearest\" or \"sun-next\", found " + quoted(s) +
               did_you_mean(s, {"next", "nearest", "sun-next"}));
}

void parse_file(const HolidaySource& src, std::map<std::string, CountryRules, std::less<>>& out,
                const std::vector<Country>& countries,
                std::map<std::string, Where, std::less<>>& table_rows) {
  // The one CSV reader (csv::read_data_table) checks the version line, header and row widths.
  const csv::DataTable data = csv::read_data_table(src.text, src.file, kHeader, true);
  for (const csv::Record& row : data.rows) {
    const Where at{src.file, row.line};
    const std::vector<std::string_view> f(row.fields.begin(), row.fields.end());
    const auto code = f[0];
    const auto country = std::find_if(countries.begin(), countries.end(),
                                      [&](const Country& c) { return c.code == code; });
    if (country == countries.end()) {
      std::vector<std::string> codes;
      for (const auto& c : countries) codes.push_back(c.code);
      fail(at, "country: " + quoted(code) + " is not in data/countries.csv" +
                   did_you_mean_code(code, codes));
    }
    if (f[1].empty()) fail(at, "name: must not be empty");
    Rule r;
    r.name = std::string(f[1]);
    std::optional<std::pair<int, int>> table;
    const bool is_rule = parse_rule(f[2], r, table, at);
    const auto from = parse_year(f[3], at, "from");
    const auto to = parse_year(f[4], at, "to");
    r.shift = parse_shift(f[5], at);
    auto& cr = out[std::string(code)];
    cr.code = std::string(code);
    cr.weekend = country->weekend;
    if (!is_rule || r.kind == Kind::dated || r.kind == Kind::workday) {
      if (from || to) fail(at, "from/to: must be empty for a date, workday or table row");
    }
    if (!is_rule || r.kind == Kind::workday) {
      if (r.shift != Shift::none) fail(at, "shift: must be empty for a workday or table row");
    }
    if (!is_rule) {
      if (const auto it = table_rows.find(code); it != table_rows.end())
        fail(at, "country " + quoted(code) + " already has a table row (" +
                     std::string(it->second.file) + ":" + std::to_string(it->second.line) + ")");
      table_rows.emplace(std::string(code), at);
      cr.table_from = table->first;
      cr.table_to = table->second;
      cr.table_name = r.name;
      cr.table_where = std::string(at.file) + ":" + std::to_string(at.line);
      continue;
    }
    r.where = std::string(at.file) + ":" + std::to_string(at.line);
    if (from) r.from = *from;
    if (to) r.to = *to;
    if (from && to && *from > *to)
      fail(at, "from/to: " + std::to_string(*from) + " is after " + std::to_string(*to));
    if (r.kind == Kind::workday && !in_mask(country->weekend, date::weekday{*r.on}))
      fail(at, "rule " + quoted(f[2]) + ": a workday must be one of the country's weekend days");
    cr.rules.push_back(std::move(r));
  }
}

/// Dated rows must lie inside the table range of their country, and need one.
void check_tables(const CountryRules& cr) {
  for (const auto& r : cr.rules) {
    if (r.kind != Kind::dated && r.kind != Kind::workday) continue;
    const int y = year_of(*r.on);
    if (!cr.table_from)
      throw Error(ErrorCode::internal, r.where + ": country " + quoted(cr.code) +
                                           " has date/workday rows but no \"table YYYY-YYYY\" row");
    if (y < *cr.table_from || y > *cr.table_to)
      throw Error(ErrorCode::internal,
                  r.where + ": " + std::to_string(y) + " is outside the table range " +
                      std::to_string(*cr.table_from) + "-" + std::to_string(*cr.table_to) + " of " +
                      quoted(cr.code) + " (" + cr.table_where + ")");
  }
}

std::optional<Date> date_in(const Rule& r, int year) {
  if (year < r.from || year > r.to) return std::nullopt;
  const date::year y{year};
  switch (r.kind) {
  case Kind::fixed: {
    const auto ymd = y / date::month{r.month} / date::day{r.day};
    if (!ymd.ok()) return std::nullopt; // 29 February in a common year
    return Date{ymd};
  }
  case Kind::easter:
    return western_easter(year) + date::days{r.offset};
  case Kind::orthodox:
    return orthodox_easter(year) + date::days{r.offset};
  case Kind::nth: {
    const auto ymw =
        y / date::month{r.month} / date::weekday{r.weekday}[static_cast<unsigned>(r.offset)];
    if (!ymw.ok()) return std::nullopt; // no fifth such weekday this month
    return Date{ymw};
  }
  case Kind::last:
    return Date{y / date::month{r.month} / date::weekday{r.weekday}[date::last]};
  case Kind::on_or_after: {
    const Date d{y / date::month{r.month} / date::day{r.day}};
    return d + (date::weekday{r.weekday} - date::weekday{d});
  }
  case Kind::on_or_before: {
    const Date d{y / date::month{r.month} / date::day{r.day}};
    return d - (date::weekday{d} - date::weekday{r.weekday});
  }
  case Kind::dated:
  case Kind::workday:
    if (year_of(*r.on) != year) return std::nullopt;
    return r.on;
  }
  return std::nullopt;
}

struct Entry {
  Date date;
  std::string name;
  Shift shift = Shift::none;
  bool substitute = false;
  std::string shifted_name; ///< names of the same-day rules that have a substitute practice
};

/// Holidays (with substitute days) of the years `first..last`, plus make-up days; a year's
/// substitute days may come from a holiday of the year before or after, so callers ask one year
/// more on each side than they keep.
void compute(const CountryRules& cr, int first, int last, std::vector<Entry>& days,
             std::vector<Date>& workdays) {
  std::map<Date, Entry> merged;
  for (int y = first; y <= last; ++y) {
    for (const auto& r : cr.rules) {
      const auto d = date_in(r, y);
      if (!d) continue;
      if (r.kind == Kind::workday) {
        workdays.push_back(*d);
        continue;
      }
      auto [it, inserted] = merged.try_emplace(
          *d, Entry{*d, r.name, r.shift, false, r.shift == Shift::none ? "" : r.name});
      if (!inserted) {
        // Two rows of one holiday (e.g. a statutory day and its announced date) keep one name.
        const auto names = split(it->second.name, '/');
        if (std::find(names.begin(), names.end(), r.name) == names.end())
          it->second.name += " / " + r.name;
        // Only the rules with a substitute practice name the substitute day.
        if (r.shift != Shift::none && it->second.shifted_name.find(r.name) == std::string::npos)
          it->second.shifted_name +=
              (it->second.shifted_name.empty() ? "" : " / ") + std::string(r.name);
        if (it->second.shift == Shift::none) it->second.shift = r.shift;
      }
    }
  }
  std::sort(workdays.begin(), workdays.end());
  const auto is_weekend = [&](Date d) {
    return in_mask(cr.weekend, date::weekday{d}) &&
           !std::binary_search(workdays.begin(), workdays.end(), d);
  };
  std::set<Date> taken;
  for (const auto& [d, e] : merged) taken.insert(d);
  const auto free_day = [&](Date d) { return !is_weekend(d) && !taken.contains(d); };
  std::vector<Entry> subs;
  for (const auto& [d, e] : merged) {
    if (e.shift == Shift::none || !is_weekend(d)) continue;
    // Position inside the weekend: the first day has a working day before it, the last one a
    // working day after it (a one-day weekend is both).
    const bool first_day = !is_weekend(d - date::days{1});
    const bool last_day = !is_weekend(d + date::days{1});
    int step = 1;
    if (e.shift == Shift::sun_next && !last_day) continue;
    if (e.shift == Shift::nearest && first_day && !last_day) step = -1;
    // A week without working days (possible in synthetic rules) has no substitute day.
    Date s = d + date::days{step};
    int tries = 0;
    while (!free_day(s) && ++tries < 400) s += date::days{step};
    if (!free_day(s)) continue;
    taken.insert(s);
    subs.push_back(Entry{s, e.shifted_name + " (substitute day)", Shift::none, true, ""});
  }
  for (auto& [d, e] : merged) days.push_back(std::move(e));
  days.insert(days.end(), subs.begin(), subs.end());
  std::sort(days.begin(), days.end(),
            [](const Entry& a, const Entry& b) { return a.date < b.date; });
}

void check_year(int year) {
  if (year < kFirstHolidayYear || year > kLastHolidayYear)
    throw std::out_of_range("holidays: year " + std::to_string(year) + " is outside " +
                            std::to_string(kFirstHolidayYear) + ".." +
                            std::to_string(kLastHolidayYear));
}

const CountryRules* find_country(const HolidayRules::Impl& impl, std::string_view code) {
  const auto it =
      std::lower_bound(impl.countries.begin(), impl.countries.end(), code,
                       [](const CountryRules& c, std::string_view k) { return c.code < k; });
  if (it == impl.countries.end() || it->code != code) return nullptr;
  return &*it;
}

/// The note of an incomplete year, or "" when `year` is complete.
std::string incomplete_note(const CountryRules& cr, int year) {
  if (!cr.table_from || (year >= *cr.table_from && year <= *cr.table_to)) return "";
  const std::string years = *cr.table_from == *cr.table_to ? std::to_string(*cr.table_from)
                                                           : std::to_string(*cr.table_from) + "-" +
                                                                 std::to_string(*cr.table_to);
  return cr.table_name + " are listed for " + years + " only";
}

} // namespace

HolidayRules HolidayRules::parse(const std::vector<HolidaySource>& files,
                                 const std::vector<Country>& countries) {
  std::map<std::string, CountryRules, std::less<>> by_code;
  std::map<std::string, Where, std::less<>> table_rows;
  for (const auto& f : files) parse_file(f, by_code, countries, table_rows);
  auto impl = std::make_shared<Impl>();
  for (auto& [code, cr] : by_code) {
    check_tables(cr);
    impl->countries.push_back(std::move(cr));
  }
  return HolidayRules(std::move(impl));
}

std::vector<std::string> HolidayRules::countries() const {
  std::vector<std::string> out;
  for (const auto& c : impl_->countries)
    if (!c.rules.empty()) out.push_back(c.code);
  return out;
}

std::optional<HolidayYear> HolidayRules::year(std::string_view country, int year) const {
  check_year(year);
  const auto* cr = find_country(*impl_, country);
  if (cr == nullptr || cr->rules.empty()) return std::nullopt;
  std::vector<Entry> days;
  std::vector<Date> workdays;
  compute(*cr, year - 1, year + 1, days, workdays);
  HolidayYear out;
  for (auto& e : days)
    if (year_of(e.date) == year) out.holidays.push_back({e.date, std::move(e.name), e.substitute});
  for (const auto d : workdays)
    if (year_of(d) == year) out.workdays.push_back(d);
  out.note = incomplete_note(*cr, year);
  out.complete = out.note.empty();
  return out;
}

std::optional<CountryCalendar> HolidayRules::calendar(std::string_view country, DateRange range,
                                                      std::vector<Date> extra_closed) const {
  const int first = year_of(range.first);
  const int last = year_of(range.last);
  check_year(first);
  check_year(last);
  if (range.last < range.first) throw std::out_of_range("holidays: the date range is reversed");
  const auto* cr = find_country(*impl_, country);
  if (cr == nullptr || cr->rules.empty()) return std::nullopt;
  std::vector<Entry> days;
  std::vector<Date> workdays;
  compute(*cr, first - 1, last + 1, days, workdays);
  for (const auto& e : days) extra_closed.push_back(e.date);
  CountryCalendar out{BusinessCalendar(cr->weekend, std::move(extra_closed), std::move(workdays)),
                      true, ""};
  for (int y = first; y <= last; ++y) {
    auto note = incomplete_note(*cr, y);
    if (note.empty()) continue;
    out.complete = false;
    out.note = std::to_string(y) + ": " + note;
    break;
  }
  return out;
}

const HolidayRules& default_holiday_rules() {
  static const HolidayRules rules =
      HolidayRules::parse({{"data/holidays_core.csv", data::holidays_core_csv},
                           {"data/holidays_europe.csv", data::holidays_europe_csv},
                           {"data/holidays_americas.csv", data::holidays_americas_csv},
                           {"data/holidays_asia.csv", data::holidays_asia_csv}},
                          network::default_world().countries);
  return rules;
}

std::vector<std::string> holiday_countries() {
  return default_holiday_rules().countries();
}

std::optional<HolidayYear> holidays_in_year(std::string_view country, int year) {
  return default_holiday_rules().year(country, year);
}

std::optional<CountryCalendar> country_calendar(std::string_view country, DateRange range,
                                                std::vector<Date> extra_closed) {
  return default_holiday_rules().calendar(country, range, std::move(extra_closed));
}

} // namespace flyorcall::timez
