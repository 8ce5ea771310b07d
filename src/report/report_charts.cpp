// SVG charts of the trip report. Coordinates are written with one decimal so that the output is
// byte-identical for the same plan; colours are the Okabe-Ito palette (readable for colour-blind
// readers and in grey-scale print).
#include "report/report_charts.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <numbers>
#include <set>

#include "report/compare_format.hpp"
#include "report/report_format.hpp"
#include "report/report_page.hpp"
#include "report/world_map.hpp"

namespace flyorcall::report {

namespace {

using std::chrono::days;

constexpr std::array<const char*, 7> kPalette{"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                              "#56B4E9", "#D55E00", "#555555"};
constexpr std::array<const char*, 6> kCategoryColours{"#0072B2", "#56B4E9", "#009E73",
                                                      "#E69F00", "#CC79A7", "#D55E00"};

std::string f1(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.1f", std::round(v * 10.0) / 10.0);
  return std::string(buf) == "-0.0" ? "0.0" : buf;
}

/// A label or tooltip: cut, so that no chart grows with the length of the plan's texts.
std::string esc(std::string_view s) {
  return html_escape(truncate_text(s, kChartTextChars));
}

/// The opening of a chart: role, text alternative, title and description; drawn `display_w`
/// wide (the browser scales it down to the page).
std::string svg_open(double w, double h, double display_w, const std::string& title,
                     const std::string& alt, const std::string& desc) {
  return "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + f1(w) + " " + f1(h) + "\" width=\"" +
         f1(display_w) + "\" height=\"" + f1(h * display_w / w) + "\" aria-label=\"" + esc(alt) +
         "\">\n<title>" + esc(title) + "</title>\n<desc>" +
         html_escape(truncate_text(desc, kChartDescChars)) + "</desc>\n";
}

std::string svg_open(double w, double h, const std::string& title, const std::string& alt,
                     const std::string& desc) {
  return svg_open(w, h, w, title, alt, desc);
}

std::string text_el(double x, double y, const std::string& s, const char* anchor = "start",
                    const char* cls = "") {
  std::string out = "<text x=\"" + f1(x) + "\" y=\"" + f1(y) + "\"";
  if (std::string_view(anchor) != "start") out += std::string(" text-anchor=\"") + anchor + "\"";
  if (*cls) out += std::string(" class=\"") + cls + "\"";
  return out + ">" + esc(s) + "</text>\n";
}

std::string rect_el(double x, double y, double w, double h, const char* fill,
                    const std::string& title = "") {
  std::string out = "<rect x=\"" + f1(x) + "\" y=\"" + f1(y) + "\" width=\"" + f1(w) +
                    "\" height=\"" + f1(h) + "\" fill=\"" + fill + "\"";
  if (title.empty()) return out + "/>\n";
  return out + "><title>" + esc(title) + "</title></rect>\n";
}

/// A step of 1, 2 or 5 × 10^k so that about `ticks` steps cover `max`.
double nice_step(double max, int ticks) {
  if (!(max > 0)) return 1;
  const double raw = max / ticks;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double m : {1.0, 2.0, 5.0, 10.0})
    if (raw <= m * mag) return m * mag;
  return 10 * mag;
}

/// An axis label: 12500 -> "12.5k", 2000000 -> "2M".
std::string axis_number(double v) {
  char buf[32];
  const double a = std::abs(v);
  if (a >= 1e6)
    std::snprintf(buf, sizeof buf, "%gM", std::round(v / 1e5) / 10);
  else if (a >= 1e3)
    std::snprintf(buf, sizeof buf, "%gk", std::round(v / 1e2) / 10);
  else
    std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

/// Vertical grid lines and labels of a money axis from x0 (value 0) to x1 (value `top`).
std::string money_axis(double x0, double x1, double y_top, double y_bottom, double top, double step,
                       const std::string& currency) {
  std::string out;
  for (double v = 0; v <= top + step / 2; v += step) {
    const double x = x0 + (x1 - x0) * v / top;
    out += "<line x1=\"" + f1(x) + "\" y1=\"" + f1(y_top) + "\" x2=\"" + f1(x) + "\" y2=\"" +
           f1(y_bottom) + "\" class=\"grid\"/>\n";
    out += text_el(x, y_bottom + 12, axis_number(v), "middle", "axis");
  }
  out += text_el(x1, y_bottom + 26, currency, "end", "axis");
  return out;
}

std::string money_text(Money m, const std::string& currency) {
  return amount(m) + " " + currency;
}

const Place* find_place(const Report& r, const std::string& code) {
  const auto it = std::lower_bound(r.places.begin(), r.places.end(), code,
                                   [](const Place& p, const std::string& c) { return p.code < c; });
  return it != r.places.end() && it->code == code ? &*it : nullptr;
}

std::string route_text(const Trip& t) {
  std::string s;
  if (t.legs.empty()) {
    for (const Stay& st : t.stays) s += (s.empty() ? "" : " - ") + st.city;
    return s;
  }
  s = t.legs.front().from;
  for (const PlannedLeg& l : t.legs) s += " - " + l.to;
  return s;
}

} // namespace

std::vector<CalendarWeek> calendar_weeks(const Report& r) {
  std::vector<CalendarWeek> weeks;
  if (!r.horizon) return weeks;
  const DateRange h = *r.horizon;
  const Date monday = h.first - (date::weekday{h.first} - date::Monday);
  for (Date w = monday; w <= h.last; w += days{7}) {
    CalendarWeek cw{w, std::vector<std::vector<std::string>>(r.travellers.size())};
    for (const Trip& t : r.plan.trips) {
      if (t.back < w || t.depart > w + days{6}) continue;
      const auto it = std::find(r.travellers.begin(), r.travellers.end(), t.traveller_id);
      if (it != r.travellers.end())
        cw.trips[static_cast<std::size_t>(it - r.travellers.begin())].push_back(t.id);
    }
    weeks.push_back(std::move(cw));
  }
  return weeks;
}

std::string calendar_svg(const Report& r) {
  constexpr double kW = 760, kLeft = 110, kRight = 12, kTop = 30, kRow = 28, kBottom = 10;
  const std::size_t rows = std::max<std::size_t>(r.travellers.size(), 1);
  const double height = kTop + kRow * static_cast<double>(rows) + kBottom;
  const std::size_t n_trips = r.plan.trips.size();
  std::string desc;
  for (const Trip& t : r.plan.trips)
    desc += t.id + ": " + t.traveller_id + ", " + iso_date(t.depart) + " to " + iso_date(t.back) +
            " (" + route_text(t) + "). ";
  if (desc.empty()) desc = "No trips.";
  std::string alt = "Trip calendar: " + std::to_string(n_trips) +
                    (n_trips == 1 ? " trip" : " trips") + " of " +
                    std::to_string(r.travellers.size()) +
                    (r.travellers.size() == 1 ? " traveller" : " travellers");
  if (r.horizon)
    alt += " between " + iso_date(r.horizon->first) + " and " + iso_date(r.horizon->last);
  std::string out = svg_open(kW, height, "Trip calendar", alt, desc);
  if (!r.horizon) return out + text_el(kW / 2, kTop, "No trips", "middle") + "</svg>\n";

  const DateRange h = *r.horizon;
  const double n_days = static_cast<double>((h.last - h.first).count() + 1);
  const double px = (kW - kLeft - kRight) / n_days;
  const auto x_of = [&](Date d) { return kLeft + px * static_cast<double>((d - h.first).count()); };
  const double bottom = height - kBottom;

  // Rows and their labels.
  for (std::size_t i = 0; i < rows; ++i) {
    const double y = kTop + kRow * static_cast<double>(i);
    if (i % 2 == 1) out += rect_el(kLeft, y, kW - kLeft - kRight, kRow, "#f3f4f7");
    if (i < r.travellers.size())
      out += text_el(kLeft - 8, y + kRow / 2 + 4, truncate_text(r.travellers[i], 14), "end");
  }
  // A line on every Monday; labels spaced so that they do not collide.
  const int label_every = std::max(1, static_cast<int>(std::ceil(44.0 / (7 * px))));
  int week = 0;
  for (Date d = h.first + (date::Monday - date::weekday{h.first}); d <= h.last; d += days{7}) {
    const double x = x_of(d);
    out += "<line x1=\"" + f1(x) + "\" y1=\"" + f1(kTop - 6) + "\" x2=\"" + f1(x) + "\" y2=\"" +
           f1(bottom) + "\" class=\"grid\"/>\n";
    // A label needs about 36 units; the last Monday may be too close to the edge for one.
    if (week++ % label_every == 0 && x + 36 <= kW)
      out += text_el(x + 2, kTop - 10, short_date(d), "start", "axis");
  }
  // One bar per trip, clipped to the horizon.
  for (std::size_t k = 0; k < n_trips; ++k) {
    const Trip& t = r.plan.trips[k];
    const auto it = std::find(r.travellers.begin(), r.travellers.end(), t.traveller_id);
    if (it == r.travellers.end() || t.back < h.first || t.depart > h.last) continue;
    const double y = kTop + kRow * static_cast<double>(it - r.travellers.begin()) + 5;
    const double x0 = x_of(std::max(t.depart, h.first));
    const double x1 = x_of(std::min(t.back, h.last) + days{1});
    const double w = std::max(x1 - x0, 2.0);
    const std::string title = t.id + ": " + iso_date(t.depart) + " to " + iso_date(t.back) + ", " +
                              std::to_string(t.days_away) + " days, " + route_text(t);
    out += "<g>" + rect_el(x0, y, w, kRow - 10, kPalette[k % kPalette.size()], title);
    const std::string label = truncate_text(t.id, 6);
    if (w >= 7.0 * static_cast<double>(label.size()) + 4)
      out += text_el(x0 + w / 2, y + (kRow - 10) / 2 + 4, label, "middle", "bar-label");
    out += "</g>\n";
  }
  return out + "</svg>\n";
}

std::string cost_chart_svg(const Report& r) {
  constexpr double kW = 760, kLeft = 130, kRight = 110, kTop = 44, kRow = 22, kBottom = 34;
  const auto& trips = r.plan.trips;
  const std::string& cur = r.plan.currency;
  const double height =
      kTop + kRow * static_cast<double>(std::max<std::size_t>(trips.size(), 1)) + kBottom;
  std::string desc;
  const CostBreakdown& total = r.plan.totals.trip_cost;
  desc = "Trip cost " + money_text(total.total(), cur) + ": ";
  for (const CostCategory& c : kCostCategories)
    desc += std::string(c.label) + " " + money_text(total.*c.field, cur) + "; ";
  desc += "per trip: ";
  for (const Trip& t : trips) desc += t.id + " " + money_text(t.cost.total(), cur) + "; ";
  std::string out =
      svg_open(kW, height, "Cost breakdown per trip",
               "Cost breakdown: " + std::to_string(trips.size()) + " trips, " +
                   money_text(total.total(), cur) + " in total, largest category " +
                   std::string(std::max_element(kCostCategories.begin(), kCostCategories.end(),
                                                [&](const CostCategory& a, const CostCategory& b) {
                                                  return total.*a.field < total.*b.field;
                                                })
                                   ->label),
               desc);
  // Legend.
  double lx = kLeft;
  for (std::size_t i = 0; i < kCostCategories.size(); ++i) {
    out += rect_el(lx, 12, 10, 10, kCategoryColours[i]);
    out += text_el(lx + 14, 21, std::string(kCostCategories[i].label), "start", "axis");
    lx += 14 + 7.0 * static_cast<double>(kCostCategories[i].label.size()) + 14;
  }
  if (trips.empty()) return out + text_el(kW / 2, kTop + 14, "No trips", "middle") + "</svg>\n";

  double max = 0;
  for (const Trip& t : trips) max = std::max(max, to_units(t.cost.total()));
  const double step = nice_step(max, 5);
  const double top = std::max(step, std::ceil(max / step) * step);
  const double x1 = kW - kRight;
  const double bottom = height - kBottom;
  out += money_axis(kLeft, x1, kTop - 4, bottom, top, step, cur);
  for (std::size_t k = 0; k < trips.size(); ++k) {
    const Trip& t = trips[k];
    const double y = kTop + kRow * static_cast<double>(k);
    out += text_el(kLeft - 8, y + kRow / 2 + 4,
                   truncate_text(t.id, 6) + " " + truncate_text(t.traveller_id, 10), "end");
    double x = kLeft;
    out += "<g>";
    for (std::size_t i = 0; i < kCostCategories.size(); ++i) {
      const Money m = t.cost.*kCostCategories[i].field;
      const double w = (x1 - kLeft) * std::max(0.0, to_units(m)) / top;
      if (w <= 0) continue;
      out +=
          rect_el(x, y + 3, w, kRow - 6, kCategoryColours[i],
                  t.id + " " + std::string(kCostCategories[i].label) + ": " + money_text(m, cur));
      x += w;
    }
    out += "</g>\n";
    out += text_el(x + 6, y + kRow / 2 + 4, amount(t.cost.total()), "start", "axis");
  }
  return out + "</svg>\n";
}

std::string value_chart_svg(const Report& r) {
  constexpr double kW = 760, kLeft = 200, kRight = 110, kTop = 44, kRow = 26, kBottom = 34;
  const auto& clients = r.plan.decisions;
  const std::string& cur = r.plan.currency;
  const double height =
      kTop + kRow * static_cast<double>(std::max<std::size_t>(clients.size(), 1)) + kBottom;
  int above = 0;
  std::string desc;
  for (const ClientDecision& c : clients) {
    desc += (c.name.empty() ? c.client_id : c.name) + ": value " + money_text(c.value, cur) +
            ", marginal trip cost " + money_text(c.marginal_cost, cur);
    if (break_even(c)) {
      desc += ", break-even " + money_text(*break_even(c), cur);
      above += c.value > *break_even(c) ? 1 : 0;
    }
    desc += c.visit ? ", visited. " : ", remote. ";
  }
  if (desc.empty()) desc = "No clients.";
  std::string out =
      svg_open(kW, height, "Visit value versus trip cost per client",
               "Value versus cost: " + std::to_string(clients.size()) + " clients, " +
                   std::to_string(above) + " with a visit value above the break-even value",
               desc);
  out += rect_el(kLeft, 12, 10, 10, "#009E73");
  out += text_el(kLeft + 14, 21, "Visit value", "start", "axis");
  out += rect_el(kLeft + 110, 12, 10, 10, "#E69F00");
  out += text_el(kLeft + 124, 21, "Marginal trip cost", "start", "axis");
  out += "<line x1=\"" + f1(kLeft + 270) + "\" y1=\"10\" x2=\"" + f1(kLeft + 270) +
         "\" y2=\"24\" class=\"marker\"/>\n";
  out += text_el(kLeft + 276, 21, "Break-even value", "start", "axis");
  if (clients.empty()) return out + text_el(kW / 2, kTop + 14, "No clients", "middle") + "</svg>\n";

  double max = 0;
  for (const ClientDecision& c : clients) {
    max = std::max({max, to_units(c.value), to_units(c.marginal_cost)});
    if (break_even(c)) max = std::max(max, to_units(*break_even(c)));
  }
  const double step = nice_step(max, 5);
  const double top = std::max(step, std::ceil(max / step) * step);
  const double x1 = kW - kRight;
  const double bottom = height - kBottom;
  const auto x_of = [&](Money m) {
    return kLeft + (x1 - kLeft) * std::clamp(to_units(m), 0.0, top) / top;
  };
  out += money_axis(kLeft, x1, kTop - 4, bottom, top, step, cur);
  for (std::size_t k = 0; k < clients.size(); ++k) {
    const ClientDecision& c = clients[k];
    const double y = kTop + kRow * static_cast<double>(k);
    const std::string who = c.name.empty() ? c.client_id : c.name;
    out += "<g>";
    out += text_el(kLeft - 8, y + kRow / 2 + 4, truncate_text(who, 28), "end");
    out += rect_el(kLeft, y + 4, std::max(0.5, x_of(c.value) - kLeft), 8, "#009E73",
                   who + ": visit value " + money_text(c.value, cur));
    out += rect_el(kLeft, y + 13, std::max(0.5, x_of(c.marginal_cost) - kLeft), 8, "#E69F00",
                   who + ": marginal trip cost " + money_text(c.marginal_cost, cur));
    if (break_even(c) && break_even(c)->count() >= 0 && to_units(*break_even(c)) <= top) {
      const double x = x_of(*break_even(c));
      out += "<line x1=\"" + f1(x) + "\" y1=\"" + f1(y + 2) + "\" x2=\"" + f1(x) + "\" y2=\"" +
             f1(y + kRow - 3) + "\" class=\"marker\"><title>" +
             esc(who + ": break-even value " + money_text(*break_even(c), cur)) +
             "</title></line>\n";
    }
    out += text_el(x1 + 8, y + kRow / 2 + 4,
                   c.visit ? "visit " + truncate_text(c.trip_id.value_or(""), 8) : "remote",
                   "start", c.visit ? "visit" : "remote");
    out += "</g>\n";
  }
  return out + "</svg>\n";
}

namespace {

/// A label's box on the map (SVG units); x0 < x1, y0 < y1.
struct Box {
  double x0, y0, x1, y1;
};

bool overlaps(const Box& a, const Box& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/// Space between a label's text and its box.
constexpr double kLabelPad = 1.0;
/// Height of a city label's box (7 px text).
constexpr double kLabelHeight = 9.0;

/// The width of a city label's box: 7 px text of upper-case codes, about 4.9 px per letter.
double label_width(const std::string& text) {
  return 4.9 * static_cast<double>(text.size()) + 2 * kLabelPad;
}

/// Where a label goes: its box, and a leader line's end when it sits away from its dot.
struct LabelSpot {
  Box box;
  bool leader = false;
  double anchor_x = 0;
  double anchor_y = 0;
};

/// The first free spot for a label of width `w` around the dot at (x, y): the eight places next to
/// it, then rings further out (with a leader line), inside the map and clear of `taken`.
LabelSpot place_label(double x, double y, double w, const std::vector<Box>& taken, double map_w,
                      double map_h) {
  const double h = kLabelHeight;
  const auto free = [&](const Box& b) {
    if (b.x0 < 0 || b.y0 < 0 || b.x1 > map_w || b.y1 > map_h) return false;
    for (const Box& t : taken)
      if (overlaps(b, t)) return false;
    return true;
  };
  // Right, left, above, below, then the diagonals, each just clear of the dot.
  const std::array<std::pair<double, double>, 8> near{{{x + 3.5, y - h / 2},
                                                       {x - 3.5 - w, y - h / 2},
                                                       {x - w / 2, y - 3.5 - h},
                                                       {x - w / 2, y + 3.5},
                                                       {x + 2.5, y - 2.5 - h},
                                                       {x - 2.5 - w, y - 2.5 - h},
                                                       {x + 2.5, y + 2.5},
                                                       {x - 2.5 - w, y + 2.5}}};
  for (const auto& [bx, by] : near) {
    const Box b{bx, by, bx + w, by + h};
    if (free(b)) return {b};
  }
  // Rings of twelve directions, further out each time, joined to the dot by a leader line.
  for (double radius = 14; radius <= 120; radius += 8)
    for (int k = 0; k < 12; ++k) {
      const double angle = -std::numbers::pi / 2 + k * std::numbers::pi / 6;
      const double ax = x + radius * std::cos(angle);
      const double ay = y + radius * std::sin(angle);
      // The box hangs off the leader's end on the side away from the dot.
      const double bx = std::cos(angle) >= 0 ? ax : ax - w;
      const double by = ay - h / 2;
      const Box b{bx, by, bx + w, by + h};
      if (free(b)) return {b, true, ax, ay};
    }
  // The map is full around this city: keep the label inside the map, over whatever is there.
  const double bx = std::clamp(x + 3.5, 0.0, map_w - w);
  const double by = std::clamp(y - h / 2, 0.0, map_h - h);
  return {{bx, by, bx + w, by + h}};
}

/// The map's key: home, city visited, remote client's city, and a route.
std::string legend(const Box& b) {
  std::string out = "<g class=\"legend\"><rect class=\"legend-box\" x=\"" + f1(b.x0) + "\" y=\"" +
                    f1(b.y0) + "\" width=\"" + f1(b.x1 - b.x0) + "\" height=\"" + f1(b.y1 - b.y0) +
                    "\"/>\n";
  const double x = b.x0 + 8;
  double y = b.y0 + 9;
  const auto row = [&](const std::string& mark, const char* text) {
    out += mark + "<text x=\"" + f1(x + 9) + "\" y=\"" + f1(y + 2.5) + "\" class=\"city\">" + text +
           "</text>\n";
  };
  row("<circle class=\"home\" cx=\"" + f1(x) + "\" cy=\"" + f1(y) + "\" r=\"2.6\"/>", "home");
  out += "<circle class=\"stop\" cx=\"" + f1(x + 48) + "\" cy=\"" + f1(y) + "\" r=\"2.6\"/>";
  out += "<text x=\"" + f1(x + 57) + "\" y=\"" + f1(y + 2.5) +
         "\" class=\"city\">city visited</text>\n";
  y += 11;
  row("<circle class=\"remote-city\" cx=\"" + f1(x) + "\" cy=\"" + f1(y) + "\" r=\"2.6\"/>",
      "remote client's city (calls)");
  y += 11;
  row("<line x1=\"" + f1(x - 5) + "\" y1=\"" + f1(y) + "\" x2=\"" + f1(x + 5) + "\" y2=\"" + f1(y) +
          "\" stroke=\"" + std::string(kPalette[0]) + "\" stroke-width=\"1.4\"/>",
      "flight route, one colour per trip");
  return out + "</g>\n";
}

} // namespace

std::string map_svg(const Report& r) {
  constexpr double kW = 720, kH = 290, kNorth = 85, kDisplayWidth = 1000;
  const auto x_of = [](double lon) { return (lon + 180.0) * 2.0; };
  const auto y_of = [](double lat) { return (kNorth - lat) * 2.0; };
  const auto point = [&](GeoPoint p) { return f1(x_of(p.lon)) + "," + f1(y_of(p.lat)); };

  // Cities: visited stops, homes (where legs start), and remote clients' cities.
  std::set<std::string> homes, stops, remote;
  for (const Trip& t : r.plan.trips) {
    if (!t.legs.empty()) homes.insert(t.legs.front().from);
    for (const Stay& s : t.stays) stops.insert(s.city);
    for (const PlannedLeg& l : t.legs)
      if (!homes.contains(l.to)) stops.insert(l.to);
  }
  for (const ClientDecision& c : r.plan.decisions)
    if (!c.visit && !c.city.empty() && !stops.contains(c.city) && !homes.contains(c.city))
      remote.insert(c.city);
  for (const std::string& h : homes) stops.erase(h);

  std::string desc = "Routes of " + std::to_string(r.plan.trips.size()) + " trips";
  if (!homes.empty()) {
    desc += " from";
    for (const std::string& h : homes) desc += " " + h;
  }
  desc += ". Cities visited:";
  for (const std::string& s : stops) desc += " " + s;
  if (stops.empty()) desc += " none";
  desc += ".";
  if (!remote.empty()) {
    desc += " Remote clients in:";
    for (const std::string& s : remote) desc += " " + s;
    desc += ".";
  }
  if (!r.unplaced.empty()) {
    desc += " Not on the map (no coordinates):";
    for (const std::string& s : r.unplaced) desc += " " + s;
    desc += ".";
  }
  std::string out = svg_open(kW, kH, kDisplayWidth, "Map of the trips",
                             "Map: " + std::to_string(r.plan.trips.size()) + " trips to " +
                                 std::to_string(stops.size()) + " cities, " +
                                 std::to_string(remote.size()) + " cities of remote clients",
                             desc);
  out += "<rect x=\"0\" y=\"0\" width=\"720.0\" height=\"290.0\" class=\"sea\"/>\n";
  for (const bool water : {false, true}) {
    std::string d;
    for (const OutlineShape& s : world_outline()) {
      if (s.water != water) continue;
      d += "M" + point(s.points.front());
      for (std::size_t i = 1; i < s.points.size(); ++i) d += "L" + point(s.points[i]);
      d += "Z";
    }
    out += "<path class=\"" + std::string(water ? "sea" : "land") + "\" d=\"" + d + "\"/>\n";
  }
  // Arcs, one group per trip.
  for (std::size_t k = 0; k < r.plan.trips.size(); ++k) {
    const Trip& t = r.plan.trips[k];
    std::string lines;
    for (const PlannedLeg& l : t.legs) {
      const Place* a = find_place(r, l.from);
      const Place* b = find_place(r, l.to);
      if (!a || !b) continue;
      const int segments = std::clamp(static_cast<int>(std::ceil(l.km / 250.0)), 4, 64);
      const auto arc = great_circle({a->lon, a->lat}, {b->lon, b->lat}, segments);
      for (const auto& piece : split_at_antimeridian(arc)) {
        lines += "<polyline points=\"";
        for (std::size_t i = 0; i < piece.size(); ++i) lines += (i ? " " : "") + point(piece[i]);
        lines += "\"/>";
      }
    }
    if (lines.empty()) continue;
    out += "<g class=\"arc\" stroke=\"" + std::string(kPalette[k % kPalette.size()]) +
           "\"><title>" + esc(t.id + ": " + route_text(t)) + "</title>" + lines + "</g>\n";
  }
  // The legend, bottom left over the southern ocean; labels keep clear of it.
  const Box legend_box{4, kH - 44, 196, kH - 4};
  out += legend(legend_box);
  // Dots first (a label never covers a city), then labels: each at the first place around its dot
  // where it stays inside the map and clear of every dot, label and the legend; failing that,
  // further out with a leader line to its dot. Every label and dot names its city on hover.
  struct City {
    const Place* place;
    const char* cls;
    double x, y;
  };
  std::vector<City> cities;
  for (const auto& [set, cls] :
       {std::pair{&homes, "home"}, std::pair{&stops, "stop"}, std::pair{&remote, "remote-city"}})
    for (const std::string& code : *set)
      if (const Place* p = find_place(r, code))
        cities.push_back({p, cls, x_of(p->lon), y_of(p->lat)});
  std::vector<Box> taken{legend_box};
  for (const City& c : cities) {
    out += "<circle class=\"" + std::string(c.cls) + "\" cx=\"" + f1(c.x) + "\" cy=\"" + f1(c.y) +
           "\" r=\"2.6\"><title>" + esc(c.place->name + " (" + c.place->code + ")") +
           "</title></circle>\n";
    taken.push_back({c.x - 3, c.y - 3, c.x + 3, c.y + 3});
  }
  std::string labels;
  for (const City& c : cities) {
    const std::string label = c.place->code;
    const LabelSpot spot = place_label(c.x, c.y, label_width(label), taken, kW, kH);
    taken.push_back(spot.box);
    labels += "<g class=\"city-label\"><title>" + esc(c.place->name + " (" + c.place->code + ")") +
              "</title>";
    if (spot.leader)
      labels += "<line class=\"leader\" x1=\"" + f1(c.x) + "\" y1=\"" + f1(c.y) + "\" x2=\"" +
                f1(spot.anchor_x) + "\" y2=\"" + f1(spot.anchor_y) + "\"/>";
    labels += "<text x=\"" + f1(spot.box.x0 + kLabelPad) + "\" y=\"" + f1(spot.box.y1 - 2.0) +
              "\" class=\"city\">" + esc(label) + "</text></g>\n";
  }
  return out + labels + "</svg>\n";
}

} // namespace flyorcall::report
