// The library's planning entry point (include/flyorcall/flyorcall.hpp): builds the network,
// refuses what the exact solver cannot finish, runs the chosen method and records where the
// plan's rates come from.
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "cost/trip_cost.hpp"
#include "flyorcall/errors.hpp"
#include "flyorcall/flyorcall.hpp"
#include "network/rates.hpp"
#include "optimize/core/deadline.hpp"
#include "optimize/greedy.hpp"
#include "optimize/quarter.hpp"
#include "optimize/quarter_exact.hpp"

namespace flyorcall {

namespace {

/// "; <what> for A, B, C and 2 more" for the codes, or "" when there are none.
std::string overridden(const char* what, const std::vector<std::string>& codes) {
  if (codes.empty()) return {};
  std::string out = std::string("; ") + what + " for ";
  const std::size_t shown = std::min<std::size_t>(codes.size(), 5);
  for (std::size_t k = 0; k < shown; ++k) out += (k ? ", " : "") + codes[k];
  if (codes.size() > shown) out += " and " + std::to_string(codes.size() - shown) + " more";
  return out;
}

/// Which table and year each traveller's per diem and every hotel night came from, and which
/// cities the input prices itself.
void record_rate_sources(Plan& plan, const Input& input, const network::Network& net) {
  std::vector<std::string> own_hotel;
  std::vector<std::string> own_per_diem;
  for (const City& c : input.network.cities) {
    if (c.hotel_night) own_hotel.push_back(c.code);
    if (c.per_diem) own_per_diem.push_back(c.code);
  }
  std::vector<std::string> custom;
  for (const CustomAllowance& a : input.policy.custom_allowances) custom.push_back(a.city);
  plan.hotel_source =
      network::lodging_source() + overridden("the input's own hotel rates", own_hotel);
  for (const auto& t : input.travellers) {
    const AllowanceTable table = cost::allowance_table(t, input.policy, net);
    plan.allowances.push_back({t.id, table,
                               network::allowance_source(table) +
                                   overridden("the policy's custom allowances", custom) +
                                   overridden("the input's own per diems", own_per_diem)});
  }
}

} // namespace

Plan plan_quarter(const Input& input, PlanMethod method) {
  const network::Network net = network::Network::build(input);
  const auto deadline =
      optimize::core::Deadline::after_ms(std::llround(input.time_limit_s * 1000.0));
  if (method == PlanMethod::greedy) {
    Plan plan = optimize::plan_greedy(input, net, deadline);
    record_rate_sources(plan, input, net);
    return plan;
  }
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
  Plan plan = optimize::plan_search(input, net, options);
  record_rate_sources(plan, input, net);
  return plan;
}

} // namespace flyorcall
