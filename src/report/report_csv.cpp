// The trip report as CSV (docs/report.md, "CSV"): the report's tables, written either as one RFC
// 4180 file per table with its column names in the header (the tidy form), or stacked in one file
// whose column 1 names the table and column 2 "columns" for the row naming that table's columns or
// the row's number. CRLF line ends, every row of a file the same number of fields; text cells are
// quoted when needed and neutralised against formula injection; numbers the report writes itself
// are left as they are.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "report/report_charts.hpp"
#include "report/report_format.hpp"
#include "report/trip_report.hpp"

namespace flyorcall::report {

namespace {

/// The widest table (leg and client rows): fields after `table` and `row`.
constexpr std::size_t kDataColumns = 13;

struct Field {
  std::string text;
  bool number = false;
};

Field t(std::string s) {
  return {std::move(s), false};
}
Field n(std::string s) {
  return {std::move(s), true};
}
Field n(int v) {
  return {std::to_string(v), true};
}
Field m(Money v) {
  return {plain_money(v), true};
}
Field kg(GramsCo2 v) {
  return {plain_kg(v), true};
}

std::string iso_local(LocalTime lt) {
  std::string s = local_text(lt);
  s[10] = 'T';
  return s;
}

/// One table of the report: its name, its columns and its rows (each as many fields as columns).
struct Table {
  std::string name;
  std::vector<std::string> columns;
  std::vector<std::vector<Field>> rows;
};

/// Collects the report's tables in order.
class Tables {
public:
  std::vector<Table> list;

  /// Starts a table.
  void table(const std::string& name, const std::vector<std::string>& columns) {
    list.push_back({name, columns, {}});
  }

  /// One data row of the current table.
  void row(std::vector<Field> fields) {
    fields.resize(list.back().columns.size());
    list.back().rows.push_back(std::move(fields));
  }
};

/// One CSV line of `fields`, padded with empty fields to `width`.
void csv_line(std::string& out, std::vector<Field> f, std::size_t width) {
  f.resize(width);
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (i) out += ',';
    out += f[i].number ? csv_number(f[i].text) : csv_text(f[i].text);
  }
  out += "\r\n";
}

std::string share(std::int64_t used, std::int64_t limit) {
  if (limit <= 0) return "";
  return std::to_string(
      std::llround(100.0 * static_cast<double>(used) / static_cast<double>(limit)));
}

/// The briefings of every trip, their holidays and their events, as three tables.
void briefing_tables(Tables& w, const Report& r) {
  const Plan& p = r.plan;
  w.table("briefing", {"trip", "city", "country", "time_difference_min", "from", "to",
                       "calendar_note", "source"});
  for (std::size_t i = 0; i < p.trips.size(); ++i) {
    const Trip& trip = p.trips[i];
    for (std::size_t k = 0; k < trip.briefings.size(); ++k) {
      const Briefing& b = trip.briefings[k];
      w.row({t(trip.id), t(b.city), t(b.country),
             b.time_difference ? n(std::to_string(b.time_difference->count())) : n(""),
             t(iso_date(b.window.first)), t(iso_date(b.window.last)),
             t(b.calendar_note.value_or("")),
             t(r.briefing_page(i, k).source == BriefingSource::plan ? "plan" : "report")});
    }
  }

  w.table("holiday", {"trip", "city", "date", "name", "substitute"});
  for (const Trip& trip : p.trips)
    for (const Briefing& b : trip.briefings)
      for (const LocalHoliday& h : b.holidays)
        w.row({t(trip.id), t(b.city), t(iso_date(h.date)), t(h.name),
               t(h.substitute ? "true" : "false")});

  w.table("event", {"trip", "city", "kind", "start", "end", "title", "note"});
  for (const Trip& trip : p.trips)
    for (const Briefing& b : trip.briefings)
      for (const BriefingEvent& e : b.events)
        w.row({t(trip.id), t(b.city), t(std::string(event_kind_name(e.kind))),
               t(iso_date(e.dates.first)), t(iso_date(e.dates.last)), t(e.title), t(e.note)});
}

std::vector<Table> report_tables(const Report& r) {
  const Plan& p = r.plan;
  Tables w;

  w.table("report", {"key", "value"});
  w.row({t("label"), t(p.label)});
  w.row({t("horizon_start"), t(p.horizon ? iso_date(p.horizon->first) : "")});
  w.row({t("horizon_end"), t(p.horizon ? iso_date(p.horizon->last) : "")});
  w.row({t("currency"), t(p.currency)});
  if (r.conversion) {
    w.row({t("converted_from"), t(r.conversion->from)});
    w.row({t("conversion"), t(conversion_text(*r.conversion))});
  }
  w.row({t("method"), t(p.method)});
  w.row({t("seed"), p.seed ? n(std::to_string(*p.seed)) : t("")});
  w.row({t("flyorcall"), t(p.flyorcall_version)});
  w.row({t("data_version"), t(p.data_version)});

  const Totals& tot = p.totals;
  w.table("summary", {"figure", "value"});
  w.row({t("trips"), n(tot.trips)});
  w.row({t("days_away"), n(tot.days_away)});
  w.row({t("visits"), n(tot.visits)});
  w.row({t("remote"), n(tot.remote)});
  w.row({t("trip_cost"), m(tot.trip_cost.total())});
  w.row({t("remote_cost"), m(tot.remote_cost)});
  w.row({t("cash"), m(tot.cash())});
  w.row({t("imputed"), m(tot.imputed())});
  w.row({t("value"), m(tot.value)});
  w.row({t("net"), m(tot.net)});
  w.row({t("co2_kg"), kg(tot.co2)});

  w.table("spend", {"category", "amount", "share_percent"});
  const std::int64_t trip_total = tot.trip_cost.total().count();
  for (const CostCategory& c : kCostCategories)
    w.row({t(std::string(c.key)), m(tot.trip_cost.*c.field),
           n(share((tot.trip_cost.*c.field).count(), trip_total))});
  w.row({t("trip_total"), m(tot.trip_cost.total()), n(share(trip_total, trip_total))});
  w.row({t("remote_meetings"), m(tot.remote_cost), n("")});

  if (p.budget) {
    const BudgetUse& b = *p.budget;
    w.table("budget", {"resource", "used", "limit", "share_percent"});
    w.row({t("cash"), m(b.cash), b.cash_limit ? m(*b.cash_limit) : n(""),
           n(b.cash_limit ? share(b.cash.count(), b.cash_limit->count()) : "")});
    w.row({t("money"), m(b.money), b.money_limit ? m(*b.money_limit) : n(""),
           n(b.money_limit ? share(b.money.count(), b.money_limit->count()) : "")});
    w.row({t("days"), n(b.days), b.days_limit ? n(*b.days_limit) : n(""),
           n(b.days_limit ? share(b.days, *b.days_limit) : "")});
    w.row({t("co2_kg"), kg(b.co2), b.co2_limit ? kg(*b.co2_limit) : n(""),
           n(b.co2_limit ? share(b.co2.count(), b.co2_limit->count()) : "")});
  }

  w.table("note", {"text"});
  for (const std::string& note : p.notes) w.row({t(note)});

  w.table("calendar", {"week_start", "traveller", "trips"});
  for (const CalendarWeek& wk : calendar_weeks(r))
    for (std::size_t i = 0; i < r.travellers.size(); ++i) {
      std::string ids;
      for (const std::string& id : wk.trips[i]) ids += (ids.empty() ? "" : " ") + id;
      w.row({t(iso_date(wk.monday)), t(r.travellers[i]), t(ids)});
    }

  w.table("trip", {"trip", "traveller", "depart", "back", "days_away", "flights", "hotel",
                   "per_diem", "traveller_time", "jetlag", "carbon", "total", "co2_kg"});
  for (const Trip& trip : p.trips) {
    std::vector<Field> f{t(trip.id), t(trip.traveller_id), t(iso_date(trip.depart)),
                         t(iso_date(trip.back)), n(trip.days_away)};
    for (const CostCategory& c : kCostCategories) f.push_back(m(trip.cost.*c.field));
    f.push_back(m(trip.cost.total()));
    f.push_back(kg(written_co2(trip)));
    w.row(std::move(f));
  }

  w.table("leg", {"trip", "seq", "from", "to", "depart_local", "tz_from", "arrive_local", "tz_to",
                  "block_min", "km", "cabin", "fare", "co2_kg"});
  for (const Trip& trip : p.trips)
    for (std::size_t i = 0; i < trip.legs.size(); ++i) {
      const PlannedLeg& l = trip.legs[i];
      w.row({t(trip.id), n(static_cast<int>(i + 1)), t(l.from), t(l.to),
             t(depart_local(l) ? iso_local(*depart_local(l)) : ""), t(l.tz_from),
             t(arrive_local(l) ? iso_local(*arrive_local(l)) : ""), t(l.tz_to),
             n(static_cast<int>(l.block.count())), n(plain_one_decimal(l.km)),
             t(std::string(cabin_name(l.cabin))), m(l.fare), kg(l.co2)});
    }

  w.table("stay", {"trip", "city", "arrive", "depart", "hotel_nights"});
  for (const Trip& trip : p.trips)
    for (const Stay& s : trip.stays)
      w.row(
          {t(trip.id), t(s.city), t(iso_date(s.arrive)), t(iso_date(s.depart)), n(s.hotel_nights)});

  w.table("visit", {"trip", "client", "city", "date", "days"});
  for (const Trip& trip : p.trips)
    for (const Visit& v : trip.visits)
      w.row({t(trip.id), t(v.client_id), t(v.city), t(iso_date(v.date)), n(v.days)});

  briefing_tables(w, r);

  w.table("client", {"client", "name", "city", "decision", "trip", "traveller", "value",
                     "remote_value", "remote_cost", "marginal_cost", "break_even_value", "reason"});
  for (const ClientDecision& c : p.decisions)
    w.row({t(c.client_id), t(c.name), t(c.city), t(c.visit ? "visit" : "remote"),
           t(c.trip_id.value_or("")), t(c.traveller_id.value_or("")), m(c.value), m(c.remote_value),
           m(c.remote_cost), m(c.marginal_cost), break_even(c) ? m(*break_even(c)) : n(""),
           t(c.reason)});

  w.table("call", {"client", "traveller", "weekday", "traveller_local", "client_local",
                   "traveller_offhours_min", "client_offhours_min"});
  for (const ClientDecision& c : p.decisions)
    if (!c.visit && c.call_slot) {
      const CallSlotSummary& s = *c.call_slot;
      w.row({t(c.client_id), t(c.traveller_id.value_or("")),
             t(std::string(weekday_name(s.weekday))), t(clock_text(s.traveller_local_min)),
             t(clock_text(s.client_local_min)), n(plain_one_decimal(s.traveller_offhours_min)),
             n(plain_one_decimal(s.client_offhours_min))});
    }

  w.table("call_shift", {"client", "from_date", "client_local"});
  for (const ClientDecision& c : p.decisions)
    if (!c.visit && c.call_slot)
      for (const auto& [from, local] : c.call_slot->client_shifts)
        w.row({t(c.client_id), t(iso_date(from)), t(clock_text(local))});

  return std::move(w.list);
}

} // namespace

std::string report_csv(const Report& r) {
  std::string out;
  std::vector<Field> head{t("table"), t("row")};
  for (std::size_t i = 1; i <= kDataColumns; ++i) head.push_back(t("c" + std::to_string(i)));
  csv_line(out, std::move(head), kDataColumns + 2);
  for (const Table& table : report_tables(r)) {
    std::vector<Field> names{t(table.name), t("columns")};
    for (const std::string& c : table.columns) names.push_back(t(c));
    csv_line(out, std::move(names), kDataColumns + 2);
    int row = 0;
    for (const std::vector<Field>& fields : table.rows) {
      std::vector<Field> f{t(table.name), n(++row)};
      f.insert(f.end(), fields.begin(), fields.end());
      csv_line(out, std::move(f), kDataColumns + 2);
    }
  }
  return out;
}

std::vector<CsvFile> report_csv_tables(const Report& r) {
  std::vector<CsvFile> files;
  for (const Table& table : report_tables(r)) {
    CsvFile file{table.name + ".csv", {}};
    std::vector<Field> names;
    for (const std::string& c : table.columns) names.push_back(t(c));
    csv_line(file.text, std::move(names), table.columns.size());
    for (const std::vector<Field>& fields : table.rows)
      csv_line(file.text, fields, table.columns.size());
    files.push_back(std::move(file));
  }
  return files;
}

} // namespace flyorcall::report
