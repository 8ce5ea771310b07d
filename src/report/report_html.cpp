// The trip report as one self-contained HTML page: inline CSS and SVG only, no script, nothing a
// browser would fetch, and a Content-Security-Policy that forbids both should a text ever slip
// through unescaped. Every text from the plan or the input goes through html_escape.
#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "report/compare_format.hpp"
#include "report/report_charts.hpp"
#include "report/report_format.hpp"
#include "report/report_page.hpp"
#include "report/report_totals.hpp"
#include "report/trip_report.hpp"

namespace flyorcall::report {

namespace {

std::string esc(std::string_view s) {
  return html_escape(s);
}

constexpr const char* kStyle = R"css(
:root{color-scheme:light}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:#1a1a1a;background:#fff;margin:0 auto;max-width:1040px;padding:16px 24px}
h1{font-size:1.65em;margin:.2em 0 .1em}
h2{font-size:1.3em;border-bottom:2px solid #c9ced8;padding-bottom:.15em;margin:1.6em 0 .6em}
h3{font-size:1.1em;margin:1.2em 0 .3em}
h4{font-size:1em;margin:.8em 0 .2em}
.meta{color:#444;margin:.2em 0 .8em}
nav ul{list-style:none;padding:0;margin:.4em 0;display:flex;flex-wrap:wrap;gap:.3em 1.1em}
nav a{color:#0b4f8a}
table{border-collapse:collapse;margin:.4em 0 1em;font-size:.92em}
caption{text-align:left;font-weight:600;padding:.2em 0}
th,td{border:1px solid #c9ced8;padding:3px 7px;text-align:left;vertical-align:top}
thead th{background:#eef0f4}
tbody th{font-weight:600;background:#f7f8fa}
.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px;margin:.5em 0 1em}
.card{border:1px solid #c9ced8;border-radius:6px;padding:6px 10px}
.card .k{color:#444;font-size:.85em}
.card .v{font-size:1.25em;font-weight:600;font-variant-numeric:tabular-nums}
.trip{border-top:1px solid #dde1e8;padding-top:.2em}
.briefing{border-left:3px solid #56B4E9;padding:.1em .8em;margin:.6em 0}
.briefing ul{margin:.2em 0;padding-left:1.2em}
.source{color:#555;font-size:.85em}
.decision-visit{color:#006b4f;font-weight:600;white-space:nowrap}
.decision-remote{color:#555;white-space:nowrap}
figure{margin:.8em 0}
figcaption{color:#444;font-size:.9em}
svg.chart{max-width:100%;height:auto;font-size:11px;print-color-adjust:exact;-webkit-print-color-adjust:exact}
svg text{fill:#1a1a1a}
svg .grid{stroke:#d5d8de;stroke-width:1}
svg .axis{fill:#555;font-size:10px}
svg .bar-label{font-size:10px;font-weight:600}
svg .marker{stroke:#1a1a1a;stroke-width:2}
svg .visit{fill:#006b4f;font-weight:600}
svg .remote{fill:#666}
svg .sea{fill:#e6eff5}
svg .land{fill:#d9d6cb;stroke:#a9a498;stroke-width:.4}
svg .arc polyline{fill:none;stroke-width:1.4;stroke-linecap:round;stroke-linejoin:round}
svg .home{fill:#1a1a1a}
svg .stop{fill:#fff;stroke:#1a1a1a;stroke-width:1.2}
svg .remote-city{fill:none;stroke:#666;stroke-width:1;stroke-dasharray:1.5 1}
svg .city{font-size:7px}
svg .leader{stroke:#555;stroke-width:.6}
svg .legend-box{fill:#fff;fill-opacity:.85;stroke:#a9a498;stroke-width:.5}
footer{margin-top:2em;color:#555;font-size:.85em;border-top:1px solid #dde1e8;padding-top:.4em}
.answer{font-size:1.12em;margin:.3em 0 .6em}
.overview-grid{display:grid;grid-template-columns:1fr 1fr;gap:0 24px}
.overview-grid table{width:100%}
dl.glossary{display:grid;grid-template-columns:max-content 1fr;gap:1px 10px;font-size:.88em;margin:.3em 0}
dl.glossary dt{font-weight:600}
dl.glossary dd{margin:0}
@media print{
body{max-width:none;padding:0;font-size:10pt}
header h1{margin:0}
header .meta{margin:0 0 .3em}
section#overview{font-size:8.5pt;line-height:1.35}
section#overview h2{margin:.2em 0 .3em;font-size:1.25em}
section#overview h3{margin:.4em 0 .1em}
section#overview .answer{margin:.2em 0 .4em}
section#overview table{margin:.1em 0 .4em;font-size:1em}
section#overview th,section#overview td{padding:1px 5px}
section#overview dl.glossary{grid-template-columns:max-content 1fr max-content 1fr;font-size:.95em}
nav{display:none}
section{break-before:page}
section#overview{break-before:auto}
h2,h3,h4{break-after:avoid}
table,figure,.briefing,.card{break-inside:avoid}
tr{break-inside:avoid}
a{color:inherit;text-decoration:none}
}
)css";

/// The page's sections in order: element id and navigation label.
constexpr std::array<std::pair<std::string_view, const char*>, 10> kSections{{
    {"overview", "The answer"},
    {"summary", "Summary"},
    {"notes", "Notes"},
    {"calendar", "Calendar"},
    {"trips", "Trips"},
    {"clients", "Clients"},
    {"calls", "Remote calls"},
    {"costs", "Cost breakdown"},
    {"value-cost", "Value vs cost"},
    {"map", "Map"},
}};

struct Cell {
  std::string html; ///< already escaped
  bool number = false;
};

Cell txt(std::string_view s) {
  return {esc(s), false};
}
Cell num(std::string_view s) {
  return {esc(s), true};
}

/// "… and 12 more flights, in the CSV report." as a paragraph, or "" for none.
std::string more(std::size_t n, const std::string& what) {
  if (n == 0) return "";
  return "<p class=\"source\">… and " + std::to_string(n) + " more " + what +
         ", in the CSV report (flyorcall report --format csv).</p>\n";
}

/// A table with a header row of column headers (scope="col"); the first cell of each body row is
/// a row header (scope="row") when `row_headers` is set. Rows stop once the table has
/// kPageTableBytes; a last row says how many are left out.
std::string table(const std::string& caption, const std::vector<Cell>& head,
                  const std::vector<std::vector<Cell>>& rows, bool row_headers = true) {
  std::string out = "<table>\n";
  if (!caption.empty()) out += "<caption>" + esc(caption) + "</caption>\n";
  out += "<thead><tr>";
  for (const Cell& h : head)
    out += std::string("<th scope=\"col\"") + (h.number ? " class=\"n\"" : "") + ">" + h.html +
           "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const auto& row = rows[k];
    if (out.size() > kPageTableBytes) {
      out += "<tr><td colspan=\"" + std::to_string(head.size()) + "\">… and " +
             std::to_string(rows.size() - k) +
             " more rows, in the CSV report (flyorcall report --format csv).</td></tr>\n";
      break;
    }
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      const bool header = row_headers && i == 0;
      const std::string tag = header ? "th" : "td";
      out += "<" + tag + (header ? " scope=\"row\"" : "") + (row[i].number ? " class=\"n\"" : "") +
             ">" + row[i].html + "</" + tag + ">";
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string card(const std::string& key, const std::string& value) {
  return "<div class=\"card\"><div class=\"k\">" + esc(key) + "</div><div class=\"v\">" +
         esc(value) + "</div></div>\n";
}

class HtmlWriter {
public:
  /// `r` is the page's view of the report; `full` the whole report, whose totals by traveller and
  /// by month the first page shows.
  HtmlWriter(const Report& r, const Report& full)
      : r_(r), chart_(chart_view(r)), cur_(r.plan.currency),
        by_traveller_(totals_by_traveller(full)), by_month_(totals_by_month(full)),
        clients_(full.plan.decisions.size()) {
    for (const ClientDecision& c : r.plan.decisions) names_.emplace(c.client_id, c.name);
  }

  std::string render() {
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + esc(title()) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
    out += header();
    out += "<main>\n";
    out += overview();
    out += summary();
    if (!r_.plan.notes.empty()) out += notes();
    out += calendar();
    out += trips();
    out += clients();
    out += calls();
    out += charts();
    out += "</main>\n";
    out += "<footer>Made by flyorcall";
    if (!r_.plan.flyorcall_version.empty()) out += " " + esc(r_.plan.flyorcall_version);
    out += " from the plan";
    if (!r_.plan.data_version.empty()) out += " (world data " + esc(r_.plan.data_version) + ")";
    out += r_.input_given ? " and its input" : "";
    out += ". Times are local to each city unless marked UTC.</footer>\n</body>\n</html>\n";
    return out;
  }

private:
  std::string title() const {
    return "Quarterly trip report" + (r_.plan.label.empty() ? "" : ": " + r_.plan.label);
  }

  std::string money(Money m) const { return amount(m) + " " + cur_; }

  std::string city(const std::string& code) const {
    for (const Place& p : r_.places)
      if (p.code == code) return p.name + " (" + code + ")";
    return code;
  }

  std::string country(const std::string& iso) const {
    const auto it = r_.country_names.find(iso);
    return it == r_.country_names.end() ? iso : it->second;
  }

  std::string client_name(const std::string& id) const {
    const auto it = names_.find(id);
    return it == names_.end() || it->second.empty() ? id : it->second;
  }

  std::string header() const {
    std::string out = "<header>\n<h1>" + esc(title()) + "</h1>\n<p class=\"meta\">";
    std::vector<std::string> parts;
    if (r_.plan.horizon)
      parts.push_back("Horizon " + weekday_date(r_.plan.horizon->first) + " to " +
                      weekday_date(r_.plan.horizon->last));
    if (!r_.plan.currency.empty())
      parts.push_back("money in " + r_.plan.currency +
                      (r_.conversion ? ", " + conversion_text(*r_.conversion) : ""));
    if (!r_.plan.method.empty()) parts.push_back("plan method " + r_.plan.method);
    if (r_.plan.seed) parts.push_back("seed " + std::to_string(*r_.plan.seed));
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? " · " : "") + esc(parts[i]);
    out += "</p>\n<nav aria-label=\"Sections\"><ul>";
    for (const auto& [id, label] : kSections) {
      if (id == "notes" && r_.plan.notes.empty()) continue;
      out += "<li><a href=\"#" + std::string(id) + "\">" + label + "</a></li>";
    }
    return out + "</ul></nav>\n</header>\n";
  }

  /// The first page, for a reader who reads nothing else: the answer in one paragraph, who goes
  /// where, cash against imputed cost, totals by traveller and by month, budget use, and a
  /// glossary of every term the report uses. Printed, it is one page.
  std::string overview() const {
    const Totals& t = r_.plan.totals;
    std::string out = "<section id=\"overview\">\n<h2>The answer</h2>\n<p class=\"answer\">";
    std::size_t travelling = 0;
    for (const GroupTotals& g : by_traveller_) travelling += g.trips > 0 ? 1 : 0;
    out += esc(r_.plan.label.empty() ? "This plan" : "In " + r_.plan.label) + ", " +
           std::to_string(travelling) +
           (travelling == 1 ? " traveller makes " : " travellers make ") + std::to_string(t.trips) +
           (t.trips == 1 ? " trip" : " trips") + " (" + std::to_string(t.days_away) +
           " days away) to visit <strong>" + std::to_string(t.visits) + " of " +
           std::to_string(clients_) + " clients</strong> in person; " + std::to_string(t.remote) +
           (t.remote == 1 ? " stays" : " stay") +
           " remote, with regular calls. The trips cost <strong>" + esc(money(t.cash())) +
           " in cash</strong> (fares, hotels, per diems) and " + esc(money(t.trip_cost.total())) +
           " counting the travellers' time, jet lag and the carbon price. The clients' value is " +
           esc(money(t.value)) + "; after every cost the plan nets <strong>" + esc(money(t.net)) +
           "</strong>.</p>\n";

    // Who goes where: each traveller's cities in trip order, and the traveller's totals.
    std::vector<std::vector<Cell>> who;
    constexpr std::size_t kMaxRows = 8;
    for (std::size_t i = 0; i < by_traveller_.size() && i < kMaxRows; ++i) {
      const GroupTotals& g = by_traveller_[i];
      std::vector<std::string> cities;
      for (const Trip& trip : r_.plan.trips)
        if (trip.traveller_id == g.key)
          for (const Visit& v : trip.visits)
            if (std::find(cities.begin(), cities.end(), v.city) == cities.end())
              cities.push_back(v.city);
      std::string where;
      for (const std::string& c : cities) where += (where.empty() ? "" : ", ") + city_name(c);
      who.push_back({txt(g.key), num(std::to_string(g.trips)), num(std::to_string(g.days_away)),
                     txt(where.empty() ? "no trip" : where), num(amount(g.cost.cash())),
                     num(amount(g.cost.total())), num(kilograms(g.co2))});
    }
    out += table("Who goes where",
                 {txt("Traveller"), num("Trips"), num("Days"), txt("Cities visited"),
                  num("Cash (" + cur_ + ")"), num("Trip cost (" + cur_ + ")"), num("CO2e (kg)")},
                 who);
    if (by_traveller_.size() > kMaxRows)
      out += "<p>… and " + std::to_string(by_traveller_.size() - kMaxRows) +
             " more travellers: see the workbook's By traveller sheet (flyorcall report --format "
             "xlsx).</p>\n";

    out += "<div class=\"overview-grid\">\n<div>\n";
    out += table("Cash and imputed cost", {txt("Cost"), num("Amount (" + cur_ + ")")},
                 {{txt("Cash spend: fares, hotels, per diems"), num(amount(t.cash()))},
                  {txt("Imputed: travellers' time, jet lag, carbon price"),
                   num(amount(t.trip_cost.imputed()))},
                  {txt("Imputed: remote meetings"), num(amount(t.remote_cost))},
                  {txt("All costs"), num(amount(t.cash() + t.imputed()))}});
    if (r_.plan.budget) {
      const BudgetUse& b = *r_.plan.budget;
      const auto share = [](double used, double limit) { return percent_text(used, limit); };
      std::vector<std::vector<Cell>> rows;
      if (b.cash_limit)
        rows.push_back({txt("Cash"), num(amount(b.cash) + " of " + amount(*b.cash_limit)),
                        num(share(static_cast<double>(b.cash.count()),
                                  static_cast<double>(b.cash_limit->count())))});
      if (b.money_limit)
        rows.push_back({txt("Trip cost"), num(amount(b.money) + " of " + amount(*b.money_limit)),
                        num(share(static_cast<double>(b.money.count()),
                                  static_cast<double>(b.money_limit->count())))});
      if (b.days_limit)
        rows.push_back({txt("Days away"),
                        num(std::to_string(b.days) + " of " + std::to_string(*b.days_limit)),
                        num(share(b.days, *b.days_limit))});
      if (b.co2_limit)
        rows.push_back({txt("CO2e (kg)"), num(kilograms(b.co2) + " of " + kilograms(*b.co2_limit)),
                        num(share(static_cast<double>(b.co2.count()),
                                  static_cast<double>(b.co2_limit->count())))});
      if (rows.empty())
        out += "<p>No budget limits were set.</p>\n";
      else
        out += table("Budget use", {txt("Budget"), num("Used of limit"), num("Share")}, rows);
    } else {
      out += "<p>No budget limits were set.</p>\n";
    }
    out += "</div>\n<div>\n";
    std::vector<std::vector<Cell>> months;
    for (const GroupTotals& g : by_month_)
      months.push_back({txt(g.key), num(std::to_string(g.trips)), num(std::to_string(g.days_away)),
                        num(amount(g.cost.cash())), num(amount(g.cost.total()))});
    out += table("By month (trips counted in the month they leave)",
                 {txt("Month"), num("Trips"), num("Days"), num("Cash (" + cur_ + ")"),
                  num("Trip cost (" + cur_ + ")")},
                 months);
    out += "</div>\n</div>\n";
    out += glossary();
    return out + "</section>\n";
  }

  /// Every term the report uses, defined for a reader who has not read the docs.
  static std::string glossary() {
    static const std::array<std::pair<const char*, const char*>, 16> kTerms{{
        {"Visit value", "what an in-person visit this quarter is worth to the account (given, or "
                        "derived from the account's revenue)."},
        {"Remote value", "the part of that value regular video calls deliver instead."},
        {"Value", "the visit values of visited clients plus the remote values of the others."},
        {"Cash spend", "money paid out: fares, hotel nights and per diems."},
        {"Imputed cost", "costs valued, not paid: the travellers' time away, jet lag, the internal "
                         "carbon price, and remote meetings."},
        {"Traveller time", "each day away at the traveller's cost per day."},
        {"Jet lag", "working time lost while the body clock adapts after crossing time zones."},
        {"Carbon price", "the company's internal price per tonne of CO2e times the trips' CO2e."},
        {"Trip cost", "cash spend plus the imputed cost of the trips."},
        {"Remote cost", "the cost of regular calls, attendees' time included: for the clients kept "
                        "remote, and the calls visited clients still need."},
        {"Net value", "value minus trip cost minus remote cost: what the plan returns."},
        {"Marginal cost",
         "what adding a client to its trip costs, compared with the trip without it."},
        {"Break-even value", "the visit value at which the decision for a client would flip."},
        {"CO2e", "greenhouse-gas emissions of the flights and hotel nights, in kilograms of CO2 "
                 "equivalent (UK DESNZ factors)."},
        {"Days away", "days a traveller is away from home, door to door, travel days included."},
        {"Off-hours", "minutes of a call outside a participant's working hours."},
    }};
    std::string out = "<h3>Terms</h3>\n<dl class=\"glossary\">\n";
    for (const auto& [term, meaning] : kTerms)
      out += "<dt>" + esc(term) + "</dt><dd>" + esc(meaning) + "</dd>\n";
    return out + "</dl>\n";
  }

  /// A city's name for the first page, else its code.
  std::string city_name(const std::string& code) const {
    for (const Place& p : r_.places)
      if (p.code == code) return p.name;
    return code;
  }

  std::string summary() const {
    const Totals& t = r_.plan.totals;
    std::string out = "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n";
    out += card("Trips", std::to_string(t.trips));
    out += card("Days away", std::to_string(t.days_away));
    out += card("Clients visited", std::to_string(t.visits));
    out += card("Clients kept remote", std::to_string(t.remote));
    out += card("Cash spend", money(t.cash()));
    out += card("Imputed cost", money(t.imputed()));
    out += card("Trip cost", money(t.trip_cost.total()));
    out += card("Remote cost", money(t.remote_cost));
    out += card("Value", money(t.value));
    out += card("Net value", money(t.net));
    out += card("CO2e", kilograms(t.co2) + " kg");
    out += "</div>\n";

    std::vector<std::vector<Cell>> rows;
    const double total = static_cast<double>(t.trip_cost.total().count());
    for (const CostCategory& c : kCostCategories) {
      const Money m = t.trip_cost.*c.field;
      rows.push_back(
          {txt(c.label), num(amount(m)), num(percent_text(static_cast<double>(m.count()), total))});
    }
    rows.push_back(
        {txt("Trip cost, total"), num(amount(t.trip_cost.total())), num(total > 0 ? "100%" : "")});
    rows.push_back(
        {txt("Remote meetings (not part of trip cost)"), num(amount(t.remote_cost)), num("")});
    rows.push_back({txt("Cash spend (fares, hotel, per diem)"), num(amount(t.cash())), num("")});
    rows.push_back({txt("Imputed cost (time, jet lag, carbon price, remote meetings)"),
                    num(amount(t.imputed())), num("")});
    out += table("Spend by category", {txt("Category"), num("Amount (" + cur_ + ")"), num("Share")},
                 rows);
    if (!r_.plan.hotel_source.empty()) {
      out += "<p class=\"note\">Hotel nights: " + esc(r_.plan.hotel_source) + ".";
      for (const AllowanceUse& a : r_.plan.allowances)
        out += " Per diem of " + esc(a.traveller_id) + ": " + esc(a.source) + ".";
      out += "</p>\n";
    }

    if (r_.plan.budget) {
      const BudgetUse& b = *r_.plan.budget;
      std::vector<std::vector<Cell>> brows;
      brows.push_back({txt("Cash"), num(money(b.cash)),
                       num(b.cash_limit ? money(*b.cash_limit) : "no limit"),
                       num(b.cash_limit ? percent_text(static_cast<double>(b.cash.count()),
                                                       static_cast<double>(b.cash_limit->count()))
                                        : "")});
      brows.push_back({txt("Money"), num(money(b.money)),
                       num(b.money_limit ? money(*b.money_limit) : "no limit"),
                       num(b.money_limit ? percent_text(static_cast<double>(b.money.count()),
                                                        static_cast<double>(b.money_limit->count()))
                                         : "")});
      brows.push_back({txt("Days away"), num(std::to_string(b.days)),
                       num(b.days_limit ? std::to_string(*b.days_limit) : "no limit"),
                       num(b.days_limit ? percent_text(b.days, *b.days_limit) : "")});
      brows.push_back({txt("CO2e"), num(kilograms(b.co2) + " kg"),
                       num(b.co2_limit ? kilograms(*b.co2_limit) + " kg" : "no limit"),
                       num(b.co2_limit ? percent_text(static_cast<double>(b.co2.count()),
                                                      static_cast<double>(b.co2_limit->count()))
                                       : "")});
      out += table("Budget use against the limits",
                   {txt("Budget"), num("Used"), num("Limit"), num("Share used")}, brows);
    }
    return out + "</section>\n";
  }

  std::string notes() const {
    std::string out = "<section id=\"notes\">\n<h2>Notes on the inputs</h2>\n<ul>\n";
    for (const std::string& n : r_.plan.notes) out += "<li>" + esc(n) + "</li>\n";
    if (r_.notes_not_shown > 0)
      out += "<li>… and " + std::to_string(r_.notes_not_shown) + " more, in the plan JSON.</li>\n";
    return out + "</ul>\n</section>\n";
  }

  std::string calendar() const {
    std::string out = "<section id=\"calendar\">\n<h2>Trip calendar</h2>\n<figure>\n";
    out += calendar_svg(chart_);
    out += "<figcaption>Weeks of the quarter (a line on each Monday) by traveller; each bar is "
           "a trip from the day it leaves home to the day it comes back.";
    if (r_.travellers_not_shown > 0 || chart_.trips_not_shown > 0)
      out += " Shown: the first " + std::to_string(chart_.travellers.size()) + " travellers and " +
             std::to_string(chart_.plan.trips.size()) + " trips.";
    out += "</figcaption>\n</figure>\n";
    const auto weeks = calendar_weeks(r_);
    if (!weeks.empty() && !r_.travellers.empty()) {
      std::vector<Cell> head{txt("Week of")};
      for (const std::string& t : r_.travellers) head.push_back(txt(t));
      std::vector<std::vector<Cell>> rows;
      for (const CalendarWeek& w : weeks) {
        std::vector<Cell> row{txt(weekday_date(w.monday))};
        for (const auto& ids : w.trips) {
          std::string s;
          for (const std::string& id : ids) s += (s.empty() ? "" : ", ") + id;
          row.push_back(txt(s));
        }
        rows.push_back(std::move(row));
      }
      out += table("Trips by week and traveller", head, rows);
    }
    return out + "</section>\n";
  }

  std::string briefing(const Briefing& b, const BriefingPage& page) const {
    std::string out = "<div class=\"briefing\">\n<h4>Briefing: " + esc(city(b.city));
    if (!b.country.empty()) out += ", " + esc(country(b.country));
    out += "</h4>\n<ul>\n";
    if (b.time_difference) {
      out += "<li>Time difference: " + esc(time_difference_text(*b.time_difference)) + "</li>\n";
    }
    const std::string window =
        " from " + iso_date(b.window.first) + " to " + iso_date(b.window.last);
    if (b.holidays.empty() && page.holidays_not_shown == 0) {
      out += "<li>No public holidays" + esc(window) + ".</li>\n";
    } else {
      out += "<li>Public holidays" + esc(window) + ":<ul>\n";
      for (const LocalHoliday& h : b.holidays)
        out += "<li>" + esc(weekday_date(h.date)) + ": " + esc(h.name) +
               (h.substitute ? " (substitute day)" : "") + "</li>\n";
      if (page.holidays_not_shown > 0)
        out += "<li>… and " + std::to_string(page.holidays_not_shown) + " more</li>\n";
      out += "</ul></li>\n";
    }
    if (b.events.empty() && b.events_not_listed == 0) {
      out += "<li>No events" + esc(window) +
             (r_.input_given || page.source == BriefingSource::plan
                  ? ""
                  : " known (give --input for the input's events)") +
             ".</li>\n";
    } else {
      out += "<li>Events:<ul>\n";
      for (const BriefingEvent& e : b.events) {
        out += "<li>" + esc(event_kind_name(e.kind)) + ", " + esc(iso_date(e.dates.first)) +
               (e.dates.last != e.dates.first ? " to " + esc(iso_date(e.dates.last)) : "") + ": " +
               esc(e.title);
        if (!e.note.empty()) out += " — " + esc(e.note);
        out += "</li>\n";
      }
      if (b.events_not_listed > 0)
        out += "<li>… and " + std::to_string(b.events_not_listed) + " more</li>\n";
      out += "</ul></li>\n";
    }
    if (b.calendar_note) out += "<li>Note: " + esc(*b.calendar_note) + "</li>\n";
    out += "</ul>\n";
    if (page.source == BriefingSource::report)
      out += "<p class=\"source\">Derived by the report: the plan has no briefings.</p>\n";
    return out + "</div>\n";
  }

  std::string trip(const Trip& t, std::size_t index) const {
    const TripPage& page = r_.trip_page(index);
    std::string out = "<article class=\"trip\" id=\"trip-" + std::to_string(index + 1) + "\">\n";
    out += "<h3>" + esc(t.id) + " · " + esc(t.traveller_id) + " · " + esc(weekday_date(t.depart)) +
           " to " + esc(weekday_date(t.back)) + " (" + std::to_string(t.days_away) +
           (t.days_away == 1 ? " day" : " days") + ")</h3>\n";
    out += "<p>Cost " + esc(money(t.cost.total())) + " (";
    for (std::size_t i = 0; i < kCostCategories.size(); ++i)
      out += (i ? ", " : "") + esc(std::string(kCostCategories[i].label)) + " " +
             esc(amount(t.cost.*kCostCategories[i].field));
    out += "); CO2e " + esc(kilograms(written_co2(t))) + " kg.</p>\n";

    std::vector<std::vector<Cell>> legs;
    for (const PlannedLeg& l : t.legs)
      legs.push_back({txt(city(l.from)), txt(city(l.to)),
                      txt(depart_local(l) ? local_text(*depart_local(l)) : ""),
                      txt(arrive_local(l) ? local_text(*arrive_local(l)) : ""),
                      num(duration_text(static_cast<int>(l.block.count()))),
                      txt(cabin_name(l.cabin)), num(plain_one_decimal(l.km)), num(amount(l.fare)),
                      num(kilograms(l.co2))});
    if (!legs.empty())
      out += table("Flights (local times of each city)",
                   {txt("From"), txt("To"), txt("Departs"), txt("Arrives"), num("Block"),
                    txt("Cabin"), num("km"), num("Fare"), num("CO2e kg")},
                   legs, false);
    out += more(page.legs_not_shown, "flights");

    std::vector<std::vector<Cell>> stays;
    for (const Stay& s : t.stays)
      stays.push_back({txt(city(s.city)), txt(weekday_date(s.arrive)), txt(weekday_date(s.depart)),
                       num(std::to_string(s.hotel_nights))});
    if (!stays.empty())
      out += table("Stays", {txt("City"), txt("Arrive"), txt("Leave"), num("Hotel nights")}, stays);
    out += more(page.stays_not_shown, "stays");

    std::vector<std::vector<Cell>> visits;
    for (const Visit& v : t.visits)
      visits.push_back({txt(client_name(v.client_id)), txt(city(v.city)), txt(weekday_date(v.date)),
                        num(std::to_string(v.days))});
    if (!visits.empty())
      out += table("Visits", {txt("Client"), txt("City"), txt("First day"), num("Days")}, visits);
    out += more(page.visits_not_shown, "visits");

    for (std::size_t k = 0; k < t.briefings.size(); ++k)
      out += briefing(t.briefings[k], r_.briefing_page(index, k));
    out += more(page.briefings_not_shown, "briefings");
    return out + "</article>\n";
  }

  std::string trips() const {
    std::string out = "<section id=\"trips\">\n<h2>Trips and briefings</h2>\n";
    if (r_.plan.trips.empty())
      out += "<p>The plan has no trips: every client is kept remote.</p>\n";
    std::size_t shown = 0;
    while (shown < r_.plan.trips.size() && out.size() < kPageTripsBytes) {
      out += trip(r_.plan.trips[shown], shown);
      ++shown;
    }
    const std::size_t left = r_.plan.trips.size() - shown + r_.trips_not_shown;
    if (left > 0)
      out += "<p class=\"source\">This page details the first " + std::to_string(shown) + " of " +
             std::to_string(shown + left) +
             " trips; the CSV report (flyorcall report --format csv) and the plan JSON hold every "
             "trip.</p>\n";
    return out + "</section>\n";
  }

  std::string clients() const {
    std::string out = "<section id=\"clients\">\n<h2>Clients: decisions and why</h2>\n";
    out += "<p>A visit pays when its value is above the break-even value: the value at which "
           "visiting and staying remote net the same.</p>\n";
    std::vector<std::vector<Cell>> rows;
    for (const ClientDecision& c : r_.plan.decisions) {
      std::string decision = c.visit ? "visit" : "remote";
      if (c.visit && c.trip_id) decision += " (" + *c.trip_id + ")";
      const std::string who = c.name.empty() ? c.client_id : c.name + " (" + c.client_id + ")";
      rows.push_back({txt(who),
                      {"<span class=\"decision-" + std::string(c.visit ? "visit" : "remote") +
                           "\">" + esc(decision) + "</span>",
                       false},
                      txt(c.traveller_id.value_or("")),
                      num(amount(c.value)),
                      num(amount(c.marginal_cost)),
                      num(break_even(c) ? amount(*break_even(c)) : "none"),
                      txt(c.reason)});
    }
    out += table("Per-client decisions (" + cur_ + ")",
                 {txt("Client"), txt("Decision"), txt("Traveller"), num("Value"),
                  num("Marginal cost"), num("Break-even value"), txt("Why")},
                 rows);
    return out + "</section>\n";
  }

  std::string calls() const {
    std::string out = "<section id=\"calls\">\n<h2>Remote call schedule</h2>\n";
    out += "<p>One recurring weekly slot per client kept remote, in each party's local time; a "
           "daylight-saving change inside the quarter moves the client's local time from the "
           "date shown.</p>\n";
    std::vector<std::vector<Cell>> rows;
    for (const ClientDecision& c : r_.plan.decisions) {
      if (c.visit) continue;
      const std::string who = c.name.empty() ? c.client_id : c.name;
      if (!c.call_slot) {
        rows.push_back({txt(who), txt(c.traveller_id.value_or("")), txt("no common business day"),
                        txt(""), txt(""), num(""), txt("")});
        continue;
      }
      const CallSlotSummary& s = *c.call_slot;
      std::string shifts;
      for (const auto& [from, local] : s.client_shifts)
        shifts += (shifts.empty() ? "" : "; ") + std::string("from ") + iso_date(from) + ": " +
                  clock_text(local);
      rows.push_back({txt(who), txt(c.traveller_id.value_or("")),
                      txt(std::string(weekday_name(s.weekday))),
                      txt(clock_text(s.traveller_local_min)), txt(clock_text(s.client_local_min)),
                      num(plain_one_decimal(s.traveller_offhours_min) + " / " +
                          plain_one_decimal(s.client_offhours_min)),
                      txt(shifts.empty() ? "none" : shifts)});
    }
    if (rows.empty())
      out += "<p>No client is kept remote.</p>\n";
    else
      out +=
          table("Weekly call slots",
                {txt("Client"), txt("Run by"), txt("Weekday (traveller)"), txt("Traveller local"),
                 txt("Client local"), num("Off-hours min per call (traveller / client)"),
                 txt("Client local time shifts (DST)")},
                rows);
    return out + "</section>\n";
  }

  std::string charts() const {
    std::string out = "<section id=\"costs\">\n<h2>Cost breakdown</h2>\n<figure>\n";
    out += cost_chart_svg(chart_);
    out += "<figcaption>Each trip's cost by category, in " + esc(cur_) + "." + shown_trips() +
           "</figcaption>\n</figure>\n</section>\n";
    out += "<section id=\"value-cost\">\n<h2>Value versus cost per client</h2>\n<figure>\n";
    out += value_chart_svg(chart_);
    out += "<figcaption>Visit value and the marginal cost of the client's trip; the black mark "
           "is the break-even value.";
    if (chart_.plan.decisions.size() < r_.plan.decisions.size())
      out += " Shown: the first " + std::to_string(chart_.plan.decisions.size()) + " of " +
             std::to_string(r_.plan.decisions.size()) + " clients.";
    out += "</figcaption>\n</figure>\n</section>\n";
    out += "<section id=\"map\">\n<h2>Map of the trips</h2>\n<figure>\n";
    out += map_svg(chart_);
    out += "<figcaption>Great-circle routes of every flight; filled dot: home, open dot: a city "
           "visited, dashed ring: a remote client's city. Coarse outline drawn by the "
           "flyorcall maintainers." +
           shown_trips();
    if (!r_.unplaced.empty()) {
      out += " Not on the map (no coordinates):";
      for (const std::string& c : r_.unplaced) out += " " + esc(c);
      out += ".";
    }
    return out + "</figcaption>\n</figure>\n</section>\n";
  }

  /// " Shown: the first 100 of 320 trips." when the charts leave trips out.
  std::string shown_trips() const {
    if (chart_.trips_not_shown == 0) return "";
    return " Shown: the first " + std::to_string(chart_.plan.trips.size()) + " of " +
           std::to_string(chart_.plan.trips.size() + chart_.trips_not_shown) + " trips.";
  }

  const Report& r_;
  Report chart_; ///< what the charts draw (report_page.hpp)
  std::string cur_;
  std::vector<GroupTotals> by_traveller_; ///< of the whole plan, not the page's view
  std::vector<GroupTotals> by_month_;
  std::size_t clients_ = 0; ///< clients of the whole plan
  std::map<std::string, std::string> names_;
};

} // namespace

const std::vector<std::string>& html_section_ids() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> v;
    for (const auto& s : kSections) v.emplace_back(s.first);
    return v;
  }();
  return ids;
}

std::string report_html(const Report& r) {
  return HtmlWriter(page_view(r), r).render();
}

} // namespace flyorcall::report
