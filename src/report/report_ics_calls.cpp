// The remote call series of a plan for its calendar export (docs/report_ics.md): the planner's
// weekly slot search run again on the input the plan was made from, so that the calendar holds
// the same weekday, the same anchor-local start and the same dates as `calls --weekly` lists.
#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

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

template <class T> std::size_t index_of(const std::vector<T>& items, const std::string& id) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].id == id) return i;
  return items.size();
}

} // namespace

std::vector<std::string> plan_travellers(const PlanDocument& plan) {
  std::vector<std::string> out;
  const auto add = [&out](const std::string& id) {
    if (!id.empty() && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  };
  for (const auto& [traveller, table] : plan.per_diem_sources) add(traveller);
  for (const PlanTrip& t : plan.trips) add(t.traveller);
  for (const PlanClient& c : plan.clients)
    if (c.traveller) add(*c.traveller);
  return out;
}

std::vector<CallSeries> call_series(const PlanDocument& plan, const Input& input,
                                    const network::Network& net) {
  std::vector<CallSeries> out;
  bool any = false;
  for (const PlanClient& c : plan.clients) any = any || (!c.visit && c.call_slot);
  if (!any) return out;
  const optimize::Scheduler sched(input, net);
  for (std::size_t i = 0; i < plan.clients.size(); ++i) {
    const PlanClient& pc = plan.clients[i];
    if (pc.visit || !pc.call_slot) continue;
    const std::string at = "/clients/" + std::to_string(i);
    const std::size_t ci = index_of(input.clients, pc.id);
    if (ci == input.clients.size())
      throw plan_mismatch(at + "/id", "client \"" + pc.id + "\" is not in the input");
    if (!pc.traveller) throw plan_mismatch(at + "/traveller", "no traveller runs the calls");
    const std::size_t ti = index_of(input.travellers, *pc.traveller);
    if (ti == input.travellers.size())
      throw plan_mismatch(at + "/traveller",
                          "traveller \"" + *pc.traveller + "\" is not in the input");
    const Client& client = input.clients[ci];
    const Traveller& traveller = input.travellers[ti];
    const cost::RemoteCost rc =
        cost::remote_cost(client, traveller, net, input.policy, input.horizon,
                          sched.client_calendar(ci), sched.traveller_calendar(ti));
    const CallSlotSummary& want = *pc.call_slot;
    if (!rc.slot || static_cast<int>(rc.slot->weekday.c_encoding()) != want.weekday ||
        rc.slot->anchor_start_min != want.traveller_local_min)
      throw plan_mismatch(
          at + "/call_slot",
          "the plan calls client " + pc.id + " on " + std::string(weekday_name(want.weekday)) +
              " at " + clock_text(want.traveller_local_min) + ", but the input gives " +
              (rc.slot
                   ? std::string(weekday_name(static_cast<int>(rc.slot->weekday.c_encoding()))) +
                         " at " + clock_text(rc.slot->anchor_start_min)
                   : std::string("no common business day")));
    CallSeries s;
    s.client = pc.id;
    s.client_name = pc.name.empty() ? client.name : pc.name;
    s.client_city = client.city;
    s.traveller = traveller.id;
    s.anchor_zone = sched.zone(sched.home_city(ti))->name();
    s.client_zone = sched.zone(sched.client_city(ci))->name();
    s.weekday = rc.slot->weekday;
    s.anchor_start_min = rc.slot->anchor_start_min;
    s.duration_min = rc.slot->duration_min;
    s.meetings = client.remote_meetings;
    for (const timez::SlotOccurrence& o : rc.slot->occurrences) {
      s.dates.push_back(Date{date::floor<date::days>(o.local_start[0]).time_since_epoch()});
      s.client_starts.push_back(o.local_start[1]);
    }
    out.push_back(std::move(s));
  }
  return out;
}

} // namespace flyorcall::report
