// UK DESNZ 2025 greenhouse-gas conversion factors for business travel by air (kg CO2e per
// passenger-km), sheet "Business travel- air", with and without radiative forcing (RF).
#include "network/emissions.hpp"

#include <algorithm>
#include <optional>

namespace flyorcall::network {
namespace {

struct Row {
  std::optional<double> average;
  std::array<std::optional<double>, kCabinCount> cabin; // economy, premium, business, first
};

// As published (rows 23-36), RF then no RF; empty where DESNZ publishes no row.
constexpr std::array<Row, 4> kWithRf{{
    {0.22928, {std::nullopt, std::nullopt, std::nullopt, std::nullopt}},
    {0.12786, {0.12576, std::nullopt, 0.18863, std::nullopt}},
    {0.15282, {0.11704, 0.18726, 0.33940, 0.46814}},
    {0.14253, {0.10916, 0.17465, 0.31656, 0.43663}},
}};
constexpr std::array<Row, 4> kWithoutRf{{
    {0.13552, {std::nullopt, std::nullopt, std::nullopt, std::nullopt}},
    {0.07559, {0.07435, std::nullopt, 0.11152, std::nullopt}},
    {0.09043, {0.06926, 0.11081, 0.20083, 0.27701}},
    {0.08420, {0.06449, 0.10318, 0.18701, 0.25794}},
}};

// Countries on the UK's short-haul list (methodology 2025 §8.10): Europe including Turkey,
// Gibraltar, Greenland and the Channel Islands but not Ukraine and Moldova, and North Africa
// (Algeria, Egypt, Libya, Morocco, Tunisia). Sorted for binary search.
constexpr std::array<std::string_view, 50> kUkShortHaul{
    "AD", "AL", "AT", "BA", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK", "DZ",
    "EE", "EG", "EH", "ES", "FI", "FO", "FR", "GI", "GL", "GR", "HR", "HU", "IE",
    "IS", "IT", "LI", "LT", "LU", "LV", "LY", "MA", "MC", "ME", "MK", "MT", "NL",
    "NO", "PL", "PT", "RO", "RS", "SE", "SI", "SK", "SM", "TN", "TR"};
// The UK for DESNZ's domestic category: Great Britain and Northern Ireland, Guernsey, Jersey and
// the Isle of Man (not Gibraltar).
constexpr std::array<std::string_view, 4> kUk{"GB", "GG", "IM", "JE"};

bool in(const auto& list, std::string_view code) {
  return std::binary_search(list.begin(), list.end(), code);
}

} // namespace

FlightCategory flight_category(std::string_view from_country, std::string_view to_country) {
  const bool a = in(kUk, from_country);
  const bool b = in(kUk, to_country);
  if (a && b) return FlightCategory::domestic_uk;
  if (!a && !b) return FlightCategory::international;
  return in(kUkShortHaul, a ? to_country : from_country) ? FlightCategory::short_haul_uk
                                                         : FlightCategory::long_haul_uk;
}

std::optional<double> published_factor(FlightCategory category, std::optional<Cabin> cabin,
                                       bool radiative_forcing) {
  const Row& row = (radiative_forcing ? kWithRf : kWithoutRf)[static_cast<std::size_t>(category)];
  return cabin ? row.cabin[static_cast<std::size_t>(*cabin)] : row.average;
}

double kg_per_pkm(FlightCategory category, Cabin cabin, bool radiative_forcing) {
  if (const auto f = published_factor(category, cabin, radiative_forcing)) return *f;
  if (category == FlightCategory::domestic_uk)
    return *published_factor(category, std::nullopt, radiative_forcing);
  // Short-haul premium economy and first: the short-haul business seat is the closest published.
  return *published_factor(category, Cabin::business, radiative_forcing);
}

GramsCo2 leg_co2(double km, FlightCategory category, Cabin cabin, bool radiative_forcing) {
  return co2_from_kg(km * kg_per_pkm(category, cabin, radiative_forcing));
}

} // namespace flyorcall::network
