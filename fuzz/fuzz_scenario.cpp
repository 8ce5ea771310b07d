// libFuzzer harness: what-if scenarios (docs/compare.md). The input is split at the first NUL
// byte into a `--set` assignment text and a merge-patch document; both are applied to the
// built-in default example and the result is read as an input document. Every step either works
// or reports an InputError with problems — never a crash or another exception.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "flyorcall/flyorcall.hpp"
#include "io/scenario.hpp"
#include "model/embedded_data.hpp"

namespace fio = flyorcall::io;

namespace {

void read_scenario(const fio::Scenario& s) {
  if (!s.problems.empty()) return;
  try {
    (void)flyorcall::read_input(s.document);
  } catch (const flyorcall::InputError& e) {
    if (e.problems().empty()) std::abort();
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = all.find('\0');
  const std::string_view set_text = all.substr(0, nul);
  const std::string_view patch = nul == std::string_view::npos ? "" : all.substr(nul + 1);
  const std::string_view base = flyorcall::data::default_json;
  try {
    const fio::Assignment a = fio::parse_assignment(set_text);
    read_scenario(fio::apply_assignments(base, {a}, a.text));
  } catch (const flyorcall::InputError& e) {
    if (e.problems().empty()) std::abort();
  }
  try {
    const fio::Sweep s = fio::parse_sweep(set_text);
    if (s.points.size() > fio::kMaxSweepPoints || s.points.size() != s.points_json.size())
      std::abort();
  } catch (const flyorcall::InputError& e) {
    if (e.problems().empty()) std::abort();
  }
  if (!patch.empty()) read_scenario(fio::apply_merge_patch(base, patch, "fuzz"));
  return 0;
}
