// The plan: what the planner decides, in plain data. Written to JSON by src/io/plan_writer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include "flyorcall/model.hpp"
#include "flyorcall/units.hpp"

namespace flyorcall {

/// A UTC instant, second resolution. Local times are never stored in this type.
using Instant = date::sys_seconds;

/// Money spent on a trip, by category (all in the document currency).
struct CostBreakdown {
  Money flights;        ///< fares of all legs
  Money hotel;          ///< hotel nights at each city's rate
  Money per_diem;       ///< per-diem allowance for each day away
  Money traveller_time; ///< traveller cost per day x days away, door to door
  Money jetlag;         ///< productivity lost while the body clock adapts (direction-aware)
  Money carbon;         ///< CO2e (flights + hotel) x internal carbon price
  /// Sum of all categories.
  [[nodiscard]] Money total() const {
    return flights + hotel + per_diem + traveller_time + jetlag + carbon;
  }
  /// Money actually paid out: fares, hotel nights and per diem.
  [[nodiscard]] Money cash() const { return flights + hotel + per_diem; }
  /// Costs that are valued, not paid: the traveller's time, jet lag and the carbon price.
  [[nodiscard]] Money imputed() const { return traveller_time + jetlag + carbon; }
  friend bool operator==(const CostBreakdown&, const CostBreakdown&) = default;
  CostBreakdown& operator+=(const CostBreakdown& o) {
    flights += o.flights;
    hotel += o.hotel;
    per_diem += o.per_diem;
    traveller_time += o.traveller_time;
    jetlag += o.jetlag;
    carbon += o.carbon;
    return *this;
  }
};

/// One flight of a trip, timed.
struct PlannedLeg {
  std::string from;    ///< city code
  std::string to;      ///< city code
  Instant depart;      ///< UTC
  Instant arrive;      ///< UTC
  std::string tz_from; ///< IANA zone of `from`, for local times; empty when unknown
  std::string tz_to;   ///< IANA zone of `to`
  Minutes block;
  double km = 0; ///< great-circle distance
  Cabin cabin = Cabin::economy;
  Money fare;
  GramsCo2 co2;
  friend bool operator==(const PlannedLeg&, const PlannedLeg&) = default;
};

/// A stay in one city between arrival and departure (local dates of that city).
struct Stay {
  std::string city;
  Date arrive; ///< local date of arrival
  Date depart; ///< local date of departure
  int hotel_nights = 0;
  friend bool operator==(const Stay&, const Stay&) = default;
};

/// An in-person visit on a local business day of the client.
struct Visit {
  std::string client_id;
  std::string city;
  Date date;    ///< first day on site (local)
  int days = 1; ///< business days on site
  friend bool operator==(const Visit&, const Visit&) = default;
};

/// A public holiday of the place of a stay.
struct LocalHoliday {
  Date date;
  std::string name;
  bool substitute = false; ///< a substitute day for a holiday that fell on a weekend
  friend bool operator==(const LocalHoliday&, const LocalHoliday&) = default;
};

/// An input event that concerns the place and dates of a stay.
struct BriefingEvent {
  EventKind kind = EventKind::news;
  DateRange dates;
  std::string title;
  std::string note;
  friend bool operator==(const BriefingEvent&, const BriefingEvent&) = default;
};

/// What the traveller should know before one stop of a trip.
struct Briefing {
  std::string city;    ///< city code of the stop
  std::string country; ///< ISO code of the stop's country
  /// Local UTC offset minus the home UTC offset, at the arrival instant (real offsets that day).
  /// The planner always states it; absent only when a plan document gives none, or a report
  /// derives the briefing of a leg whose zones are unknown.
  std::optional<Minutes> time_difference;
  DateRange window;                   ///< first visit day − 3 .. last day on site + 3
  std::vector<LocalHoliday> holidays; ///< the country's public holidays inside `window`
  std::vector<BriefingEvent> events;  ///< input events at the city or country overlapping `window`
  /// Events of the stop left out of `events`: a briefing lists the first 20 (docs/plan.md).
  std::size_t events_not_listed = 0;
  /// Set when the country's holiday calendar is incomplete for a year of the window.
  std::optional<std::string> calendar_note;
  friend bool operator==(const Briefing&, const Briefing&) = default;
};

/// A round trip from a traveller's home.
struct Trip {
  std::string id; ///< "T1", "T2", ... in date order
  std::string traveller_id;
  Date depart;       ///< local date leaving home
  Date back;         ///< local date back home
  int days_away = 0; ///< calendar days from `depart` to `back`, both included
  std::vector<PlannedLeg> legs;
  std::vector<Stay> stays;
  std::vector<Visit> visits;
  std::vector<Briefing> briefings; ///< one per stay, same order
  CostBreakdown cost;
  GramsCo2 co2_flights;
  GramsCo2 co2_hotel;
  [[nodiscard]] GramsCo2 co2() const { return co2_flights + co2_hotel; }
  friend bool operator==(const Trip&, const Trip&) = default;
};

/// The recommended recurring call slot for a client kept remote.
struct CallSlotSummary {
  int weekday = 2;                   ///< C encoding (0 = Sunday)
  int traveller_local_min = 0;       ///< start, traveller's local minutes after midnight (anchor)
  int client_local_min = 0;          ///< start, client's local minutes at the first occurrence
  double traveller_offhours_min = 0; ///< mean off-hours minutes per call, traveller
  double client_offhours_min = 0;    ///< mean off-hours minutes per call, client
  /// Dates (first occurrence after a change) where the client's local start moves, and to what.
  std::vector<std::pair<Date, int>> client_shifts;
  friend bool operator==(const CallSlotSummary&, const CallSlotSummary&) = default;
};

/// What the plan does with one client, and why.
struct ClientDecision {
  std::string client_id;
  std::string name; ///< the client's name, as the input gives it
  std::string city; ///< the client's city code
  bool visit = false;
  std::optional<std::string> trip_id;
  std::optional<std::string> traveller_id; ///< who visits, or who runs the remote calls
  Money value;                             ///< value of an in-person visit this quarter
  Money remote_value;                      ///< value the remote meetings deliver instead
  Money remote_cost;      ///< cost of running the client remotely for the whole quarter
  Money marginal_cost;    ///< cost the visit adds (trip cost, or the added cost in a shared trip)
  Money break_even_value; ///< visit value at which the decision flips
  /// False when no visit value flips the decision (no feasible trip, or remote meetings are
  /// as effective as a visit); break_even_value is then 0 and meaningless.
  bool break_even_defined = true;
  std::string reason;                       ///< one sentence: the rule or comparison that decided
  std::optional<CallSlotSummary> call_slot; ///< for remote clients
  friend bool operator==(const ClientDecision&, const ClientDecision&) = default;
};

/// Budget use against the policy's limits.
struct BudgetUse {
  Money money; ///< total trip cost, cash and imputed
  Money cash;  ///< cash spend of the trips
  int days = 0;
  GramsCo2 co2;
  std::optional<Money> money_limit;
  std::optional<Money> cash_limit;
  std::optional<int> days_limit;
  std::optional<GramsCo2> co2_limit;
  friend bool operator==(const BudgetUse&, const BudgetUse&) = default;
};

/// Plan totals.
struct Totals {
  int trips = 0;
  int visits = 0;
  int remote = 0;
  int days_away = 0;
  CostBreakdown trip_cost;
  Money remote_cost; ///< imputed: meeting time and off-hours of remote clients
  Money value;       ///< visit values + remote values
  Money net;         ///< value - trip cost - remote cost
  GramsCo2 co2;
  /// Cash spend: the trips' fares, hotel nights and per diem.
  [[nodiscard]] Money cash() const { return trip_cost.cash(); }
  /// Imputed cost: the trips' time, jet lag and carbon price, and the remote cost.
  [[nodiscard]] Money imputed() const { return trip_cost.imputed() + remote_cost; }
  friend bool operator==(const Totals&, const Totals&) = default;
};

/// The table a traveller's per diem was priced with.
struct AllowanceUse {
  std::string traveller_id;
  AllowanceTable table = AllowanceTable::us_gsa_state; ///< resolved (never home)
  std::string source;                                  ///< the table and year, for reports
  friend bool operator==(const AllowanceUse&, const AllowanceUse&) = default;
};

/// A complete plan for one input.
struct Plan {
  // What the plan is for and what made it (the head of its document, docs/plan.md).
  std::string label;                 ///< the input's label
  std::string currency;              ///< ISO 4217 code of every amount
  std::optional<DateRange> horizon;  ///< the dates planned
  std::optional<std::uint64_t> seed; ///< the input's seed
  std::string flyorcall_version;     ///< the version that made the plan
  std::string data_version;          ///< the version of the built-in world data
  std::string method;                ///< how it was made, e.g. "greedy-dedicated-round-trips"
  /// Caveats about the plan's inputs, e.g. a holiday calendar that is incomplete for a year.
  std::vector<std::string> notes;
  /// The time limit (time_limit_s) cut the planning short: the plan is the best found by then
  /// and depends on the machine's speed; `notes` say what was left out.
  bool time_limit_reached = false;
  std::vector<Trip> trips;
  std::vector<ClientDecision> decisions; ///< in input order of clients
  Totals totals;
  /// The planner always states it; absent only for a plan document that states none (plans
  /// written before budgets were reported). `check` requires it.
  std::optional<BudgetUse> budget;
  std::string hotel_source;             ///< the lodging table and year hotel nights came from
  std::vector<AllowanceUse> allowances; ///< per traveller, the per-diem table used
  friend bool operator==(const Plan&, const Plan&) = default;
};

} // namespace flyorcall
