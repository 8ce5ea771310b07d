#include "cost/value.hpp"

#include <algorithm>

namespace flyorcall::cost {

namespace {
// Project assumption (docs/model.md): a visit is worth 10% more for every month since the last
// one, up to 12 months.
constexpr double kGrowthPerMonth = 0.1;
constexpr int kGrowthCapMonths = 12;
} // namespace

Money visit_value(const Client& client) {
  if (client.visit_value) return *client.visit_value;
  if (!client.account_revenue) return Money(0);
  const int months = std::clamp(client.months_since_visit.value_or(0), 0, kGrowthCapMonths);
  const double factor = client.in_person_uplift * (1.0 + kGrowthPerMonth * months);
  return scale(*client.account_revenue, factor);
}

Money remote_value(const Client& client, const Policy& policy) {
  return scale(visit_value(client), policy.remote_effectiveness);
}

} // namespace flyorcall::cost
