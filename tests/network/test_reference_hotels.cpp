// The hotel-night model against data/reference/hotels.csv: published market hotel rates (CoStar/STR
// average daily rates, hotel associations, statistics offices, business-travel bookings) in network
// cities, none from the US government tables the model prices nights with (data/lodging.csv). The
// test prints the error figures per kind of figure, per region and overall, and the largest ones,
// and fails when they get worse than those recorded below.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/csv.hpp"
#include "network/network.hpp"
#include "network/world_data.hpp"

namespace flyorcall::network {
namespace {

constexpr std::string_view kFile = "data/reference/hotels.csv";
constexpr std::string_view kHeader =
    "city,market,amount,currency,kind,period,source,title,source_date,note";

std::string slurp(std::string_view relative) {
  std::ifstream in(std::string(FLYORCALL_SOURCE_DIR) + "/" + std::string(relative));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

csv::DataTable table() {
  return csv::read_data_table(slurp(kFile), kFile, kHeader);
}

// Field positions of the header.
enum Field { kCity, kMarket, kAmount, kCurrency, kKind, kPeriod, kSource, kTitle, kSourceDate };

const std::set<std::string> kKinds = {"adr-all", "corporate", "adr-luxury"};

/// Units of `currency` per US dollar: the project's reference rates (data/fx.csv), else the
/// official US-dollar peg of the currencies the reference table uses that fx.csv lacks (UAE
/// dirham, Saudi riyal, Qatari riyal, Panamanian balboa).
std::optional<double> per_usd(const std::string& currency) {
  if (const auto per_eur = eur_rate(currency)) return *per_eur / *eur_rate("USD");
  static const std::map<std::string, double> kPegs = {
      {"AED", 3.6725}, {"SAR", 3.75}, {"QAR", 3.64}, {"PAB", 1.0}};
  if (const auto it = kPegs.find(currency); it != kPegs.end()) return it->second;
  return std::nullopt;
}

/// The nights a period covers, first and last inclusive: "2024" (a year), "2024-05" (a month) or
/// "2024-01..2024-09" (months); nullopt when malformed.
std::optional<std::pair<Date, Date>> nights(const std::string& period) {
  static const std::regex kForm(R"((\d{4})(?:-(\d{2}))?(?:\.\.(\d{4})-(\d{2}))?)");
  std::smatch m;
  if (!std::regex_match(period, m, kForm)) return std::nullopt;
  const int y1 = std::stoi(m[1]);
  const unsigned m1 = m[2].matched ? static_cast<unsigned>(std::stoi(m[2])) : 1;
  if (m[3].matched && !m[2].matched) return std::nullopt;
  const int y2 = m[3].matched ? std::stoi(m[3]) : y1;
  const unsigned m2 =
      m[3].matched ? static_cast<unsigned>(std::stoi(m[4])) : (m[2].matched ? m1 : 12);
  const date::year_month first{date::year{y1}, date::month{m1}};
  const date::year_month last{date::year{y2}, date::month{m2}};
  if (!first.ok() || !last.ok() || last < first) return std::nullopt;
  return std::pair{Date{first / 1}, Date{last / date::last}};
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double mean(const std::vector<double>& v) {
  double sum = 0;
  for (const double x : v) sum += x;
  return v.empty() ? 0 : sum / static_cast<double>(v.size());
}

std::vector<double> absolute(std::vector<double> v) {
  for (double& x : v) x = std::abs(x);
  return v;
}

/// One line of error figures: signed errors are model / published - 1.
void print_group(const std::string& name, const std::vector<double>& e) {
  std::printf("hotels, %-37s %2zu rows: median %+6.1f %%, mean %+6.1f %%; absolute: median %5.1f "
              "%%, mean %5.1f %%\n",
              name.c_str(), e.size(), 100 * median(e), 100 * mean(e), 100 * median(absolute(e)),
              100 * mean(absolute(e)));
}

struct Compared {
  double error = 0;     ///< model / published - 1
  double model = 0;     ///< the model's mean night over the period, in the row's currency
  double published = 0; ///< the row's amount
  std::string label;    ///< city, kind, period
};

TEST(ReferenceHotels, HotelNightsAgainstPublishedRates) {
  Input in;
  in.currency = "USD";
  const auto net = Network::build(in);
  std::map<std::string, std::string> region;
  for (const auto& c : default_world().cities) region[c.code] = c.region;
  std::map<std::string, std::vector<double>> by_kind;
  std::map<std::string, std::vector<double>> by_region; // market figures (kinds but adr-luxury)
  std::vector<double> market;                           // adr-all and corporate rows
  std::vector<Compared> rows;
  for (const auto& r : table().rows) {
    const auto& f = r.fields;
    const auto city = net.find(f[kCity]);
    const auto rate = per_usd(f[kCurrency]);
    const auto span = nights(f[kPeriod]);
    ASSERT_TRUE(city && rate && span) << kFile << ":" << r.line;
    // The model as a plan prices a stay: the city's night on each date, here averaged over the
    // nights of the period the figure covers (the lodging table's seasons apply).
    double sum = 0;
    int count = 0;
    for (Date d = span->first; d <= span->second; d += date::days{1}, ++count)
      sum += to_units(net.hotel_night(*city, d));
    const double model = sum / count * *rate;
    const double published = std::stod(f[kAmount]);
    const double e = model / published - 1.0;
    by_kind[f[kKind]].push_back(e);
    if (f[kKind] != "adr-luxury") {
      market.push_back(e);
      by_region[region[f[kCity]]].push_back(e);
    }
    rows.push_back({e, model, published, f[kCity] + " " + f[kKind] + " " + f[kPeriod]});
  }
  for (const auto& [kind, e] : by_kind) print_group("kind " + kind, e);
  for (const auto& [name, e] : by_region) print_group("region " + name + " (market)", e);
  print_group("market (adr-all+corporate)", market);
  std::vector<double> all;
  for (const auto& c : rows) all.push_back(c.error);
  print_group("all rows", all);
  std::sort(rows.begin(), rows.end(), [](const Compared& a, const Compared& b) {
    return std::abs(a.error) > std::abs(b.error);
  });
  std::printf("hotels, the 10 largest errors (model vs published, in the row's currency):\n");
  for (std::size_t k = 0; k < std::min<std::size_t>(10, rows.size()); ++k)
    std::printf("  %+6.1f %%  %-32s model %10.2f  published %10.2f\n", 100 * rows[k].error,
                rows[k].label.c_str(), rows[k].model, rows[k].published);

  // When the table was written (51 rows, 44 cities) the test printed: adr-all (42 rows) median
  // +75.9 %, mean +83.4 %, absolute median 75.9 %, mean 85.5 %; corporate (5) median +250.0 %;
  // adr-luxury (4) median +0.1 %; market rows (adr-all and corporate, 47) absolute median 78.6 %,
  // mean 95.3 %; largest +308.9 % (Brasilia, corporate). The model prices a night at the US
  // government lodging ceiling, which lies above the all-hotel average rate almost everywhere
  // (close to the luxury-class rate), so these bounds record the gap rather than certify a fit:
  // each is the figure above plus about a tenth, room for corrections of single rows, while a
  // model change that moves nights further from the market fails. A calibration of the nights
  // towards market rates should tighten them.
  EXPECT_GE(market.size(), 40u);
  EXPECT_GE(by_region.size(), 7u);
  EXPECT_LE(median(absolute(by_kind["adr-all"])), 0.85);
  EXPECT_LE(mean(absolute(by_kind["adr-all"])), 0.95);
  EXPECT_LE(median(absolute(by_kind["corporate"])), 2.75);
  EXPECT_LE(median(absolute(market)), 0.88);
  EXPECT_LE(mean(absolute(market)), 1.05);
  EXPECT_LE(std::abs(rows.front().error), 3.4);
}

TEST(ReferenceHotels, EveryRowIsANetworkCityWithSourceAndDate) {
  std::set<std::string> codes;
  std::map<std::string, std::string> region;
  for (const auto& c : default_world().cities) {
    codes.insert(c.code);
    region[c.code] = c.region;
  }
  static const std::regex kDate(R"(~?\d{4}(-\d{2}(-\d{2})?)?)");
  std::set<std::string> cities;
  std::set<std::string> regions;
  const auto t = table();
  for (const auto& r : t.rows) {
    const auto& f = r.fields;
    const std::string where =
        std::string(kFile) + ":" + std::to_string(r.line) + " (" + f[kCity] + ")";
    EXPECT_TRUE(codes.contains(f[kCity])) << where << ": not a network city";
    EXPECT_TRUE(f[kSource].starts_with("https://") || f[kSource].starts_with("http://"))
        << where << ": source is not a URL: \"" << f[kSource] << "\"";
    EXPECT_FALSE(f[kTitle].empty()) << where << ": no title";
    EXPECT_TRUE(std::regex_match(f[kSourceDate], kDate))
        << where << ": source_date \"" << f[kSourceDate] << "\" is not [~]YYYY[-MM[-DD]]";
    EXPECT_FALSE(f[kMarket].empty()) << where << ": no market";
    EXPECT_TRUE(kKinds.contains(f[kKind])) << where << ": unknown kind \"" << f[kKind] << "\"";
    EXPECT_TRUE(per_usd(f[kCurrency]).has_value())
        << where << ": no reference rate or peg for \"" << f[kCurrency] << "\"";
    EXPECT_TRUE(nights(f[kPeriod]).has_value()) << where << ": period \"" << f[kPeriod] << "\"";
    double amount = 0;
    try {
      amount = std::stod(f[kAmount]);
    } catch (const std::exception&) {
    }
    EXPECT_GT(amount, 0) << where << ": amount \"" << f[kAmount] << "\"";
    cities.insert(f[kCity]);
    regions.insert(region[f[kCity]]);
  }
  std::printf("hotels reference: %zu rows, %zu cities, %zu regions\n", t.rows.size(), cities.size(),
              regions.size());
  EXPECT_GE(cities.size(), 40u);
  for (const char* r : {"europe", "north_america", "latin_america", "middle_east", "africa",
                        "oceania", "east_asia", "southeast_asia"})
    EXPECT_TRUE(regions.contains(r)) << "no reference row in region " << r;
}

} // namespace
} // namespace flyorcall::network
