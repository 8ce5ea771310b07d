// `flyorcall holidays COUNTRY YEAR`: the public holidays of one country in one year, from the
// embedded rule files (docs/holidays.md).
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "flyorcall/holidays.hpp"

namespace flyorcall::cli {
namespace {

struct HolidaysArgs {
  std::string country;
  std::string year;
  bool json = false;
};

int run(const HolidaysArgs& args, const CommonOptions& opt) {
  const std::string source = "flyorcall holidays";
  try {
    const HolidaysResult result = public_holidays({args.country, args.year});
    if (args.json)
      print_data(holidays_json(result));
    else
      print_text(holidays_text(result));
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
