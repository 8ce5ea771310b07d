// The report as an Excel workbook (docs/report.md, "Excel workbook"), written with libxlsxwriter:
// one sheet per table, real numbers, dates and currency formats, frozen headers, filters, and
// totals rows whose formulas carry the plan's own totals as their values.
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "flyorcall/errors.hpp"
#include "model/utf8.hpp"
#include "report/report_charts.hpp"
#include "report/report_format.hpp"
#include "report/report_totals.hpp"
#include "report/trip_report.hpp"

namespace flyorcall::report {

namespace {

/// Excel keeps at most 32 767 characters in a cell.
constexpr std::size_t kMaxCellChars = 32000;

[[noreturn]] void fail(const std::string& step, lxw_error e) {
  throw Error(ErrorCode::internal,
              "cannot build the spreadsheet: " + step + ": " + lxw_strerror(e));
}

void check(lxw_error e, const char* step) {
  if (e != LXW_NO_ERROR) fail(step, e);
}

/// A private directory for the workbook file, removed with everything in it.
class TempDir {
public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "flyorcall-xlsx-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr)
      throw Error(ErrorCode::internal, "cannot create a temporary directory for the spreadsheet");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }

private:
  std::string path_;
};

struct Formats {
  lxw_format* head = nullptr;
  lxw_format* money = nullptr;
  lxw_format* money_total = nullptr;
  lxw_format* kg = nullptr;
  lxw_format* kg_total = nullptr;
  lxw_format* integer = nullptr;
  lxw_format* integer_total = nullptr;
  lxw_format* date = nullptr;
  lxw_format* datetime = nullptr;
  lxw_format* percent = nullptr;
  lxw_format* total_label = nullptr;
  lxw_format* wrap = nullptr;
};

Formats make_formats(lxw_workbook* wb, const std::string& currency) {
  Formats f;
  const auto add = [&](const char* num, bool bold) {
    lxw_format* x = workbook_add_format(wb);
    if (num != nullptr) format_set_num_format(x, num);
    if (bold) format_set_bold(x);
    return x;
  };
  // The currency code as literal text after the amount: "12,345.67 EUR".
  const std::string money = "#,##0.00 \"" + currency + "\"";
  f.head = add(nullptr, true);
  format_set_bottom(f.head, LXW_BORDER_THIN);
  f.money = add(money.c_str(), false);
  f.money_total = add(money.c_str(), true);
  f.kg = add("#,##0.0", false);
  f.kg_total = add("#,##0.0", true);
  f.integer = add("0", false);
  f.integer_total = add("0", true);
  f.date = add("yyyy-mm-dd", false);
  f.datetime = add("yyyy-mm-dd hh:mm", false);
  f.percent = add("0%", false);
  f.total_label = add(nullptr, true);
  f.wrap = workbook_add_format(wb);
  format_set_text_wrap(f.wrap);
  return f;
}

lxw_datetime excel_date(Date d) {
  const date::year_month_day ymd{d};
  return lxw_datetime{static_cast<int>(ymd.year()),
                      static_cast<int>(static_cast<unsigned>(ymd.month())),
                      static_cast<int>(static_cast<unsigned>(ymd.day())),
                      0,
                      0,
                      0.0};
}

lxw_datetime excel_local(LocalTime t) {
  const auto day = date::floor<date::days>(t);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss hms{t - day};
  return lxw_datetime{static_cast<int>(ymd.year()),
                      static_cast<int>(static_cast<unsigned>(ymd.month())),
                      static_cast<int>(static_cast<unsigned>(ymd.day())),
                      static_cast<int>(hms.hours().count()),
                      static_cast<int>(hms.minutes().count()),
                      0.0};
}

/// `v` rounded to one decimal, as the plan JSON writes kilograms and distances.
double tenth(double v) {
  return std::round(v * 10.0) / 10.0;
}

/// Kilograms rounded to 0.1 kg exactly as the plan JSON writes them (from whole 100 g steps).
double kg_of(GramsCo2 g) {
  return std::round(static_cast<double>(g.count()) / 100.0) / 10.0;
}

/// One sheet being written: a header row, then data rows, then an optional totals row.
class Sheet {
public:
  Sheet(lxw_workbook* wb, const Formats& f, const char* name,
        const std::vector<std::string>& columns)
      : f_(f), ws_(workbook_add_worksheet(wb, name)),
        width_(static_cast<lxw_col_t>(columns.size())) {
    if (ws_ == nullptr) throw Error(ErrorCode::internal, std::string("cannot add sheet ") + name);
    for (lxw_col_t c = 0; c < width_; ++c) {
      check(worksheet_write_string(ws_, 0, c, columns[c].c_str(), f_.head), "header");
      worksheet_set_column(
          ws_, c, c, std::max<double>(10.0, static_cast<double>(columns[c].size()) + 2), nullptr);
    }
    worksheet_freeze_panes(ws_, 1, 0);
  }

  void text(const std::string& s, lxw_format* fmt = nullptr) {
    const std::string cell = truncate_text(visible_text(s), kMaxCellChars);
    check(worksheet_write_string(ws_, row_, col_++, cell.c_str(), fmt), "text cell");
  }
  void number(double v, lxw_format* fmt) {
    check(worksheet_write_number(ws_, row_, col_++, v, fmt), "number cell");
  }
  void money(Money m) { number(to_units(m), f_.money); }
  void kg(GramsCo2 g) { number(kg_of(g), f_.kg); }
  void integer(long long v) { number(static_cast<double>(v), f_.integer); }
  void date(Date d) {
    lxw_datetime dt = excel_date(d);
    check(worksheet_write_datetime(ws_, row_, col_++, &dt, f_.date), "date cell");
  }
  void local(const std::optional<LocalTime>& t) {
    if (!t) {
      ++col_;
      return;
    }
    lxw_datetime dt = excel_local(*t);
    check(worksheet_write_datetime(ws_, row_, col_++, &dt, f_.datetime), "date cell");
  }
  void blank() { ++col_; }

  /// Ends a data row.
  void next() {
    ++row_;
    col_ = 0;
  }

  /// A totals row: "Total" in column 0, then for each column either nothing or a SUM over the
  /// data rows carrying `value` (the plan's own figure) as its result.
  struct Sum {
    lxw_col_t col;
    double value;
    lxw_format* fmt;
  };
  void totals(const std::vector<Sum>& sums) {
    const lxw_row_t last = row_; // data rows are 1..row_-1 (0-based: 1..row_-1)
    check(worksheet_write_string(ws_, row_, 0, "Total", f_.total_label), "total label");
    for (const Sum& s : sums) {
      char range[64];
      char from[16];
      char to[16];
      lxw_rowcol_to_cell(from, 1, s.col);
      lxw_rowcol_to_cell(to, last > 1 ? last - 1 : 1, s.col);
      std::snprintf(range, sizeof range, "=SUM(%s:%s)", from, to);
      check(worksheet_write_formula_num(ws_, row_, s.col, range, s.fmt, s.value), "total formula");
    }
  }

  /// Adds the filter over the header and data rows.
  void finish() {
    const lxw_row_t last_data = row_ > 1 ? row_ - 1 : 1;
    worksheet_autofilter(ws_, 0, 0, last_data, width_ - 1);
  }

private:
  const Formats& f_;
  lxw_worksheet* ws_;
  lxw_col_t width_;
  lxw_row_t row_ = 1;
  lxw_col_t col_ = 0;
};

std::vector<Sheet::Sum> cost_sums(lxw_col_t first, const CostBreakdown& c, const Formats& f) {
  std::vector<Sheet::Sum> sums;
  lxw_col_t col = first;
  for (const CostCategory& cat : kCostCategories)
    sums.push_back({col++, to_units(c.*cat.field), f.money_total});
  sums.push_back({col++, to_units(c.total()), f.money_total});
  sums.push_back({col++, to_units(c.cash()), f.money_total});
  sums.push_back({col++, to_units(c.imputed()), f.money_total});
  return sums;
}

const std::vector<std::string> kCostColumns{"Flights",        "Hotel",   "Per diem",
                                            "Traveller time", "Jet lag", "Carbon price",
                                            "Trip cost",      "Cash",    "Imputed"};

void cost_cells(Sheet& s, const CostBreakdown& c) {
  for (const CostCategory& cat : kCostCategories) s.money(c.*cat.field);
  s.money(c.total());
  s.money(c.cash());
  s.money(c.imputed());
}

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

void summary_sheet(lxw_workbook* wb, const Formats& f, const Report& r) {
  const Plan& p = r.plan;
  Sheet s(wb, f, "Summary", {"Figure", "Value"});
  const auto text_row = [&](const char* k, const std::string& v) {
    s.text(k);
    s.text(v);
    s.next();
  };
  const auto money_row = [&](const char* k, Money v) {
    s.text(k);
    s.money(v);
    s.next();
  };
  text_row("Quarter", p.label);
  if (r.horizon) {
    s.text("Horizon start");
    s.date(r.horizon->first);
    s.next();
    s.text("Horizon end");
    s.date(r.horizon->last);
    s.next();
  }
  text_row("Currency", p.currency);
  if (r.conversion) text_row("Converted", conversion_text(*r.conversion));
  text_row("Planning method", p.method);
  const Totals& t = p.totals;
  for (const auto& [k, v] : std::vector<std::pair<const char*, int>>{{"Trips", t.trips},
                                                                     {"Visits", t.visits},
                                                                     {"Remote clients", t.remote},
                                                                     {"Days away", t.days_away}}) {
    s.text(k);
    s.integer(v);
    s.next();
  }
  money_row("Cash spend (flights, hotel, per diem)", t.cash());
  money_row("Imputed cost (traveller time, jet lag, carbon price, remote meetings)", t.imputed());
  money_row("Trip cost", t.trip_cost.total());
  money_row("Remote meetings cost", t.remote_cost);
  money_row("Value", t.value);
  money_row("Net value", t.net);
  s.text("CO2e (kg)");
  s.kg(t.co2);
  s.next();
  for (const std::string& note : p.notes) text_row("Note", note);
  s.finish();
}

void trips_sheet(lxw_workbook* wb, const Formats& f, const Report& r) {
  Sheet s(wb, f, "Trips",
          with({"Trip", "Traveller", "Depart", "Back", "Days away", "Visits"},
               with(kCostColumns, {"CO2e (kg)"})));
  for (const Trip& t : r.plan.trips) {
    s.text(t.id);
    s.text(t.traveller_id);
    s.date(t.depart);
    s.date(t.back);
    s.integer(t.days_away);
    s.integer(static_cast<long long>(t.visits.size()));
    cost_cells(s, t.cost);
    s.kg(written_co2(t));
    s.next();
  }
  const Totals& tot = r.plan.totals;
  std::vector<Sheet::Sum> sums{{4, static_cast<double>(tot.days_away), f.integer_total},
                               {5, static_cast<double>(tot.visits), f.integer_total}};
  for (const Sheet::Sum& c : cost_sums(6, tot.trip_cost, f)) sums.push_back(c);
  sums.push_back({15, kg_of(tot.co2), f.kg_total});
  s.totals(sums);
  s.finish();
}

void flights_sheet(lxw_workbook* wb, const Formats& f, const Report& r) {
  Sheet s(wb, f, "Flights",
          {"Trip", "Leg", "From", "To", "Departs (local)", "Departure zone", "Arrives (local)",
           "Arrival zone", "Block (min)", "Distance (km)", "Cabin", "Fare", "CO2e (kg)"});
  Money fares;
  GramsCo2 co2;
  for (const Trip& t : r.plan.trips)
    for (std::size_t i = 0; i < t.legs.size(); ++i) {
      const PlannedLeg& l = t.legs[i];
      s.text(t.id);
      s.integer(static_cast<long long>(i + 1));
      s.text(l.from);
      s.text(l.to);
      s.local(depart_local(l));
      s.text(l.tz_from);
      s.local(arrive_local(l));
      s.text(l.tz_to);
      s.integer(static_cast<int>(l.block.count()));
      s.number(tenth(l.km), f.kg);
      s.text(std::string(cabin_name(l.cabin)));
      s.money(l.fare);
      s.kg(l.co2);
      s.next();
      fares += l.fare;
      co2 += l.co2;
    }
  s.totals({{11, to_units(fares), f.money_total}, {12, kg_of(co2), f.kg_total}});
  s.finish();
}

void stays_sheet(lxw_workbook* wb, const Formats& f, const Report& r) {
  Sheet s(wb, f, "Stays", {"Trip", "Traveller", "City", "Arrive", "Depart", "Hotel nights"});
  long long nights = 0;
  for (const Trip& t : r.plan.trips)
    for (const Stay& st : t.stays) {
      s.text(t.id);
      s.text(t.traveller_id);
      s.text(st.city);
      s.date(st.arrive);
      s.date(st.depart);
      s.integer(st.hotel_nights);
      s.next();
      nights += st.hotel_nights;
    }
  s.totals({{5, static_cast<double>(nights), f.integer_total}});
  s.finish();
}

void clients_sheet(lxw_workbook* wb, const Formats& f, const Report& r) {
  Sheet s(wb, f, "Clients",
          {"Client", "Name", "City", "Decision", "Trip", "Traveller", "Visit value", "Remote value",
           "Remote cost", "Marginal cost", "Break-even value", "Reason"});
  for (const ClientDecision& c : r.plan.decisions) {
    s.text(c.client_id);
    s.text(c.name);
    s.text(c.city);
    s.text(c.visit ? "visit" : "remote");
    s.text(c.trip_id.value_or(""));
    s.text(c.traveller_id.value_or(""));
    s.money(c.value);
    s.money(c.remote_value);
    s.money(c.remote_cost);
    s.money(c.marginal_cost);
    if (break_even(c))
      s.money(*break_even(c));
    else
      s.blank();
    s.text(c.reason, f.wrap);
    s.next();
  }
  s.finish();
}

void calls_sheet(lxw_workbook* wb, const Formats& f, const Report& r) {
  Sheet s(wb, f, "Calls",
          {"Client", "Traveller", "Weekday", "Traveller local time", "Client local time",
           "Traveller off-hours (min)", "Client off-hours (min)", "Client time changes"});
  for (const ClientDecision& c : r.plan.decisions) {
    if (c.visit || !c.call_slot) continue;
    const CallSlotSummary& slot = *c.call_slot;
    s.text(c.client_id);
    s.text(c.traveller_id.value_or(""));
    s.text(std::string(weekday_name(slot.weekday)));
    s.text(clock_text(slot.traveller_local_min));
    s.text(clock_text(slot.client_local_min));
    s.number(tenth(slot.traveller_offhours_min), f.kg);
    s.number(tenth(slot.client_offhours_min), f.kg);
    std::string shifts;
    for (const auto& [from, local] : slot.client_shifts)
      shifts +=
          (shifts.empty() ? "" : "; ") + ("from " + iso_date(from) + ": " + clock_text(local));
    s.text(shifts);
    s.next();
  }
  s.finish();
}

void group_sheet(lxw_workbook* wb, const Formats& f, const char* name, const char* key,
                 const std::vector<GroupTotals>& rows, bool remote, const Totals& tot) {
  std::vector<std::string> cols{key, "Trips", "Days away", "Visits"};
  cols = with(cols, kCostColumns);
  cols.push_back("CO2e (kg)");
  if (remote) cols.push_back("Remote clients");
  Sheet s(wb, f, name, cols);
  for (const GroupTotals& g : rows) {
    s.text(g.key);
    s.integer(g.trips);
    s.integer(g.days_away);
    s.integer(g.visits);
    cost_cells(s, g.cost);
    s.kg(g.co2);
    if (remote) s.integer(g.remote);
    s.next();
  }
  std::vector<Sheet::Sum> sums{{1, static_cast<double>(tot.trips), f.integer_total},
                               {2, static_cast<double>(tot.days_away), f.integer_total},
                               {3, static_cast<double>(tot.visits), f.integer_total}};
  for (const Sheet::Sum& c : cost_sums(4, tot.trip_cost, f)) sums.push_back(c);
  sums.push_back({13, kg_of(tot.co2), f.kg_total});
  if (remote) sums.push_back({14, static_cast<double>(tot.remote), f.integer_total});
  s.totals(sums);
  s.finish();
}

void budget_sheet(lxw_workbook* wb, const Formats& f, const Report& r) {
  Sheet s(wb, f, "Budget", {"Resource", "Used", "Limit", "Share used"});
  if (r.plan.budget) {
    const BudgetUse& b = *r.plan.budget;
    const auto row = [&](const char* name, double used, std::optional<double> limit,
                         lxw_format* fmt) {
      s.text(name);
      s.number(used, fmt);
      if (limit) {
        s.number(*limit, fmt);
        if (*limit > 0)
          s.number(used / *limit, f.percent);
        else
          s.blank();
      } else {
        s.blank();
        s.blank();
      }
      s.next();
    };
    const auto money_limit = [](const std::optional<Money>& m) {
      return m ? std::optional<double>(to_units(*m)) : std::nullopt;
    };
    row("Cash", to_units(b.cash), money_limit(b.cash_limit), f.money);
    row("Trip cost", to_units(b.money), money_limit(b.money_limit), f.money);
    row("Days away", b.days, b.days_limit ? std::optional<double>(*b.days_limit) : std::nullopt,
        f.integer);
    row("CO2e (kg)", kg_of(b.co2),
        b.co2_limit ? std::optional<double>(kg_of(*b.co2_limit)) : std::nullopt, f.kg);
  }
  s.finish();
}

} // namespace

std::string report_xlsx(const Report& r) {
  const TempDir dir;
  const std::string path = (std::filesystem::path(dir.path()) / "report.xlsx").string();
  lxw_workbook_options options{};
  options.tmpdir = const_cast<char*>(dir.path().c_str());
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr)
    throw Error(ErrorCode::internal, "cannot build the spreadsheet: out of memory");
  try {
    // The document's creation time is the horizon's first day, 00:00 UTC, never the clock: the
    // same plan gives the same bytes.
    lxw_doc_properties props{};
    const std::string title = "flyorcall plan " + r.plan.label;
    props.title = const_cast<char*>(title.c_str());
    props.created = r.horizon
                        ? static_cast<time_t>(r.horizon->first.time_since_epoch().count() * 86400LL)
                        : static_cast<time_t>(946684800); // 2000-01-01
    check(workbook_set_properties(wb, &props), "properties");
    const Formats f = make_formats(wb, r.plan.currency);
    summary_sheet(wb, f, r);
    trips_sheet(wb, f, r);
    flights_sheet(wb, f, r);
    stays_sheet(wb, f, r);
    clients_sheet(wb, f, r);
    calls_sheet(wb, f, r);
    group_sheet(wb, f, "By traveller", "Traveller", totals_by_traveller(r), true, r.plan.totals);
    group_sheet(wb, f, "By month", "Month", totals_by_month(r), false, r.plan.totals);
    budget_sheet(wb, f, r);
  } catch (...) {
    (void)workbook_close(wb);
    throw;
  }
  check(workbook_close(wb), "writing the workbook");
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) throw Error(ErrorCode::internal, "cannot read back the spreadsheet");
  return bytes;
}

} // namespace flyorcall::report
