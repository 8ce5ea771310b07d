// Nationwide public holidays computed from the rule files data/holidays_*.csv (format in
// docs/holidays.md): fixed dates, Easter offsets, n-th weekdays, dated tables, make-up working
// days and weekend substitute days.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flyorcall/model.hpp"
#include "time/calendar.hpp"

namespace flyorcall::timez {

/// First and last year the holiday rules can be evaluated for.
inline constexpr int kFirstHolidayYear = 2000;
inline constexpr int kLastHolidayYear = 2100;

/// One public holiday (or a substitute day for one).
struct Holiday {
  Date date;               ///< the day off
  std::string name;        ///< English name; same-day holidays joined with " / "
  bool substitute = false; ///< true for a day off given because the holiday fell on a weekend
};

/// The public holidays of one country in one year.
struct HolidayYear {
  std::vector<Holiday> holidays; ///< sorted by date
  std::vector<Date> workdays;    ///< official working weekend days (make-up days), sorted
  bool complete = true;          ///< false when the year is outside the country's `table` range
  std::string note; ///< why incomplete, e.g. "lunar and announced holidays are listed for 2025-2030
                    ///< only"; empty when complete
};

/// A country's business days over a range of dates.
struct CountryCalendar {
  BusinessCalendar calendar; ///< weekend + holidays + extra closed dates, make-up days open
  bool complete = true;      ///< false when any year of the range has an incomplete holiday list
  std::string note;          ///< the first incomplete year's note, prefixed with the year
};

/// Western (Gregorian) Easter Sunday of `year` (valid 1583..4099).
[[nodiscard]] Date western_easter(int year);

/// Orthodox Easter Sunday of `year` (Julian computus), as a Gregorian date (valid 1583..4099).
[[nodiscard]] Date orthodox_easter(int year);

/// One holiday rule file: the name used in messages and its text.
struct HolidaySource {
  std::string_view file; ///< e.g. "data/holidays_core.csv"
  std::string_view text; ///< the whole file
};

/// Parsed, validated holiday rules of a set of countries. Cheap to copy (shared, immutable).
class HolidayRules {
public:
  /// Parses and validates `files` against `countries` (their codes and weekends); throws
  /// Error(ErrorCode::internal) "file:line: what" for any malformed row.
  [[nodiscard]] static HolidayRules parse(const std::vector<HolidaySource>& files,
                                          const std::vector<Country>& countries);
  /// Codes of the countries that have at least one rule, sorted.
  [[nodiscard]] std::vector<std::string> countries() const;
  /// Holidays of `country` in `year`; nullopt for a country without rules. Throws
  /// std::out_of_range for a year outside kFirstHolidayYear..kLastHolidayYear.
  [[nodiscard]] std::optional<HolidayYear> year(std::string_view country, int year) const;
  /// Business days of `country` over `range` (weekend, holidays, make-up days, `extra_closed`);
  /// nullopt for a country without rules. Throws std::out_of_range when `range` leaves the years
  /// kFirstHolidayYear..kLastHolidayYear or is reversed.
  [[nodiscard]] std::optional<CountryCalendar> calendar(std::string_view country, DateRange range,
                                                        std::vector<Date> extra_closed = {}) const;

  struct Impl; ///< parsed rules (defined in holidays.cpp)

private:
  explicit HolidayRules(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

/// The rules of the four embedded files, checked against the embedded countries (parsed once,
/// thread-safe); throws Error(ErrorCode::internal) if an embedded file is malformed.
[[nodiscard]] const HolidayRules& default_holiday_rules();

/// Codes of the countries with embedded holiday rules, sorted.
[[nodiscard]] std::vector<std::string> holiday_countries();

/// Holidays of `country` in `year` (2000..2100) from the embedded rules; nullopt for an unknown
/// country. Throws std::out_of_range for a year outside 2000..2100.
[[nodiscard]] std::optional<HolidayYear> holidays_in_year(std::string_view country, int year);

/// A business calendar for `country` over `range` from the embedded rules: weekend + holidays
/// (+ make-up workdays opened) + `extra_closed`; `complete` false if any year in range is
/// incomplete. nullopt for an unknown country; std::out_of_range outside 2000..2100.
[[nodiscard]] std::optional<CountryCalendar>
country_calendar(std::string_view country, DateRange range, std::vector<Date> extra_closed = {});

} // namespace flyorcall::timez
