#include "report/report_totals.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

namespace flyorcall::report {

namespace {

void add_trip(GroupTotals& g, const Trip& t, const TripPage& page) {
  ++g.trips;
  g.days_away += t.days_away;
  g.visits += static_cast<int>(t.visits.size() + page.visits_not_shown);
  g.cost += t.cost;
  g.co2 += written_co2(t);
}

std::string month_key(Date d) {
  const date::year_month_day ymd{d};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()));
  return text;
}

} // namespace

std::vector<GroupTotals> totals_by_traveller(const Report& r) {
  std::vector<GroupTotals> rows;
  std::map<std::string, std::size_t> at;
  const auto row = [&](const std::string& id) -> GroupTotals& {
    if (const auto it = at.find(id); it != at.end()) return rows[it->second];
    at.emplace(id, rows.size());
    rows.push_back(GroupTotals{id, 0, 0, 0, 0, {}, {}});
    return rows.back();
  };
  for (const std::string& id : r.travellers) (void)row(id);
  for (std::size_t i = 0; i < r.plan.trips.size(); ++i)
    add_trip(row(r.plan.trips[i].traveller_id), r.plan.trips[i], r.trip_page(i));
  for (const ClientDecision& c : r.plan.decisions) {
    if (c.visit || !c.traveller_id) continue;
    ++row(*c.traveller_id).remote;
  }
  return rows;
}

std::vector<GroupTotals> totals_by_month(const Report& r) {
  std::map<std::string, GroupTotals> months;
  if (r.horizon)
    for (Date d = r.horizon->first; d <= r.horizon->last; d += date::days{1}) {
      const std::string key = month_key(d);
      months.emplace(key, GroupTotals{key, 0, 0, 0, 0, {}, {}});
    }
  for (std::size_t i = 0; i < r.plan.trips.size(); ++i) {
    const Trip& t = r.plan.trips[i];
    const std::string key = month_key(t.depart);
    auto it = months.find(key);
    if (it == months.end()) it = months.emplace(key, GroupTotals{key, 0, 0, 0, 0, {}, {}}).first;
    add_trip(it->second, t, r.trip_page(i));
  }
  std::vector<GroupTotals> rows;
  for (auto& [key, g] : months) rows.push_back(std::move(g));
  return rows;
}

} // namespace flyorcall::report
