// libFuzzer harness: the readers of flyorcall-bench, the orienteering text format and TSPLIB.
// The first byte picks the reader; any text must either load (with sizes that agree) or throw
// flyorcall::Error with code input — never crash, hang or allocate without bound.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "../tools/bench/readers.hpp"
#include "flyorcall/errors.hpp"

namespace fb = flyorcall::bench;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  try {
    if (data[0] % 2 == 0) {
      const fb::OpFile op = fb::read_op(in, "fuzz.txt");
      if (op.x.size() != op.y.size() || op.x.size() != op.score.size()) std::abort();
      const auto d = fb::op_distances(op);
      if (static_cast<std::size_t>(d.rows()) != op.x.size()) std::abort();
    } else {
      const fb::TspFile tsp = fb::read_tsplib(in, "fuzz.tsp");
      if (tsp.dist.rows() != tsp.dimension || tsp.dist.cols() != tsp.dimension) std::abort();
    }
  } catch (const flyorcall::Error& e) {
    if (e.code() != flyorcall::ErrorCode::input) std::abort();
  }
  return 0;
}
