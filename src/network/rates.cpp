// The embedded hotel and per-diem tables (rates.hpp).
#include "network/rates.hpp"

#include <charconv>
#include <cmath>

#include "flyorcall/errors.hpp"
#include "model/csv.hpp"
#include "model/embedded_data.hpp"

namespace flyorcall::network {
namespace {

constexpr std::string_view kLodgingFile = "data/lodging.csv";
constexpr std::string_view kBmfFile = "data/allowances_bmf.csv";

[[noreturn]] void fail(std::string_view file, std::size_t line, const std::string& what) {
  throw Error(ErrorCode::internal, std::string(file) + ":" + std::to_string(line) + ": " + what);
}

double amount(const std::string& s, std::string_view file, std::size_t line) {
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !(v > 0) || v > 1e5)
    fail(file, line, "expected an amount above 0, found \"" + s + "\"");
  return v;
}

/// "MM-DD" as month x 100 + day, checked against the days of a leap year.
unsigned month_day(std::string_view s, std::size_t line) {
  constexpr unsigned kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (s.size() != 5 || s[2] != '-') fail(kLodgingFile, line, "season: expected MM-DD..MM-DD");
  const unsigned m = static_cast<unsigned>((s[0] - '0') * 10 + (s[1] - '0'));
  const unsigned d = static_cast<unsigned>((s[3] - '0') * 10 + (s[4] - '0'));
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) fail(kLodgingFile, line, "season: no such day");
  return m * 100 + d;
}

bool in_season(const LodgingSeason& s, unsigned md) {
  return s.first <= s.last ? (s.first <= md && md <= s.last) : (md >= s.first || md <= s.last);
}

} // namespace

std::map<std::string, CityRates, std::less<>> parse_rates(std::string_view lodging_csv,
                                                          std::string_view bmf_csv) {
  std::map<std::string, CityRates, std::less<>> out;
  const auto lodging = csv::read_data_table(
      lodging_csv, kLodgingFile, "city,table,season,lodging_usd,mie_usd,effective,location");
  for (const auto& r : lodging.rows) {
    const auto& f = r.fields;
    if (f[1] != "us-state" && f[1] != "us-gsa" && f[1] != "us-dod")
      fail(kLodgingFile, r.line, "table: expected us-state, us-gsa or us-dod");
    const auto dots = f[2].find("..");
    if (dots == std::string::npos) fail(kLodgingFile, r.line, "season: expected MM-DD..MM-DD");
    LodgingSeason s;
    s.first = month_day(std::string_view(f[2]).substr(0, dots), r.line);
    s.last = month_day(std::string_view(f[2]).substr(dots + 2), r.line);
    s.lodging_usd = amount(f[3], kLodgingFile, r.line);
    s.mie_usd = amount(f[4], kLodgingFile, r.line);
    s.table = f[1];
    out[f[0]].seasons.push_back(s);
  }
  // Every day of a leap year in exactly one season of each city.
  for (const auto& [city, rates] : out) {
    constexpr unsigned kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (unsigned m = 1; m <= 12; ++m)
      for (unsigned d = 1; d <= kDays[m - 1]; ++d) {
        int n = 0;
        for (const auto& s : rates.seasons) n += in_season(s, m * 100 + d) ? 1 : 0;
        if (n != 1)
          fail(kLodgingFile, 1,
               city + ": " + std::to_string(m) + "/" + std::to_string(d) + " is in " +
                   std::to_string(n) + " seasons, not one");
      }
  }
  const auto bmf = csv::read_data_table(bmf_csv, kBmfFile,
                                        "city,per_diem_24h_eur,per_diem_partial_eur,location");
  for (const auto& r : bmf.rows) {
    const auto it = out.find(r.fields[0]);
    if (it == out.end())
      fail(kBmfFile, r.line, "city " + r.fields[0] + " has no row in data/lodging.csv");
    it->second.bmf_full_eur = amount(r.fields[1], kBmfFile, r.line);
    it->second.bmf_partial_eur = amount(r.fields[2], kBmfFile, r.line);
  }
  for (const auto& [city, rates] : out)
    if (rates.bmf_full_eur == 0)
      throw Error(ErrorCode::internal,
                  std::string(kBmfFile) + ": no row for " + city + ", which data/lodging.csv has");
  return out;
}

const std::map<std::string, CityRates, std::less<>>& default_rates() {
  static const auto rates = parse_rates(data::lodging_csv, data::allowances_bmf_csv);
  return rates;
}

const LodgingSeason& season_on(const CityRates& rates, Date day) {
  const date::year_month_day ymd{day};
  const unsigned md = static_cast<unsigned>(ymd.month()) * 100 + static_cast<unsigned>(ymd.day());
  for (const auto& s : rates.seasons)
    if (in_season(s, md)) return s;
  return rates.seasons.front(); // unreachable: parse_rates checks the seasons cover the year
}

std::string lodging_source() {
  return "US State Department foreign per diem lodging rates of 1 April 2026, US GSA CONUS rates "
         "FY2026 and the DoD rate for Honolulu (data/lodging.csv)";
}

std::string allowance_source(AllowanceTable table) {
  switch (table) {
  case AllowanceTable::bmf:
    return "German BMF per diems 2026 (letter of 5 December 2025)";
  case AllowanceTable::us_gsa_state:
    return "US GSA FY2026 and State Department (1 April 2026) M&IE, first and last day at 75%";
  case AllowanceTable::home:
    break;
  }
  return "by home country";
}

} // namespace flyorcall::network
