// The quarter planner's budgets (docs/optimizer.md, "The quarter planner"): the shadow prices
// its route split tries when a budget binds, and the reasons that name the budget a visit would
// break. The four budgets map onto the optimizer core's sums: money = cost, days = duration,
// CO2 = load, cash = cash.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "flyorcall/model.hpp"
#include "optimize/core/problem.hpp"
#include "optimize/route_split.hpp"
#include "optimize/schedule.hpp"

namespace flyorcall::optimize {

/// The core budgets of `policy`: money (cents) as the cost, days as the duration, CO2 (grams) as
/// the load and cash (cents) as the cash; a budget the policy does not set has no limit.
[[nodiscard]] core::Budgets quarter_budgets(const Policy& policy);

/// Shadow prices to try in the route split for the budgets of `b` that are set, scaled by the
/// average trip cost per gram of CO2 and per day of `s` (the search's plan without them): each
/// budget alone, at a few multiples (0.5, 1, 2, 4) of that cost; cents of cost and of cash at
/// 0.125 to 1 cent per cent.
[[nodiscard]] std::vector<SplitPrices> shadow_prices(const core::Budgets& b,
                                                     const core::Solution& s);

/// The first budget of `policy` (money, cash, days, CO2) that adding `more` (the change of the
/// trips' totals: cost, cash and CO2 in cents and grams, days as the duration) to `used` (the
/// plan's totals) would break, as "the <budget> budget would be exceeded (<used> + <more> >
/// <limit>)", or "" when every budget still holds.
[[nodiscard]] std::string budget_exceeded(const Policy& policy, const std::string& currency,
                                          const core::RouteEval& used, const core::RouteEval& more);

/// Why the dated trips `trips` (every trip one traveller allowed to visit a must-visit client
/// could make to it alone) cannot hold it: the first budget of `policy` that every one of them
/// breaks on its own ("the cash budget would be exceeded by any of its trips alone (the least is
/// <x> > <limit>)"), or "" when one of them keeps every budget.
[[nodiscard]] std::string budget_blocking_alone(const Policy& policy, const std::string& currency,
                                                std::span<const TripOption> trips);

/// "the cash budget and max_days_away", "the budgets set (money, cash) and max_days_away" for
/// the budgets `policy` sets, or "max_days_away" when it sets none: the limits a must-visit
/// client's trip may break together with the others'.
[[nodiscard]] std::string budgets_in_force(const Policy& policy);

/// Throws the InfeasibleError of a plan that cannot visit every must-visit client, naming one
/// left out (`visited[i]` == 0; `allowed[i]`: the travellers who may visit client i) and why: no
/// traveller may, no trip is possible (the scheduler's rule), every trip to it alone breaks a
/// budget (that budget), or it fits only without the other must-visit clients. A client blocked
/// on its own is named before one that is blocked only together with the others.
[[noreturn]] void throw_must_visit_infeasible(const Input& input, const Scheduler& sched,
                                              const TripPricer& pricer,
                                              const std::vector<std::vector<std::size_t>>& allowed,
                                              const std::vector<char>& visited);

} // namespace flyorcall::optimize
