// The network verb of the library: building a network for an input or the default world data,
// and listing it (include/flyorcall/network.hpp).
#include <iomanip>
#include <sstream>
#include <variant>

#include "app/network_impl.hpp"
#include "flyorcall/errors.hpp"
#include "io/input_reader.hpp"
#include "io/network_writer.hpp"
#include "model/suggest.hpp"
#include "network/world_data.hpp"

namespace flyorcall {

FlightNetwork::FlightNetwork(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FlightNetwork::FlightNetwork(FlightNetwork&&) noexcept = default;
FlightNetwork& FlightNetwork::operator=(FlightNetwork&&) noexcept = default;
FlightNetwork::~FlightNetwork() = default;

const std::string& FlightNetwork::currency() const {
  return impl_->input.currency;
}

Input default_network_input(const std::string& currency) {
  if (!network::eur_rate(currency))
    throw InputError(
        std::vector<Problem>{Problem{"", "unknown currency \"" + currency + "\"" +
                                             did_you_mean(currency, network::known_currencies())}});
  Input input;
  input.currency = currency;
  return input;
}

std::optional<Date> parse_network_day(const std::string& text) {
  if (text.empty()) return std::nullopt;
  const auto d = io::parse_iso_date(text);
  if (const auto* why = std::get_if<std::string>(&d))
    throw InputError(std::vector<Problem>{Problem{"", "--date: " + *why}});
  return std::get<Date>(d);
}

FlightNetwork build_network(const NetworkScope& scope) {
  auto impl = std::make_unique<FlightNetwork::Impl>();
  std::optional<DateRange> horizon;
  if (scope.day) horizon = DateRange{*scope.day, *scope.day};
  impl->from_input = scope.input.has_value();
  impl->input = scope.input ? *scope.input : scope.defaults;
  if (impl->from_input && !horizon) horizon = impl->input.horizon;
  impl->net = network::Network::build(impl->input, horizon);
  return FlightNetwork(std::move(impl));
}

NetworkListing list_network(const FlightNetwork& network) {
  const network::Network& net = network.impl().net;
  NetworkListing out;
  out.data_version = network::default_world().version;
  out.currency = network.currency();
  out.countries = net.countries().size();
  out.legs = net.legs().size();
  for (const auto& c : net.cities())
    out.cities.push_back({c.code, c.name, c.country, c.region, c.tz, 0});
  for (const auto& l : net.legs()) ++out.cities[static_cast<std::size_t>(l.from)].legs_from;
  return out;
}

std::string network_text(const NetworkListing& listing) {
  std::ostringstream out;
  out << "flyorcall network (data " << listing.data_version << "): " << listing.cities.size()
      << " cities, " << listing.countries << " countries, " << listing.legs
      << " directed legs; money in " << listing.currency << "\n";
  out << "code  name                      cc  legs  region          time zone\n";
  for (const auto& c : listing.cities)
    out << std::left << std::setw(6) << c.code << std::setw(26) << c.name.substr(0, 25)
        << std::setw(4) << c.country << std::setw(6) << c.legs_from << std::setw(16) << c.region
        << c.tz << '\n';
  return out.str();
}

std::string network_json(const FlightNetwork& network) {
  return io::network_to_json(network.impl().net, network.currency(),
                             network::default_world().version);
}

} // namespace flyorcall
