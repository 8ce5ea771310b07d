#include "optimize/greedy.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>
#include <span>
#include <utility>
#include <vector>

#include "cost/call_schedule.hpp"
#include "cost/remote_cost.hpp"
#include "cost/value.hpp"
#include "flyorcall/errors.hpp"
#include "flyorcall/flyorcall.hpp"
#include "network/rates.hpp"
#include "optimize/briefing.hpp"
#include "optimize/quarter.hpp"
#include "optimize/schedule.hpp"
#include "time/zones.hpp"

namespace flyorcall {

namespace {

/// "; <what> for A, B, C and 2 more" for the codes, or "" when there are none.
std::string overridden(const char* what, const std::vector<std::string>& codes) {
  if (codes.empty()) return {};
  std::string out = std::string("; ") + what + " for ";
  const std::size_t shown = std::min<std::size_t>(codes.size(), 5);
  for (std::size_t k = 0; k < shown; ++k) out += (k ? ", " : "") + codes[k];
  if (codes.size() > shown) out += " and " + std::to_string(codes.size() - shown) + " more";
  return out;
}

/// Which table and year each traveller's per diem and every hotel night came from, and which
/// cities the input prices itself.
void record_rate_sources(Plan& plan, const Input& input, const network::Network& net) {
  std::vector<std::string> own_hotel;
  std::vector<std::string> own_per_diem;
  for (const City& c : input.network.cities) {
    if (c.hotel_night) own_hotel.push_back(c.code);
    if (c.per_diem) own_per_diem.push_back(c.code);
  }
  std::vector<std::string> custom;
  for (const CustomAllowance& a : input.policy.custom_allowances) custom.push_back(a.city);
  plan.hotel_source =
      network::lodging_source() + overridden("the input's own hotel rates", own_hotel);
  for (const auto& t : input.travellers) {
    const AllowanceTable table = cost::allowance_table(t, input.policy, net);
    plan.allowances.push_back({t.id, table,
                               network::allowance_source(table) +
                                   overridden("the policy's custom allowances", custom) +
                                   overridden("the input's own per diems", own_per_diem)});
  }
}

} // namespace

Plan plan_quarter(const Input& input, PlanMethod method) {
  const network::Network net = network::Network::build(input);
  const auto deadline =
      optimize::core::Deadline::after_ms(std::llround(input.time_limit_s * 1000.0));
  if (method == PlanMethod::greedy) {
    Plan plan = optimize::plan_greedy(input, net, deadline);
    record_rate_sources(plan, input, net);
    return plan;
  }
  if (method == PlanMethod::exact) {
    // What the exact solver cannot finish is refused before any work, every limit at once
    // (in document order).
    std::vector<Problem> over;
    if (const auto days = (input.horizon.last - input.horizon.first).count() + 1;
        days > optimize::kQuarterExactMaxDays)
      over.push_back({"/end", "method exact plans a horizon of at most " +
                                  std::to_string(optimize::kQuarterExactMaxDays) +
                                  " days (one quarter), found " + std::to_string(days) + " days"});
    if (input.travellers.size() > optimize::kQuarterExactMaxTravellers)
      over.push_back({"/travellers", "method exact takes at most " +
                                         std::to_string(optimize::kQuarterExactMaxTravellers) +
                                         " travellers, found " +
                                         std::to_string(input.travellers.size())});
    if (input.clients.size() > optimize::kQuarterExactMaxClients)
      over.push_back({"/clients", "method exact takes at most " +
                                      std::to_string(optimize::kQuarterExactMaxClients) +
                                      " clients, found " + std::to_string(input.clients.size())});
    if (!over.empty()) throw InputError(std::move(over));
  }
  optimize::QuarterOptions options;
  options.exact = method == PlanMethod::exact;
  options.seed = input.seed;
  options.effort = input.policy.effort;
  options.deadline = deadline;
  Plan plan = optimize::plan_search(input, net, options);
  record_rate_sources(plan, input, net);
  return plan;
}

namespace optimize {

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

} // namespace

std::string format_money(Money m, const std::string& currency) {
  const std::int64_t c = m.count();
  const std::int64_t a = c < 0 ? -c : c;
  std::string s = (c < 0 ? "-" : "") + std::to_string(a / 100) + ".";
  const std::int64_t cents = a % 100;
  s += static_cast<char>('0' + cents / 10);
  s += static_cast<char>('0' + cents % 10);
  return s + " " + currency;
}

std::string format_kg(GramsCo2 g) {
  const auto tenths = std::llround(static_cast<double>(g.count()) / 100.0);
  return std::to_string(tenths / 10) + "." + std::to_string(std::llabs(tenths % 10)) + " kg CO2e";
}

RemoteBaseline remote_baseline(const Input& input, const network::Network& net,
                               const Scheduler& sched, std::size_t client, cost::SlotCache& slots,
                               core::Deadline deadline) {
  const Client& c = input.clients[client];
  RemoteBaseline b;
  for (std::size_t t = 0; t < input.travellers.size(); ++t) {
    const auto& ids = c.travellers;
    if (ids.empty() || std::find(ids.begin(), ids.end(), input.travellers[t].id) != ids.end())
      b.allowed.push_back(t);
  }
  for (const std::size_t t : b.allowed) {
    if (b.remote_traveller && deadline.expired()) {
      b.compared = false;
      break;
    }
    cost::RemoteCost rc =
        cost::remote_cost(c, input.travellers[t], net, input.policy, input.horizon,
                          sched.client_calendar(client), sched.traveller_calendar(t), &slots);
    if (!b.remote_traveller || rc.total() < b.remote.total()) {
      b.remote_traveller = t;
      b.remote = std::move(rc);
    }
  }
  return b;
}

std::string visited_break_even_clause(const VisitEconomics& e, const std::string& currency) {
  if (!e.break_even) return {};
  return " (visit value " + format_money(e.value, currency) + " vs break-even " +
         format_money(*e.break_even, currency) + ")";
}

std::string remote_break_even_clause(const VisitEconomics& e, const std::string& currency) {
  if (e.break_even)
    return " (visit value " + format_money(e.value, currency) + " is not above the break-even " +
           format_money(*e.break_even, currency) + ")";
  return ", and no visit value changes that because remote meetings are as effective as a visit";
}

void add_remote_decision(Plan& plan, ClientDecision& d, const cost::RemoteCost& remote,
                         bool has_caller, Money remote_value, const date::time_zone* client_zone) {
  if (remote.slot && has_caller) d.call_slot = call_slot_summary(*remote.slot, client_zone);
  plan.totals.remote += 1;
  plan.totals.value += remote_value;
  plan.totals.remote_cost += remote.total();
}

void schedule_remote_calls(Plan& plan, const Input& input, const network::Network& net,
                           const Scheduler& sched, const std::vector<RemoteCalls>& remotes) {
  std::vector<cost::CallSeries> series;
  for (const RemoteCalls& r : remotes)
    series.push_back({&input.clients[r.client], &input.travellers[r.traveller], r.traveller,
                      &sched.client_calendar(r.client), &sched.traveller_calendar(r.traveller),
                      r.remote});
  const cost::CallSchedule schedule =
      cost::schedule_calls(series, net, input.policy, input.horizon);
  const std::vector<cost::RemoteCost>& scheduled = schedule.remote;
  for (const std::size_t t : schedule.crowded)
    plan.notes.push_back("traveller " + input.travellers[t].id + " runs the calls of more than " +
                         std::to_string(cost::kMaxJointSeries) +
                         " remote clients; their weekly calls keep each client's best slot and "
                         "may overlap");
  for (std::size_t k = 0; k < remotes.size(); ++k) {
    const RemoteCalls& r = remotes[k];
    const cost::RemoteCost& now = scheduled[k];
    ClientDecision& d = plan.decisions[r.decision];
    plan.totals.remote_cost += now.total() - r.remote.total();
    d.remote_cost = now.total();
    d.call_slot.reset();
    if (now.slot)
      d.call_slot = call_slot_summary(*now.slot, sched.zone(sched.client_city(r.client)));
  }
}

void finish_totals(Plan& plan, const Policy& policy) {
  plan.totals.net = plan.totals.value - plan.totals.trip_cost.total() - plan.totals.remote_cost;
  plan.budget.money = plan.totals.trip_cost.total();
  plan.budget.cash = plan.totals.trip_cost.cash();
  plan.budget.days = plan.totals.days_away;
  plan.budget.co2 = plan.totals.co2;
  plan.budget.money_limit = policy.budget_money;
  plan.budget.cash_limit = policy.budget_cash;
  plan.budget.days_limit = policy.budget_days;
  plan.budget.co2_limit = policy.budget_co2;
}

std::string marginal_break_even_note(std::size_t count) {
  return "the planner reached its time limit (time_limit_s) before re-solving for " +
         std::to_string(count) + (count == 1 ? " client" : " clients") +
         ": their break-even values come from their marginal cost in the plan";
}

std::string unresolved_break_even_note(std::size_t limit) {
  return "break-even values come from each client's marginal cost in the plan: the planner "
         "re-solves for them on inputs of up to " +
         std::to_string(limit) + " clients";
}

std::optional<Money> flip_value(Money base_value, double uplift, double effectiveness,
                                double remote_objective, double visit_objective) {
  const double slope = 1.0 + uplift - effectiveness;
  if (slope <= 1e-9) return std::nullopt;
  const double v =
      static_cast<double>(base_value.count()) + (remote_objective - visit_objective) / slope;
  return Money{static_cast<std::int64_t>(std::llround(v * (1.0 + uplift)))};
}

std::string replanned_clause(const char* with, double loss, const std::string& currency) {
  const Money d{static_cast<std::int64_t>(std::llround(std::max(0.0, loss)))};
  return std::string("; re-planned ") + with + " it, the quarter nets " +
         format_money(d, currency) + " less";
}

std::string uncompared_calls_note(std::size_t count) {
  return "the planner reached its time limit (time_limit_s) before comparing which traveller's "
         "calls cost least for " +
         std::to_string(count) + (count == 1 ? " client" : " clients") +
         "; their calls go to the first traveller allowed to visit them";
}

VisitEconomics visit_economics(const Client& client, const Policy& policy, Money base_value,
                               double uplift, Money remote_value, Money remote_cost,
                               Money trip_cost) {
  VisitEconomics e;
  e.value = scale(base_value, 1.0 + uplift);
  e.remote_value = remote_value;
  e.remote_cost = remote_cost;
  e.trip_cost = trip_cost;
  const int meetings = client.remote_meetings;
  const int left = std::max(0, meetings - policy.visit_replaces_meetings);
  e.remote_left =
      meetings > 0 ? scale(remote_cost, static_cast<double>(left) / meetings) : Money{0};
  const Money saving = remote_cost - e.remote_left;
  e.advantage = (e.value - trip_cost - e.remote_left) - (remote_value - remote_cost);
  // The break-even is stated in the same terms as `value` (fair included), so that the plan's
  // value > break-even exactly when the visit pays. With V = v (1 + uplift) the visit value and
  // remote value v eff = V eff / (1 + uplift):
  //   advantage(V) = V (1 + uplift - eff) / (1 + uplift) - (trip - saving).
  // With eff >= 1 + uplift the value no longer moves the comparison: no break-even exists.
  const double denominator = 1.0 + uplift - policy.remote_effectiveness;
  if (denominator > 1e-9) e.break_even = scale(trip_cost - saving, (1.0 + uplift) / denominator);
  return e;
}

double fair_uplift(const Input& input, const Client& client, const std::string& country,
                   const Visit& visit) {
  double best = 0;
  for (const Event& e : input.events) {
    if (e.kind != EventKind::fair) continue;
    if (event_at(e, client.city, country) && e.dates.first <= visit.date &&
        visit.date <= e.dates.last)
      best = std::max(best, e.value_uplift);
  }
  return best;
}

CallSlotSummary call_slot_summary(const timez::WeeklySlot& slot,
                                  const date::time_zone* client_zone) {
  CallSlotSummary s;
  s.weekday = static_cast<int>(slot.weekday.c_encoding());
  s.traveller_local_min = slot.anchor_start_min;
  if (!slot.mean_offhours.empty()) s.traveller_offhours_min = slot.mean_offhours[0];
  if (slot.mean_offhours.size() > 1) s.client_offhours_min = slot.mean_offhours[1];
  bool first = true;
  int previous = 0;
  for (const timez::SlotOccurrence& occ : slot.occurrences) {
    if (occ.local_start_min.size() < 2) continue;
    const int client_min = occ.local_start_min[1];
    if (first) {
      s.client_local_min = client_min;
      first = false;
    } else if (client_min != previous) {
      const auto local = timez::to_local(occ.start, client_zone);
      s.client_shifts.emplace_back(Date{date::floor<date::days>(local).time_since_epoch()},
                                   client_min);
    }
    previous = client_min;
  }
  return s;
}

Plan plan_greedy(const Input& input, const network::Network& net, core::Deadline deadline) {
  const Scheduler sched(input, net);
  cost::SlotCache slots;
  return plan_greedy(input, net, sched, deadline, slots);
}

Plan plan_greedy(const Input& input, const network::Network& net, const Scheduler& sched,
                 core::Deadline deadline, cost::SlotCache& slots, bool resolve) {
  const Policy& policy = input.policy;
  const std::string& cur = input.currency;
  const std::size_t n_clients = input.clients.size();
  const std::size_t n_travellers = input.travellers.size();

  // ---- every client on its own: remote baseline and each traveller's best dedicated trip ----
  std::vector<ClientState> states(n_clients);
  auto economics = [&](std::size_t i, const Trip& trip) {
    const Client& client = input.clients[i];
    const ClientState& st = states[i];
    const std::string& country = net.city(sched.client_city(i)).country;
    return visit_economics(client, policy, st.base_value,
                           fair_uplift(input, client, country, trip.visits.front()),
                           st.remote_value, st.remote.total(), trip.cost.total());
  };
  // Must-visit clients first, then by visit value, so that a deadline that cuts the pricing
  // short leaves out the least valuable clients.
  std::vector<std::size_t> examine(n_clients);
  std::iota(examine.begin(), examine.end(), std::size_t{0});
  std::vector<Money> values(n_clients);
  for (std::size_t i = 0; i < n_clients; ++i) values[i] = cost::visit_value(input.clients[i]);
  std::stable_sort(examine.begin(), examine.end(), [&](std::size_t a, std::size_t b) {
    if (input.clients[a].must_visit != input.clients[b].must_visit)
      return input.clients[a].must_visit;
    return values[a] > values[b];
  });
  std::size_t unexamined = 0;
  std::size_t uncompared = 0;
  for (const std::size_t i : examine) {
    const Client& client = input.clients[i];
    ClientState& st = states[i];
    RemoteBaseline rb = remote_baseline(input, net, sched, i, slots, deadline);
    if (!rb.compared) ++uncompared;
    st.allowed = std::move(rb.allowed);
    st.remote_traveller = rb.remote_traveller;
    st.remote = std::move(rb.remote);
    st.base_value = values[i];
    st.remote_value = cost::remote_value(client, policy);
    if (!client.must_visit && deadline.expired()) {
      ++unexamined;
      continue;
    }
    st.examined = true;

    for (const std::size_t t : st.allowed) {
      ScheduleResult r = sched.cheapest(t, {i}, {});
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

  // ---- greedy acceptance: must-visit first, then by advantage ----
  // What one acceptance run decides for a client; the priced states are not changed by a run.
  struct Choice {
    std::optional<std::size_t> accepted;   // index into the client's options
    std::optional<std::size_t> trip_index; // index into the run's trips
    std::string blocked_why;               // the rule or budget that kept the best option out
    std::optional<Option> redated;         // the accepted option, dated again around others
  };
  struct Accepted {
    std::vector<Trip> trips;
    std::vector<std::size_t> trip_client;
    std::int64_t objective = 0; // sum of the accepted visits' advantages, cents
    std::vector<Choice> choice; // per client
  };
  // A trip dated again around the trips already accepted picks, as Scheduler::cheapest does,
  // the cheapest (then earliest) departure that overlaps none of them, from the departures the
  // trip pricer looks up once per traveller and client.
  const TripPricer pricer(input, net, sched, values);
  auto redate = [&](std::size_t t, std::size_t i,
                    const std::vector<DateRange>& busy) -> std::optional<Date> {
    const int stop = static_cast<int>(i);
    std::optional<Date> best;
    std::int64_t best_cost = 0;
    for (const TripOption& o : pricer.options(t, std::span<const int>(&stop, 1))) {
      if (overlaps(busy, o.depart, o.back)) continue;
      // Strictly cheaper only, so the earliest of equally cheap dates is kept.
      if (!best || o.cost < best_cost) {
        best = o.depart;
        best_cost = o.cost;
      }
    }
    return best;
  };
  bool fit_cut = false; // the deadline kept a trip from being dated around the others
  // One acceptance run. Clients with `out_[i]` are kept out, clients with `in_[i]` accepted as
  // if they were must-visit. Returns the accepted trips, or nothing when a forced client cannot
  // be visited; a must-visit client that cannot be visited throws, as the plan does.
  auto accept = [&](const std::vector<char>& out_,
                    const std::vector<char>& in_) -> std::optional<Accepted> {
    auto must = [&](std::size_t i) { return input.clients[i].must_visit || in_[i] != 0; };
    std::vector<std::size_t> order(n_clients);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      if (must(a) != must(b)) return must(a);
      const bool oa = !states[a].options.empty();
      const bool ob = !states[b].options.empty();
      if (oa != ob) return oa;
      if (oa) {
        const Money va = states[a].options.front().econ.advantage;
        const Money vb = states[b].options.front().econ.advantage;
        if (va != vb) return va > vb;
      }
      return input.clients[a].id < input.clients[b].id;
    });

    std::vector<std::vector<DateRange>> busy(n_travellers);
    std::vector<int> days_used(n_travellers, 0);
    Money money_used{0};
    Money cash_used{0};
    int days_total = 0;
    GramsCo2 co2_used{0};
    Accepted out;
    out.choice.resize(n_clients);

    for (const std::size_t i : order) {
      if (out_[i]) continue;
      const Client& client = input.clients[i];
      const bool must_visit = must(i);
      const ClientState& st = states[i];
      Choice& ch = out.choice[i];
      for (std::size_t k = 0; k < st.options.size(); ++k) {
        const Option* o = &st.options[k];
        Option redated;
        const Traveller& tr = input.travellers[o->traveller];
        std::string why;
        if (overlaps(busy[o->traveller], o->trip.depart, o->trip.back) && !must_visit &&
            deadline.expired()) {
          fit_cut = true;
          why = "the planner reached its time limit before fitting this trip around the others";
        } else if (overlaps(busy[o->traveller], o->trip.depart, o->trip.back)) {
          const std::optional<Date> d = redate(o->traveller, i, busy[o->traveller]);
          ScheduleResult r = d ? sched.schedule(o->traveller, {i}, *d)
                               : sched.cheapest(o->traveller, {i}, busy[o->traveller]);
          if (r.trip) {
            redated.traveller = o->traveller;
            redated.trip = std::move(*r.trip);
            redated.econ = economics(i, redated.trip);
            o = &redated;
          } else {
            why = "no trip of " + tr.id + " fits around the trips already planned: " + r.why;
          }
        }
        const Trip& trip = o->trip;
        const Money cost = trip.cost.total();
        if (!why.empty()) {
        } else if (!must_visit && o->econ.advantage <= Money{0}) {
          why = "economics";
        } else if (days_used[o->traveller] + trip.days_away > tr.max_days_away) {
          why = "max_days_away of " + tr.id + " would be exceeded (" +
                std::to_string(days_used[o->traveller]) + " days planned + " +
                std::to_string(trip.days_away) + " > " + std::to_string(tr.max_days_away) + ")";
        } else if (policy.budget_money && money_used + cost > *policy.budget_money) {
          why = "the money budget would be exceeded (" + format_money(money_used, cur) +
                " used + " + format_money(cost, cur) + " > " +
                format_money(*policy.budget_money, cur) + ")";
        } else if (policy.budget_cash && cash_used + trip.cost.cash() > *policy.budget_cash) {
          why = "the cash budget would be exceeded (" + format_money(cash_used, cur) + " spent + " +
                format_money(trip.cost.cash(), cur) + " > " +
                format_money(*policy.budget_cash, cur) + ")";
        } else if (policy.budget_days && days_total + trip.days_away > *policy.budget_days) {
          why = "the days-away budget would be exceeded (" + std::to_string(days_total) +
                " days used + " + std::to_string(trip.days_away) + " > " +
                std::to_string(*policy.budget_days) + ")";
        } else if (policy.budget_co2 && co2_used + trip.co2() > *policy.budget_co2) {
          why = "the CO2 budget would be exceeded (" + format_kg(co2_used) + " used + " +
                format_kg(trip.co2()) + " > " + format_kg(*policy.budget_co2) + ")";
        }
        if (!why.empty()) {
          if (k == 0) ch.blocked_why = why;
          continue;
        }
        ch.accepted = k;
        ch.trip_index = out.trips.size();
        busy[o->traveller].push_back({trip.depart, trip.back});
        days_used[o->traveller] += trip.days_away;
        days_total += trip.days_away;
        money_used += cost;
        cash_used += trip.cost.cash();
        co2_used += trip.co2();
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
  };

  // The plan's own choices kept by re-solves: clients kept out and clients forced in.
  std::vector<char> kept_out(n_clients, 0);
  std::vector<char> forced_in(n_clients, 0);
  Accepted plan_run = *accept(kept_out, forced_in);

  // ---- break-even by re-solving: each client's decision flipped (see plan_search) ----
  struct Flip {
    bool solved = false;
    bool feasible = false;
    std::int64_t objective = 0;
    std::optional<Option> forced; // a forced visit's option in its run, for its economics
  };
  std::vector<Flip> flips(n_clients);
  std::size_t marginal_only = 0;
  // Each re-solve is one acceptance run over every client, so the time grows with the square of
  // the clients: larger inputs keep the marginal break-even.
  const bool resolving = resolve && n_clients <= kGreedyResolveClients;
  for (std::size_t i = 0; i < n_clients && resolving; ++i) {
    const ClientState& st = states[i];
    const bool is_visited = plan_run.choice[i].accepted.has_value();
    if (st.allowed.empty() || !st.examined || st.options.empty()) continue;
    if (is_visited && input.clients[i].must_visit) continue; // no value flips it
    if (deadline.expired()) {
      ++marginal_only;
      continue;
    }
    std::vector<char> out_ = kept_out;
    std::vector<char> in_ = forced_in;
    out_[i] = is_visited ? 1 : 0;
    in_[i] = is_visited ? 0 : 1;
    std::optional<Accepted> run = accept(out_, in_);
    Flip& f = flips[i];
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
      marginal_only = 0;
      flips.assign(n_clients, Flip{});
      i = static_cast<std::size_t>(-1); // the loop's ++i starts again at client 0
      continue;
    }
    if (!is_visited) {
      const Choice& ch = run->choice[i];
      f.forced = ch.redated ? *ch.redated : st.options[*ch.accepted];
    }
  }
  // The chosen run's decisions, into the client states.
  for (std::size_t i = 0; i < n_clients; ++i) {
    Choice& ch = plan_run.choice[i];
    ClientState& st = states[i];
    st.accepted = ch.accepted;
    st.trip_index = ch.trip_index;
    st.blocked_why = std::move(ch.blocked_why);
    if (ch.redated) st.options[*ch.accepted] = std::move(*ch.redated);
  }
  std::vector<Trip> trips = std::move(plan_run.trips);
  const std::vector<std::size_t> trip_client = std::move(plan_run.trip_client);

  // ---- trip ids in date order ----
  std::vector<std::size_t> by_date(trips.size());
  std::iota(by_date.begin(), by_date.end(), std::size_t{0});
  std::sort(by_date.begin(), by_date.end(), [&](std::size_t a, std::size_t b) {
    const Trip& ta = trips[a];
    const Trip& tb = trips[b];
    if (ta.depart != tb.depart) return ta.depart < tb.depart;
    if (ta.back != tb.back) return ta.back < tb.back;
    if (ta.traveller_id != tb.traveller_id) return ta.traveller_id < tb.traveller_id;
    return trip_client[a] < trip_client[b];
  });
  Plan plan;
  plan.method = "greedy-dedicated-round-trips";
  plan.notes = sched.notes();
  plan.time_limit_reached = unexamined > 0 || uncompared > 0 || marginal_only > 0 || fit_cut;
  if (unexamined > 0)
    plan.notes.push_back("the planner reached its time limit (time_limit_s) before pricing trips "
                         "for " +
                         std::to_string(unexamined) + " of " + std::to_string(n_clients) +
                         " clients (the least valuable); they are kept remote");
  if (fit_cut)
    plan.notes.push_back("the planner reached its time limit (time_limit_s) before fitting "
                         "every trip around the others: those clients are kept remote");
  if (uncompared > 0) plan.notes.push_back(uncompared_calls_note(uncompared));
  if (marginal_only > 0) plan.notes.push_back(marginal_break_even_note(marginal_only));
  if (resolve && !resolving)
    plan.notes.push_back(unresolved_break_even_note(kGreedyResolveClients));
  std::vector<std::size_t> position(trips.size());
  for (std::size_t r = 0; r < by_date.size(); ++r) {
    Trip trip = std::move(trips[by_date[r]]);
    trip.id = "T" + std::to_string(r + 1);
    position[by_date[r]] = r;
    for (std::size_t t = 0; t < n_travellers; ++t)
      if (input.travellers[t].id == trip.traveller_id)
        trip.briefings = brief_trip(trip, sched.home_city(t), input, net);
    plan.totals.trip_cost += trip.cost;
    plan.totals.co2 += trip.co2();
    plan.totals.days_away += trip.days_away;
    plan.trips.push_back(std::move(trip));
  }
  plan.totals.trips = static_cast<int>(plan.trips.size());

  // ---- decisions, in input order ----
  std::vector<RemoteCalls> remotes;
  for (std::size_t i = 0; i < n_clients; ++i) {
    const Client& client = input.clients[i];
    const ClientState& st = states[i];
    ClientDecision d;
    d.client_id = client.id;
    d.remote_value = st.remote_value;
    d.remote_cost = st.remote.total();
    const Option* best = st.options.empty() ? nullptr : &st.options.front();
    const Option* used = st.accepted ? &st.options[*st.accepted] : best;
    const std::string& country = net.city(sched.client_city(i)).country;
    // The economics the decision states: with a re-solve, its break-even (a forced visit's run
    // gives the visit's trip and fair).
    const Flip& f = flips[i];
    const bool replanned = f.solved && f.feasible;
    std::optional<VisitEconomics> shown;
    if (used) shown = used->econ;
    if (replanned) {
      const Option& o = st.accepted ? *used : *f.forced;
      VisitEconomics e = o.econ;
      const double uplift = fair_uplift(input, client, country, o.trip.visits.front());
      const double visit = static_cast<double>(plan_run.objective);
      const double other = static_cast<double>(f.objective);
      e.break_even =
          st.accepted
              ? flip_value(st.base_value, uplift, policy.remote_effectiveness, other, visit)
              : flip_value(st.base_value, uplift, policy.remote_effectiveness, visit, other);
      if (!st.accepted) e.trip_cost = used ? used->econ.trip_cost : e.trip_cost;
      shown = e;
    } else if (f.solved && !st.accepted && shown) {
      shown->break_even.reset(); // no plan that visits it keeps the rules
    }
    const std::string replan =
        replanned ? replanned_clause(st.accepted ? "without" : "with",
                                     static_cast<double>(plan_run.objective - f.objective), cur)
                  : std::string();
    d.value = shown ? shown->value : st.base_value;
    d.marginal_cost = used ? used->econ.trip_cost : Money{0};
    d.break_even_defined = shown && shown->break_even.has_value();
    d.break_even_value = d.break_even_defined ? *shown->break_even : Money{0};

    if (st.accepted) {
      const Trip& trip = plan.trips[position[*st.trip_index]];
      const VisitEconomics& e = *shown;
      d.visit = true;
      d.trip_id = trip.id;
      d.traveller_id = trip.traveller_id;
      const std::string gap =
          format_money(e.advantage < Money{0} ? -e.advantage : e.advantage, cur);
      const std::string more = e.advantage >= Money{0} ? " more" : " less";
      d.reason = std::string(client.must_visit ? "Must-visit: visited" : "Visited") + " on " +
                 trip.id + " by " + trip.traveller_id + ", which nets " + gap + more +
                 " than remote calls" + replan;
      d.reason += visited_break_even_clause(e, cur) + ".";
      if (st.accepted != 0 && !st.blocked_why.empty())
        d.reason += " The first choice of traveller was blocked: " + st.blocked_why + ".";
      plan.totals.visits += 1;
      plan.totals.value += e.value;
      plan.totals.remote_cost += e.remote_left;
    } else {
      if (st.remote_traveller) d.traveller_id = input.travellers[*st.remote_traveller].id;
      if (st.allowed.empty()) {
        d.reason = "Remote: no traveller may visit or call this client.";
      } else if (!st.examined) {
        d.reason = "Remote: the planner reached its time limit (time_limit_s) before pricing a "
                   "trip to this client.";
      } else if (!best) {
        d.reason = "Remote: no feasible trip, " + st.no_trip_why + ".";
      } else if (st.blocked_why == "economics") {
        const VisitEconomics& e = best->econ;
        d.reason = "Remote: a visit would net " + format_money(-e.advantage, cur) +
                   " less than remote calls" + replan + remote_break_even_clause(*shown, cur) + ".";
      } else {
        d.reason = "Remote: a visit would net " + format_money(best->econ.advantage, cur) +
                   " more than remote calls, but " + st.blocked_why +
                   (replanned  ? replan + remote_break_even_clause(*shown, cur)
                    : f.solved ? std::string(", and no re-planned quarter visits it within the "
                                             "rules")
                               : std::string()) +
                   ".";
      }
      add_remote_decision(plan, d, st.remote, st.remote_traveller.has_value(), st.remote_value,
                          sched.zone(sched.client_city(i)));
      if (st.remote_traveller)
        remotes.push_back({plan.decisions.size(), i, *st.remote_traveller, st.remote});
    }
    plan.decisions.push_back(std::move(d));
  }
  schedule_remote_calls(plan, input, net, sched, remotes);
  finish_totals(plan, policy);
  return plan;
}

} // namespace optimize
} // namespace flyorcall
