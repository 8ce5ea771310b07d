#include "optimize/decisions.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <utility>
#include <vector>

#include "cost/call_schedule.hpp"
#include "cost/remote_cost.hpp"
#include "model/format.hpp"
#include "time/zones.hpp"

namespace flyorcall::optimize {

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
  return " (visit value " + format::money(e.value, currency) + " vs break-even " +
         format::money(*e.break_even, currency) + ")";
}

std::string remote_break_even_clause(const VisitEconomics& e, const std::string& currency) {
  if (e.break_even)
    return " (visit value " + format::money(e.value, currency) + " is not above the break-even " +
           format::money(*e.break_even, currency) + ")";
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

ClientDecision start_decision(const Client& client, Money remote_value, Money remote_cost) {
  ClientDecision d;
  d.client_id = client.id;
  d.remote_value = remote_value;
  d.remote_cost = remote_cost;
  return d;
}

void state_economics(ClientDecision& d, const std::optional<VisitEconomics>& shown,
                     Money base_value) {
  d.value = shown ? shown->value : base_value;
  d.break_even_defined = shown && shown->break_even.has_value();
  d.break_even_value = d.break_even_defined ? *shown->break_even : Money{0};
}

std::string visited_opening(const Client& client, const Trip& trip) {
  return std::string(client.must_visit ? "Must-visit: visited" : "Visited") + " on " + trip.id +
         " by " + trip.traveller_id;
}

std::string nets_clause(Money advantage, const std::string& currency) {
  return "nets " + format::money(advantage < Money{0} ? -advantage : advantage, currency) +
         (advantage >= Money{0} ? " more" : " less") + " than remote calls";
}

void record_visit(Plan& plan, ClientDecision& d, const Trip& trip, const VisitEconomics& e) {
  d.visit = true;
  d.trip_id = trip.id;
  d.traveller_id = trip.traveller_id;
  plan.totals.visits += 1;
  plan.totals.value += e.value;
  plan.totals.remote_cost += e.remote_left;
}

void record_remote(Plan& plan, ClientDecision& d, const Input& input, const Scheduler& sched,
                   std::size_t client, std::optional<std::size_t> remote_traveller,
                   const cost::RemoteCost& remote, Money remote_value,
                   std::vector<RemoteCalls>& remotes) {
  if (remote_traveller) d.traveller_id = input.travellers[*remote_traveller].id;
  add_remote_decision(plan, d, remote, remote_traveller.has_value(), remote_value,
                      sched.zone(sched.client_city(client)));
  if (remote_traveller)
    remotes.push_back({plan.decisions.size(), client, *remote_traveller, remote});
}

void finish_totals(Plan& plan, const Policy& policy) {
  plan.totals.net = plan.totals.value - plan.totals.trip_cost.total() - plan.totals.remote_cost;
  plan.budget = BudgetUse{.money = plan.totals.trip_cost.total(),
                          .cash = plan.totals.trip_cost.cash(),
                          .days = plan.totals.days_away,
                          .co2 = plan.totals.co2,
                          .money_limit = policy.budget_money,
                          .cash_limit = policy.budget_cash,
                          .days_limit = policy.budget_days,
                          .co2_limit = policy.budget_co2};
}

std::string marginal_break_even_note(std::size_t count) {
  return "the planner reached its time limit (time_limit_s) before re-solving for " +
         std::to_string(count) + (count == 1 ? " client" : " clients") +
         ": their break-even values come from their marginal cost in the plan";
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
         format::money(d, currency) + " less";
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

} // namespace flyorcall::optimize
