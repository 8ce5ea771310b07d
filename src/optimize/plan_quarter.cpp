// The library's planning entry point (include/flyorcall/flyorcall.hpp): builds the network,
// refuses what the exact solver cannot finish and runs the chosen method.
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "flyorcall/errors.hpp"
#include "flyorcall/flyorcall.hpp"
#include "optimize/core/deadline.hpp"
#include "optimize/greedy.hpp"
#include "optimize/quarter.hpp"
#include "optimize/quarter_exact.hpp"

namespace flyorcall {

Plan plan_quarter(const Input& input, PlanMethod method) {
  const network::Network net = network::Network::build(input);
  const auto deadline =
      optimize::core::Deadline::after_ms(std::llround(input.time_limit_s * 1000.0));
  if (method == PlanMethod::greedy) return optimize::plan_greedy(input, net, deadline);
  if (method == PlanMethod::exact) {
    // What the exact solver cannot finish is refused before any work, every limit at once
    // (in document order).
    std::vector<Problem> over;
    if (const auto days = (input.horizon.last - input.horizon.first).count() + 1;
        days > optimize::kQuarterExactMaxDays)
      over.push_back({"/end", "method exact plans a horizon of at most " +
                                  std::to_string(optimize::kQuarterExactMaxDays) +
                                  " days (one quarter), found " + std::to_string(days) + " days"});
    if (input.travellers.size() > optimize::kQuarterExactMaxTravellers)
      over.push_back({"/travellers", "method exact takes at most " +
                                         std::to_string(optimize::kQuarterExactMaxTravellers) +
                                         " travellers, found " +
                                         std::to_string(input.travellers.size())});
    if (input.clients.size() > optimize::kQuarterExactMaxClients)
      over.push_back({"/clients", "method exact takes at most " +
                                      std::to_string(optimize::kQuarterExactMaxClients) +
                                      " clients, found " + std::to_string(input.clients.size())});
    if (!over.empty()) throw InputError(std::move(over));
  }
  optimize::QuarterOptions options;
  options.exact = method == PlanMethod::exact;
  options.seed = input.seed;
  options.effort = input.policy.effort;
  options.deadline = deadline;
  return optimize::plan_search(input, net, options);
}

} // namespace flyorcall
