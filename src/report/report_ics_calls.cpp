// The remote call series of a plan for its calendar export (docs/report_ics.md): the planner's
// joint weekly call schedule made again on the input the plan was made from, so that the calendar
// holds the same weekday and anchor-local start, on weeks `calls --weekly` lists, and exactly the
// number of meetings the plan prices, spread evenly over those weeks.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "cost/call_schedule.hpp"
#include "cost/remote_cost.hpp"
#include "flyorcall/errors.hpp"
#include "optimize/schedule.hpp"
#include "report/report_format.hpp"
#include "report/report_ics.hpp"

namespace flyorcall::report {
namespace {

InputError plan_mismatch(const std::string& pointer, const std::string& what) {
  return InputError(
      std::vector<Problem>{Problem{pointer, what + ": give the input the plan was made from"}});
}

/// The index of the item whose `id` member is `id`, or the number of items.
template <class T>
std::size_t index_of(const std::vector<T>& items, std::string T::*member, const std::string& id) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].*member == id) return i;
  return items.size();
}

} // namespace

std::vector<std::size_t> spread_meetings(std::size_t usable_weeks, int meetings) {
  std::vector<std::size_t> out;
  if (meetings <= 0) return out;
  const auto n = static_cast<std::size_t>(meetings);
  if (n >= usable_weeks) {
    for (std::size_t w = 0; w < usable_weeks; ++w) out.push_back(w);
    return out;
  }
  for (std::size_t i = 0; i < n; ++i) out.push_back(i * usable_weeks / n);
  return out;
}

WeeklyRule weekly_rule(const std::vector<Date>& dates) {
  if (dates.empty()) throw std::invalid_argument("weekly_rule: no dates");
  const std::set<Date> chosen(dates.begin(), dates.end());
  const int span = static_cast<int>((dates.back() - dates.front()).count() / 7);
  std::optional<WeeklyRule> best;
  for (int k = 1; k <= std::max(1, span); ++k) {
    // The rule's dates up to the last meeting; it ends (COUNT) at the last one that is a meeting.
    std::vector<Date> generated;
    int count = 1;
    for (Date d = dates.front(); d <= dates.back(); d += date::days{7 * k}) {
      generated.push_back(d);
      if (chosen.contains(d)) count = static_cast<int>(generated.size());
    }
    generated.resize(static_cast<std::size_t>(count));
    WeeklyRule r;
    r.interval = k;
    r.count = count;
    for (const Date d : generated)
      if (!chosen.contains(d)) r.exdates.push_back(d);
    for (const Date d : dates)
      if (!std::binary_search(generated.begin(), generated.end(), d)) r.rdates.push_back(d);
    if (!best || r.exdates.size() + r.rdates.size() < best->exdates.size() + best->rdates.size())
      best = std::move(r);
  }
  return *best;
}

std::vector<std::string> plan_travellers(const Plan& plan) {
  std::vector<std::string> out;
  const auto add = [&out](const std::string& id) {
    if (!id.empty() && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  };
  for (const AllowanceUse& a : plan.allowances) add(a.traveller_id);
  for (const Trip& t : plan.trips) add(t.traveller_id);
  for (const ClientDecision& c : plan.decisions)
    if (c.traveller_id) add(*c.traveller_id);
  return out;
}

std::vector<CallSeries> call_series(const Plan& plan, const Input& input,
                                    const network::Network& net) {
  std::vector<CallSeries> out;
  bool any = false;
  for (const ClientDecision& c : plan.decisions) any = any || (!c.visit && c.call_slot);
  if (!any) return out;
  const optimize::Scheduler sched(input, net);
  // The plan's remote clients, in the input's order, each with the traveller the plan gives it:
  // the series the planner scheduled jointly (cost::schedule_calls), so that a series moved off
  // its best slot to keep a traveller's calls apart is found where the plan put it.
  struct Remote {
    std::size_t plan_index;
    std::size_t client;
    std::size_t traveller;
  };
  std::vector<Remote> remotes;
  std::vector<cost::CallSeries> series;
  for (std::size_t ci = 0; ci < input.clients.size(); ++ci) {
    const std::size_t i =
        index_of(plan.decisions, &ClientDecision::client_id, input.clients[ci].id);
    if (i == plan.decisions.size()) continue;
    const ClientDecision& pc = plan.decisions[i];
    if (pc.visit || !pc.traveller_id) continue;
    const std::size_t ti = index_of(input.travellers, &Traveller::id, *pc.traveller_id);
    if (ti == input.travellers.size())
      throw plan_mismatch("/clients/" + std::to_string(i) + "/traveller",
                          "traveller \"" + *pc.traveller_id + "\" is not in the input");
    const Client& client = input.clients[ci];
    const Traveller& traveller = input.travellers[ti];
    series.push_back({&client, &traveller, ti, &sched.client_calendar(ci),
                      &sched.traveller_calendar(ti),
                      cost::remote_cost(client, traveller, net, input.policy, input.horizon,
                                        sched.client_calendar(ci), sched.traveller_calendar(ti))});
    remotes.push_back({i, ci, ti});
  }
  const cost::CallSchedule scheduled =
      cost::schedule_calls(series, net, input.policy, input.horizon);
  for (std::size_t i = 0; i < plan.decisions.size(); ++i) {
    const ClientDecision& pc = plan.decisions[i];
    if (pc.visit || !pc.call_slot) continue;
    const std::string at = "/clients/" + std::to_string(i);
    if (index_of(input.clients, &Client::id, pc.client_id) == input.clients.size())
      throw plan_mismatch(at + "/id", "client \"" + pc.client_id + "\" is not in the input");
    if (!pc.traveller_id) throw plan_mismatch(at + "/traveller", "no traveller runs the calls");
    const auto k =
        static_cast<std::size_t>(std::find_if(remotes.begin(), remotes.end(),
                                              [&](const Remote& r) { return r.plan_index == i; }) -
                                 remotes.begin());
    const Client& client = input.clients[remotes[k].client];
    const Traveller& traveller = input.travellers[remotes[k].traveller];
    const cost::RemoteCost& rc = scheduled.remote[k];
    const CallSlotSummary& want = *pc.call_slot;
    if (!rc.slot || static_cast<int>(rc.slot->weekday.c_encoding()) != want.weekday ||
        rc.slot->anchor_start_min != want.traveller_local_min)
      throw plan_mismatch(at + "/call_slot",
                          "the plan calls client " + pc.client_id + " on " +
                              std::string(weekday_name(want.weekday)) + " at " +
                              clock_text(want.traveller_local_min) + ", but the input gives " +
                              (rc.slot ? std::string(weekday_name(
                                             static_cast<int>(rc.slot->weekday.c_encoding()))) +
                                             " at " + clock_text(rc.slot->anchor_start_min)
                                       : std::string("no common business day")));
    CallSeries s;
    s.client = pc.client_id;
    s.client_name = pc.name.empty() ? client.name : pc.name;
    s.client_city = client.city;
    s.traveller = traveller.id;
    s.anchor_zone = sched.zone(sched.home_city(remotes[k].traveller))->name();
    s.client_zone = sched.zone(sched.client_city(remotes[k].client))->name();
    s.weekday = rc.slot->weekday;
    s.anchor_start_min = rc.slot->anchor_start_min;
    s.duration_min = rc.slot->duration_min;
    // The planner prices remote_meetings meetings of a remote client, each at the slot's mean
    // off-hours (remote_cost; visit_replaces_meetings applies to visited clients only).
    s.meetings = client.remote_meetings;
    if (s.meetings <= 0) continue; // the plan prices no call
    const auto& occurrences = rc.slot->occurrences;
    for (const timez::SlotOccurrence& o : occurrences)
      s.usable.push_back(Date{date::floor<date::days>(o.local_start[0]).time_since_epoch()});
    for (const std::size_t w : spread_meetings(occurrences.size(), s.meetings)) {
      s.dates.push_back(s.usable[w]);
      s.client_starts.push_back(occurrences[w].local_start[1]);
    }
    out.push_back(std::move(s));
  }
  return out;
}

} // namespace flyorcall::report
