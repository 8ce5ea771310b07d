#include "optimize/plan_head.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "cost/trip_cost.hpp"
#include "flyorcall/version.hpp"
#include "network/rates.hpp"
#include "network/world_data.hpp"

namespace flyorcall::optimize {

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
  plan.allowances.clear();
  for (const auto& t : input.travellers) {
    const AllowanceTable table = cost::allowance_table(t, input.policy, net);
    plan.allowances.push_back({t.id, table,
                               network::allowance_source(table) +
                                   overridden("the policy's custom allowances", custom) +
                                   overridden("the input's own per diems", own_per_diem)});
  }
}

/// The input's client of a decision: decisions are in input order, so this is found at once.
const Client* client_of(const Input& input, const ClientDecision& d, std::size_t k) {
  if (k < input.clients.size() && input.clients[k].id == d.client_id) return &input.clients[k];
  for (const Client& c : input.clients)
    if (c.id == d.client_id) return &c;
  return nullptr;
}

} // namespace

void describe_plan(Plan& plan, const Input& input, const network::Network& net) {
  plan.label = input.label;
  plan.currency = input.currency;
  plan.horizon = input.horizon;
  plan.seed = input.seed;
  plan.flyorcall_version = kVersion;
  plan.data_version = network::default_world().version;
  for (std::size_t k = 0; k < plan.decisions.size(); ++k) {
    ClientDecision& d = plan.decisions[k];
    if (const Client* c = client_of(input, d, k)) {
      d.name = c->name;
      d.city = c->city;
    }
  }
  const auto zone = [&](const std::string& code) {
    const std::optional<int> i = net.find(code);
    return i ? net.city(*i).tz : std::string();
  };
  for (Trip& t : plan.trips)
    for (PlannedLeg& l : t.legs) {
      l.tz_from = zone(l.from);
      l.tz_to = zone(l.to);
    }
  record_rate_sources(plan, input, net);
}

} // namespace flyorcall::optimize
