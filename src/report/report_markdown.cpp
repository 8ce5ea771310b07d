// The trip report as plain CommonMark: headings, lists and pipe tables, no HTML. Every text from
// the plan or the input goes through md_escape, so a name cannot open a table cell, a link, an
// HTML tag or a block of its own.
#include <map>
#include <string>
#include <vector>

#include "report/compare_format.hpp"
#include "report/report_charts.hpp"
#include "report/report_format.hpp"
#include "report/report_page.hpp"
#include "report/trip_report.hpp"

namespace flyorcall::report {

namespace {

/// "… and 12 more flights, in the CSV report." as a paragraph, or "" for none.
std::string more(std::size_t n, const std::string& what) {
  if (n == 0) return "";
  return "… and " + std::to_string(n) + " more " + what +
         ", in the CSV report (flyorcall report --format csv).\n\n";
}

/// A pipe table; cells are already escaped. `right[i]` right-aligns column i. Rows stop once the
/// table has kPageTableBytes; a paragraph after it says how many are left out.
std::string md_table(const std::vector<std::string>& head, const std::vector<bool>& right,
                     const std::vector<std::vector<std::string>>& rows) {
  std::string out = "|";
  for (const std::string& h : head) out += " " + h + " |";
  out += "\n|";
  for (std::size_t i = 0; i < head.size(); ++i)
    out += i < right.size() && right[i] ? " ---: |" : " --- |";
  out += "\n";
  for (std::size_t k = 0; k < rows.size(); ++k) {
    if (out.size() > kPageTableBytes) return out + "\n" + more(rows.size() - k, "rows");
    out += "|";
    for (std::size_t i = 0; i < head.size(); ++i)
      out += " " + (i < rows[k].size() ? rows[k][i] : std::string()) + " |";
    out += "\n";
  }
  return out + "\n";
}

class MarkdownWriter {
public:
  explicit MarkdownWriter(const Report& r) : r_(r), cur_(md_escape(r.plan.currency)) {
    for (const ClientDecision& c : r.plan.decisions) names_.emplace(c.client_id, c.name);
  }

  std::string render() {
    std::string out = "# Quarterly trip report";
    if (!r_.plan.label.empty()) out += ": " + md_escape(r_.plan.label);
    out += "\n\n";
    std::vector<std::string> parts;
    if (r_.plan.horizon)
      parts.push_back("Horizon " + weekday_date(r_.plan.horizon->first) + " to " +
                      weekday_date(r_.plan.horizon->last));
    if (!r_.plan.currency.empty())
      parts.push_back("money in " + cur_ +
                      (r_.conversion ? ", " + md_escape(conversion_text(*r_.conversion)) : ""));
    if (!r_.plan.method.empty()) parts.push_back("plan method " + md_escape(r_.plan.method));
    if (r_.plan.seed) parts.push_back("seed " + std::to_string(*r_.plan.seed));
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? " · " : "") + parts[i];
    if (!parts.empty()) out += "\n\n";
    out += summary();
    if (!r_.plan.notes.empty()) {
      out += "## Notes on the inputs\n\n";
      for (const std::string& n : r_.plan.notes) out += "- " + md_escape(n) + "\n";
      if (r_.notes_not_shown > 0)
        out += "- … and " + std::to_string(r_.notes_not_shown) + " more, in the plan JSON.\n";
      out += "\n";
    }
    out += calendar();
    out += trips();
    out += clients();
    out += calls();
    out += costs();
    out += "Made by flyorcall";
    if (!r_.plan.flyorcall_version.empty()) out += " " + md_escape(r_.plan.flyorcall_version);
    out += " from the plan";
    if (!r_.plan.data_version.empty())
      out += " (world data " + md_escape(r_.plan.data_version) + ")";
    out += r_.input_given ? " and its input" : "";
    out += ". Times are local to each city unless marked UTC.\n";
    return out;
  }

private:
  std::string money(Money m) const { return amount(m) + " " + cur_; }

  std::string city(const std::string& code) const {
    for (const Place& p : r_.places)
      if (p.code == code) return md_escape(p.name + " (" + code + ")");
    return md_escape(code);
  }

  std::string client_name(const std::string& id) const {
    const auto it = names_.find(id);
    return md_escape(it == names_.end() || it->second.empty() ? id : it->second);
  }

  std::string summary() const {
    const Totals& t = r_.plan.totals;
    std::string out = "## Summary\n\n";
    out += md_table({"Figure", "Value"}, {false, true},
                    {{"Trips", std::to_string(t.trips)},
                     {"Days away", std::to_string(t.days_away)},
                     {"Clients visited", std::to_string(t.visits)},
                     {"Clients kept remote", std::to_string(t.remote)},
                     {"Cash spend", money(t.cash())},
                     {"Imputed cost", money(t.imputed())},
                     {"Trip cost", money(t.trip_cost.total())},
                     {"Remote cost", money(t.remote_cost)},
                     {"Value", money(t.value)},
                     {"Net value", money(t.net)},
                     {"CO2e", kilograms(t.co2) + " kg"}});
    out += "### Spend by category\n\n";
    std::vector<std::vector<std::string>> rows;
    const double total = static_cast<double>(t.trip_cost.total().count());
    for (const CostCategory& c : kCostCategories) {
      const Money m = t.trip_cost.*c.field;
      rows.push_back(
          {std::string(c.label), amount(m), percent_text(static_cast<double>(m.count()), total)});
    }
    rows.push_back({"Trip cost, total", amount(t.trip_cost.total()), total > 0 ? "100%" : ""});
    rows.push_back({"Remote meetings (not part of trip cost)", amount(t.remote_cost), ""});
    rows.push_back({"Cash spend (fares, hotel, per diem)", amount(t.cash()), ""});
    rows.push_back(
        {"Imputed cost (time, jet lag, carbon price, remote meetings)", amount(t.imputed()), ""});
    out += md_table({"Category", "Amount (" + cur_ + ")", "Share"}, {false, true, true}, rows);
    if (!r_.plan.hotel_source.empty()) {
      out += "Hotel nights: " + md_escape(r_.plan.hotel_source) + ".";
      for (const AllowanceUse& a : r_.plan.allowances)
        out += " Per diem of " + md_escape(a.traveller_id) + ": " + md_escape(a.source) + ".";
      out += "\n\n";
    }
    if (r_.plan.budget) {
      const BudgetUse& b = *r_.plan.budget;
      out += "### Budget use against the limits\n\n";
      out += md_table({"Budget", "Used", "Limit", "Share used"}, {false, true, true, true},
                      {{"Cash", money(b.cash), b.cash_limit ? money(*b.cash_limit) : "no limit",
                        b.cash_limit ? percent_text(static_cast<double>(b.cash.count()),
                                                    static_cast<double>(b.cash_limit->count()))
                                     : ""},
                       {"Money", money(b.money), b.money_limit ? money(*b.money_limit) : "no limit",
                        b.money_limit ? percent_text(static_cast<double>(b.money.count()),
                                                     static_cast<double>(b.money_limit->count()))
                                      : ""},
                       {"Days away", std::to_string(b.days),
                        b.days_limit ? std::to_string(*b.days_limit) : "no limit",
                        b.days_limit ? percent_text(b.days, *b.days_limit) : ""},
                       {"CO2e", kilograms(b.co2) + " kg",
                        b.co2_limit ? kilograms(*b.co2_limit) + " kg" : "no limit",
                        b.co2_limit ? percent_text(static_cast<double>(b.co2.count()),
                                                   static_cast<double>(b.co2_limit->count()))
                                    : ""}});
    }
    return out;
  }

  std::string calendar() const {
    std::string out = "## Trip calendar\n\n";
    const auto weeks = calendar_weeks(r_);
    if (weeks.empty() || r_.travellers.empty()) return out + "No trips.\n\n";
    std::vector<std::string> head{"Week of"};
    std::vector<bool> right{false};
    for (const std::string& t : r_.travellers) {
      head.push_back(md_escape(t));
      right.push_back(false);
    }
    std::vector<std::vector<std::string>> rows;
    for (const CalendarWeek& w : weeks) {
      std::vector<std::string> row{weekday_date(w.monday)};
      for (const auto& ids : w.trips) {
        std::string s;
        for (const std::string& id : ids) s += (s.empty() ? "" : ", ") + md_escape(id);
        row.push_back(s);
      }
      rows.push_back(std::move(row));
    }
    return out + md_table(head, right, rows);
  }

  std::string briefing(const Briefing& b, const BriefingPage& page) const {
    std::string out = "#### Briefing: " + city(b.city);
    if (!b.country.empty()) {
      const auto it = r_.country_names.find(b.country);
      out += ", " + md_escape(it == r_.country_names.end() ? b.country : it->second);
    }
    out += "\n\n";
    if (b.time_difference) {
      out += "- Time difference: " + time_difference_text(*b.time_difference) + "\n";
    }
    const std::string window =
        " from " + iso_date(b.window.first) + " to " + iso_date(b.window.last);
    if (b.holidays.empty() && page.holidays_not_shown == 0) {
      out += "- No public holidays" + window + ".\n";
    } else {
      out += "- Public holidays" + window + ":\n";
      for (const LocalHoliday& h : b.holidays)
        out += "  - " + weekday_date(h.date) + ": " + md_escape(h.name) +
               (h.substitute ? " (substitute day)" : "") + "\n";
      if (page.holidays_not_shown > 0)
        out += "  - … and " + std::to_string(page.holidays_not_shown) + " more\n";
    }
    if (b.events.empty() && b.events_not_listed == 0) {
      out += "- No events" + window +
             (r_.input_given || page.source == BriefingSource::plan
                  ? ""
                  : " known (give --input for the input's events)") +
             ".\n";
    } else {
      out += "- Events:\n";
      for (const BriefingEvent& e : b.events) {
        out += "  - " + md_escape(std::string(event_kind_name(e.kind))) + ", " +
               iso_date(e.dates.first) +
               (e.dates.last != e.dates.first ? " to " + iso_date(e.dates.last) : "") + ": " +
               md_escape(e.title);
        if (!e.note.empty()) out += " — " + md_escape(e.note);
        out += "\n";
      }
      if (b.events_not_listed > 0)
        out += "  - … and " + std::to_string(b.events_not_listed) + " more\n";
    }
    if (b.calendar_note) out += "- Note: " + md_escape(*b.calendar_note) + "\n";
    if (page.source == BriefingSource::report)
      out += "- Derived by the report: the plan has no briefings.\n";
    return out + "\n";
  }

  std::string trips() const {
    std::string out = "## Trips and briefings\n\n";
    if (r_.plan.trips.empty()) out += "The plan has no trips: every client is kept remote.\n\n";
    std::size_t shown = 0;
    for (const Trip& t : r_.plan.trips) {
      if (out.size() >= kPageTripsBytes) break;
      const std::size_t index = shown++;
      const TripPage& page = r_.trip_page(index);
      out += "### " + md_escape(t.id) + " · " + md_escape(t.traveller_id) + " · " +
             weekday_date(t.depart) + " to " + weekday_date(t.back) + " (" +
             std::to_string(t.days_away) + (t.days_away == 1 ? " day" : " days") + ")\n\n";
      out += "Cost " + money(t.cost.total()) + " (";
      for (std::size_t i = 0; i < kCostCategories.size(); ++i)
        out += (i ? ", " : "") + std::string(kCostCategories[i].label) + " " +
               amount(t.cost.*kCostCategories[i].field);
      out += "); CO2e " + kilograms(written_co2(t)) + " kg.\n\n";
      std::vector<std::vector<std::string>> legs;
      for (const PlannedLeg& l : t.legs)
        legs.push_back({city(l.from), city(l.to),
                        depart_local(l) ? local_text(*depart_local(l)) : "",
                        arrive_local(l) ? local_text(*arrive_local(l)) : "",
                        duration_text(static_cast<int>(l.block.count())),
                        md_escape(std::string(cabin_name(l.cabin))), plain_one_decimal(l.km),
                        amount(l.fare), kilograms(l.co2)});
      if (!legs.empty())
        out += md_table({"From", "To", "Departs (local)", "Arrives (local)", "Block", "Cabin", "km",
                         "Fare", "CO2e kg"},
                        {false, false, false, false, true, false, true, true, true}, legs);
      out += more(page.legs_not_shown, "flights");
      std::vector<std::vector<std::string>> stays;
      for (const Stay& s : t.stays)
        stays.push_back({city(s.city), weekday_date(s.arrive), weekday_date(s.depart),
                         std::to_string(s.hotel_nights)});
      if (!stays.empty())
        out += md_table({"Stay in", "Arrive", "Leave", "Hotel nights"}, {false, false, false, true},
                        stays);
      out += more(page.stays_not_shown, "stays");
      std::vector<std::vector<std::string>> visits;
      for (const Visit& v : t.visits)
        visits.push_back(
            {client_name(v.client_id), city(v.city), weekday_date(v.date), std::to_string(v.days)});
      if (!visits.empty())
        out +=
            md_table({"Visit", "City", "First day", "Days"}, {false, false, false, true}, visits);
      out += more(page.visits_not_shown, "visits");
      for (std::size_t k = 0; k < t.briefings.size(); ++k)
        out += briefing(t.briefings[k], r_.briefing_page(index, k));
      out += more(page.briefings_not_shown, "briefings");
    }
    const std::size_t left = r_.plan.trips.size() - shown + r_.trips_not_shown;
    if (left > 0)
      out += "This report details the first " + std::to_string(shown) + " of " +
             std::to_string(shown + left) +
             " trips; the CSV report (flyorcall report --format csv) and the plan JSON hold "
             "every trip.\n\n";
    return out;
  }

  std::string clients() const {
    std::string out = "## Clients: decisions and why\n\n";
    out += "A visit pays when its value is above the break-even value: the value at which "
           "visiting and staying remote net the same. Amounts in " +
           cur_ + ".\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const ClientDecision& c : r_.plan.decisions) {
      std::string decision = c.visit ? "visit" : "remote";
      if (c.visit && c.trip_id) decision += " (" + md_escape(*c.trip_id) + ")";
      rows.push_back({md_escape(c.name.empty() ? c.client_id : c.name + " (" + c.client_id + ")"),
                      decision, md_escape(c.traveller_id.value_or("")), amount(c.value),
                      amount(c.marginal_cost), break_even(c) ? amount(*break_even(c)) : "none",
                      md_escape(c.reason)});
    }
    return out + md_table({"Client", "Decision", "Traveller", "Value", "Marginal cost",
                           "Break-even value", "Why"},
                          {false, false, false, true, true, true, false}, rows);
  }

  std::string calls() const {
    std::string out = "## Remote call schedule\n\n";
    out += "One recurring weekly slot per client kept remote, in each party's local time; a "
           "daylight-saving change inside the quarter moves the client's local time from the "
           "date shown.\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const ClientDecision& c : r_.plan.decisions) {
      if (c.visit) continue;
      const std::string who = md_escape(c.name.empty() ? c.client_id : c.name);
      if (!c.call_slot) {
        rows.push_back({who, md_escape(c.traveller_id.value_or("")), "no common business day", "",
                        "", "", ""});
        continue;
      }
      const CallSlotSummary& s = *c.call_slot;
      std::string shifts;
      for (const auto& [from, local] : s.client_shifts)
        shifts += (shifts.empty() ? "" : "; ") + std::string("from ") + iso_date(from) + ": " +
                  clock_text(local);
      rows.push_back({who, md_escape(c.traveller_id.value_or("")),
                      std::string(weekday_name(s.weekday)), clock_text(s.traveller_local_min),
                      clock_text(s.client_local_min),
                      plain_one_decimal(s.traveller_offhours_min) + " / " +
                          plain_one_decimal(s.client_offhours_min),
                      shifts.empty() ? "none" : shifts});
    }
    if (rows.empty()) return out + "No client is kept remote.\n\n";
    return out + md_table({"Client", "Run by", "Weekday (traveller)", "Traveller local",
                           "Client local", "Off-hours min per call (traveller / client)",
                           "Client local time shifts (DST)"},
                          {false, false, false, false, false, true, false}, rows);
  }

  std::string costs() const {
    std::string out = "## Cost breakdown per trip\n\nAmounts in " + cur_ + ".\n\n";
    if (r_.plan.trips.empty()) return out + "No trips.\n\n";
    std::vector<std::string> head{"Trip", "Traveller"};
    std::vector<bool> right{false, false};
    for (const CostCategory& c : kCostCategories) {
      head.emplace_back(c.label);
      right.push_back(true);
    }
    head.emplace_back("Total");
    right.push_back(true);
    std::vector<std::vector<std::string>> rows;
    for (const Trip& t : r_.plan.trips) {
      std::vector<std::string> row{md_escape(t.id), md_escape(t.traveller_id)};
      for (const CostCategory& c : kCostCategories) row.push_back(amount(t.cost.*c.field));
      row.push_back(amount(t.cost.total()));
      rows.push_back(std::move(row));
    }
    return out + md_table(head, right, rows);
  }

  const Report& r_;
  std::string cur_;
  std::map<std::string, std::string> names_;
};

} // namespace

std::string report_markdown(const Report& r) {
  return MarkdownWriter(page_view(r)).render();
}

} // namespace flyorcall::report
