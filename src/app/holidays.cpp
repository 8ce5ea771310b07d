// The holidays verb of the library (include/flyorcall/holidays.hpp).
#include "flyorcall/holidays.hpp"

#include <cctype>

#include "flyorcall/errors.hpp"
#include "io/holidays_writer.hpp"
#include "model/suggest.hpp"
#include "network/world_data.hpp"
#include "time/holidays.hpp"

namespace flyorcall {
namespace {

InputError bad(const std::string& message) {
  return InputError(std::vector<Problem>{Problem{"", message}});
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

/// The country given by ISO code or English name, in any case.
const Country& find_country(const std::string& given) {
  const auto& countries = network::default_world().countries;
  const std::string key = upper(given);
  for (const auto& c : countries)
    if (c.code == key || upper(c.name) == key) return c;
  std::vector<std::string> codes;
  std::vector<std::string> names;
  for (const auto& c : countries) {
    codes.push_back(c.code);
    names.push_back(c.name);
  }
  std::string hint = did_you_mean_code_of(given, names, codes);
  if (hint.empty()) hint = did_you_mean(key, codes);
  throw bad("unknown country \"" + given + "\"" + hint +
            "; give an ISO 3166 code (DE) or an English name (Germany)");
}

int parse_year(const std::string& given) {
  const bool digits = !given.empty() && given.size() <= 4 &&
                      given.find_first_not_of("0123456789") == std::string::npos;
  const int year = digits ? std::stoi(given) : -1;
  if (year < timez::kFirstHolidayYear || year > timez::kLastHolidayYear)
    throw bad("year \"" + given + "\": expected a year from " +
              std::to_string(timez::kFirstHolidayYear) + " to " +
              std::to_string(timez::kLastHolidayYear));
  return year;
}

std::string weekday(Date d) {
  return std::string(weekday_name(static_cast<int>(date::weekday{d}.c_encoding())));
}

} // namespace

HolidaysResult public_holidays(const HolidaysRequest& request) {
  const Country& country = find_country(request.country);
  const int year = parse_year(request.year);
  const auto list = timez::holidays_in_year(country.code, year);
  if (!list)
    throw bad("no public-holiday rules for " + country.name + " (" + country.code + ") yet");
  HolidaysResult r;
  r.country = country;
  r.year = year;
  for (const auto& h : list->holidays) r.holidays.push_back({h.date, h.name, h.substitute});
  r.workdays = list->workdays;
  r.complete = list->complete;
  r.note = list->note;
  return r;
}

std::string holidays_text(const HolidaysResult& r) {
  std::string out = "Public holidays of " + r.country.name + " (" + r.country.code + ") in " +
                    std::to_string(r.year) + "\n";
  out += "weekend:";
  for (int d = 1; d <= 7; ++d) // Monday first, as people read a week
    if ((r.country.weekend >> (d % 7)) & 1u) out += " " + std::string(weekday_name(d % 7));
  out += "\n";
  if (!r.complete) out += "warning: incomplete list: " + r.note + "\n";
  for (const auto& h : r.holidays) {
    out += date::format("%F", h.date) + "  " + weekday(h.date) + "  " + h.name;
    if (h.substitute) out += "  [substitute]";
    out += "\n";
  }
  if (r.holidays.empty()) out += "(no public holidays listed)\n";
  if (!r.workdays.empty()) {
    out += "official working weekend days:";
    for (const auto d : r.workdays) out += " " + date::format("%F", d) + " " + weekday(d);
    out += "\n";
  }
  return out;
}

std::string holidays_json(const HolidaysResult& r) {
  timez::HolidayYear year;
  for (const auto& h : r.holidays) year.holidays.push_back({h.date, h.name, h.substitute});
  year.workdays = r.workdays;
  year.complete = r.complete;
  year.note = r.note;
  return io::holidays_to_json(r.country, r.year, year);
}

} // namespace flyorcall
