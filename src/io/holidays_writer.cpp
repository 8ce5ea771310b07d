#include "io/holidays_writer.hpp"

#include <nlohmann/json.hpp>

namespace flyorcall::io {
namespace {

using json = nlohmann::ordered_json;

std::string iso(Date d) {
  return date::format("%F", d);
}

std::string weekday(Date d) {
  return std::string(weekday_name(static_cast<int>(date::weekday{d}.c_encoding())));
}

} // namespace

std::string holidays_to_json(const Country& country, int year, const timez::HolidayYear& holidays) {
  json out;
  out["country"] = country.code;
  out["name"] = country.name;
  out["year"] = year;
  json weekend = json::array();
  for (int d = 1; d <= 7; ++d) { // Monday first, as people read a week
    const int c = d % 7;
    if ((country.weekend >> c) & 1u) weekend.push_back(weekday_name(c));
  }
  out["weekend"] = std::move(weekend);
  out["complete"] = holidays.complete;
  out["note"] = holidays.note;
  json list = json::array();
  for (const auto& h : holidays.holidays)
    list.push_back({{"date", iso(h.date)},
                    {"weekday", weekday(h.date)},
                    {"name", h.name},
                    {"substitute", h.substitute}});
  out["holidays"] = std::move(list);
  json workdays = json::array();
  for (const auto d : holidays.workdays) workdays.push_back(iso(d));
  out["workdays"] = std::move(workdays);
  return out.dump(2) + "\n";
}

} // namespace flyorcall::io
