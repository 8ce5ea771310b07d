// What every planning method (greedy, search, exact) shares to explain its plan: the economics
// of a visit against remote calls, the remote baseline of a client, the break-even by a re-solve,
// and the parts of a client's decision, its reason and the plan's totals (docs/plan.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <date/tz.h>

#include "cost/remote_cost.hpp"
#include "flyorcall/model.hpp"
#include "flyorcall/plan.hpp"
#include "network/network.hpp"
#include "optimize/core/deadline.hpp"
#include "optimize/schedule.hpp"
#include "time/calls.hpp"

namespace flyorcall::optimize {

/// Visiting a client on one trip compared with keeping it remote for the whole horizon.
struct VisitEconomics {
  Money value;        ///< visit value including a fair's uplift
  Money remote_value; ///< what remote meetings deliver instead
  Money remote_cost;  ///< remote cost of the whole horizon
  Money remote_left;  ///< remote cost of the meetings a visit does not replace
  Money trip_cost;    ///< cost the visit adds
  Money advantage;    ///< (value - trip_cost - remote_left) - (remote_value - remote_cost)
  /// Visit value, in the terms of `value` (fair included), where advantage is 0; none if no
  /// value flips the decision.
  std::optional<Money> break_even;
};

/// The economics of a visit of `client` with base value `base_value`, uplifted by `uplift` (a
/// fair), whose trip costs `trip_cost`, against remote meetings worth `remote_value` and costing
/// `remote_cost` over the horizon.
[[nodiscard]] VisitEconomics visit_economics(const Client& client, const Policy& policy,
                                             Money base_value, double uplift, Money remote_value,
                                             Money remote_cost, Money trip_cost);

/// The largest value_uplift of a `fair` event at the client's city or in `country` (the
/// client's country) whose dates contain the visit's first day; 0 when none (fairs never
/// stack).
[[nodiscard]] double fair_uplift(const Input& input, const Client& client,
                                 const std::string& country, const Visit& visit);

/// A weekly slot as the plan reports it: participant 0 is the traveller, participant 1 the
/// client; shifts list the client-local dates where the client's local start moves (DST).
[[nodiscard]] CallSlotSummary call_slot_summary(const timez::WeeklySlot& slot,
                                                const date::time_zone* client_zone);

/// Who may visit a client and who runs its remote calls.
struct RemoteBaseline {
  std::vector<std::size_t> allowed;            ///< traveller indices that may visit, input order
  std::optional<std::size_t> remote_traveller; ///< the allowed traveller whose calls cost least
  cost::RemoteCost remote;                     ///< that traveller's remote cost of the horizon
  bool compared = true; ///< false: past the deadline, only the first allowed traveller was priced
};

/// The remote baseline of client `client` (index into input.clients): the calls are run by
/// whichever allowed traveller makes them cheapest (ties: input order); once `deadline` has
/// passed, by the first allowed traveller without comparing the others. `slots` memoises the
/// weekly slots of one planning run.
[[nodiscard]] RemoteBaseline remote_baseline(const Input& input, const network::Network& net,
                                             const Scheduler& sched, std::size_t client,
                                             cost::SlotCache& slots, core::Deadline deadline = {});

/// The end of a "Visited ... nets X more than remote calls" reason: " (visit value V vs
/// break-even B)", or nothing without a break-even.
[[nodiscard]] std::string visited_break_even_clause(const VisitEconomics& e,
                                                    const std::string& currency);

/// The end of a "Remote: ... nets less than remote calls" reason: " (visit value V is not above
/// the break-even B)", or, without a break-even, why no visit value changes the decision.
[[nodiscard]] std::string remote_break_even_clause(const VisitEconomics& e,
                                                   const std::string& currency);

/// Records a client kept remote in `plan`'s totals and gives its decision `d` the weekly call slot
/// `remote` found when someone runs its calls (`has_caller`); `client_zone` is the client's zone.
void add_remote_decision(Plan& plan, ClientDecision& d, const cost::RemoteCost& remote,
                         bool has_caller, Money remote_value, const date::time_zone* client_zone);

/// A remote client whose calls someone runs, as decided: `decision` indexes plan.decisions.
struct RemoteCalls {
  std::size_t decision = 0;
  std::size_t client = 0;
  std::size_t traveller = 0;
  cost::RemoteCost remote; ///< priced at the client's own best slot
};

/// Schedules the remote clients' weekly call series jointly (cost::schedule_calls: no traveller
/// has two calls at once) and gives each moved series' decision its new call slot and remote
/// cost, and the plan's remote cost total the difference. Call before finish_totals.
void schedule_remote_calls(Plan& plan, const Input& input, const network::Network& net,
                           const Scheduler& sched, const std::vector<RemoteCalls>& remotes);

/// The reason of a client no traveller may visit, whichever method plans it.
inline constexpr const char* kNoTravellerReason =
    "Remote: no traveller may visit or call this client.";

/// A client's decision before it is made: its id and what remote meetings deliver and cost.
[[nodiscard]] ClientDecision start_decision(const Client& client, Money remote_value,
                                            Money remote_cost);

/// States in `d` the visit value and break-even of `shown` (the economics the decision states),
/// or `base_value` and no break-even without them.
void state_economics(ClientDecision& d, const std::optional<VisitEconomics>& shown,
                     Money base_value);

/// The opening of a visited client's reason: "Visited on T3 by ann", or "Must-visit: visited
/// on ..." for a must-visit client.
[[nodiscard]] std::string visited_opening(const Client& client, const Trip& trip);

/// "nets 12.00 EUR more than remote calls" (or "less") for a visit's advantage.
[[nodiscard]] std::string nets_clause(Money advantage, const std::string& currency);

/// Records in `plan` a visit of client `d` on `trip` with economics `e`: the decision names the
/// trip and its traveller; the totals count the visit, its value and the remote cost left.
void record_visit(Plan& plan, ClientDecision& d, const Trip& trip, const VisitEconomics& e);

/// Records in `plan` client `client` (index into input.clients) kept remote with decision `d`
/// (to be appended to plan.decisions next): its calls run by `remote_traveller` (none: no one
/// may call it) at `remote`, worth `remote_value`; a caller's series join `remotes` for
/// schedule_remote_calls.
void record_remote(Plan& plan, ClientDecision& d, const Input& input, const Scheduler& sched,
                   std::size_t client, std::optional<std::size_t> remote_traveller,
                   const cost::RemoteCost& remote, Money remote_value,
                   std::vector<RemoteCalls>& remotes);

/// Fills `plan`'s net total and budget use from its other totals and the policy's limits.
void finish_totals(Plan& plan, const Policy& policy);

/// The plan note for `count` (> 0) clients whose break-even the deadline left to their marginal
/// cost instead of a re-solve.
[[nodiscard]] std::string marginal_break_even_note(std::size_t count);

/// The visit value, in the terms of base value x (1 + uplift), at which a client's visit and its
/// remote calls net the same: `visit_objective` is the best plan's objective (cents) with the
/// client visited at `base_value`, `remote_objective` the best plan's with it remote. With either
/// decision fixed the objective is linear in the value, with slope 1 + uplift - effectiveness
/// visited and 0 remote; none when that slope is not positive (docs/plan.md).
[[nodiscard]] std::optional<Money> flip_value(Money base_value, double uplift, double effectiveness,
                                              double remote_objective, double visit_objective);

/// "; re-planned with|without it, the quarter nets D less" for a re-solve whose objective is
/// `loss` cents below the plan's (`with`: "with" or "without").
[[nodiscard]] std::string replanned_clause(const char* with, double loss,
                                           const std::string& currency);

/// The plan note for `count` (> 0) clients whose remote calls were assigned without comparing
/// the travellers because the deadline had passed.
[[nodiscard]] std::string uncompared_calls_note(std::size_t count);

} // namespace flyorcall::optimize
