// A synthetic planning input of any size on the default network, for the scaling benchmark and
// the tests that need a large input: clients spread over the network's cities, travellers from a
// few offices, one quarter. Deterministic for its arguments.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "flyorcall/flyorcall.hpp"
#include "model/embedded_data.hpp"
#include "optimize/core/deadline.hpp"

namespace flyorcall::synthetic {

/// The city codes of the embedded default network, in file order.
inline std::vector<std::string> default_city_codes() {
  std::vector<std::string> codes;
  const std::string_view csv = data::cities_csv;
  std::size_t pos = 0;
  while (pos < csv.size()) {
    std::size_t end = csv.find('\n', pos);
    if (end == std::string_view::npos) end = csv.size();
    const std::string_view line = csv.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line.front() == '#' || line.starts_with("code,")) continue;
    codes.emplace_back(line.substr(0, line.find(',')));
  }
  return codes;
}

/// What a synthetic input looks like.
struct SyntheticOptions {
  std::size_t clients = 25;
  std::size_t travellers = 5;
  double time_limit_s = 5.0;
  std::uint64_t seed = 1; ///< draws client cities, revenues and months since the last visit
  /// The 366 days of 2028 (the longest horizon the reader accepts) instead of 2027-Q1.
  bool longest_horizon = false;
  /// Every traveller from a different city with its own working hours (so no two share call
  /// slots), instead of five offices alike.
  bool varied_travellers = false;
};

/// The input JSON `o` describes, on the default network.
inline std::string synthetic_input_json(const SyntheticOptions& o) {
  static const std::vector<std::string> homes = {"FRA", "LON", "PAR", "NYC", "SIN"};
  const std::vector<std::string> cities = default_city_codes();
  optimize::core::Rng rng(o.seed);
  std::string j = std::string(o.longest_horizon ? R"({"start": "2028-01-01", "end": "2028-12-31")"
                                                : R"({"quarter": "2027-Q1")") +
                  R"(, "currency": "EUR", "seed": 1, "time_limit_s": )" +
                  std::to_string(o.time_limit_s) +
                  R"(, "network": {"use_default": true}, "travellers": [)";
  for (std::size_t t = 0; t < o.travellers; ++t) {
    const std::string home =
        o.varied_travellers ? cities[(3 * t) % cities.size()] : homes[t % homes.size()];
    j += std::string(t ? "," : "") + R"({"id": "t)" + std::to_string(t) + R"(", "home": ")" + home +
         R"(", "cost_per_day": 600, "max_days_away": 40, "max_trip_days": 10)";
    if (o.varied_travellers)
      j += R"(, "working_hours": "0)" + std::to_string(6 + t % 4) + ":" +
           std::to_string(10 + 10 * (t % 5)) + "-17:00\"";
    j += "}";
  }
  j += R"(], "clients": [)";
  for (std::size_t c = 0; c < o.clients; ++c)
    j += std::string(c ? "," : "") + R"({"id": "c)" + std::to_string(c) + R"(", "city": ")" +
         cities[static_cast<std::size_t>(rng.below(static_cast<int>(cities.size())))] +
         R"(", "account_revenue": )" + std::to_string(50000 + 10000 * rng.below(75)) +
         R"(, "months_since_visit": )" + std::to_string(rng.below(18)) + "}";
  j += R"(], "policy": {"carbon_price_per_t": 100}})";
  return j;
}

} // namespace flyorcall::synthetic
