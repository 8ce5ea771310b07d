// libFuzzer harness: the input document reader and validator. Any byte string must either give
// a valid Input or an InputError listing problems with JSON Pointers — never a crash, a hang or
// another exception.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "flyorcall/flyorcall.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const flyorcall::Input input = flyorcall::read_input(text);
    // A valid input always has a horizon and at least one client and traveller.
    if (input.clients.empty() || input.travellers.empty() ||
        input.horizon.last < input.horizon.first)
      std::abort();
  } catch (const flyorcall::InputError& e) {
    if (e.problems().empty()) std::abort(); // an input error always names its problems
  }
  return 0;
}
