#include "io/compare_json.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

namespace flyorcall::io {

namespace {

using Json = nlohmann::ordered_json;

double money(Money m) {
  return to_units(m);
}
double kg(GramsCo2 g) {
  return std::round(static_cast<double>(g.count()) / 100.0) / 10.0;
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

CostBreakdown minus(const CostBreakdown& a, const CostBreakdown& b) {
  CostBreakdown d = a;
  d.flights -= b.flights;
  d.hotel -= b.hotel;
  d.per_diem -= b.per_diem;
  d.traveller_time -= b.traveller_time;
  d.jetlag -= b.jetlag;
  d.carbon -= b.carbon;
  return d;
}

Json totals_json(const report::CompareTotals& t) {
  Json j;
  j["net"] = money(t.net);
  j["value"] = money(t.value);
  j["trip_cost"] = cost_json(t.trip_cost);
  j["remote_cost"] = money(t.remote_cost);
  j["cash"] = money(t.trip_cost.cash());
  j["imputed"] = money(t.trip_cost.imputed() + t.remote_cost);
  j["co2_kg"] = kg(t.co2);
  j["trips"] = t.trips;
  j["visits"] = t.visits;
  j["remote"] = t.remote;
  j["days_away"] = t.days_away;
  j["budget_money"] = t.budget_money ? Json(money(*t.budget_money)) : Json(nullptr);
  j["budget_cash"] = t.budget_cash ? Json(money(*t.budget_cash)) : Json(nullptr);
  return j;
}

Json delta_json(const report::CompareTotals& t, const report::CompareTotals& b) {
  Json j;
  j["net"] = money(t.net - b.net);
  j["value"] = money(t.value - b.value);
  j["trip_cost"] = cost_json(minus(t.trip_cost, b.trip_cost));
  j["remote_cost"] = money(t.remote_cost - b.remote_cost);
  j["cash"] = money(t.trip_cost.cash() - b.trip_cost.cash());
  j["imputed"] =
      money(t.trip_cost.imputed() + t.remote_cost - b.trip_cost.imputed() - b.remote_cost);
  j["co2_kg"] = kg(t.co2 - b.co2);
  j["trips"] = t.trips - b.trips;
  j["visits"] = t.visits - b.visits;
  j["remote"] = t.remote - b.remote;
  j["days_away"] = t.days_away - b.days_away;
  return j;
}

Json trip_or_null(const std::string& id) {
  return id.empty() ? Json(nullptr) : Json(id);
}

Json head(std::size_t index, const std::string& source, std::optional<std::size_t> line) {
  Json j;
  j["index"] = index;
  j["source"] = source;
  if (line) j["line"] = *line;
  return j;
}

std::string dump(const Json& j) {
  // Invalid UTF-8 in a file name or message must not abort the whole batch.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace

std::string comparison_to_json(const report::Comparison& c) {
  Json j;
  j["base"] = Json{{"name", c.base_name},
                   {"label", c.label},
                   {"currency", c.currency},
                   {"method", c.method},
                   {"time_limit_reached", c.base_time_limit_reached},
                   {"totals", totals_json(c.base)}};
  j["sweep"] = c.sweep_pointer ? Json{{"pointer", *c.sweep_pointer}} : Json(nullptr);
  Json list = Json::array();
  for (const auto& s : c.scenarios) {
    Json o;
    o["name"] = s.name;
    o["sweep_value"] = s.sweep_value ? Json(*s.sweep_value) : Json(nullptr);
    o["feasible"] = s.feasible;
    if (!s.feasible) {
      o["infeasible"] = Json{{"pointer", s.infeasible_pointer}, {"message", s.infeasible_reason}};
      list.push_back(std::move(o));
      continue;
    }
    o["time_limit_reached"] = s.time_limit_reached;
    o["totals"] = totals_json(s.totals);
    o["delta"] = delta_json(s.totals, c.base);
    Json flips = Json::array();
    for (const auto& f : s.flips)
      flips.push_back(Json{{"client", f.client_id},
                           {"name", f.client_name},
                           {"from", report::state_name(f.base)},
                           {"to", report::state_name(f.scenario)},
                           {"from_trip", trip_or_null(f.base_trip)},
                           {"to_trip", trip_or_null(f.scenario_trip)}});
    o["flips"] = std::move(flips);
    Json trips = Json::array();
    for (const auto& t : s.trip_changes)
      trips.push_back(Json{{"base_trip", t.base_trip},
                           {"base_clients", t.base_clients},
                           {"scenario_trips", t.scenario_trips},
                           {"scenario_clients", t.scenario_clients}});
    o["trip_changes"] = std::move(trips);
    list.push_back(std::move(o));
  }
  j["scenarios"] = std::move(list);
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string batch_plan_line(std::size_t index, const std::string& source,
                            std::optional<std::size_t> line, const std::string& plan_json,
                            bool time_limit_reached) {
  Json j = head(index, source, line);
  j["time_limit_reached"] = time_limit_reached;
  j["plan"] = Json::parse(plan_json);
  return dump(j);
}

std::string batch_error_line(std::size_t index, const std::string& source,
                             std::optional<std::size_t> line, int code, const std::string& kind,
                             const std::vector<Problem>& problems) {
  Json j = head(index, source, line);
  Json list = Json::array();
  for (const auto& p : problems)
    list.push_back(Json{{"pointer", p.pointer}, {"message", p.message}});
  j["error"] = Json{{"code", code}, {"error", kind}, {"problems", std::move(list)}};
  return dump(j);
}

} // namespace flyorcall::io
