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

constexpr double kWidth = 760, kHeight = 400;
constexpr double kLeft = 90, kRight = 670, kTop = 50, kBottom = 340;

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

std::string table_html(const std::vector<std::vector<std::string>>& rows) {
  std::string out = "<table>\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out += "<tr>";
    for (std::size_t k = 0; k < rows[i].size(); ++k) {
      const char* tag = i == 0 ? "th" : "td";
      out += std::string("<") + tag + (k > 0 && i > 0 ? " class=\"n\"" : "") + ">" +
             html_escape(rows[i][k]) + "</" + tag + ">";
    }
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

} // namespace

std::string sweep_chart_svg(const Comparison& c) {
  if (!c.sweep_pointer) return "";
  std::vector<double> xs;
  std::vector<std::vector<double>> money(2);
  std::vector<double> co2;
  for (const auto& s : c.scenarios) {
    if (!s.sweep_value || !s.feasible) continue;
    xs.push_back(*s.sweep_value);
    money[0].push_back(to_units(s.totals.net));
    money[1].push_back(to_units(s.totals.trip_cost.total()));
    co2.push_back(to_kg(s.totals.co2));
  }
  const std::string pointer = html_escape(*c.sweep_pointer);
  std::ostringstream os;
  os << "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << kWidth << ' ' << kHeight
     << "\" width=\"" << kWidth << "\" height=\"" << kHeight
     << "\" role=\"img\" aria-labelledby=\"sweep-title sweep-desc\">\n"
     << "<title id=\"sweep-title\">Net value, trip cost and CO2e against " << pointer
     << "</title>\n"
     << "<desc id=\"sweep-desc\">Line chart of " << xs.size()
     << " sweep points. Left axis: net value and trip cost in " << html_escape(c.currency)
     << "; right axis: CO2e in kg. Horizontal axis: the value set at " << pointer << ".</desc>\n";
  if (xs.empty()) {
    os << "<text x=\"" << kWidth / 2 << "\" y=\"" << kHeight / 2
       << "\" text-anchor=\"middle\">no feasible sweep point</text>\n</svg>\n";
    return os.str();
  }
  const Range xr = range_of({xs});
  const Range mr = range_of(money);
  const Range cr = range_of({co2});
  const auto px = [&](double x) {
    return xs.size() == 1 ? (kLeft + kRight) / 2
                          : kLeft + (x - xr.lo) / (xr.hi - xr.lo) * (kRight - kLeft);
  };
  const auto py = [&](double v, const Range& r) {
    return kBottom - (v - r.lo) / (r.hi - r.lo) * (kBottom - kTop);
  };
  // Grid and axis labels: five bands on both value axes.
  os << "<g class=\"grid\">\n";
  for (int k = 0; k <= 5; ++k) {
    const double y = kBottom - k * (kBottom - kTop) / 5;
    os << "<line x1=\"" << kLeft << "\" y1=\"" << fmt(y) << "\" x2=\"" << kRight << "\" y2=\""
       << fmt(y) << "\"/>\n";
    os << "<text class=\"axis\" x=\"" << kLeft - 6 << "\" y=\"" << fmt(y + 4)
       << "\" text-anchor=\"end\">" << short_number(mr.lo + k * (mr.hi - mr.lo) / 5) << "</text>\n";
    os << "<text class=\"axis\" x=\"" << kRight + 6 << "\" y=\"" << fmt(y + 4) << "\">"
       << short_number(cr.lo + k * (cr.hi - cr.lo) / 5) << "</text>\n";
  }
  const std::size_t every = std::max<std::size_t>(1, (xs.size() + 10) / 11);
  for (std::size_t i = 0; i < xs.size(); i += every)
    os << "<text class=\"axis\" x=\"" << fmt(px(xs[i])) << "\" y=\"" << kBottom + 18
       << "\" text-anchor=\"middle\">" << html_escape(number(xs[i])) << "</text>\n";
  os << "</g>\n";
  os << "<text class=\"axis\" x=\"" << (kLeft + kRight) / 2 << "\" y=\"" << kHeight - 12
     << "\" text-anchor=\"middle\">" << pointer << "</text>\n";
  os << "<text class=\"axis\" x=\"" << kLeft << "\" y=\"" << kTop - 14 << "\" text-anchor=\"end\">"
     << html_escape(c.currency) << "</text>\n";
  os << "<text class=\"axis\" x=\"" << kRight << "\" y=\"" << kTop - 14 << "\">kg CO2e</text>\n";

  struct Series {
    const char* name;
    const char* css;
    const std::vector<double>* values;
    const Range* range;
  };
  const Series series[] = {{"net value", "net", &money[0], &mr},
                           {"trip cost", "cost", &money[1], &mr},
                           {"CO2e (right axis)", "co2", &co2, &cr}};
  double legend_x = kLeft + 10;
  for (const auto& s : series) {
    os << "<polyline class=\"" << s.css << "\" points=\"";
    for (std::size_t i = 0; i < xs.size(); ++i)
      os << (i ? " " : "") << fmt(px(xs[i])) << ',' << fmt(py((*s.values)[i], *s.range));
    os << "\"><title>" << s.name << "</title></polyline>\n";
    os << "<line class=\"" << s.css << "\" x1=\"" << fmt(legend_x) << "\" y1=\"20\" x2=\""
       << fmt(legend_x + 24) << "\" y2=\"20\"/><text x=\"" << fmt(legend_x + 30) << "\" y=\"24\">"
       << s.name << "</text>\n";
    legend_x += 170;
  }
  os << "</svg>\n";
  return os.str();
}

std::string comparison_html(const Comparison& c) {
  std::ostringstream os;
  const std::string title =
      "What-if comparison: " + html_escape(c.base_name) + " (" + html_escape(c.label) + ")";
  os << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" << title
     << "</title>\n<style>\n"
     << "body{font-family:system-ui,sans-serif;margin:2em;color:#222}\n"
     << "table{border-collapse:collapse;margin:0.5em 0 1.5em}\n"
     << "th,td{border:1px solid #ccc;padding:0.25em 0.6em}th{background:#f0f0f0}\n"
     << "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
     << "svg .grid line{stroke:#e3e3e3}svg text{font-size:12px;fill:#333}\n"
     << "svg polyline{fill:none;stroke-width:2}\n"
     << "svg .net{stroke:#1b7837}svg .cost{stroke:#b2182b}"
     << "svg .co2{stroke:#2166ac;stroke-dasharray:6 3}\n"
     << "</style>\n</head>\n<body>\n<h1>" << title << "</h1>\n<p>Money in "
     << html_escape(c.currency) << "; method " << html_escape(c.method)
     << "; deltas against the base plan.</p>\n<h2>Totals</h2>\n"
     << table_html(totals_rows(c)) << "<h2>Trip cost by category</h2>\n"
     << table_html(category_rows(c));
  if (c.base_time_limit_reached)
    os << "<p><strong>Base plan:</strong> " << html_escape(kTimeLimitNote) << "</p>\n";
  os << "<h2>Decisions</h2>\n";
  for (const auto& s : c.scenarios) {
    os << "<h3>" << html_escape(s.name) << "</h3>\n";
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
    os << "<h2>Sweep of " << html_escape(*c.sweep_pointer) << "</h2>\n"
       << sweep_chart_svg(c) << table_html(sweep_rows(c));
  os << "</body>\n</html>\n";
  return os.str();
}

} // namespace flyorcall::report
