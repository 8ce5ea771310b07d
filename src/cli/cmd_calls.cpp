// `flyorcall calls`: remote-meeting slots for participants in several time zones — the best
// dated starts of a date range, the best recurring weekly slot with its daylight-saving shifts,
// and a fair rotation of a weekly series (docs/calls.md).
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "flyorcall/calls.hpp"

namespace flyorcall::cli {
namespace {

struct CallsArgs {
  CallsRequest request;
  bool json = false;
};

int run(const CallsArgs& a, const CommonOptions& opt) {
  const std::string source = "flyorcall calls";
  try {
    const CallsResult result = find_call_slots(a.request);
    if (a.json)
      print_data(result.json);
    else
      print_text(result.text);
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
  sub->add_option("-p,--participant", args->request.participants,
                  "NAME:ZONE[#CC][@HOURS][*WEIGHT]; repeat for each participant")
      ->required();
  sub->add_option("--from", args->request.from,
                  "First date (YYYY-MM-DD), in the first participant's zone")
      ->required();
  sub->add_option("--to", args->request.to, "Last date (YYYY-MM-DD), inclusive")->required();
  sub->add_option("--duration", args->request.duration, "Call length in minutes (1 to 720)")
      ->default_val(60);
  sub->add_option("--grid", args->request.grid, "Start every N minutes (divides a day)")
      ->default_val(15);
  sub->add_flag("--weekly", args->request.weekly,
                "Best recurring weekly slots, with the dates a DST change moves someone");
  sub->add_flag("--rotate", args->request.rotate,
                "Rotate a weekly series among the best slots to share the off-hours fairly");
  sub->add_option("--top", args->request.top, "How many starts or weekly slots to list (1 to 100)")
      ->default_val(5);
  sub->add_option("--options", args->request.options,
                  "How many slots --rotate rotates among (1 to 8)")
      ->default_val(3);
  sub->add_option("--far-weight", args->request.far_weight,
                  "How many times an off-hours minute counts more than 2 hours from the working "
                  "day (1 to 100; policy.offhours_weight.far)")
      ->default_val(Policy{}.offhours_far_factor);
  sub->add_option("--night-weight", args->request.night_weight,
                  "How many times an off-hours minute between 00:00 and 06:00 local counts (1 to "
                  "100; policy.offhours_weight.night)")
      ->default_val(Policy{}.offhours_night_factor);
  sub->add_flag("--json", args->json, "Print JSON");
  add_error_format(sub, opt);
  return Command{sub, [args, &opt] { return run(*args, opt); }};
}

} // namespace flyorcall::cli
