// The comparison as one self-contained HTML page: inline CSS, inline SVG, no script, nothing
// fetched; every text that comes from the input or the command line is escaped.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "report/compare.hpp"
#include "report/compare_format.hpp"

namespace flyorcall::report {

namespace {

constexpr double kWidth = 760;
constexpr double kLeft = 90, kRight = 730;

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

/// A compact axis label: 12500 -> "12.5k", 2300000 -> "2.3M".
std::string short_number(double v) {
  const double a = std::abs(v);
  char buf[32];
  if (a >= 1e6)
    std::snprintf(buf, sizeof buf, "%.1fM", v / 1e6);
  else if (a >= 1e3)
    std::snprintf(buf, sizeof buf, "%.1fk", v / 1e3);
  else
    std::snprintf(buf, sizeof buf, "%.0f", v);
  return buf;
}

struct Range {
  double lo = 0, hi = 1;
};

Range range_of(const std::vector<std::vector<double>>& series) {
  Range r{0, 0};
  bool first = true;
  for (const auto& s : series)
    for (double v : s) {
      if (first) r = {v, v};
      r.lo = std::min(r.lo, v);
      r.hi = std::max(r.hi, v);
      first = false;
    }
  if (r.hi - r.lo < 1e-9) {
    // A flat curve still needs a visible band.
    const double pad = std::max(1.0, std::abs(r.hi) * 0.05);
    r.lo -= pad;
    r.hi += pad;
  }
  return r;
}

/// The table with each scenario named readably (readable_scenario_name) in its first column.
std::vector<std::vector<std::string>> readable_names(std::vector<std::vector<std::string>> rows,
                                                     const Comparison& c) {
  for (auto& row : rows)
    if (!row.empty())
      for (const auto& s : c.scenarios)
        if (row.front() == s.name) row.front() = readable_scenario_name(s.name);
  return rows;
}

std::string table_html(const std::vector<std::vector<std::string>>& rows);

/// The totals as two tables, money and CO2e first, then counts and budgets, each with the scenario
/// names, so that the page fits 1280 px.
std::string totals_html(const std::vector<std::vector<std::string>>& rows) {
  constexpr std::size_t kSplit = 11; // scenario, then five money figures and CO2e with deltas
  std::vector<std::vector<std::string>> first, second;
  for (const auto& row : rows) {
    first.emplace_back(row.begin(),
                       row.begin() + static_cast<std::ptrdiff_t>(std::min(kSplit, row.size())));
    std::vector<std::string> rest{row.front()};
    if (row.size() > kSplit) rest.insert(rest.end(), row.begin() + kSplit, row.end());
    second.push_back(std::move(rest));
  }
  return table_html(first) + (second.front().size() > 1 ? table_html(second) : "");
}

/// A table in a box that scrolls sideways when the page is narrower than the table.
std::string table_html(const std::vector<std::vector<std::string>>& rows) {
  std::string out = "<div class=\"wide\"><table>\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out += "<tr>";
    for (std::size_t k = 0; k < rows[i].size(); ++k) {
      const char* tag = i == 0 ? "th" : "td";
      out += std::string("<") + tag + (k > 0 && i > 0 ? " class=\"n\"" : "") + ">" +
             html_escape(rows[i][k]) + "</" + tag + ">";
    }
    out += "</tr>\n";
  }
  return out + "</table></div>\n";
}

} // namespace

std::string sweep_chart_svg(const Comparison& c) {
  if (!c.sweep_pointer) return "";
  std::vector<double> xs;
  std::vector<double> net, cost, co2;
  for (const auto& s : c.scenarios) {
    if (!s.sweep_value || !s.feasible) continue;
    xs.push_back(*s.sweep_value);
    net.push_back(to_units(s.totals.net));
    cost.push_back(to_units(s.totals.trip_cost.total()));
    co2.push_back(to_kg(s.totals.co2));
  }
  const std::string what = html_escape(readable_pointer(*c.sweep_pointer));
  const std::string currency = html_escape(c.currency);
  // Small multiples: one panel per quantity, each on its own axis, and every axis includes zero,
  // so that a change of a few percent looks like a few percent.
  struct Panel {
    std::string title;
    const char* css;
    const std::vector<double>* values;
  };
  const std::vector<Panel> panels{{"Net value (" + currency + ")", "net", &net},
                                  {"Trip cost (" + currency + ")", "cost", &cost},
                                  {"CO2e (kg)", "co2", &co2}};
  constexpr double kPanelHeight = 150, kPanelTop = 34, kPanelGap = 26;
  const double height = kPanelTop + 3 * (kPanelHeight + kPanelGap) + 30;
  std::ostringstream os;
  os << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << kWidth << ' ' << height
     << "\" width=\"" << kWidth << "\" height=\"" << height
     << "\" role=\"img\" aria-labelledby=\"sweep-title sweep-desc\">\n"
     << "<title id=\"sweep-title\">Net value, trip cost and CO2e against " << what << "</title>\n"
     << "<desc id=\"sweep-desc\">Three line charts of " << xs.size()
     << " sweep points, one per quantity, each on its own axis starting at zero: net value and "
        "trip cost in "
     << currency << ", CO2e in kg. Horizontal axis: the value of " << what << ".</desc>\n";
  if (xs.empty()) {
    os << "<text x=\"" << kWidth / 2 << "\" y=\"" << height / 2
       << "\" text-anchor=\"middle\">no feasible sweep point</text>\n</svg>\n";
    return os.str();
  }
  const Range xr = range_of({xs});
  const auto px = [&](double x) {
    return xs.size() == 1 ? (kLeft + kRight) / 2
                          : kLeft + (x - xr.lo) / (xr.hi - xr.lo) * (kRight - kLeft);
  };
  const std::size_t every = std::max<std::size_t>(1, (xs.size() + 10) / 11);
  for (std::size_t k = 0; k < panels.size(); ++k) {
    const Panel& p = panels[k];
    const double top = kPanelTop + static_cast<double>(k) * (kPanelHeight + kPanelGap);
    const double bottom = top + kPanelHeight - 20;
    Range r = range_of({*p.values});
    r.lo = std::min(r.lo, 0.0);
    r.hi = std::max(r.hi, 0.0);
    const auto py = [&](double v) { return bottom - (v - r.lo) / (r.hi - r.lo) * (bottom - top); };
    os << "<g class=\"panel\">\n<text x=\"" << kLeft << "\" y=\"" << fmt(top - 8)
       << "\" class=\"panel-title\">" << p.title << "</text>\n<g class=\"grid\">\n";
    for (int b = 0; b <= 4; ++b) {
      const double v = r.lo + b * (r.hi - r.lo) / 4;
      const double y = py(v);
      os << "<line x1=\"" << kLeft << "\" y1=\"" << fmt(y) << "\" x2=\"" << kRight << "\" y2=\""
         << fmt(y) << "\"/>\n<text class=\"axis\" x=\"" << kLeft - 6 << "\" y=\"" << fmt(y + 4)
         << "\" text-anchor=\"end\">" << short_number(v) << "</text>\n";
    }
    for (std::size_t i = 0; i < xs.size(); i += every)
      os << "<text class=\"axis\" x=\"" << fmt(px(xs[i])) << "\" y=\"" << fmt(bottom + 16)
         << "\" text-anchor=\"middle\">" << html_escape(number(xs[i])) << "</text>\n";
    os << "</g>\n<polyline class=\"" << p.css << "\" points=\"";
    for (std::size_t i = 0; i < xs.size(); ++i)
      os << (i ? " " : "") << fmt(px(xs[i])) << ',' << fmt(py((*p.values)[i]));
    os << "\"><title>" << p.title << "</title></polyline>\n</g>\n";
  }
  os << "<text class=\"axis\" x=\"" << (kLeft + kRight) / 2 << "\" y=\"" << fmt(height - 8)
     << "\" text-anchor=\"middle\">" << what << "</text>\n</svg>\n";
  return os.str();
}

std::string comparison_html(const Comparison& c) {
  std::ostringstream os;
  const std::string title =
      "What-if comparison: " + html_escape(c.base_name) + " (" + html_escape(c.label) + ")";
  os << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << title
     << "</title>\n<style>\n"
     << "body{font-family:system-ui,sans-serif;margin:2em auto;padding:0 1em;max-width:1240px;"
        "color:#222}\n"
     << ".wide{overflow-x:auto;max-width:100%}\n"
     << "svg{max-width:100%;height:auto}svg .panel-title{font-weight:600}\n"
     << "table{border-collapse:collapse;margin:0.5em 0 1.5em}\n"
     << "table{font-size:.9em}th,td{border:1px solid #ccc;padding:0.2em 0.45em}"
        "th{background:#f0f0f0}\n"
     << "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
     << "svg .grid line{stroke:#e3e3e3}svg text{font-size:12px;fill:#333}\n"
     << "svg polyline{fill:none;stroke-width:2}\n"
     << "svg .net{stroke:#1b7837}svg .cost{stroke:#b2182b}"
     << "svg .co2{stroke:#2166ac;stroke-dasharray:6 3}\n"
     << "</style>\n</head>\n<body>\n<h1>" << title << "</h1>\n<p>Money in "
     << html_escape(c.currency) << "; method " << html_escape(c.method)
     << "; deltas against the base plan.</p>\n<h2>Totals</h2>\n"
     << totals_html(readable_names(totals_rows(c), c)) << "<h2>Trip cost by category</h2>\n"
     << table_html(readable_names(category_rows(c), c));
  if (c.base_time_limit_reached)
    os << "<p><strong>Base plan:</strong> " << html_escape(kTimeLimitNote) << "</p>\n";
  os << "<h2>Decisions</h2>\n";
  for (const auto& s : c.scenarios) {
    os << "<h3>" << html_escape(readable_scenario_name(s.name)) << "</h3>\n";
    if (s.time_limit_reached)
      os << "<p><strong>Note:</strong> " << html_escape(kTimeLimitNote) << "</p>\n";
    if (!s.feasible) {
      os << "<p>Infeasible: <code>" << html_escape(s.infeasible_pointer)
         << "</code>: " << html_escape(s.infeasible_reason) << "</p>\n";
      continue;
    }
    if (s.flips.empty() && s.trip_changes.empty()) {
      os << "<p>Same decisions and trips as the base.</p>\n";
      continue;
    }
    os << "<ul>\n";
    for (const auto& f : s.flips)
      os << "<li>" << html_escape(f.client_id) << " (" << html_escape(f.client_name)
         << "): " << html_escape(describe_flip(f)) << "</li>\n";
    for (const auto& t : s.trip_changes)
      os << "<li>trip " << html_escape(describe_trip_change(t)) << "</li>\n";
    os << "</ul>\n";
  }
  if (c.sweep_pointer)
    os << "<h2>Sweep of " << html_escape(readable_pointer(*c.sweep_pointer)) << "</h2>\n"
       << sweep_chart_svg(c) << table_html(readable_names(sweep_rows(c), c));
  os << "</body>\n</html>\n";
  return os.str();
}

} // namespace flyorcall::report
