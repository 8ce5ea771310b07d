// The value of an in-person visit and of remote contact (docs/model.md).
#pragma once

#include "flyorcall/model.hpp"

namespace flyorcall::cost {

/// Value of an in-person visit this quarter: the given value, or account_revenue x
/// in_person_uplift raised by time since the last visit (docs/model.md).
[[nodiscard]] Money visit_value(const Client& client);

/// Value the remote meetings deliver instead of a visit: remote_effectiveness x visit value.
[[nodiscard]] Money remote_value(const Client& client, const Policy& policy);

} // namespace flyorcall::cost
