// The quarterly trip report's view of a plan: the plan JSON (docs/plan.md) read back into plain
// data by io::read_plan, plus what the report adds (city places, travellers, derived briefings).
// No JSON here; the renderers in src/report/report_*.cpp work on these types only.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include "flyorcall/model.hpp"
#include "flyorcall/plan.hpp"
#include "flyorcall/units.hpp"

namespace flyorcall::report {

/// A wall-clock time in some city's zone (never compared with UTC instants directly).
using LocalTime = date::local_seconds;

/// One flight of a trip as the plan states it.
struct PlanLeg {
  std::string from;                      ///< city code
  std::string to;                        ///< city code
  std::optional<LocalTime> depart_local; ///< in `tz_from`; absent when the plan has none
  std::optional<LocalTime> arrive_local; ///< in `tz_to`
  std::optional<Instant> depart_utc;
  std::optional<Instant> arrive_utc;
  std::string tz_from; ///< IANA zone name, may be empty
  std::string tz_to;   ///< IANA zone name, may be empty
  int block_min = 0;
  double km = 0;
  std::string cabin; ///< "economy", ... as written in the plan
  Money fare;
  GramsCo2 co2;
  friend bool operator==(const PlanLeg&, const PlanLeg&) = default;
};

/// A stay between two flights (local dates of the stay's city).
struct PlanStay {
  std::string city;
  Date arrive;
  Date depart;
  int hotel_nights = 0;
  friend bool operator==(const PlanStay&, const PlanStay&) = default;
};

/// A client visit of a trip.
struct PlanVisit {
  std::string client; ///< client id
  std::string city;
  Date date; ///< first day on site
  int days = 1;
  friend bool operator==(const PlanVisit&, const PlanVisit&) = default;
};

/// A public holiday near a stop.
struct PlanHoliday {
  Date date;
  std::string name;
  bool substitute = false;
  friend bool operator==(const PlanHoliday&, const PlanHoliday&) = default;
};

/// An input event near a stop.
struct PlanEvent {
  std::string kind; ///< "fair", "strike", ... as written in the plan or the input
  DateRange dates;
  std::string title;
  std::string note;
  friend bool operator==(const PlanEvent&, const PlanEvent&) = default;
};

/// Where a briefing's content came from.
enum class BriefingSource : std::uint8_t {
  plan,   ///< the plan's own `briefings[]`
  report, ///< derived by the report (the plan has none): leg times, holiday rules, input events
};

/// What to know before one stop of a trip.
struct PlanBriefing {
  std::string city;
  std::string country;                    ///< ISO code, may be empty
  std::optional<Minutes> time_difference; ///< local minus home UTC offset at arrival
  std::optional<DateRange> window;        ///< the dates the holidays and events cover
  std::vector<PlanHoliday> holidays;
  std::vector<PlanEvent> events;
  std::optional<std::string> calendar_note;
  BriefingSource source = BriefingSource::plan;
  std::size_t holidays_not_shown = 0; ///< left out of `holidays` by a page (report_page.hpp)
  std::size_t events_not_shown = 0;   ///< left out of `events`: by a page, or derived beyond
                                      ///< kMaxDerivedEvents
  friend bool operator==(const PlanBriefing&, const PlanBriefing&) = default;
};

/// A round trip of one traveller.
struct PlanTrip {
  std::string id;
  std::string traveller;
  Date depart;
  Date back;
  int days_away = 0;
  std::vector<PlanLeg> legs;
  std::vector<PlanStay> stays;
  std::vector<PlanVisit> visits;
  std::vector<PlanBriefing> briefings; ///< empty when neither the plan nor the input gives any
  std::size_t legs_not_shown = 0;      ///< left out by a page (report_page.hpp)
  std::size_t stays_not_shown = 0;
  std::size_t visits_not_shown = 0;
  std::size_t briefings_not_shown = 0;
  CostBreakdown cost;
  GramsCo2 co2_flights;
  GramsCo2 co2_hotel;
  GramsCo2 co2_total;
  friend bool operator==(const PlanTrip&, const PlanTrip&) = default;
};

/// One client's decision as the plan states it.
struct PlanClient {
  std::string id;
  std::string name;
  bool visit = false;
  std::optional<std::string> trip;
  std::optional<std::string> traveller;
  Money value;
  Money remote_value;
  Money remote_cost;
  Money marginal_cost;
  std::optional<Money> break_even_value; ///< absent when no value flips the decision
  std::string reason;
  std::optional<CallSlotSummary> call_slot;
  std::string city; ///< city code: from a visit, or from --input; may be empty
  friend bool operator==(const PlanClient&, const PlanClient&) = default;
};

/// The plan's totals.
struct PlanTotals {
  int trips = 0;
  int visits = 0;
  int remote = 0;
  int days_away = 0;
  CostBreakdown trip_cost;
  Money remote_cost;
  Money value;
  Money net;
  GramsCo2 co2;
  /// Cash spend: the trips' fares, hotel nights and per diem.
  [[nodiscard]] Money cash() const { return trip_cost.cash(); }
  /// Imputed cost: the trips' time, jet lag and carbon price, and the remote cost.
  [[nodiscard]] Money imputed() const { return trip_cost.imputed() + remote_cost; }
  friend bool operator==(const PlanTotals&, const PlanTotals&) = default;
};

/// A plan document (docs/plan.md) as plain data.
struct PlanDocument {
  std::string flyorcall_version;
  std::string data_version;
  std::string label;
  std::optional<DateRange> horizon;
  std::string currency;
  std::optional<std::uint64_t> seed;
  std::string method;
  std::vector<std::string> notes;
  std::string hotel_source; ///< the lodging table hotel nights were priced with
  std::vector<std::pair<std::string, std::string>> per_diem_sources; ///< traveller, table
  std::vector<PlanTrip> trips;
  std::vector<PlanClient> clients;
  PlanTotals totals;
  std::optional<BudgetUse> budget;
  friend bool operator==(const PlanDocument&, const PlanDocument&) = default;
};

/// A city the report can place on the map.
struct Place {
  std::string code;
  std::string name;
  std::string country;
  double lat = 0;
  double lon = 0;
};

/// A display currency the report's amounts were converted to (report --currency).
struct CurrencyConversion {
  std::string from;   ///< the plan's currency
  std::string to;     ///< the currency every amount is shown in
  double rate = 1;    ///< units of `to` per unit of `from`
  std::string source; ///< the reference rates and their date
};

/// Everything the renderers need: the plan plus places, travellers and the calendar's range.
struct Report {
  PlanDocument plan;
  std::vector<Place> places;           ///< cities of the plan with known coordinates, by code
  std::vector<std::string> travellers; ///< calendar rows: input order, else first appearance
  /// The plan's horizon, else the input's, else the span of the trips; absent for an empty plan.
  std::optional<DateRange> horizon;
  std::vector<std::string> unplaced;                ///< plan city codes without coordinates
  std::map<std::string, std::string> country_names; ///< ISO code -> English name
  bool input_given = false;                         ///< the report was made with the input
  std::size_t trips_not_shown = 0;                  ///< trips a page leaves out (report_page.hpp)
  std::size_t notes_not_shown = 0;                  ///< notes a page leaves out
  std::size_t travellers_not_shown = 0;             ///< calendar rows a page leaves out
  std::optional<CurrencyConversion> conversion;     ///< set when amounts were converted
};

} // namespace flyorcall::report
