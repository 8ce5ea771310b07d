// libFuzzer harness: company fare tables (`--fares FILE`, docs/input.md "Company fares"). The
// input is read as a fare CSV file into the built-in default example; the rows it accepts are
// then built into the network. Every step either works or reports an InputError with problems
// that name the file — never a crash or another exception, and nothing added on an error.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "flyorcall/flyorcall.hpp"
#include "io/fares_file.hpp"
#include "model/embedded_data.hpp"
#include "network/network.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const flyorcall::Input base = flyorcall::read_input(flyorcall::data::default_json);
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  flyorcall::Input input = base;
  try {
    flyorcall::io::add_fares_csv(input, text, "fuzz.csv");
  } catch (const flyorcall::InputError& e) {
    if (e.problems().empty() || input.network.fares.size() != base.network.fares.size())
      std::abort();
    for (const auto& p : e.problems())
      if (p.message.rfind("fuzz.csv", 0) != 0) std::abort();
    return 0;
  }
  try {
    (void)flyorcall::network::Network::build(input);
  } catch (const flyorcall::InputError& e) {
    if (e.problems().empty()) std::abort();
  }
  return 0;
}
