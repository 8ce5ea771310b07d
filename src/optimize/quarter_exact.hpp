// The exact quarter solver for small inputs: the best plan over every choice of round trips (each
// an ordered set of at most kMaxStopsPerTrip clients on one of its feasible departure dates) of
// every traveller, by dynamic programming over sets of clients (docs/optimizer.md, "The exact
// solver"). It is the reference the tests hold the search to.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "flyorcall/model.hpp"
#include "optimize/core/deadline.hpp"
#include "optimize/route_split.hpp"

namespace flyorcall::optimize {

/// Most candidate clients the exact quarter solver accepts.
inline constexpr std::size_t kQuarterExactMaxClients = 12;
/// Most travellers the exact quarter solver accepts (its combination step grows with each).
inline constexpr std::size_t kQuarterExactMaxTravellers = 8;
/// Longest horizon, in days, the exact quarter solver accepts (one calendar quarter): every trip
/// is priced on every departure date.
inline constexpr int kQuarterExactMaxDays = 92;

/// A plan of the exact solver: per traveller its route (core nodes, trips in date order) and
/// that route's split into dated trips.
struct ExactPlan {
  std::vector<std::vector<int>> routes; ///< per traveller: core nodes, in visiting order
  std::vector<RouteSplit> splits;       ///< per traveller: the dated trips of `routes`
  double objective = 0;                 ///< prizes + bonuses − trip costs (the core objective)
  int days = 0;                         ///< days away, summed over travellers
};

/// The exact solver of one quarter problem. Construction prices every trip (every order of every
/// set of at most kMaxStopsPerTrip clients a traveller may visit, on every departure date) and
/// runs a dynamic programme per traveller over sets of clients, with labels (date back home,
/// cost − bonus, days away, and cost, CO2 and cash when a budget limits them) kept when no other
/// label of the same set beats them on all of these. Queries then combine the travellers' sets.
class QuarterExact {
public:
  /// Solves `qp` with `pricer` (both must outlive the solver). Throws std::invalid_argument when
  /// the problem has more than kQuarterExactMaxClients clients, and TimeLimitError when
  /// `deadline` (the input's time_limit_s) passes before the solver is done: it has no complete
  /// plan before its dynamic programme ends.
  QuarterExact(const QuarterProblem& qp, const TripPricer& pricer, const Input& input,
               core::Deadline deadline = {});

  /// The best plan that visits every mandatory client of the problem, keeps every rule and
  /// budget, and — when `flip_client` is set — visits that client (`flip_visit`) or leaves it
  /// out; ties go to fewer days away. nullopt when no plan does.
  [[nodiscard]] std::optional<ExactPlan> best(std::optional<std::size_t> flip_client = {},
                                              bool flip_visit = false) const;

  /// Number of trips (ordered client sets) that have at least one feasible departure.
  [[nodiscard]] std::size_t trips_priced() const { return trips_priced_; }

private:
  // A dated trip of one traveller through one ordered set of clients.
  struct TripChoice {
    int depart = 0; // days after the horizon's first day
    int back = 0;
    int days = 0;
    int seq = 0; // index into Traveller::seqs
    std::int64_t cost = 0;
    std::int64_t bonus = 0;
    std::int64_t co2 = 0;
    std::int64_t cash = 0;
  };
  // A route of one traveller covering a set of clients, ending with the trip back on `back`.
  struct Label {
    std::int64_t cost = 0;
    std::int64_t bonus = 0;
    std::int64_t co2 = 0;
    std::int64_t cash = 0;
    int days = 0;
    int back = -1;  // days after the horizon's first day of the last trip's return; -1: none
    int prev = -1;  // index of the label before the last trip in its set's labels; -1: none
    int seq = -1;   // the last trip's sequence
    int depart = 0; // the last trip's departure
  };
  struct Traveller {
    std::vector<std::vector<int>> seqs;  // client indices of each priced trip
    std::vector<std::vector<Label>> set; // per set of clients (bit mask): its kept labels
    std::vector<std::vector<int>> front; // per set: labels no other beats, whatever the date
  };
  // A combination of the first travellers' routes over a set of clients.
  struct Combo {
    std::int64_t score = 0; // cost − bonus
    std::int64_t cost = 0;
    std::int64_t co2 = 0;
    std::int64_t cash = 0;
    int days = 0;
    std::uint32_t part = 0; // the last traveller's set
    int from = -1;          // index into the previous travellers' combos of the rest
    int label = -1;         // index into the last traveller's labels of `part`
  };

  // What decides whether one choice, label or combination beats another: cost − bonus, days,
  // and the budgeted cost, CO2 and cash.
  struct Use {
    std::int64_t score = 0;
    int days = 0;
    std::int64_t cost = 0;
    std::int64_t co2 = 0;
    std::int64_t cash = 0;
  };

  void solve_traveller(std::size_t t);
  // Throws TimeLimitError once the deadline has passed.
  void check_deadline() const;
  void combine();
  // Whether `a` is no worse than `b` on score, days and every budgeted total.
  [[nodiscard]] bool dominates(const Use& a, const Use& b) const;

  const QuarterProblem* qp_;
  const TripPricer* pricer_;
  const Input* input_;
  core::Deadline deadline_;
  std::size_t n_ = 0;       // clients
  int horizon_days_ = 0;    // days of the horizon
  bool track_cost_ = false; // a money budget limits the plan
  bool track_co2_ = false;  // a CO2 budget limits the plan
  bool track_cash_ = false; // a cash budget limits the plan
  std::uint32_t mandatory_ = 0;
  std::vector<double> prize_; // per set of clients: sum of their prizes
  std::vector<Traveller> travellers_;
  std::vector<std::vector<std::vector<Combo>>> combos_; // per traveller, per set
  std::size_t trips_priced_ = 0;
};

} // namespace flyorcall::optimize
