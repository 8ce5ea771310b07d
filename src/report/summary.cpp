// A terminal summary of a plan: one line per trip and client, then totals and budget use.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "flyorcall/flyorcall.hpp"
#include "model/format.hpp"

namespace flyorcall {

namespace {

// 1234567 cents -> "12,345.67": grouping makes quarterly sums readable at a glance.
std::string amount(Money m) {
  return format::grouped_money(m);
}

std::string kg(GramsCo2 g) {
  return format::kg_fixed(g);
}

std::string clock(int minutes_of_day) {
  return format::clock(minutes_of_day);
}

std::string day(Date d) {
  return date::format("%F", d);
}

std::string percent(double used, double limit) {
  if (limit <= 0) return "";
  std::ostringstream os;
  os << " (" << std::lround(100.0 * used / limit) << "%)";
  return os.str();
}

std::string route(const Trip& t) {
  std::string s;
  if (t.legs.empty()) {
    for (const Stay& st : t.stays) s += (s.empty() ? "" : "→") + st.city;
    return s;
  }
  s = t.legs.front().from;
  for (const PlannedLeg& leg : t.legs) s += "→" + leg.to;
  return s;
}

const Client* find_client(const Input& input, const std::string& id) {
  for (const Client& c : input.clients)
    if (c.id == id) return &c;
  return nullptr;
}

/// Width of UTF-8 text in terminal columns (one per code point: names and arrows are not wide).
std::size_t columns(const std::string& s) {
  std::size_t n = 0;
  for (const char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0u) != 0x80u ? 1u : 0u;
  return n;
}

/// Rows of cells printed as aligned columns, indented by two spaces. A cell starting with '>' is
/// right-aligned (the '>' is dropped): amounts line up on their decimal point.
void print_table(std::ostringstream& out, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> width;
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string& cell = row[i];
      const std::size_t w = columns(cell) - (!cell.empty() && cell.front() == '>' ? 1u : 0u);
      if (i >= width.size()) width.push_back(0);
      width[i] = std::max(width[i], w);
    }
  for (const auto& row : rows) {
    std::string line = " ";
    for (std::size_t i = 0; i < row.size(); ++i) {
      const bool right = !row[i].empty() && row[i].front() == '>';
      const std::string cell = right ? row[i].substr(1) : row[i];
      const std::string pad(width[i] - columns(cell), ' ');
      line += " ";
      line += right ? pad + cell : (i + 1 < row.size() ? cell + pad : cell);
      if (i + 1 < row.size()) line += " ";
    }
    out << line << "\n";
  }
}

} // namespace

std::string plan_summary(const Plan& plan, const Input& input) {
  const std::string& cur = input.currency;
  std::ostringstream out;
  out << "flyorcall plan " << input.label << ": " << day(input.horizon.first) << " to "
      << day(input.horizon.last) << ", " << cur << ", method " << plan.method << "\n";

  out << "\nTrips (" << plan.trips.size() << ")\n";
  if (plan.trips.empty()) out << "  none\n";
  std::vector<std::vector<std::string>> rows;
  for (const Trip& t : plan.trips) {
    int nights = 0;
    for (const Stay& s : t.stays) nights += s.hotel_nights;
    rows.push_back({t.id, t.traveller_id, day(t.depart) + " to " + day(t.back),
                    ">" + std::to_string(t.days_away) + " d", route(t),
                    ">" + std::to_string(nights) + (nights == 1 ? " night" : " nights"),
                    ">" + amount(t.cost.total()) + " " + cur, ">" + kg(t.co2()) + " CO2e"});
  }
  print_table(out, rows);

  int visited = 0;
  for (const ClientDecision& d : plan.decisions) visited += d.visit ? 1 : 0;
  out << "\nVisited clients (" << visited << ")\n";
  rows.clear();
  for (const ClientDecision& d : plan.decisions) {
    if (!d.visit) continue;
    const Client* c = find_client(input, d.client_id);
    rows.push_back({d.client_id, c ? c->name : "", d.trip_id.value_or("?"),
                    d.traveller_id.value_or("?"), "value", ">" + amount(d.value), "trip cost",
                    ">" + amount(d.marginal_cost)});
  }
  print_table(out, rows);

  out << "\nRemote clients (" << plan.decisions.size() - static_cast<std::size_t>(visited) << ")\n";
  rows.clear();
  for (const ClientDecision& d : plan.decisions) {
    if (d.visit) continue;
    const Client* c = find_client(input, d.client_id);
    std::string calls;
    if (d.call_slot) {
      const CallSlotSummary& s = *d.call_slot;
      calls = "calls " + std::string(weekday_name(s.weekday)) + " " + clock(s.traveller_local_min) +
              " " + d.traveller_id.value_or("traveller") + " / " + clock(s.client_local_min) +
              " client";
      for (const auto& [from, local] : s.client_shifts)
        calls += ", from " + day(from) + " " + clock(local) + " client";
    } else {
      calls = "no common business day for calls";
    }
    rows.push_back(
        {d.client_id, c ? c->name : "", "remote cost", ">" + amount(d.remote_cost), calls});
  }
  print_table(out, rows);

  const Totals& t = plan.totals;
  const CostBreakdown& k = t.trip_cost;
  out << "\nTotals\n"
      << "  value        " << amount(t.value) << " " << cur << "\n"
      << "  trip cost    " << amount(k.total()) << " " << cur << "  (flights " << amount(k.flights)
      << ", hotel " << amount(k.hotel) << ", per diem " << amount(k.per_diem) << ", time "
      << amount(k.traveller_time) << ", jet lag " << amount(k.jetlag) << ", carbon "
      << amount(k.carbon) << ")\n"
      << "  remote cost  " << amount(t.remote_cost) << " " << cur << "\n"
      << "  net          " << amount(t.net) << " " << cur << "  (CO2e " << kg(t.co2) << ")\n"
      << "  cash spend   " << amount(t.cash()) << " " << cur
      << "  (fares, hotel and per diem; imputed costs " << amount(t.imputed()) << " " << cur
      << ": time, jet lag, carbon price, remote meetings)\n";

  if (!plan.budget) return out.str();
  const BudgetUse& b = *plan.budget;
  // One line: the limits are what a reader compares against, side by side.
  out << "\nBudget use: money " << amount(b.money) << " " << cur;
  if (b.money_limit)
    out << " of " << amount(*b.money_limit)
        << percent(static_cast<double>(b.money.count()),
                   static_cast<double>(b.money_limit->count()));
  else
    out << " (no limit)";
  out << "; cash " << amount(b.cash) << " " << cur;
  if (b.cash_limit)
    out << " of " << amount(*b.cash_limit)
        << percent(static_cast<double>(b.cash.count()), static_cast<double>(b.cash_limit->count()));
  else
    out << " (no limit)";
  out << "; days " << b.days;
  if (b.days_limit)
    out << " of " << *b.days_limit << percent(b.days, *b.days_limit);
  else
    out << " (no limit)";
  out << "; CO2e " << kg(b.co2);
  if (b.co2_limit)
    out << " of " << kg(*b.co2_limit)
        << percent(static_cast<double>(b.co2.count()), static_cast<double>(b.co2_limit->count()));
  else
    out << " (no limit)";
  out << "\n";
  return out.str();
}

} // namespace flyorcall
