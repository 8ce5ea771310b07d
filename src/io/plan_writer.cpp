// The plan as JSON (docs/plan.md): insertion-ordered keys, money in currency units rounded to the
// cent, CO2 in kg rounded to 0.1, local times in each city's zone via the tz database.
#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "flyorcall/flyorcall.hpp"
#include "model/format.hpp"
#include "network/world_data.hpp"
#include "time/zones.hpp"

namespace flyorcall {

namespace {

using Json = nlohmann::ordered_json;

double money(Money m) {
  return to_units(m);
}
double kg(GramsCo2 g) {
  return std::round(static_cast<double>(g.count()) / 100.0) / 10.0;
}
std::string iso_date(Date d) {
  return date::format("%F", d);
}
std::string utc_text(Instant t) {
  return date::format("%FT%H:%MZ", t);
}

std::string clock_text(int minutes_of_day) {
  return format::clock(minutes_of_day);
}

Json cost_json(const CostBreakdown& c) {
  Json j;
  j["flights"] = money(c.flights);
  j["hotel"] = money(c.hotel);
  j["per_diem"] = money(c.per_diem);
  j["traveller_time"] = money(c.traveller_time);
  j["jetlag"] = money(c.jetlag);
  j["carbon"] = money(c.carbon);
  j["total"] = money(c.total());
  j["cash"] = money(c.cash());
  j["imputed"] = money(c.imputed());
  return j;
}

Json leg_json(const PlannedLeg& leg) {
  const date::time_zone* zf = timez::find_zone(leg.tz_from);
  const date::time_zone* zt = timez::find_zone(leg.tz_to);
  Json j;
  j["from"] = leg.from;
  j["to"] = leg.to;
  j["depart_local"] = zf ? Json(timez::format_local(timez::to_local(leg.depart, zf))) : Json();
  j["depart_utc"] = utc_text(leg.depart);
  j["arrive_local"] = zt ? Json(timez::format_local(timez::to_local(leg.arrive, zt))) : Json();
  j["arrive_utc"] = utc_text(leg.arrive);
  j["tz_from"] = leg.tz_from;
  j["tz_to"] = leg.tz_to;
  j["block_min"] = leg.block.count();
  j["km"] = format::one_decimal(leg.km);
  j["cabin"] = cabin_name(leg.cabin);
  j["fare"] = money(leg.fare);
  j["co2_kg"] = kg(leg.co2);
  return j;
}

/// "+08:00" / "-05:30" / "+00:00" of a signed minute count.
std::string signed_hm(Minutes m) {
  return format::signed_clock(m.count());
}

Json briefing_json(const Briefing& b) {
  Json j;
  j["city"] = b.city;
  j["country"] = b.country;
  j["time_difference"] = b.time_difference ? Json(signed_hm(*b.time_difference)) : Json();
  j["from"] = iso_date(b.window.first);
  j["to"] = iso_date(b.window.last);
  j["holidays"] = Json::array();
  for (const LocalHoliday& h : b.holidays) {
    Json hj;
    hj["date"] = iso_date(h.date);
    hj["name"] = h.name;
    hj["substitute"] = h.substitute;
    j["holidays"].push_back(std::move(hj));
  }
  j["events"] = Json::array();
  for (const BriefingEvent& e : b.events) {
    Json ej;
    ej["kind"] = event_kind_name(e.kind);
    ej["start"] = iso_date(e.dates.first);
    ej["end"] = iso_date(e.dates.last);
    ej["title"] = e.title;
    ej["note"] = e.note;
    j["events"].push_back(std::move(ej));
  }
  if (b.events_not_listed > 0) j["events_not_listed"] = b.events_not_listed;
  j["calendar_note"] = b.calendar_note ? Json(*b.calendar_note) : Json();
  return j;
}

Json trip_json(const Trip& t) {
  Json j;
  j["id"] = t.id;
  j["traveller"] = t.traveller_id;
  j["depart"] = iso_date(t.depart);
  j["back"] = iso_date(t.back);
  j["days_away"] = t.days_away;
  j["legs"] = Json::array();
  for (const PlannedLeg& leg : t.legs) j["legs"].push_back(leg_json(leg));
  j["stays"] = Json::array();
  for (const Stay& s : t.stays) {
    Json sj;
    sj["city"] = s.city;
    sj["arrive"] = iso_date(s.arrive);
    sj["depart"] = iso_date(s.depart);
    sj["hotel_nights"] = s.hotel_nights;
    j["stays"].push_back(std::move(sj));
  }
  j["visits"] = Json::array();
  for (const Visit& v : t.visits) {
    Json vj;
    vj["client"] = v.client_id;
    vj["city"] = v.city;
    vj["date"] = iso_date(v.date);
    vj["days"] = v.days;
    j["visits"].push_back(std::move(vj));
  }
  j["briefings"] = Json::array();
  for (const Briefing& b : t.briefings) j["briefings"].push_back(briefing_json(b));
  j["cost"] = cost_json(t.cost);
  Json co2;
  co2["flights"] = kg(t.co2_flights);
  co2["hotel"] = kg(t.co2_hotel);
  co2["total"] = kg(t.co2());
  j["co2_kg"] = std::move(co2);
  return j;
}

Json slot_json(const CallSlotSummary& s) {
  Json j;
  j["weekday"] = weekday_name(s.weekday);
  j["traveller_local"] = clock_text(s.traveller_local_min);
  j["client_local"] = clock_text(s.client_local_min);
  j["traveller_offhours_min"] = format::one_decimal(s.traveller_offhours_min);
  j["client_offhours_min"] = format::one_decimal(s.client_offhours_min);
  j["shifts"] = Json::array();
  for (const auto& [from, local] : s.client_shifts) {
    Json sj;
    sj["from_date"] = iso_date(from);
    sj["client_local"] = clock_text(local);
    j["shifts"].push_back(std::move(sj));
  }
  return j;
}

Json decision_json(const ClientDecision& d) {
  Json j;
  j["id"] = d.client_id;
  j["name"] = d.name;
  j["decision"] = d.visit ? "visit" : "remote";
  j["trip"] = d.trip_id ? Json(*d.trip_id) : Json();
  j["traveller"] = d.traveller_id ? Json(*d.traveller_id) : Json();
  j["value"] = money(d.value);
  j["remote_value"] = money(d.remote_value);
  j["remote_cost"] = money(d.remote_cost);
  j["marginal_cost"] = money(d.marginal_cost);
  j["break_even_value"] = d.break_even_defined ? Json(money(d.break_even_value)) : Json();
  j["reason"] = d.reason;
  j["call_slot"] = d.call_slot ? slot_json(*d.call_slot) : Json();
  return j;
}

template <class T, class F> Json used_limit(T used, const std::optional<T>& limit, F convert) {
  Json j;
  j["used"] = convert(used);
  j["limit"] = limit ? Json(convert(*limit)) : Json();
  return j;
}

} // namespace

std::string plan_to_json(const Plan& plan) {
  Json j;
  j["flyorcall"] = plan.flyorcall_version;
  j["data_version"] = plan.data_version;
  j["label"] = plan.label;
  if (plan.horizon) {
    Json horizon;
    horizon["start"] = iso_date(plan.horizon->first);
    horizon["end"] = iso_date(plan.horizon->last);
    j["horizon"] = std::move(horizon);
  } else {
    j["horizon"] = Json();
  }
  j["currency"] = plan.currency;
  j["seed"] = plan.seed ? Json(*plan.seed) : Json();
  j["method"] = plan.method;
  j["notes"] = plan.notes;
  Json rates;
  rates["hotel"] = plan.hotel_source;
  Json per_diem = Json::array();
  for (const auto& a : plan.allowances)
    per_diem.push_back({{"traveller", a.traveller_id},
                        {"table", kAllowanceTableNames[static_cast<std::size_t>(a.table)]},
                        {"source", a.source}});
  rates["per_diem"] = std::move(per_diem);
  j["rates"] = std::move(rates);
  j["trips"] = Json::array();
  for (const Trip& t : plan.trips) j["trips"].push_back(trip_json(t));
  j["clients"] = Json::array();
  for (const ClientDecision& d : plan.decisions) j["clients"].push_back(decision_json(d));

  const Totals& t = plan.totals;
  Json totals;
  totals["trips"] = t.trips;
  totals["visits"] = t.visits;
  totals["remote"] = t.remote;
  totals["days_away"] = t.days_away;
  totals["trip_cost"] = cost_json(t.trip_cost);
  totals["remote_cost"] = money(t.remote_cost);
  totals["cash"] = money(t.cash());
  totals["imputed"] = money(t.imputed());
  totals["value"] = money(t.value);
  totals["net"] = money(t.net);
  totals["co2_kg"] = kg(t.co2);
  j["totals"] = std::move(totals);

  if (plan.budget) {
    const BudgetUse& b = *plan.budget;
    Json budget;
    budget["money"] = used_limit(b.money, b.money_limit, money);
    budget["cash"] = used_limit(b.cash, b.cash_limit, money);
    budget["days"] = used_limit(b.days, b.days_limit, [](int d) { return d; });
    budget["co2_kg"] = used_limit(b.co2, b.co2_limit, kg);
    j["budget"] = std::move(budget);
  }
  return j.dump(2) + "\n";
}

} // namespace flyorcall
