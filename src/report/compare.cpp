#include "report/compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <sstream>
#include <utility>

#include "report/compare_format.hpp"

namespace flyorcall::report {

namespace {

struct ClientPlace {
  ClientState state = ClientState::absent;
  std::string trip;
};

std::map<std::string, ClientPlace> places(const Plan& plan) {
  std::map<std::string, ClientPlace> out;
  for (const auto& d : plan.decisions)
    out[d.client_id] = ClientPlace{d.visit ? ClientState::visit : ClientState::remote,
                                   d.visit && d.trip_id ? *d.trip_id : std::string()};
  return out;
}

std::vector<std::string> trip_clients(const Trip& t) {
  std::vector<std::string> ids;
  for (const auto& v : t.visits)
    if (std::find(ids.begin(), ids.end(), v.client_id) == ids.end()) ids.push_back(v.client_id);
  return ids;
}

/// A trip's identity for comparison: who travels and which clients, in any order.
std::pair<std::string, std::set<std::string>> trip_key(const Trip& t) {
  const auto ids = trip_clients(t);
  return {t.traveller_id, std::set<std::string>(ids.begin(), ids.end())};
}

} // namespace

const char* state_name(ClientState s) {
  switch (s) {
  case ClientState::visit:
    return "visit";
  case ClientState::remote:
    return "remote";
  case ClientState::absent:
    return "absent";
  }
  return "absent";
}

CompareTotals totals_of(const Plan& plan, const Input& input) {
  CompareTotals t;
  t.net = plan.totals.net;
  t.value = plan.totals.value;
  t.trip_cost = plan.totals.trip_cost;
  t.remote_cost = plan.totals.remote_cost;
  t.co2 = plan.totals.co2;
  t.trips = plan.totals.trips;
  t.visits = plan.totals.visits;
  t.remote = plan.totals.remote;
  t.days_away = plan.totals.days_away;
  t.budget_money = input.policy.budget_money;
  t.budget_cash = input.policy.budget_cash;
  return t;
}

std::vector<DecisionFlip> decision_flips(const Plan& base, const Input& base_input,
                                         const Plan& scenario, const Input& scenario_input) {
  const auto before = places(base);
  const auto after = places(scenario);
  std::map<std::string, std::string> names;
  for (const auto& c : base_input.clients) names[c.id] = c.name.empty() ? c.id : c.name;
  for (const auto& c : scenario_input.clients) names[c.id] = c.name.empty() ? c.id : c.name;

  std::vector<std::string> order;
  for (const auto& c : base_input.clients) order.push_back(c.id);
  for (const auto& c : scenario_input.clients)
    if (!before.contains(c.id) && std::find(order.begin(), order.end(), c.id) == order.end())
      order.push_back(c.id);

  std::vector<DecisionFlip> flips;
  for (const auto& id : order) {
    const auto b = before.contains(id) ? before.at(id) : ClientPlace{};
    const auto a = after.contains(id) ? after.at(id) : ClientPlace{};
    if (a.state == b.state) continue;
    flips.push_back(DecisionFlip{id, names[id], b.state, a.state, b.trip, a.trip});
  }
  return flips;
}

std::vector<TripChange> trip_changes(const Plan& base, const Plan& scenario) {
  std::set<std::pair<std::string, std::set<std::string>>> kept;
  for (const auto& t : scenario.trips) kept.insert(trip_key(t));
  std::vector<TripChange> out;
  for (const auto& t : base.trips) {
    if (kept.contains(trip_key(t))) continue;
    TripChange change;
    change.base_trip = t.id;
    change.base_clients = trip_clients(t);
    const std::set<std::string> mine(change.base_clients.begin(), change.base_clients.end());
    for (const auto& s : scenario.trips) {
      const auto theirs = trip_clients(s);
      const bool shares = std::any_of(theirs.begin(), theirs.end(),
                                      [&](const std::string& id) { return mine.contains(id); });
      if (!shares) continue;
      change.scenario_trips.push_back(s.id);
      for (const auto& id : theirs)
        if (std::find(change.scenario_clients.begin(), change.scenario_clients.end(), id) ==
            change.scenario_clients.end())
          change.scenario_clients.push_back(id);
    }
    // A trip none of whose clients is visited any more shows as decision flips alone.
    if (!change.scenario_trips.empty()) out.push_back(std::move(change));
  }
  return out;
}

Comparison compare(const std::string& base_name, const Input& base_input, const Plan& base_plan,
                   const std::vector<ScenarioPlan>& scenarios,
                   std::optional<std::string> sweep_pointer) {
  Comparison c;
  c.base_name = base_name;
  c.label = base_input.label;
  c.currency = base_input.currency;
  c.method = base_plan.method;
  c.base = totals_of(base_plan, base_input);
  c.base_time_limit_reached = base_plan.time_limit_reached;
  c.sweep_pointer = std::move(sweep_pointer);
  for (const auto& s : scenarios) c.scenarios.push_back(compare_scenario(base_plan, base_input, s));
  return c;
}

ScenarioComparison compare_scenario(const Plan& base_plan, const Input& base_input,
                                    const ScenarioPlan& s) {
  ScenarioComparison sc;
  sc.name = s.name;
  sc.sweep_value = s.sweep_value;
  if (!s.plan || s.input == nullptr) {
    sc.feasible = false;
    sc.infeasible_pointer = s.infeasible_pointer;
    sc.infeasible_reason = s.infeasible_reason;
  } else {
    sc.totals = totals_of(*s.plan, *s.input);
    sc.time_limit_reached = s.plan->time_limit_reached;
    sc.flips = decision_flips(base_plan, base_input, *s.plan, *s.input);
    sc.trip_changes = trip_changes(base_plan, *s.plan);
  }
  return sc;
}

// ---- text and Markdown --------------------------------------------------------------------

namespace {

/// A table as rows of cells; the first row is the header. Rendered as aligned text or Markdown.
struct Table {
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> right; ///< per column: right-aligned (numbers)
};

/// Display width of UTF-8 text: code points, not bytes.
std::size_t width(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++n;
  return n;
}

std::string render_text(const Table& t, const std::string& indent) {
  std::vector<std::size_t> w;
  for (const auto& r : t.rows)
    for (std::size_t k = 0; k < r.size(); ++k) {
      if (w.size() <= k) w.push_back(0);
      w[k] = std::max(w[k], width(r[k]));
    }
  std::string out;
  for (const auto& r : t.rows) {
    std::string line = indent;
    for (std::size_t k = 0; k < r.size(); ++k) {
      const std::string pad(w[k] - width(r[k]), ' ');
      const bool right = k < t.right.size() && t.right[k];
      if (k > 0) line += "  ";
      line += right ? pad + r[k] : r[k] + (k + 1 < r.size() ? pad : std::string());
    }
    out += line + "\n";
  }
  return out;
}

std::string render_markdown(const Table& t) {
  std::string out;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    std::string line = "|";
    for (const auto& cell : t.rows[i]) line += " " + cell + " |";
    out += line + "\n";
    if (i == 0) {
      std::string sep = "|";
      for (std::size_t k = 0; k < t.rows[i].size(); ++k)
        sep += k < t.right.size() && t.right[k] ? " ---: |" : " --- |";
      out += sep + "\n";
    }
  }
  return out;
}

using Escape = std::string (*)(std::string_view);

std::string plain(std::string_view s) {
  return printable(s);
}

Table totals_table(const Comparison& c, Escape esc) {
  Table t;
  t.right = {false, true, true, true, true, true, true, true,
             true,  true, true, true, true, true, true, true};
  t.rows.push_back({"scenario", "net", "Δ net", "cash spend", "Δ cash", "trip cost", "Δ trip cost",
                    "remote cost", "Δ remote", "CO2e kg", "Δ CO2e kg", "trips", "visits",
                    "days away", "money budget", "cash budget"});
  const auto row = [&](const std::string& name, const CompareTotals& x, const CompareTotals* d) {
    const auto delta = [&](Money a, Money b) { return d ? signed_amount(a - b) : std::string(); };
    const auto count = [&](int a, int b) {
      return std::to_string(a) + (d ? " (" + signed_count(a - b) + ")" : std::string());
    };
    t.rows.push_back(
        {esc(name), amount(x.net), delta(x.net, c.base.net), amount(x.trip_cost.cash()),
         delta(x.trip_cost.cash(), c.base.trip_cost.cash()), amount(x.trip_cost.total()),
         delta(x.trip_cost.total(), c.base.trip_cost.total()), amount(x.remote_cost),
         delta(x.remote_cost, c.base.remote_cost), kilograms(x.co2),
         d ? signed_kilograms(x.co2 - c.base.co2) : std::string(), count(x.trips, c.base.trips),
         count(x.visits, c.base.visits), count(x.days_away, c.base.days_away),
         x.budget_money ? amount(*x.budget_money) : std::string("none"),
         x.budget_cash ? amount(*x.budget_cash) : std::string("none")});
  };
  row("base", c.base, nullptr);
  for (const auto& s : c.scenarios) {
    if (s.feasible)
      row(s.name, s.totals, &c.base);
    else
      t.rows.push_back(
          {esc(s.name), "infeasible", "", "", "", "", "", "", "", "", "", "", "", "", "", ""});
  }
  return t;
}

Table category_table(const Comparison& c, Escape esc) {
  Table t;
  t.right = {false, true, true, true, true, true, true};
  t.rows.push_back(
      {"scenario", "flights", "hotel", "per diem", "traveller time", "jet lag", "carbon"});
  const auto row = [&](const std::string& name, const CostBreakdown& x, bool delta) {
    const CostBreakdown& b = c.base.trip_cost;
    const auto cell = [&](Money v, Money base) {
      return amount(v) + (delta ? " (" + signed_amount(v - base) + ")" : std::string());
    };
    t.rows.push_back({esc(name), cell(x.flights, b.flights), cell(x.hotel, b.hotel),
                      cell(x.per_diem, b.per_diem), cell(x.traveller_time, b.traveller_time),
                      cell(x.jetlag, b.jetlag), cell(x.carbon, b.carbon)});
  };
  row("base", c.base.trip_cost, false);
  for (const auto& s : c.scenarios)
    if (s.feasible) row(s.name, s.totals.trip_cost, true);
  return t;
}

Table sweep_table(const Comparison& c, Escape esc) {
  Table t;
  t.right = {true, true, true, true, true};
  t.rows.push_back(
      {esc(c.sweep_pointer.value_or("")), "net", "trip cost", "remote cost", "CO2e kg"});
  for (const auto& s : c.scenarios) {
    if (!s.sweep_value) continue;
    if (!s.feasible) {
      t.rows.push_back({number(*s.sweep_value), "infeasible", "", "", ""});
      continue;
    }
    t.rows.push_back({number(*s.sweep_value), amount(s.totals.net),
                      amount(s.totals.trip_cost.total()), amount(s.totals.remote_cost),
                      kilograms(s.totals.co2)});
  }
  return t;
}

std::string flip_text(const DecisionFlip& f) {
  const auto side = [](ClientState s, const std::string& trip) {
    std::string out = state_name(s);
    if (s == ClientState::visit && !trip.empty()) out += " (" + trip + ")";
    return out;
  };
  return side(f.base, f.base_trip) + " -> " + side(f.scenario, f.scenario_trip);
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string trip_change_text(const TripChange& t) {
  std::string out = t.base_trip + " {" + join(t.base_clients) + "} -> ";
  if (t.scenario_trips.empty()) return out + "no trip";
  return out + join(t.scenario_trips) + " {" + join(t.scenario_clients) + "}";
}

} // namespace

std::string comparison_table(const Comparison& c) {
  std::ostringstream os;
  os << "Comparison against " << printable(c.base_name) << " (" << printable(c.label)
     << "), money in " << printable(c.currency) << ", method " << printable(c.method)
     << "\n\nTotals (delta against the base)\n"
     << render_text(totals_table(c, plain), "  ") << "\nTrip cost by category\n"
     << render_text(category_table(c, plain), "  ");
  if (c.base_time_limit_reached) os << "\nBase plan: " << kTimeLimitNote << "\n";
  for (const auto& s : c.scenarios) {
    os << "\nScenario " << printable(s.name) << "\n";
    if (s.time_limit_reached) os << "  note: " << kTimeLimitNote << "\n";
    if (!s.feasible) {
      os << "  infeasible: " << printable(s.infeasible_pointer) << ": "
         << printable(s.infeasible_reason) << "\n";
      continue;
    }
    if (s.flips.empty() && s.trip_changes.empty()) os << "  same decisions and trips as the base\n";
    for (const auto& f : s.flips)
      os << "  " << printable(f.client_id) << " (" << printable(f.client_name)
         << "): " << printable(flip_text(f)) << "\n";
    for (const auto& t : s.trip_changes) os << "  trip " << printable(trip_change_text(t)) << "\n";
  }
  if (c.sweep_pointer) os << "\nSweep\n" << render_text(sweep_table(c, plain), "  ");
  return os.str();
}

std::string comparison_markdown(const Comparison& c) {
  std::ostringstream os;
  os << "# What-if comparison: " << markdown_escape(c.base_name) << " (" << markdown_escape(c.label)
     << ")\n\nMoney in " << markdown_escape(c.currency) << "; method " << markdown_escape(c.method)
     << "; deltas against the base plan.\n\n## Totals\n\n"
     << render_markdown(totals_table(c, markdown_escape)) << "\n## Trip cost by category\n\n"
     << render_markdown(category_table(c, markdown_escape));
  if (c.base_time_limit_reached) os << "\n**Base plan:** " << kTimeLimitNote << "\n";
  os << "\n## Decisions\n";
  for (const auto& s : c.scenarios) {
    os << "\n### " << markdown_escape(s.name) << "\n\n";
    if (s.time_limit_reached) os << "**Note:** " << kTimeLimitNote << "\n\n";
    if (!s.feasible) {
      os << "Infeasible: `" << markdown_escape(s.infeasible_pointer)
         << "`: " << markdown_escape(s.infeasible_reason) << "\n";
      continue;
    }
    if (s.flips.empty() && s.trip_changes.empty()) os << "Same decisions and trips as the base.\n";
    for (const auto& f : s.flips)
      os << "- " << markdown_escape(f.client_id) << " (" << markdown_escape(f.client_name)
         << "): " << markdown_escape(flip_text(f)) << "\n";
    for (const auto& t : s.trip_changes)
      os << "- trip " << markdown_escape(trip_change_text(t)) << "\n";
  }
  if (c.sweep_pointer) os << "\n## Sweep\n\n" << render_markdown(sweep_table(c, markdown_escape));
  return os.str();
}

// ---- shared by the HTML renderer -----------------------------------------------------------

std::vector<std::vector<std::string>> totals_rows(const Comparison& c) {
  return totals_table(c, plain).rows;
}
std::vector<std::vector<std::string>> category_rows(const Comparison& c) {
  return category_table(c, plain).rows;
}
std::vector<std::vector<std::string>> sweep_rows(const Comparison& c) {
  return sweep_table(c, plain).rows;
}
std::string describe_flip(const DecisionFlip& f) {
  return flip_text(f);
}
std::string describe_trip_change(const TripChange& t) {
  return trip_change_text(t);
}

} // namespace flyorcall::report
