// The flight network as the library builds it for an input or for the default world data: what
// `flyorcall network` lists and what `flyorcall route` searches (docs/library.md, "Network,
// routes, holidays, calls, compare and batch"). Plain C++ types only.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "flyorcall/model.hpp"

namespace flyorcall {

/// What a network is built from.
struct NetworkScope {
  /// An input document (read_input, with its company fares added): its network changes,
  /// currency, policy and horizon apply. Without one, the default network in `currency`.
  std::optional<Input> input;
  /// The default input for the network without an input document (default_network_input).
  /// Ignored when `input` is set.
  Input defaults;
  /// Build it for this day only (its seasonal legs, winds and company fares); else the input's
  /// horizon, and without an input the whole year.
  std::optional<Date> day;
};

/// An empty input whose money is in `currency`, the base of a network without an input
/// document. Throws InputError naming the closest known currency when it is unknown.
[[nodiscard]] Input default_network_input(const std::string& currency);

/// "YYYY-MM-DD" as a day for NetworkScope::day; "" is none. Throws InputError("--date: ...")
/// when it is not a valid date.
[[nodiscard]] std::optional<Date> parse_network_day(const std::string& text);

/// A built flight network: cities, countries and priced legs. Move-only.
class FlightNetwork {
public:
  struct Impl;
  explicit FlightNetwork(std::unique_ptr<Impl> impl);
  FlightNetwork(FlightNetwork&&) noexcept;
  FlightNetwork& operator=(FlightNetwork&&) noexcept;
  ~FlightNetwork();
  /// The currency of its fares and rates.
  [[nodiscard]] const std::string& currency() const;
  /// The library's own view (used inside the library only).
  [[nodiscard]] const Impl& impl() const { return *impl_; }

private:
  std::unique_ptr<Impl> impl_;
};

/// Builds the network of a scope. Throws InputError for company fares that clash and cities
/// without rates or flights.
[[nodiscard]] FlightNetwork build_network(const NetworkScope& scope);

/// One city of a network listing.
struct NetworkCity {
  std::string code;
  std::string name;
  std::string country; ///< ISO code
  std::string region;  ///< e.g. "Europe"
  std::string tz;      ///< IANA time zone
  int legs_from = 0;   ///< directed legs leaving the city
};

/// `flyorcall network`: the cities of a network with counts.
struct NetworkListing {
  std::string data_version; ///< version of the built-in world data
  std::string currency;
  std::size_t countries = 0;
  std::size_t legs = 0; ///< directed legs
  std::vector<NetworkCity> cities;
};

/// The listing of a built network.
[[nodiscard]] NetworkListing list_network(const FlightNetwork& network);
/// The listing as `flyorcall network` prints it (a table, one city a line).
[[nodiscard]] std::string network_text(const NetworkListing& listing);
/// Every city, country and leg of the network as `flyorcall network --json` prints it.
[[nodiscard]] std::string network_json(const FlightNetwork& network);

} // namespace flyorcall
