// Totals of a plan grouped by traveller and by calendar month, for the report's summary pages
// and the spreadsheet (docs/report.md, "Totals by traveller and by month").
#pragma once

#include <string>
#include <vector>

#include "report/report_model.hpp"

namespace flyorcall::report {

/// The trips (and, by traveller, the remote clients) of one group.
struct GroupTotals {
  std::string key; ///< a traveller id, or a month "2027-01"
  int trips = 0;
  int days_away = 0;
  int visits = 0;
  int remote = 0;     ///< remote clients whose calls the traveller holds (by traveller only)
  CostBreakdown cost; ///< the trips' cost
  GramsCo2 co2;       ///< the trips' CO2e
};

/// One row per traveller, in the report's traveller order (travellers without trips included);
/// a remote client counts for the traveller the plan gives it, else for none.
[[nodiscard]] std::vector<GroupTotals> totals_by_traveller(const Report& r);

/// One row per calendar month of the horizon (else of the trips), each trip counted in the month
/// it departs; remote costs are not spread over months.
[[nodiscard]] std::vector<GroupTotals> totals_by_month(const Report& r);

} // namespace flyorcall::report
