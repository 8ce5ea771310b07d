// The library calls of route, network, holidays, calls, compare and batch
// (include/flyorcall/{route,network,holidays,calls,compare,batch}.hpp): each gives the same bytes
// as the command that prints it, and reports bad requests as InputError.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli_run.hpp"
#include "flyorcall/batch.hpp"
#include "flyorcall/calls.hpp"
#include "flyorcall/compare.hpp"
#include "flyorcall/holidays.hpp"
#include "flyorcall/network.hpp"
#include "flyorcall/route.hpp"

namespace fs = std::filesystem;
namespace fyc = flyorcall;
using flyorcall::clitest::CliRun;
using flyorcall::clitest::lines_of;
using flyorcall::clitest::run_cli;
using flyorcall::clitest::slurp;
using flyorcall::clitest::spit;

namespace {

const fs::path kSource = FLYORCALL_SOURCE_DIR;

std::string example(const std::string& name) {
  return slurp(kSource / "data/examples" / name);
}

fyc::FlightNetwork default_network(const std::string& currency = "EUR") {
  fyc::NetworkScope scope;
  scope.defaults = fyc::default_network_input(currency);
  return fyc::build_network(scope);
}

} // namespace

TEST(AppHolidays, TextAndJsonAreWhatTheCommandPrints) {
  const fyc::HolidaysResult r = fyc::public_holidays({"germany", "2027"});
  EXPECT_EQ(r.country.code, "DE");
  EXPECT_EQ(r.year, 2027);
  ASSERT_FALSE(r.holidays.empty());
  EXPECT_EQ(r.holidays.front().date, fyc::Date{date::year{2027} / 1 / 1});
  const CliRun text = run_cli("holidays DE 2027");
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_EQ(fyc::holidays_text(r), text.out);
  const CliRun json = run_cli("holidays DE 2027 --json");
  ASSERT_EQ(json.code, 0) << json.err;
  EXPECT_EQ(fyc::holidays_json(r), json.out);
}

TEST(AppHolidays, UnknownCountryAndYearAreInputErrors) {
  EXPECT_THROW((void)fyc::public_holidays({"Atlantis", "2027"}), fyc::InputError);
  EXPECT_THROW((void)fyc::public_holidays({"DE", "1999"}), fyc::InputError);
  EXPECT_THROW((void)fyc::public_holidays({"DE", "20x7"}), fyc::InputError);
}

TEST(AppRoute, JsonIsTheGoldenRouteAndTextTheCommandsOutput) {
  const fyc::FlightNetwork net = default_network();
  const fyc::RouteResult r = fyc::find_route(net, {"FRA", "SIN", ""});
  EXPECT_TRUE(r.reachable);
  EXPECT_FALSE(r.legs.empty());
  EXPECT_EQ(r.legs.front().from, "FRA");
  EXPECT_EQ(r.legs.back().to, "SIN");
  EXPECT_EQ(fyc::route_exit_code(r), 0);
  EXPECT_EQ(r.json, slurp(kSource / "tests/cli/golden/route.FRA-SIN.json"));
  const CliRun text = run_cli("route FRA SIN");
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_EQ(fyc::route_text(r), text.out);
}

TEST(AppRoute, SameCityPlacesByNameAndUnknownPlaces) {
  const fyc::FlightNetwork net = default_network("USD");
  EXPECT_EQ(net.currency(), "USD");
  const fyc::RouteResult same = fyc::find_route(net, {"fra", "Frankfurt", "business"});
  EXPECT_TRUE(same.same_city);
  EXPECT_FALSE(same.reachable);
  EXPECT_EQ(fyc::route_exit_code(same), 0);
  EXPECT_NE(fyc::route_text(same).find("same city: no flight"), std::string::npos);
  EXPECT_THROW((void)fyc::find_route(net, {"XYZQ", "SIN", ""}), fyc::InputError);
  EXPECT_THROW((void)fyc::find_route(net, {"FRA", "SIN", "first class"}), fyc::InputError);
  EXPECT_THROW((void)fyc::default_network_input("EUX"), fyc::InputError);
  EXPECT_THROW((void)fyc::parse_network_day("2027-02-30"), fyc::InputError);
}

TEST(AppNetwork, ListingOfAnInputOnADayIsWhatTheCommandPrints) {
  fyc::NetworkScope scope;
  scope.input = fyc::read_input(example("small.json"));
  scope.day = fyc::parse_network_day("2027-03-10");
  const fyc::FlightNetwork net = fyc::build_network(scope);
  const fyc::NetworkListing listing = fyc::list_network(net);
  EXPECT_FALSE(listing.cities.empty());
  EXPECT_GT(listing.legs, 0u);
  const std::string args =
      "network --input '" + (kSource / "data/examples/small.json").string() + "' --date 2027-03-10";
  const CliRun text = run_cli(args);
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_EQ(fyc::network_text(listing), text.out);
  const CliRun json = run_cli(args + " --json");
  ASSERT_EQ(json.code, 0) << json.err;
  EXPECT_EQ(fyc::network_json(net), json.out);
}

TEST(AppCalls, WeeklySlotsAreWhatTheCommandPrints) {
  fyc::CallsRequest req;
  req.participants = {"client:Asia/Tokyo@09:00-18:00*3", "me:Europe/Berlin#DE"};
  req.from = "2027-03-01";
  req.to = "2027-04-15";
  req.weekly = true;
  const fyc::CallsResult r = fyc::find_call_slots(req);
  EXPECT_EQ(r.names, (std::vector<std::string>{"client", "me"}));
  ASSERT_FALSE(r.weekly.empty());
  EXPECT_TRUE(r.starts.empty());
  const std::string args = "calls -p 'client:Asia/Tokyo@09:00-18:00*3' -p 'me:Europe/Berlin#DE' "
                           "--from 2027-03-01 --to 2027-04-15 --weekly";
  const CliRun text = run_cli(args);
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_EQ(r.text, text.out);
  const CliRun json = run_cli(args + " --json");
  ASSERT_EQ(json.code, 0) << json.err;
  EXPECT_EQ(r.json, json.out);
}

TEST(AppCalls, EveryBadArgumentIsOneProblem) {
  fyc::CallsRequest req;
  req.participants = {"a:Europe/Berlin", "a:Asia/Tokyo"};
  req.from = "2027-03-10";
  req.to = "2027-03-01";
  req.duration = 0;
  try {
    (void)fyc::find_call_slots(req);
    FAIL() << "expected InputError";
  } catch (const fyc::InputError& e) {
    EXPECT_EQ(e.problems().size(), 2u); // --to before --from, --duration 0
  }
}

TEST(AppBatch, StreamEqualsTheCommandAndOneLineEqualsItsLineInTheBatch) {
  const fs::path dir = flyorcall::clitest::make_test_dir("app-batch");
  // Three documents, one broken, as JSON Lines.
  std::string small = example("small.json");
  std::string two = example("two-travellers.json");
  const auto one_line = [](std::string s) {
    std::string out;
    for (char c : s)
      if (c != '\n' && c != '\r') out += c;
    return out;
  };
  const std::string jsonl =
      one_line(small) + "\n\n" + one_line(two) + "\n{\"clients\": 3}\n" + one_line(small) + "\n";
  spit(dir / "in.jsonl", jsonl);
  const CliRun cli = run_cli("batch --jsonl in.jsonl --method greedy --jobs 2", dir);
  EXPECT_EQ(cli.code, 2) << cli.err;

  const std::vector<fyc::BatchItem> items = fyc::jsonl_items(jsonl, "in.jsonl");
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[1].line, 3u); // the blank line 2 is skipped
  fyc::BatchOptions options;
  options.method = fyc::PlanMethod::greedy;
  for (unsigned jobs : {1u, 2u}) {
    options.jobs = jobs;
    std::string stream;
    std::size_t last_done = 0;
    const int code = fyc::plan_batch(
        items, options, [&](std::string_view line) { stream += line; },
        [&](std::size_t done) { last_done = done; });
    EXPECT_EQ(code, 2);
    EXPECT_EQ(last_done, items.size());
    EXPECT_EQ(stream, cli.out) << "jobs " << jobs;
  }
  const std::vector<std::string> lines = lines_of(cli.out);
  ASSERT_EQ(lines.size(), 4u);
  for (std::size_t i : {std::size_t{1}, std::size_t{2}}) {
    const fyc::BatchLine line = fyc::batch_line(items[i], i, options);
    EXPECT_EQ(line.text, lines[i]);
    EXPECT_EQ(line.code, i == 2 ? 2 : 0);
  }
  fs::remove_all(dir);
}

TEST(AppCompare, JsonEqualsTheCommandsAndBadScenariosAreListed) {
  const fs::path base = kSource / "data/examples/small.json";
  const CliRun cli = run_cli("compare '" + base.string() +
                             "' --set /policy/carbon_price_per_t=200 --sweep "
                             "/policy/carbon_price_per_t=0:100:50 --method greedy --format json");
  ASSERT_EQ(cli.code, 0) << cli.err;
  fyc::CompareRequest req;
  req.base_name = base.string();
  req.base_text = slurp(base);
  req.sets = {"/policy/carbon_price_per_t=200"};
  req.sweep = "/policy/carbon_price_per_t=0:100:50";
  req.method = fyc::PlanMethod::greedy;
  req.format = "json";
  std::string source;
  const fyc::CompareResult r = fyc::compare_scenarios(req, source);
  EXPECT_TRUE(r.rejected.empty());
  ASSERT_EQ(r.scenarios.size(), 4u);
  EXPECT_EQ(r.scenarios.front().name, "/policy/carbon_price_per_t=200");
  ASSERT_TRUE(r.scenarios.back().sweep_value.has_value());
  EXPECT_EQ(*r.scenarios.back().sweep_value, 100.0);
  EXPECT_EQ(r.text, cli.out);

  req.sets = {"/clients/0/city=\"XYZQ\""};
  req.sweep.clear();
  const fyc::CompareResult bad = fyc::compare_scenarios(req, source);
  ASSERT_EQ(bad.rejected.size(), 1u);
  EXPECT_EQ(bad.rejected.front().scenario, "/clients/0/city=\"XYZQ\"");
  EXPECT_EQ(bad.rejected.front().problems.front().pointer, "/clients/0/city");
  EXPECT_TRUE(bad.text.empty());

  req.sets.clear();
  EXPECT_THROW((void)fyc::compare_scenarios(req, source), fyc::InputError);
  EXPECT_EQ(source, "flyorcall compare");
}
