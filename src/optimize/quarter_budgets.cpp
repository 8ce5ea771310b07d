#include "optimize/quarter_budgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>

#include "flyorcall/errors.hpp"
#include "model/format.hpp"
#include "optimize/decisions.hpp"

namespace flyorcall::optimize {

core::Budgets quarter_budgets(const Policy& policy) {
  core::Budgets b;
  if (policy.budget_money) b.max_total_cost = static_cast<double>(policy.budget_money->count());
  if (policy.budget_days) b.max_total_duration = *policy.budget_days;
  if (policy.budget_co2) b.max_total_load = static_cast<double>(policy.budget_co2->count());
  if (policy.budget_cash) b.max_total_cash = static_cast<double>(policy.budget_cash->count());
  return b;
}

std::vector<SplitPrices> shadow_prices(const core::Budgets& b, const core::Solution& s) {
  std::vector<SplitPrices> out;
  const double cost = std::max(s.cost, 1.0);
  for (const double f : {0.5, 1.0, 2.0, 4.0}) {
    if (b.max_total_load < core::kNoLimit && s.load > 0) {
      SplitPrices p;
      p.co2 = f * cost / s.load;
      out.push_back(p);
    }
    if (b.max_total_duration < core::kNoLimit && s.duration > 0) {
      SplitPrices p;
      p.days = f * cost / s.duration;
      out.push_back(p);
    }
    if (b.max_total_cost < core::kNoLimit) {
      SplitPrices p;
      p.cost = f / 4;
      out.push_back(p);
    }
    if (b.max_total_cash < core::kNoLimit) {
      SplitPrices p;
      p.cash = f / 4;
      out.push_back(p);
    }
  }
  return out;
}

namespace {

Money cents(double c) {
  return Money{static_cast<std::int64_t>(std::llround(c))};
}

} // namespace

std::string budget_exceeded(const Policy& policy, const std::string& currency,
                            const core::RouteEval& used, const core::RouteEval& more) {
  if (policy.budget_money &&
      used.cost + more.cost > static_cast<double>(policy.budget_money->count()))
    return "the money budget would be exceeded (" + format::money(cents(used.cost), currency) +
           " used + " + format::money(cents(more.cost), currency) + " > " +
           format::money(*policy.budget_money, currency) + ")";
  if (policy.budget_cash &&
      used.cash + more.cash > static_cast<double>(policy.budget_cash->count()))
    return "the cash budget would be exceeded (" + format::money(cents(used.cash), currency) +
           " spent + " + format::money(cents(more.cash), currency) + " > " +
           format::money(*policy.budget_cash, currency) + ")";
  if (policy.budget_days && used.duration + more.duration > *policy.budget_days)
    return "the days-away budget would be exceeded (" +
           std::to_string(static_cast<int>(used.duration)) + " days used + " +
           std::to_string(static_cast<int>(more.duration)) + " > " +
           std::to_string(*policy.budget_days) + ")";
  if (policy.budget_co2 && used.load + more.load > static_cast<double>(policy.budget_co2->count()))
    return "the CO2 budget would be exceeded (" +
           format::kg_co2e(GramsCo2{static_cast<std::int64_t>(used.load)}) + " used + " +
           format::kg_co2e(GramsCo2{static_cast<std::int64_t>(more.load)}) + " > " +
           format::kg_co2e(*policy.budget_co2) + ")";
  return {};
}

std::string budget_blocking_alone(const Policy& policy, const std::string& currency,
                                  std::span<const TripOption> trips) {
  if (trips.empty()) return {};
  const core::Budgets b = quarter_budgets(policy);
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  std::int64_t cost = kMax;
  std::int64_t cash = kMax;
  std::int64_t co2 = kMax;
  int days = std::numeric_limits<int>::max();
  for (const TripOption& o : trips) {
    if (b.hold(static_cast<double>(o.cost), o.days, static_cast<double>(o.co2),
               static_cast<double>(o.cash)))
      return {};
    cost = std::min(cost, o.cost);
    cash = std::min(cash, o.cash);
    co2 = std::min(co2, o.co2);
    days = std::min(days, o.days);
  }
  const std::string alone = " would be exceeded by any of its trips alone (the least is ";
  if (policy.budget_money && cost > policy.budget_money->count())
    return "the money budget" + alone + format::money(Money{cost}, currency) + " > " +
           format::money(*policy.budget_money, currency) + ")";
  if (policy.budget_cash && cash > policy.budget_cash->count())
    return "the cash budget" + alone + format::money(Money{cash}, currency) + " of cash spend > " +
           format::money(*policy.budget_cash, currency) + ")";
  if (policy.budget_days && days > *policy.budget_days)
    return "the days-away budget" + alone + std::to_string(days) + " days > " +
           std::to_string(*policy.budget_days) + ")";
  if (policy.budget_co2 && co2 > policy.budget_co2->count())
    return "the CO2 budget" + alone + format::kg_co2e(GramsCo2{co2}) + " > " +
           format::kg_co2e(*policy.budget_co2) + ")";
  return "none of its trips alone keeps every budget";
}

std::string budgets_in_force(const Policy& policy) {
  std::vector<std::string> names;
  if (policy.budget_money) names.emplace_back("money");
  if (policy.budget_cash) names.emplace_back("cash");
  if (policy.budget_days) names.emplace_back("days");
  if (policy.budget_co2) names.emplace_back("CO2");
  if (names.empty()) return "max_days_away";
  if (names.size() == 1) return "the " + names[0] + " budget and max_days_away";
  std::string list;
  for (std::size_t k = 0; k < names.size(); ++k) list += (k ? ", " : "") + names[k];
  return "the budgets set (" + list + ") and max_days_away";
}

void throw_must_visit_infeasible(const Input& input, const Scheduler& sched,
                                 const TripPricer& pricer,
                                 const std::vector<std::vector<std::size_t>>& allowed,
                                 const std::vector<char>& visited) {
  const Policy& policy = input.policy;
  // The first client left out that fits only without the others, and with whom.
  std::optional<std::pair<std::size_t, std::size_t>> together;
  for (std::size_t i = 0; i < input.clients.size(); ++i) {
    const Client& client = input.clients[i];
    if (!client.must_visit || visited[i]) continue;
    std::string why;
    if (allowed[i].empty()) why = "no traveller may visit it";
    // Every trip to the client alone that an allowed traveller may make (within max_days_away):
    // when each of them breaks the same budget, that budget is the reason.
    std::vector<TripOption> alone;
    std::optional<std::size_t> possible; // a traveller with a trip to it
    for (const std::size_t t : allowed[i]) {
      const ScheduleResult r = sched.cheapest(t, {i}, {});
      if (!r.trip) {
        if (why.empty()) why = r.why + " (rule: " + failure_rule(r.failure) + ")";
        continue;
      }
      if (!possible) possible = t;
      const int stop = static_cast<int>(i);
      for (const TripOption& o : pricer.options(t, std::span<const int>(&stop, 1)))
        if (o.days <= input.travellers[t].max_days_away) alone.push_back(o);
    }
    if (possible) {
      why = budget_blocking_alone(policy, input.currency, alone);
      if (why.empty()) {
        if (!together) together = {i, *possible};
        continue;
      }
    }
    throw InfeasibleError("/clients/" + std::to_string(i),
                          "must-visit client " + client.id + " cannot be visited: " + why);
  }
  if (together) {
    const auto [i, t] = *together;
    throw InfeasibleError("/clients/" + std::to_string(i),
                          "must-visit client " + input.clients[i].id +
                              " cannot be visited: a trip of " + input.travellers[t].id +
                              " is possible on its own, but not together with the other "
                              "must-visit clients within " +
                              budgets_in_force(policy));
  }
  // Every must-visit client is in, yet the plan breaks a limit: the heuristic found none.
  throw InfeasibleError("/clients", "no plan visits every must-visit client within the budgets");
}

} // namespace flyorcall::optimize
