// `flyorcall holidays COUNTRY YEAR`: the public holidays of one country in one year, from the
// embedded rule files (docs/holidays.md).
#include <cctype>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "io/holidays_writer.hpp"
#include "model/suggest.hpp"
#include "network/world_data.hpp"
#include "time/holidays.hpp"

namespace flyorcall::cli {
namespace {

struct HolidaysArgs {
  std::string country;
  std::string year;
  bool json = false;
};

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
  throw bad_input("unknown country \"" + given + "\"" + hint +
                  "; give an ISO 3166 code (DE) or an English name (Germany)");
}

int parse_year(const std::string& given) {
  const bool digits = !given.empty() && given.size() <= 4 &&
                      given.find_first_not_of("0123456789") == std::string::npos;
  const int year = digits ? std::stoi(given) : -1;
  if (year < timez::kFirstHolidayYear || year > timez::kLastHolidayYear)
    throw bad_input("year \"" + given + "\": expected a year from " +
                    std::to_string(timez::kFirstHolidayYear) + " to " +
                    std::to_string(timez::kLastHolidayYear));
  return year;
}

std::string weekday(Date d) {
  return std::string(weekday_name(static_cast<int>(date::weekday{d}.c_encoding())));
}

std::string text_view(const Country& country, int year, const timez::HolidayYear& y) {
  std::string out = "Public holidays of " + country.name + " (" + country.code + ") in " +
                    std::to_string(year) + "\n";
  out += "weekend:";
  for (int d = 1; d <= 7; ++d) // Monday first, as people read a week
    if ((country.weekend >> (d % 7)) & 1u) out += " " + std::string(weekday_name(d % 7));
  out += "\n";
  if (!y.complete) out += "warning: incomplete list: " + y.note + "\n";
  for (const auto& h : y.holidays) {
    out += date::format("%F", h.date) + "  " + weekday(h.date) + "  " + h.name;
    if (h.substitute) out += "  [substitute]";
    out += "\n";
  }
  if (y.holidays.empty()) out += "(no public holidays listed)\n";
  if (!y.workdays.empty()) {
    out += "official working weekend days:";
    for (const auto d : y.workdays) out += " " + date::format("%F", d) + " " + weekday(d);
    out += "\n";
  }
  return out;
}

int run(const HolidaysArgs& args, const CommonOptions& opt) {
  const std::string source = "flyorcall holidays";
  try {
    const Country& country = find_country(args.country);
    const int year = parse_year(args.year);
    const auto list = timez::holidays_in_year(country.code, year);
    if (!list)
      throw bad_input("no public-holiday rules for " + country.name + " (" + country.code +
                      ") yet");
    if (args.json)
      print_data(io::holidays_to_json(country, year, *list));
    else
      print_text(text_view(country, year, *list));
    return 0;
  } catch (const Error& e) {
    return report_error(e, source, opt);
  }
}

} // namespace

Command add_holidays_command(CLI::App& app, CommonOptions& opt) {
  auto args = std::make_shared<HolidaysArgs>();
  CLI::App* sub = app.add_subcommand(
      "holidays", "Public holidays of a country in a year (nationwide, with substitute days)");
  sub->add_option("COUNTRY", args->country,
                  "Country: ISO 3166 code (DE) or English name (Germany), any case")
      ->required();
  sub->add_option("YEAR", args->year, "Year, 2000 to 2100")->required();
  sub->add_flag("--json", args->json, "Print JSON");
  add_error_format(sub, opt);
  return Command{sub, [args, &opt] { return run(*args, opt); }};
}

} // namespace flyorcall::cli
