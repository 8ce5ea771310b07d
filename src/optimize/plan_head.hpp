// What a plan states beside its decisions: what it is for and what made it, each client's name and
// city, each leg's zones and where its rates come from (the head of the plan's document,
// docs/plan.md). Every method ends with it, so a plan is complete without its input.
#pragma once

#include "flyorcall/model.hpp"
#include "flyorcall/plan.hpp"
#include "network/network.hpp"

namespace flyorcall::optimize {

/// Fills the plan's label, currency, horizon, seed and versions, each decision's client name and
/// city, each leg's zones, the hotel source and each traveller's per-diem table.
void describe_plan(Plan& plan, const Input& input, const network::Network& net);

} // namespace flyorcall::optimize
