// JSON views of the network and of single routes (for `flyorcall network` and `flyorcall route`).
#pragma once

#include <string>

#include "network/network.hpp"
#include "network/routes.hpp"

namespace flyorcall::io {

/// Every city, country and leg of a network as pretty JSON (docs/cli.md), ending in a newline.
[[nodiscard]] std::string network_to_json(const network::Network& net, const std::string& currency,
                                          const std::string& data_version);

/// One route as pretty JSON (docs/cli.md), ending in a newline.
[[nodiscard]] std::string route_to_json(const network::Network& net, const network::Route& route,
                                        int from, int to, const std::string& currency);

} // namespace flyorcall::io
