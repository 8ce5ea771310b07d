// Pricing a traveller's route exactly: the trip pricer memoises every feasible departure of each
// round trip, split_route cuts a route into dated round trips by a dynamic programme over the
// feasible departure dates, and QuarterEvaluator is the optimizer core's view of it; QuarterProblem
// maps the input onto the core (docs/optimizer.md, "The quarter planner"). Shared by the greedy
// planner, the search and the exact solver.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <list>
#include <span>
#include <unordered_map>
#include <vector>

#include "flyorcall/model.hpp"
#include "network/network.hpp"
#include "optimize/core/problem.hpp"
#include "optimize/schedule.hpp"

namespace flyorcall::optimize {

/// Most clients one round trip visits (a bound on the trip splitting, not a model rule).
inline constexpr int kMaxStopsPerTrip = 6;

/// Most trip options the pricer keeps memoised (about 50 bytes each); past it, the trips asked
/// for least recently are dropped.
inline constexpr std::size_t kMaxMemoOptions = 4'000'000;

/// One feasible departure of a round trip through a fixed sequence of clients.
struct TripOption {
  Date depart;            ///< local date leaving home
  Date back;              ///< local date back home
  std::int64_t cost;      ///< trip cost in cents
  std::int64_t bonus = 0; ///< value a fair adds to its visits on these dates, in cents
  std::int64_t co2 = 0;   ///< grams CO2e
  std::int64_t cash = 0;  ///< cash spend in cents: fares, hotel and per diem (CostBreakdown::cash)
  int days = 0;           ///< days away
  int next_lower = -1;    ///< index of the next later option with a lower cost - bonus; -1: none
};

/// Every feasible departure of each round trip a route may contain, memoised. Not thread-safe:
/// one pricer per planning run.
class TripPricer {
public:
  /// A pricer on `sched` (which must outlive it); `base_value[i]` is client i's visit value
  /// before a fair's uplift; the memo holds at most `max_memo` options.
  TripPricer(const Input& input, const network::Network& net, const Scheduler& sched,
             std::vector<Money> base_value, std::size_t max_memo = kMaxMemoOptions);

  /// The feasible departures of traveller `traveller`'s round trip through the clients `stops`
  /// (indices into input.clients) in that order, by departure date; empty when none is feasible.
  /// The reference stays valid until the next call (the memo keeps at most max_memo options,
  /// which bounds the planner's memory: the trips used least recently are dropped first).
  [[nodiscard]] const std::vector<TripOption>& options(std::size_t traveller,
                                                       std::span<const int> stops) const;

  /// The dated trip of one option (the scheduler's trip for that departure date).
  [[nodiscard]] Trip trip(std::size_t traveller, std::span<const int> stops, Date depart) const;

  /// The value a fair adds to the visits of `trip` (sum over visits of base value x uplift).
  [[nodiscard]] Money fair_bonus(const Trip& trip, std::span<const int> stops) const;

  /// Number of distinct trips memoised now.
  [[nodiscard]] std::size_t priced() const { return cache_.size(); }
  /// Number of trips priced afresh so far (asked for and not memoised).
  [[nodiscard]] std::size_t trips_priced() const { return trips_priced_; }

private:
  const Input* input_;
  const network::Network* net_;
  const Scheduler* sched_;
  std::vector<Money> base_value_;
  std::vector<char> fair_at_; // per client: some fair is held where it is
  // A trip's memo key: traveller, number of stops, then the stops (every index fits 16 bits:
  // see limits.hpp).
  using Key = std::array<std::uint16_t, 2 + kMaxStopsPerTrip>;
  struct KeyHash {
    std::size_t operator()(const Key& k) const noexcept;
  };
  // Keys compared as two 64-bit words.
  struct KeyEqual {
    bool operator()(const Key& a, const Key& b) const noexcept;
  };
  [[nodiscard]] static std::array<std::uint64_t, 2> words(const Key& k) noexcept;
  // The memo, in the order the trips were last asked for (most recent first): when it holds
  // max_memo options, the trips asked for least recently are dropped first.
  struct Memoised {
    std::vector<TripOption> options;
    std::list<Key>::iterator recent; // its place in recent_
  };
  mutable std::unordered_map<Key, Memoised, KeyHash, KeyEqual> cache_;
  mutable std::list<Key> recent_;
  // The memoised options of `key` (now the most recent), or null.
  [[nodiscard]] const std::vector<TripOption>* memoised(const Key& key) const;
  // Drops the trips asked for least recently until `options` more options fit.
  void make_room(std::size_t options) const;
  // The trip priced last, per option where it stood before its journey home, so that the same
  // trip with one more stop continues from there (Scheduler::extend_unnamed).
  struct TripState {
    Trip trip; // its depart, legs, stays and visits
    cost::TripPlaces places;
    TripProgress progress;
  };
  struct PricedStates {
    bool valid = false;
    Key key{};
    std::vector<TripState> states; // per option of `key`, in the same order (the first `count`)
    std::size_t count = 0;
  };
  mutable PricedStates last_;
  mutable PricedStates building_; // buffers reused for the next trip priced
  std::size_t max_memo_;
  mutable std::size_t stored_ = 0; // options in cache_ (+1 per entry)
  mutable std::size_t trips_priced_ = 0;
};

/// A route split into dated round trips.
struct RouteSplit {
  bool feasible = false; ///< some split and dating keeps every rule
  std::int64_t cost = 0; ///< sum of trip costs, cents
  std::int64_t bonus = 0;
  int days = 0;
  std::int64_t co2 = 0;
  std::int64_t cash = 0; ///< sum of the trips' cash spend (fares, hotel, per diem), cents
  /// The trips: [first, last) ranges of the route, their dates and figures.
  struct Part {
    std::size_t first = 0;
    std::size_t last = 0;
    Date depart;
    Date back;
    int days = 0;
    std::int64_t cost = 0;
    std::int64_t bonus = 0;
    std::int64_t co2 = 0;
    std::int64_t cash = 0;
    std::int64_t score = 0; ///< cost − bonus + the split prices' penalty
  };
  std::vector<Part> parts;
};

/// Prices the route split weighs besides cost − bonus, in cents per unit: a budget's shadow
/// price, which makes the split trade money for CO2, days, a smaller trip cost or less cash.
struct SplitPrices {
  double cost = 0; ///< per cent of trip cost
  double days = 0; ///< per day away
  double co2 = 0;  ///< per gram CO2e
  double cash = 0; ///< per cent of cash spend
  [[nodiscard]] bool any() const { return cost > 0 || days > 0 || co2 > 0 || cash > 0; }
  [[nodiscard]] bool operator==(const SplitPrices&) const = default;
};

/// Which client may directly follow which inside one round trip (a "hop"): all by default. The
/// search on large inputs keeps trips to neighbouring places (see plan_search), which spares it
/// pricing trips no one would make.
struct TripHops {
  std::size_t clients = 0;      ///< number of clients (the matrix is clients x clients)
  std::vector<std::uint8_t> ok; ///< ok[a * clients + b]: client b may follow a; empty: all may
  /// Whether client b may follow client a in a trip.
  [[nodiscard]] bool allows(int a, int b) const {
    return ok.empty() ||
           ok[static_cast<std::size_t>(a) * clients + static_cast<std::size_t>(b)] != 0;
  }
};

/// The dynamic programme of split_route's last route, kept so that the next route with the same
/// first stops starts where the two differ (the labels up to there depend on those stops only).
struct SplitMemo {
  /// A partial split: the cheapest way found to visit the route's first stops.
  struct Label {
    std::int64_t score = 0; ///< cost − bonus + the prices' penalty
    Date back;              ///< return of the last trip
    int days = 0;
    std::int64_t cost = 0;
    std::int64_t bonus = 0;
    std::int64_t co2 = 0;
    std::int64_t cash = 0;
    std::size_t from_pos = 0; ///< where the last trip starts
    int from_label = -1;      ///< the label there it extends
    Date depart;              ///< the last trip's departure
  };
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  bool valid = false;
  std::size_t traveller = 0;
  SplitPrices prices;
  std::vector<int> stops;
  std::vector<std::vector<Label>> labels; ///< per position, the labels no other beats
  /// Per position i, the first end j of a trip from i that cannot be dated (kNone: none).
  std::vector<std::size_t> dead;
};

/// The cheapest (cost − bonus plus `prices`, then fewest days) split of traveller `traveller`'s
/// visit sequence `stops` (clients in chronological order) into consecutive round trips that do
/// not overlap and keep the traveller's max_days_away. Exact for the sequence: every split into
/// trips of at most kMaxStopsPerTrip clients and every feasible departure date are considered.
/// With `memo`, the labels of the previous route split with it are reused up to the first stop
/// where the routes differ (same result, less work), and the memo then holds this route's.
/// With `hops`, only trips whose consecutive clients it allows are considered.
[[nodiscard]] RouteSplit split_route(const TripPricer& pricer, const Input& input,
                                     std::size_t traveller, std::span<const int> stops,
                                     const SplitPrices& prices = {}, SplitMemo* memo = nullptr,
                                     const TripHops* hops = nullptr);

/// The cheapest split of `stops` that keeps the trips of `base_split` (a split of `base_stops`)
/// that end before the first stop where the two sequences differ or start after the last, with
/// their dates: only the stops of the trips that hold or touch the change are split and dated
/// again, between the kept trips' dates. An upper bound on split_route's cost − bonus (plus
/// prices) that costs work in proportion to the change, not to the route; parts are not
/// filled. Infeasible when no such split exists, even if split_route finds one.
[[nodiscard]] RouteSplit split_near(const TripPricer& pricer, const Input& input,
                                    std::size_t traveller, std::span<const int> base_stops,
                                    const RouteSplit& base_split, std::span<const int> stops,
                                    const SplitPrices& prices = {}, const TripHops* hops = nullptr);

/// The core evaluation of a split route: its days, cost, bonus, CO2 (as the load) and cash.
[[nodiscard]] core::RouteEval route_eval_of(const RouteSplit& s);

/// The quarter's optimisation problem on the optimizer core: node t < travellers is traveller
/// t's home (a depot), node travellers + i is client i; vehicle t is traveller t.
struct QuarterProblem {
  core::RoutingProblem problem;    ///< prizes, mandatory nodes, allowed vehicles, budgets
  std::vector<std::int64_t> prize; ///< per client: visit advantage before trip cost, cents
  [[nodiscard]] int client_node(std::size_t client) const {
    return static_cast<int>(travellers + client);
  }
  std::size_t travellers = 0; ///< number of travellers (= depots = vehicles)
};

/// The route evaluator of the quarter problem for the core search: a route's cost, days, CO2 and
/// cash are its split_route's; infeasible when no split exists.
class QuarterEvaluator {
public:
  /// Evaluates routes of `qp` with `pricer` (both must outlive it).
  QuarterEvaluator(const QuarterProblem& qp, const TripPricer& pricer, const Input& input)
      : qp_(&qp), pricer_(&pricer), input_(&input) {}
  /// Splits routes with `prices` from now on (none by default).
  void set_prices(const SplitPrices& prices) { prices_ = prices; }
  /// Considers only trips whose consecutive clients `hops` allows from now on (all by default).
  void set_hops(TripHops hops) {
    hops_ = std::move(hops);
    memos_.clear();
    bases_.clear();
  }
  /// Core evaluator contract (see core::MatrixEvaluator).
  [[nodiscard]] core::RouteEval evaluate(int vehicle, std::span<const int> visits) const;
  /// The split of a route given as core node indices.
  [[nodiscard]] RouteSplit split(int vehicle, std::span<const int> visits) const;
  /// A quick, conservative evaluation of `visits`, a variant of the route `base` (core nodes):
  /// `base`'s trips away from where the two differ keep their dates, and only the trips around
  /// the change are split and dated again (split_near). Never cheaper than evaluate(); the core
  /// search prices its candidate moves with it and confirms the ones it keeps with evaluate().
  [[nodiscard]] core::RouteEval evaluate_near(int vehicle, std::span<const int> base,
                                              std::span<const int> visits) const;
  /// The positions of `visits` (core nodes) between two of its trips (split as evaluate_near's
  /// base): where a client can go on a trip of its own.
  [[nodiscard]] std::vector<int> boundaries(int vehicle, std::span<const int> visits) const;

private:
  [[nodiscard]] std::vector<int> clients_of(std::span<const int> visits) const;
  struct Base;
  // The split of `base` (core nodes), kept per traveller until another base is asked for.
  [[nodiscard]] const Base& base_of(int vehicle, std::span<const int> base) const;
  const QuarterProblem* qp_;
  const TripPricer* pricer_;
  const Input* input_;
  SplitPrices prices_;
  TripHops hops_;
  mutable std::vector<SplitMemo> memos_; // per traveller: its last route's split
  // Per traveller: the base route of the last evaluate_near and its split.
  struct Base {
    std::vector<int> stops;
    RouteSplit split;
    SplitPrices prices;
    bool valid = false;
  };
  mutable std::vector<Base> bases_;
};

} // namespace flyorcall::optimize
