// What a FlightNetwork holds inside the library.
#pragma once

#include "flyorcall/network.hpp"
#include "network/network.hpp"

namespace flyorcall {

struct FlightNetwork::Impl {
  network::Network net;
  Input input; ///< the input (or default input) it was built from: currency and policy
  bool from_input = false;
};

} // namespace flyorcall
