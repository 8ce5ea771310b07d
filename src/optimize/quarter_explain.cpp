// The explain stage of the quarter search (quarter_run.hpp): the plan's dated trips in date
// order, and each client's decision and reason, with what its visit adds to its traveller's trips
// or the cheapest way to add one, and the break-even its re-solve found.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "model/format.hpp"
#include "optimize/briefing.hpp"
#include "optimize/quarter_budgets.hpp"
#include "optimize/quarter_run.hpp"

namespace flyorcall::optimize {

namespace {

// ", adding X to the trips", or ", saving X on the trips" when the client makes them cheaper.
std::string trips_clause(Money marginal, const std::string& cur) {
  if (marginal < Money{0})
    return ", saving " + format::money(-marginal, cur) +
           " on the trips (they date more cheaply with it)";
  return ", adding " + format::money(marginal, cur) + " to the trips";
}

// A dated trip of the plan and whose it is.
struct Built {
  Trip trip;
  std::size_t traveller = 0;
  std::vector<std::size_t> clients;
};

// Explains every client of a search's plan (see explain_plan).
class Explainer {
public:
  Explainer(SearchRun& run, Plan& plan) : run_(run), plan_(plan), cur_(run.input.currency) {}

  void build_trips();
  void explain_clients();

private:
  void explain_visited(std::size_t i, ClientDecision& d);
  void explain_remote(std::size_t i, ClientDecision& d);
  // The cheapest way to add client i's visit to the plan's routes, and what would block it.
  struct Insertion {
    std::optional<VisitEconomics> best;
    std::string blocked; // the budget a feasible place breaks
    std::string no_trip; // why no trip to it alone fits around the planned ones
  };
  [[nodiscard]] Insertion cheapest_insertion(std::size_t i) const;
  [[nodiscard]] VisitEconomics economics_at(std::size_t i, std::size_t t, const std::vector<int>& r,
                                            std::size_t k, const RouteSplit& s) const;

  SearchRun& run_;
  Plan& plan_;
  const std::string& cur_;
  bool late_ = false; // the deadline cut the search: remote clients are not analysed
  std::vector<Built> built_;
  std::vector<RouteSplit> splits_;
  std::vector<std::optional<std::size_t>> trip_of_;
  std::vector<std::size_t> stop_of_;
  std::vector<core::RouteEval> route_eval_;
  core::RouteEval used_; // the plan's totals
};

void Explainer::build_trips() {
  const std::size_t n_travellers = run_.n_travellers;
  splits_.assign(n_travellers, {});
  for (std::size_t t = 0; t < n_travellers; ++t) {
    splits_[t] = run_.options.exact ? run_.exact_splits[t]
                                    : run_.eval->split(static_cast<int>(t), run_.routes[t]);
    std::vector<int> clients;
    for (int node : run_.routes[t]) clients.push_back(node - static_cast<int>(n_travellers));
    for (const RouteSplit::Part& part : splits_[t].parts) {
      const std::span<const int> stops(clients.data() + part.first, part.last - part.first);
      Built b;
      b.trip = run_.pricer->trip(t, stops, part.depart);
      b.traveller = t;
      for (int c : stops) b.clients.push_back(static_cast<std::size_t>(c));
      built_.push_back(std::move(b));
    }
  }
  std::sort(built_.begin(), built_.end(), [&](const Built& a, const Built& b) {
    if (a.trip.depart != b.trip.depart) return a.trip.depart < b.trip.depart;
    if (a.trip.back != b.trip.back) return a.trip.back < b.trip.back;
    if (a.traveller != b.traveller) return a.traveller < b.traveller;
    return a.clients < b.clients;
  });

  plan_.method = run_.options.exact ? "exact-dynamic-programming" : "iterated-local-search";
  plan_.notes = run_.sched.notes();
  if (run_.uncompared > 0) plan_.notes.push_back(uncompared_calls_note(run_.uncompared));
  if (run_.marginal_only > 0) plan_.notes.push_back(marginal_break_even_note(run_.marginal_only));
  if (!run_.marginal_notice.empty()) plan_.notes.push_back(run_.marginal_notice);
  late_ = !run_.options.exact && run_.cut;
  plan_.time_limit_reached = late_;
  if (late_)
    plan_.notes.push_back("the planner reached its time limit (time_limit_s): the plan is the best "
                          "found by then, and clients kept remote are not analysed further");
  trip_of_.assign(run_.n_clients, std::nullopt);
  stop_of_.assign(run_.n_clients, 0);
  for (std::size_t r = 0; r < built_.size(); ++r) {
    Trip trip = built_[r].trip;
    trip.id = "T" + std::to_string(r + 1);
    trip.briefings =
        brief_trip(trip, run_.sched.home_city(built_[r].traveller), run_.input, run_.net);
    for (std::size_t k = 0; k < built_[r].clients.size(); ++k) {
      trip_of_[built_[r].clients[k]] = r;
      stop_of_[built_[r].clients[k]] = k;
    }
    plan_.totals.trip_cost += trip.cost;
    plan_.totals.co2 += trip.co2();
    plan_.totals.days_away += trip.days_away;
    plan_.trips.push_back(std::move(trip));
  }
  plan_.totals.trips = static_cast<int>(plan_.trips.size());

  route_eval_.assign(n_travellers, {});
  for (std::size_t t = 0; t < n_travellers; ++t) {
    route_eval_[t] = route_eval_of(splits_[t]);
    used_.cost += route_eval_[t].cost;
    used_.duration += route_eval_[t].duration;
    used_.load += route_eval_[t].load;
    used_.cash += route_eval_[t].cash;
  }
}

void Explainer::explain_clients() {
  std::vector<RemoteCalls> remotes;
  for (std::size_t i = 0; i < run_.n_clients; ++i) {
    const ClientBase& b = run_.base[i];
    ClientDecision d = start_decision(run_.input.clients[i], b.remote_value, b.remote.total());
    if (trip_of_[i]) {
      explain_visited(i, d);
    } else {
      explain_remote(i, d);
      record_remote(plan_, d, run_.input, run_.sched, i, b.remote_traveller, b.remote,
                    b.remote_value, remotes);
    }
    plan_.decisions.push_back(std::move(d));
  }
  schedule_remote_calls(plan_, run_.input, run_.net, run_.sched, remotes);
  finish_totals(plan_, run_.input.policy);
}

void Explainer::explain_visited(std::size_t i, ClientDecision& d) {
  const Client& client = run_.input.clients[i];
  const ClientBase& b = run_.base[i];
  const Policy& policy = run_.input.policy;
  const Trip& trip = plan_.trips[*trip_of_[i]];
  const std::size_t t = built_[*trip_of_[i]].traveller;
  const std::string country = run_.net.city(run_.sched.client_city(i)).country;
  const double uplift = fair_uplift(run_.input, client, country, trip.visits[stop_of_[i]]);
  // What the client adds to its traveller's trips: the route re-split without it.
  std::vector<int> without = run_.routes[t];
  std::erase(without, run_.qp.client_node(i));
  const core::RouteEval rest = run_.eval->evaluate(static_cast<int>(t), without);
  const Money own_bonus = scale(b.base_value, 1.0 + uplift) - b.base_value;
  const Money marginal{static_cast<std::int64_t>(
      std::llround((route_eval_[t].cost - rest.cost) - (route_eval_[t].bonus - rest.bonus) +
                   static_cast<double>(own_bonus.count())))};
  VisitEconomics e = visit_economics(client, policy, b.base_value, uplift, b.remote_value,
                                     b.remote.total(), marginal);
  const Flip& f = run_.flips[i];
  const bool replanned = f.solved && f.feasible;
  if (replanned)
    e.break_even = flip_value(b.base_value, uplift, policy.remote_effectiveness, f.objective,
                              run_.plan_objective);
  state_economics(d, e, b.base_value);
  // A client can make its traveller's trips cheaper to date (a stop that moves a trip off a
  // dear week): what it adds is then a saving, never shown as a negative cost.
  d.marginal_cost = std::max(e.trip_cost, Money{0});
  const std::size_t others = built_[*trip_of_[i]].clients.size() - 1;
  d.reason = visited_opening(client, trip) +
             (others == 0 ? std::string()
                          : " with " + std::to_string(others) +
                                (others == 1 ? " other client" : " other clients")) +
             trips_clause(e.trip_cost, cur_) + "; it " + nets_clause(e.advantage, cur_);
  if (replanned)
    d.reason += replanned_clause(run_.local ? "locally without" : "without",
                                 run_.plan_objective - f.objective, cur_);
  d.reason += visited_break_even_clause(e, cur_) + ".";
  record_visit(plan_, d, trip, e);
}

VisitEconomics Explainer::economics_at(std::size_t i, std::size_t t, const std::vector<int>& r,
                                       std::size_t k, const RouteSplit& s) const {
  const ClientBase& b = run_.base[i];
  const double uplift = uplift_at(run_, t, r, s, k);
  const Money own_bonus = scale(b.base_value, 1.0 + uplift) - b.base_value;
  const double d_cost = static_cast<double>(s.cost) - route_eval_[t].cost;
  const double d_bonus = static_cast<double>(s.bonus) - route_eval_[t].bonus;
  const Money marginal{static_cast<std::int64_t>(
      std::llround(d_cost - d_bonus + static_cast<double>(own_bonus.count())))};
  return visit_economics(run_.input.clients[i], run_.input.policy, b.base_value, uplift,
                         b.remote_value, b.remote.total(), marginal);
}

Explainer::Insertion Explainer::cheapest_insertion(std::size_t i) const {
  const ClientBase& b = run_.base[i];
  const int node = run_.qp.client_node(i);
  Insertion out;
  // Every place in short routes, priced exactly; in long ones the places next to the nearest
  // clients, priced quickly (evaluate_near), and the best of them exactly. A fair's uplift
  // cancels out of the advantage, so the quick prices rank the places alike.
  std::optional<std::pair<double, std::pair<std::size_t, std::size_t>>> quick_best;
  for (const std::size_t t : late_ ? std::vector<std::size_t>{} : b.allowed) {
    const std::vector<int>& route = run_.routes[t];
    std::vector<int> r = route;
    const bool long_route = r.size() > kAllPlaces;
    for (const std::size_t k : near_places(run_, route, node)) {
      r.insert(r.begin() + static_cast<std::ptrdiff_t>(k), node);
      RouteSplit s;
      core::RouteEval q;
      if (long_route) {
        q = run_.eval->evaluate_near(static_cast<int>(t), route, r);
      } else {
        s = run_.eval->split(static_cast<int>(t), r);
        q = route_eval_of(s);
      }
      if (q.feasible) {
        const double d_cost = q.cost - route_eval_[t].cost;
        core::RouteEval more; // what the visit adds to the plan's totals
        more.cost = d_cost;
        more.duration = q.duration - route_eval_[t].duration;
        more.load = q.load - route_eval_[t].load;
        more.cash = q.cash - route_eval_[t].cash;
        const std::string why = budget_exceeded(run_.input.policy, cur_, used_, more);
        if (!why.empty()) {
          if (out.blocked.empty()) out.blocked = why;
        } else if (!long_route) {
          const VisitEconomics e = economics_at(i, t, r, k, s);
          if (!out.best || e.advantage > out.best->advantage) out.best = e;
        } else {
          const double dearer = d_cost - (q.bonus - route_eval_[t].bonus);
          if (!quick_best || dearer < quick_best->first) quick_best = {dearer, {t, k}};
        }
      }
      r.erase(r.begin() + static_cast<std::ptrdiff_t>(k));
    }
  }
  if (quick_best) {
    const auto [t, k] = quick_best->second;
    std::vector<int> r = run_.routes[t];
    r.insert(r.begin() + static_cast<std::ptrdiff_t>(k), node);
    const RouteSplit s = run_.eval->split(static_cast<int>(t), r);
    const VisitEconomics e = economics_at(i, t, r, k, s);
    if (!out.best || e.advantage > out.best->advantage) out.best = e;
  }
  for (const std::size_t t : late_ ? std::vector<std::size_t>{} : b.allowed) {
    if (!out.best && out.no_trip.empty()) {
      std::vector<DateRange> busy;
      for (const Trip& trip : plan_.trips)
        if (trip.traveller_id == run_.input.travellers[t].id)
          busy.push_back({trip.depart, trip.back});
      const ScheduleResult r2 = run_.sched.cheapest(t, {i}, busy);
      if (!r2.trip) out.no_trip = r2.why + " (rule: " + failure_rule(r2.failure) + ")";
    }
  }
  return out;
}

void Explainer::explain_remote(std::size_t i, ClientDecision& d) {
  const Client& client = run_.input.clients[i];
  const ClientBase& b = run_.base[i];
  const Insertion ins = cheapest_insertion(i);
  const std::optional<VisitEconomics>& best = ins.best;
  // The economics the decision states: the re-solve's break-even when a plan that visits the
  // client exists, else the cheapest insertion's.
  const Flip& f = run_.flips[i];
  const bool replanned = f.solved && f.feasible;
  std::optional<VisitEconomics> shown = best;
  if (replanned) {
    VisitEconomics e = best ? *best
                            : visit_economics(client, run_.input.policy, b.base_value, f.uplift,
                                              b.remote_value, b.remote.total(), Money{0});
    e.value = scale(b.base_value, 1.0 + f.uplift);
    e.break_even = flip_value(b.base_value, f.uplift, run_.input.policy.remote_effectiveness,
                              run_.plan_objective, f.objective);
    shown = e;
  }
  if (best) d.marginal_cost = std::max(best->trip_cost, Money{0});
  state_economics(d, shown, b.base_value);
  const std::string replan = replanned ? replanned_clause(run_.local ? "locally with" : "with",
                                                          run_.plan_objective - f.objective, cur_) +
                                             remote_break_even_clause(*shown, cur_)
                                       : std::string();
  if (b.allowed.empty()) {
    d.reason = kNoTravellerReason;
  } else if (late_) {
    d.reason = "Remote: not in the best plan found before the time limit (time_limit_s); "
               "the cost of adding a visit was not analysed.";
  } else if (best && best->advantage <= Money{0}) {
    d.reason = "Remote: the cheapest way to add a visit " +
               (best->trip_cost < Money{0}
                    ? "saves " + format::money(-best->trip_cost, cur_) + " on the trips"
                    : "costs " + format::money(best->trip_cost, cur_)) +
               " and would net " + format::money(-best->advantage, cur_) +
               " less than remote calls" +
               (replanned ? replan : remote_break_even_clause(*best, cur_)) + ".";
  } else if (best) {
    d.reason = "Remote: a visit would net " + format::money(best->advantage, cur_) +
               " more than remote calls on its own, but adding it displaces more valuable "
               "visits or breaks a limit of the other trips" +
               replan + ".";
  } else if (!ins.blocked.empty()) {
    d.reason = "Remote: a visit fits the calendar, but " + ins.blocked + replan + ".";
  } else {
    d.reason =
        "Remote: no feasible trip, " +
        (ins.no_trip.empty() ? std::string("no trip fits around the planned ones") : ins.no_trip) +
        replan + ".";
  }
}

} // namespace

Plan explain_plan(SearchRun& run) {
  Plan plan;
  Explainer x(run, plan);
  x.build_trips();
  x.explain_clients();
  return plan;
}

} // namespace flyorcall::optimize
