#include "optimize/greedy.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "cost/remote_cost.hpp"
#include "cost/value.hpp"
#include "flyorcall/errors.hpp"
#include "model/format.hpp"
#include "optimize/briefing.hpp"
#include "optimize/decisions.hpp"
#include "optimize/plan_head.hpp"
#include "optimize/route_split.hpp"
#include "optimize/schedule.hpp"

namespace flyorcall::optimize {

namespace {

// One way to visit a client: a traveller's dedicated round trip and what it nets.
struct Option {
  std::size_t traveller = 0;
  Trip trip;
  VisitEconomics econ;
};

// Everything decided about one client, turned into a ClientDecision at the end (once trip ids
// are known).
struct ClientState {
  std::vector<std::size_t> allowed;            // traveller indices, input order
  std::optional<std::size_t> remote_traveller; // who runs the calls
  cost::RemoteCost remote;
  Money base_value;
  Money remote_value;
  std::vector<Option> options;           // by advantage, best first
  std::string no_trip_why;               // why no traveller has a feasible trip (options empty)
  std::optional<std::size_t> accepted;   // index into options of the accepted visit
  std::optional<std::size_t> trip_index; // index into the plan's trips
  std::string blocked_why;               // the rule or budget that kept the best option out
  bool examined = false;                 // its trips were priced before the deadline
};

// What one acceptance run decides for a client; the priced states are not changed by a run.
struct Choice {
  std::optional<std::size_t> accepted;   // index into the client's options
  std::optional<std::size_t> trip_index; // index into the run's trips
  std::string blocked_why;               // the rule or budget that kept the best option out
  std::optional<Option> redated;         // the accepted option, dated again around others
};

// One acceptance run: the accepted trips and what it decided per client.
struct Accepted {
  std::vector<Trip> trips;
  std::vector<std::size_t> trip_client;
  std::int64_t objective = 0; // sum of the accepted visits' advantages, cents
  std::vector<Choice> choice; // per client
};

// What the trips accepted so far in one run use of each limit.
struct Usage {
  std::vector<std::vector<DateRange>> busy; // per traveller
  std::vector<int> days_used;               // per traveller
  Money money{0};
  Money cash{0};
  int days = 0;
  GramsCo2 co2{0};
};

// A client's decision flipped and the acceptance run again (see GreedyRun::resolve_break_evens).
struct Flip {
  bool solved = false;
  bool feasible = false;
  std::int64_t objective = 0;
  std::optional<Option> forced; // a forced visit's option in its run, for its economics
};

// One greedy planning run, in stages: price every client's dedicated trips, accept them
// greedily, re-solve each client's decision flipped for its break-even, explain.
class GreedyRun {
public:
  GreedyRun(const Input& input, const network::Network& net, const Scheduler& sched,
            core::Deadline deadline, cost::SlotCache& slots, bool resolve)
      : input_(input), net_(net), sched_(sched), deadline_(deadline), slots_(slots),
        resolve_(resolve), cur_(input.currency), n_clients_(input.clients.size()),
        n_travellers_(input.travellers.size()), states_(n_clients_), values_(n_clients_) {}

  // Every client on its own: remote baseline and each traveller's best dedicated trip.
  void price_clients();
  // Greedy acceptance, then the break-even re-solves; the chosen run's decisions go into the
  // client states.
  void accept_and_resolve();
  // The plan: trips in date order, each client's decision and reason, the totals.
  [[nodiscard]] Plan explain();

private:
  [[nodiscard]] VisitEconomics economics(std::size_t i, const Trip& trip) const;
  [[nodiscard]] std::optional<Date> redate(std::size_t t, std::size_t i,
                                           const std::vector<DateRange>& busy) const;
  [[nodiscard]] std::optional<Accepted> accept(const std::vector<char>& out_,
                                               const std::vector<char>& in_);
  [[nodiscard]] std::string blocked_by(const Option& o, bool must_visit, const Usage& used) const;
  void explain_visited(std::size_t i, ClientDecision& d, const std::optional<VisitEconomics>& shown,
                       const std::string& replan, const std::vector<std::size_t>& position,
                       const Plan& plan) const;
  void explain_remote(std::size_t i, ClientDecision& d, const std::optional<VisitEconomics>& shown,
                      const std::string& replan) const;

  const Input& input_;
  const network::Network& net_;
  const Scheduler& sched_;
  core::Deadline deadline_;
  cost::SlotCache& slots_;
  bool resolve_;
  const std::string& cur_;
  std::size_t n_clients_;
  std::size_t n_travellers_;
  std::vector<ClientState> states_;
  std::vector<Money> values_; // per client: visit value
  std::optional<TripPricer> pricer_;
  std::size_t unexamined_ = 0;
  std::size_t uncompared_ = 0;
  bool fit_cut_ = false; // the deadline kept a trip from being dated around the others
  bool resolving_ = false;
  std::size_t marginal_only_ = 0;
  std::vector<Flip> flips_;
  std::int64_t objective_ = 0;
  std::vector<Trip> trips_;
  std::vector<std::size_t> trip_client_;
};

VisitEconomics GreedyRun::economics(std::size_t i, const Trip& trip) const {
  const Client& client = input_.clients[i];
  const ClientState& st = states_[i];
  const std::string& country = net_.city(sched_.client_city(i)).country;
  return visit_economics(client, input_.policy, st.base_value,
                         fair_uplift(input_, client, country, trip.visits.front()), st.remote_value,
                         st.remote.total(), trip.cost.total());
}

void GreedyRun::price_clients() {
  // Must-visit clients first, then by visit value, so that a deadline that cuts the pricing
  // short leaves out the least valuable clients.
  std::vector<std::size_t> examine(n_clients_);
  std::iota(examine.begin(), examine.end(), std::size_t{0});
  for (std::size_t i = 0; i < n_clients_; ++i) values_[i] = cost::visit_value(input_.clients[i]);
  std::stable_sort(examine.begin(), examine.end(), [&](std::size_t a, std::size_t b) {
    if (input_.clients[a].must_visit != input_.clients[b].must_visit)
      return input_.clients[a].must_visit;
    return values_[a] > values_[b];
  });
  for (const std::size_t i : examine) {
    const Client& client = input_.clients[i];
    ClientState& st = states_[i];
    RemoteBaseline rb = remote_baseline(input_, net_, sched_, i, slots_, deadline_);
    if (!rb.compared) ++uncompared_;
    st.allowed = std::move(rb.allowed);
    st.remote_traveller = rb.remote_traveller;
    st.remote = std::move(rb.remote);
    st.base_value = values_[i];
    st.remote_value = cost::remote_value(client, input_.policy);
    if (!client.must_visit && deadline_.expired()) {
      ++unexamined_;
      continue;
    }
    st.examined = true;

    for (const std::size_t t : st.allowed) {
      ScheduleResult r = sched_.cheapest(t, {i}, {});
      if (!r.trip) {
        if (st.no_trip_why.empty())
          st.no_trip_why = r.why + " (rule: " + failure_rule(r.failure) + ")";
        continue;
      }
      Option o;
      o.traveller = t;
      o.trip = std::move(*r.trip);
      o.econ = economics(i, o.trip);
      st.options.push_back(std::move(o));
    }
    std::stable_sort(st.options.begin(), st.options.end(), [](const Option& a, const Option& b) {
      return a.econ.advantage > b.econ.advantage;
    });
  }
  pricer_.emplace(input_, net_, sched_, values_);
}

// A trip dated again around the trips already accepted picks, as Scheduler::cheapest does, the
// cheapest (then earliest) departure that overlaps none of them, from the departures the trip
// pricer looks up once per traveller and client.
std::optional<Date> GreedyRun::redate(std::size_t t, std::size_t i,
                                      const std::vector<DateRange>& busy) const {
  const int stop = static_cast<int>(i);
  std::optional<Date> best;
  std::int64_t best_cost = 0;
  for (const TripOption& o : pricer_->options(t, std::span<const int>(&stop, 1))) {
    if (overlaps(busy, o.depart, o.back)) continue;
    // Strictly cheaper only, so the earliest of equally cheap dates is kept.
    if (!best || o.cost < best_cost) {
      best = o.depart;
      best_cost = o.cost;
    }
  }
  return best;
}

// The rule or budget that keeps option `o` (dated to fit) out given what `used` has taken:
// "economics" when it does not pay, "" when it is accepted.
std::string GreedyRun::blocked_by(const Option& o, bool must_visit, const Usage& used) const {
  const Policy& policy = input_.policy;
  const Traveller& tr = input_.travellers[o.traveller];
  const Trip& trip = o.trip;
  const Money cost = trip.cost.total();
  if (!must_visit && o.econ.advantage <= Money{0}) return "economics";
  if (used.days_used[o.traveller] + trip.days_away > tr.max_days_away)
    return "max_days_away of " + tr.id + " would be exceeded (" +
           std::to_string(used.days_used[o.traveller]) + " days planned + " +
           std::to_string(trip.days_away) + " > " + std::to_string(tr.max_days_away) + ")";
  if (policy.budget_money && used.money + cost > *policy.budget_money)
    return "the money budget would be exceeded (" + format::money(used.money, cur_) + " used + " +
           format::money(cost, cur_) + " > " + format::money(*policy.budget_money, cur_) + ")";
  if (policy.budget_cash && used.cash + trip.cost.cash() > *policy.budget_cash)
    return "the cash budget would be exceeded (" + format::money(used.cash, cur_) + " spent + " +
           format::money(trip.cost.cash(), cur_) + " > " +
           format::money(*policy.budget_cash, cur_) + ")";
  if (policy.budget_days && used.days + trip.days_away > *policy.budget_days)
    return "the days-away budget would be exceeded (" + std::to_string(used.days) +
           " days used + " + std::to_string(trip.days_away) + " > " +
           std::to_string(*policy.budget_days) + ")";
  if (policy.budget_co2 && used.co2 + trip.co2() > *policy.budget_co2)
    return "the CO2 budget would be exceeded (" + format::kg_co2e(used.co2) + " used + " +
           format::kg_co2e(trip.co2()) + " > " + format::kg_co2e(*policy.budget_co2) + ")";
  return {};
}

// One acceptance run: must-visit first, then by advantage. Clients with `out_[i]` are kept out,
// clients with `in_[i]` accepted as if they were must-visit. Returns the accepted trips, or
// nothing when a forced client cannot be visited; a must-visit client that cannot be visited
// throws, as the plan does.
std::optional<Accepted> GreedyRun::accept(const std::vector<char>& out_,
                                          const std::vector<char>& in_) {
  auto must = [&](std::size_t i) { return input_.clients[i].must_visit || in_[i] != 0; };
  std::vector<std::size_t> order(n_clients_);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (must(a) != must(b)) return must(a);
    const bool oa = !states_[a].options.empty();
    const bool ob = !states_[b].options.empty();
    if (oa != ob) return oa;
    if (oa) {
      const Money va = states_[a].options.front().econ.advantage;
      const Money vb = states_[b].options.front().econ.advantage;
      if (va != vb) return va > vb;
    }
    return input_.clients[a].id < input_.clients[b].id;
  });

  Usage used;
  used.busy.resize(n_travellers_);
  used.days_used.assign(n_travellers_, 0);
  Accepted out;
  out.choice.resize(n_clients_);

  for (const std::size_t i : order) {
    if (out_[i]) continue;
    const Client& client = input_.clients[i];
    const bool must_visit = must(i);
    const ClientState& st = states_[i];
    Choice& ch = out.choice[i];
    for (std::size_t k = 0; k < st.options.size(); ++k) {
      const Option* o = &st.options[k];
      Option redated;
      const Traveller& tr = input_.travellers[o->traveller];
      std::vector<DateRange>& busy = used.busy[o->traveller];
      std::string why;
      if (overlaps(busy, o->trip.depart, o->trip.back) && !must_visit && deadline_.expired()) {
        fit_cut_ = true;
        why = "the planner reached its time limit before fitting this trip around the others";
      } else if (overlaps(busy, o->trip.depart, o->trip.back)) {
        const std::optional<Date> d = redate(o->traveller, i, busy);
        ScheduleResult r =
            d ? sched_.schedule(o->traveller, {i}, *d) : sched_.cheapest(o->traveller, {i}, busy);
        if (r.trip) {
          redated.traveller = o->traveller;
          redated.trip = std::move(*r.trip);
          redated.econ = economics(i, redated.trip);
          o = &redated;
        } else {
          why = "no trip of " + tr.id + " fits around the trips already planned: " + r.why;
        }
      }
      if (why.empty()) why = blocked_by(*o, must_visit, used);
      if (!why.empty()) {
        if (k == 0) ch.blocked_why = why;
        continue;
      }
      const Trip& trip = o->trip;
      ch.accepted = k;
      ch.trip_index = out.trips.size();
      busy.push_back({trip.depart, trip.back});
      used.days_used[o->traveller] += trip.days_away;
      used.days += trip.days_away;
      used.money += trip.cost.total();
      used.cash += trip.cost.cash();
      used.co2 += trip.co2();
      out.objective += o->econ.advantage.count();
      out.trips.push_back(trip);
      out.trip_client.push_back(i);
      if (o == &redated) ch.redated = std::move(redated);
      break;
    }
    if (must_visit && !ch.accepted) {
      if (!client.must_visit) return std::nullopt; // a forced visit that does not fit
      std::string why;
      if (st.allowed.empty())
        why = "no traveller may visit it";
      else if (st.options.empty())
        why = st.no_trip_why;
      else
        why = ch.blocked_why.empty() ? "no traveller can take the trip" : ch.blocked_why;
      throw InfeasibleError("/clients/" + std::to_string(i),
                            "must-visit client " + client.id + " cannot be visited: " + why);
    }
  }
  return out;
}

// Break-even by re-solving: each client's decision flipped (see plan_search).
void GreedyRun::accept_and_resolve() {
  // The plan's own choices kept by re-solves: clients kept out and clients forced in.
  std::vector<char> kept_out(n_clients_, 0);
  std::vector<char> forced_in(n_clients_, 0);
  Accepted plan_run = *accept(kept_out, forced_in);
  flips_.assign(n_clients_, Flip{});
  // Each re-solve is one acceptance run over every client, so the time grows with the square of
  // the clients: larger inputs keep the marginal break-even.
  resolving_ = resolve_ && n_clients_ <= kGreedyResolveClients;
  for (std::size_t i = 0; i < n_clients_ && resolving_; ++i) {
    const ClientState& st = states_[i];
    const bool is_visited = plan_run.choice[i].accepted.has_value();
    if (st.allowed.empty() || !st.examined || st.options.empty()) continue;
    if (is_visited && input_.clients[i].must_visit) continue; // no value flips it
    if (deadline_.expired()) {
      ++marginal_only_;
      continue;
    }
    std::vector<char> out_ = kept_out;
    std::vector<char> in_ = forced_in;
    out_[i] = is_visited ? 1 : 0;
    in_[i] = is_visited ? 0 : 1;
    std::optional<Accepted> run = accept(out_, in_);
    Flip& f = flips_[i];
    f.solved = true;
    f.feasible = run.has_value();
    if (!run) continue;
    f.objective = run->objective;
    if (run->objective > plan_run.objective) {
      // A better plan: adopt it (with the flipped decision kept in later re-solves) and explain
      // every client again from the start.
      kept_out = std::move(out_);
      forced_in = std::move(in_);
      plan_run = std::move(*run);
      marginal_only_ = 0;
      flips_.assign(n_clients_, Flip{});
      i = static_cast<std::size_t>(-1); // the loop's ++i starts again at client 0
      continue;
    }
    if (!is_visited) {
      const Choice& ch = run->choice[i];
      f.forced = ch.redated ? *ch.redated : st.options[*ch.accepted];
    }
  }
  // The chosen run's decisions, into the client states.
  for (std::size_t i = 0; i < n_clients_; ++i) {
    Choice& ch = plan_run.choice[i];
    ClientState& st = states_[i];
    st.accepted = ch.accepted;
    st.trip_index = ch.trip_index;
    st.blocked_why = std::move(ch.blocked_why);
    if (ch.redated) st.options[*ch.accepted] = std::move(*ch.redated);
  }
  objective_ = plan_run.objective;
  trips_ = std::move(plan_run.trips);
  trip_client_ = std::move(plan_run.trip_client);
}

Plan GreedyRun::explain() {
  // ---- trip ids in date order ----
  std::vector<std::size_t> by_date(trips_.size());
  std::iota(by_date.begin(), by_date.end(), std::size_t{0});
  std::sort(by_date.begin(), by_date.end(), [&](std::size_t a, std::size_t b) {
    const Trip& ta = trips_[a];
    const Trip& tb = trips_[b];
    if (ta.depart != tb.depart) return ta.depart < tb.depart;
    if (ta.back != tb.back) return ta.back < tb.back;
    if (ta.traveller_id != tb.traveller_id) return ta.traveller_id < tb.traveller_id;
    return trip_client_[a] < trip_client_[b];
  });
  Plan plan;
  plan.method = "greedy-dedicated-round-trips";
  plan.notes = sched_.notes();
  plan.time_limit_reached = unexamined_ > 0 || uncompared_ > 0 || marginal_only_ > 0 || fit_cut_;
  if (unexamined_ > 0)
    plan.notes.push_back("the planner reached its time limit (time_limit_s) before pricing trips "
                         "for " +
                         std::to_string(unexamined_) + " of " + std::to_string(n_clients_) +
                         " clients (the least valuable); they are kept remote");
  if (fit_cut_)
    plan.notes.push_back("the planner reached its time limit (time_limit_s) before fitting "
                         "every trip around the others: those clients are kept remote");
  if (uncompared_ > 0) plan.notes.push_back(uncompared_calls_note(uncompared_));
  if (marginal_only_ > 0) plan.notes.push_back(marginal_break_even_note(marginal_only_));
  if (resolve_ && !resolving_)
    plan.notes.push_back(unresolved_break_even_note(kGreedyResolveClients));
  std::vector<std::size_t> position(trips_.size());
  for (std::size_t r = 0; r < by_date.size(); ++r) {
    Trip trip = std::move(trips_[by_date[r]]);
    trip.id = "T" + std::to_string(r + 1);
    position[by_date[r]] = r;
    for (std::size_t t = 0; t < n_travellers_; ++t)
      if (input_.travellers[t].id == trip.traveller_id)
        trip.briefings = brief_trip(trip, sched_.home_city(t), input_, net_);
    plan.totals.trip_cost += trip.cost;
    plan.totals.co2 += trip.co2();
    plan.totals.days_away += trip.days_away;
    plan.trips.push_back(std::move(trip));
  }
  plan.totals.trips = static_cast<int>(plan.trips.size());

  // ---- decisions, in input order ----
  std::vector<RemoteCalls> remotes;
  for (std::size_t i = 0; i < n_clients_; ++i) {
    const Client& client = input_.clients[i];
    const ClientState& st = states_[i];
    ClientDecision d = start_decision(client, st.remote_value, st.remote.total());
    const Option* best = st.options.empty() ? nullptr : &st.options.front();
    const Option* used = st.accepted ? &st.options[*st.accepted] : best;
    const std::string& country = net_.city(sched_.client_city(i)).country;
    // The economics the decision states: with a re-solve, its break-even (a forced visit's run
    // gives the visit's trip and fair).
    const Flip& f = flips_[i];
    const bool replanned = f.solved && f.feasible;
    std::optional<VisitEconomics> shown;
    if (used) shown = used->econ;
    if (replanned) {
      const Option& o = st.accepted ? *used : *f.forced;
      VisitEconomics e = o.econ;
      const double uplift = fair_uplift(input_, client, country, o.trip.visits.front());
      const double visit = static_cast<double>(objective_);
      const double other = static_cast<double>(f.objective);
      const double eff = input_.policy.remote_effectiveness;
      e.break_even = st.accepted ? flip_value(st.base_value, uplift, eff, other, visit)
                                 : flip_value(st.base_value, uplift, eff, visit, other);
      if (!st.accepted) e.trip_cost = used ? used->econ.trip_cost : e.trip_cost;
      shown = e;
    } else if (f.solved && !st.accepted && shown) {
      shown->break_even.reset(); // no plan that visits it keeps the rules
    }
    const std::string replan =
        replanned ? replanned_clause(st.accepted ? "without" : "with",
                                     static_cast<double>(objective_ - f.objective), cur_)
                  : std::string();
    state_economics(d, shown, st.base_value);
    d.marginal_cost = used ? used->econ.trip_cost : Money{0};
    if (st.accepted) {
      explain_visited(i, d, shown, replan, position, plan);
      record_visit(plan, d, plan.trips[position[*st.trip_index]], *shown);
    } else {
      explain_remote(i, d, shown, replan);
      record_remote(plan, d, input_, sched_, i, st.remote_traveller, st.remote, st.remote_value,
                    remotes);
    }
    plan.decisions.push_back(std::move(d));
  }
  schedule_remote_calls(plan, input_, net_, sched_, remotes);
  finish_totals(plan, input_.policy);
  return plan;
}

void GreedyRun::explain_visited(std::size_t i, ClientDecision& d,
                                const std::optional<VisitEconomics>& shown,
                                const std::string& replan, const std::vector<std::size_t>& position,
                                const Plan& plan) const {
  const ClientState& st = states_[i];
  const Trip& trip = plan.trips[position[*st.trip_index]];
  d.reason = visited_opening(input_.clients[i], trip) + ", which " +
             nets_clause(shown->advantage, cur_) + replan;
  d.reason += visited_break_even_clause(*shown, cur_) + ".";
  if (st.accepted != 0 && !st.blocked_why.empty())
    d.reason += " The first choice of traveller was blocked: " + st.blocked_why + ".";
}

void GreedyRun::explain_remote(std::size_t i, ClientDecision& d,
                               const std::optional<VisitEconomics>& shown,
                               const std::string& replan) const {
  const ClientState& st = states_[i];
  const Option* best = st.options.empty() ? nullptr : &st.options.front();
  const Flip& f = flips_[i];
  const bool replanned = f.solved && f.feasible;
  if (st.allowed.empty()) {
    d.reason = kNoTravellerReason;
  } else if (!st.examined) {
    d.reason = "Remote: the planner reached its time limit (time_limit_s) before pricing a "
               "trip to this client.";
  } else if (!best) {
    d.reason = "Remote: no feasible trip, " + st.no_trip_why + ".";
  } else if (st.blocked_why == "economics") {
    d.reason = "Remote: a visit would net " + format::money(-best->econ.advantage, cur_) +
               " less than remote calls" + replan + remote_break_even_clause(*shown, cur_) + ".";
  } else {
    d.reason = "Remote: a visit would net " + format::money(best->econ.advantage, cur_) +
               " more than remote calls, but " + st.blocked_why +
               (replanned  ? replan + remote_break_even_clause(*shown, cur_)
                : f.solved ? std::string(", and no re-planned quarter visits it within the rules")
                           : std::string()) +
               ".";
  }
}

} // namespace

std::string unresolved_break_even_note(std::size_t limit) {
  return "break-even values come from each client's marginal cost in the plan: the planner "
         "re-solves for them on inputs of up to " +
         std::to_string(limit) + " clients";
}

Plan plan_greedy(const Input& input, const network::Network& net, core::Deadline deadline) {
  const Scheduler sched(input, net);
  cost::SlotCache slots;
  return plan_greedy(input, net, sched, deadline, slots);
}

Plan plan_greedy(const Input& input, const network::Network& net, const Scheduler& sched,
                 core::Deadline deadline, cost::SlotCache& slots, bool resolve) {
  GreedyRun run(input, net, sched, deadline, slots, resolve);
  run.price_clients();
  run.accept_and_resolve();
  Plan plan = run.explain();
  describe_plan(plan, input, net);
  return plan;
}

} // namespace flyorcall::optimize
