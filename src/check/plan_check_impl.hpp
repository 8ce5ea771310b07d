// The plan checker's internals (src/check/plan_check*.cpp; internal to src/check): what the
// checker derives for the plan's legs, visits and trips, the Checker class and its formatters. Its
// rules are defined by family: plan_check.cpp (set-up, plan header, business calendars),
// plan_check_legs.cpp (network legs, leg times, fares, cabins), plan_check_trips.cpp (visits,
// trips, stays, dates, trip cost) and plan_check_clients.cpp (client decisions, values, totals and
// budgets).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include "check/plan_check.hpp"
#include "flyorcall/model.hpp"
#include "flyorcall/plan.hpp"
#include "network/network.hpp"
#include "network/routes.hpp"

#include "time/calendar.hpp"

namespace flyorcall::check::detail {

using std::chrono::minutes;

// Formatters for messages, and the plan JSON's rounding (plan_check.cpp).
[[nodiscard]] std::string str(std::size_t i);
/// YYYY-MM-DD.
[[nodiscard]] std::string fmt_date(Date d);
/// YYYY-MM-DD (Www).
[[nodiscard]] std::string fmt_weekday_date(Date d);
[[nodiscard]] date::local_days as_local(Date d);
[[nodiscard]] Date local_date(date::local_seconds t);
[[nodiscard]] std::int64_t minute_of_day(date::local_seconds t);
[[nodiscard]] std::string fmt_local(date::local_seconds t);

/// A leg of the plan resolved against the network.
struct LegInfo {
  int from = -1;
  int to = -1;
  const network::Leg* net = nullptr; ///< the network's leg, when it exists
  Cabin cabin = Cabin::economy;
  Instant depart{};
  Instant arrive{};  ///< departure + block time (the network's when the leg exists)
  PlannedLeg priced; ///< the leg as the cost model prices it
};

/// A visit of the plan resolved against the input.
struct VisitInfo {
  int client = -1; ///< index into input.clients; -1 when unknown
  Date first{};
  Date last{}; ///< last business day on site (visit_days consecutive business days)
};

/// What the checker derived for one trip.
struct TripInfo {
  int traveller = -1; ///< index into input.travellers; -1 when unknown
  Date depart{};
  Date back{};
  int days_away = 0;
  std::vector<VisitInfo> visits;
  bool priced = false; ///< cost and CO2 below were derived; else the plan's are used
  CostBreakdown cost;
  GramsCo2 co2_flights{0};
  GramsCo2 co2_hotel{0};
  GramsCo2 co2_total{0}; ///< exact grams when priced, else the plan's value
};

/// The checker of one plan against its input (check_plan).
class Checker {
public:
  Checker(const Input& input, const Plan& doc);

  /// Every violation of the plan, in plan order (header, trips, clients, totals, budget).
  std::vector<Violation> run();

private:
  const Input& in_;
  const Plan& doc_;
  network::Network net_;
  std::map<std::pair<int, int>, std::size_t> leg_index_;
  std::vector<const date::time_zone*> zones_;
  std::map<int, timez::BusinessCalendar> calendars_;
  std::map<std::size_t, timez::BusinessCalendar> client_calendars_;
  std::map<std::size_t, std::unique_ptr<network::RouteFinder>> finders_;
  std::vector<std::string> traveller_ids_;
  std::vector<std::string> client_ids_;
  std::map<std::string, int> traveller_by_id_; // ids are unique in a valid input
  std::map<std::string, int> client_by_id_;
  std::vector<TripInfo> trips_;
  std::vector<Violation> out_;

  void add(std::string pointer, std::string rule, std::string message) {
    out_.push_back({std::move(pointer), std::move(rule), std::move(message)});
  }

  const std::string& cur() const { return in_.currency; }

  int traveller_index(const std::string& id) const {
    const auto it = traveller_by_id_.find(id);
    return it == traveller_by_id_.end() ? -1 : it->second;
  }
  int client_index(const std::string& id) const {
    const auto it = client_by_id_.find(id);
    return it == client_by_id_.end() ? -1 : it->second;
  }
  int city_of(const std::string& code) const { return net_.find(code).value_or(-1); }
  /// "unknown city" for a code of no network city; offers the city only when the code names the
  /// same place (an airport code such as GRU for SAO), never a code spelt alike (plan_check_legs).
  std::string unknown_city(const std::string& code) const;

  const date::time_zone* zone(int city) const { return zones_[static_cast<std::size_t>(city)]; }

  /// Business days of a city: its country's weekend, public holidays (make-up days open) and the
  /// input's blackout and strike events there, over the horizon — as docs/plan.md defines them.
  const timez::BusinessCalendar& calendar(int city);

  /// Days a visit to a client may use (index into in_.clients): its city's business days, and
  /// only the weekdays its working hours name when they name any.
  const timez::BusinessCalendar& client_calendar(std::size_t client);

  /// Why a date is not a business day at a city: its weekend (unless `country_week` is false:
  /// a client's own week replaces it), a public holiday, or an event.
  std::string why_closed(int city, Date d, bool country_week = true);
  /// Why a date is not a day a client may be visited: its own week, or as at its city.
  std::string why_closed(std::size_t client, Date d);

  /// The route finder of a traveller's cabin and time value (built on first use).
  const network::RouteFinder& finder(std::size_t traveller);

  // ---- header (plan_check.cpp) -----------------------------------------------------------

  /// The plan's currency, label and horizon against the input's.
  void check_header();

  // ---- legs (plan_check_legs.cpp) --------------------------------------------------------

  /// The plan leg at `p` resolved against the network; adds the violations of its network and
  /// time rules.
  LegInfo resolve_leg(const PlannedLeg& l, const std::string& p);
  /// A journey is sold from its origin to its destination (Network::journey_fare); each leg
  /// carries its share of that fare. The legs' fares are the network's when the journey is on
  /// the network's legs in one cabin; they price the trip either way.
  void check_fares(std::size_t i, std::vector<LegInfo>& legs, std::size_t first, std::size_t end);
  /// One cabin per journey, as the traveller's cabin rule books it.
  void check_cabins(std::size_t i, const Traveller& tr, const std::vector<LegInfo>& legs,
                    std::size_t first, std::size_t end);

  // ---- visits and trips (plan_check_trips.cpp) -------------------------------------------

  /// The plan visit at `p` resolved against the input; adds the violations of its visit rules.
  VisitInfo resolve_visit(const Visit& v, const std::string& p, const Traveller& tr);
  /// Every rule of trip `i` of the plan; fills trips_[i] with what the checker derives for it.
  void check_trip(std::size_t i);
  /// The legs of trip `i` chained in space, from home back home, and in time; returns which legs
  /// depart before the previous one arrives.
  std::vector<bool> check_leg_chain(std::size_t i, const Traveller& tr,
                                    const std::vector<LegInfo>& legs, bool timed);
  /// The visits of trip `i` on their own, and that no two share a day; fills trips_[i].visits.
  void check_visits(std::size_t i, const Traveller& tr);
  /// The trip's dates and days away against trips_[i]'s derived dates, max_trip_days, the
  /// horizon and the weekend rule; returns the days away.
  int check_trip_dates(std::size_t i, const Traveller& tr, int home);
  /// The trip's cost and CO2 against the cost model's price of its legs and derived stays.
  void check_trip_cost(std::size_t i, const Traveller& tr, const std::vector<LegInfo>& legs,
                       std::vector<Stay> stays, int days);
  /// Walks the stays in order along the legs. Fills `derived` with the stays the legs and visits
  /// imply and `back_at_home` with the day the traveller leaves a stop in the home city; returns
  /// false when the stays cannot be followed (then the trip is not priced).
  bool check_stops(std::size_t i, const Traveller& tr, int home, std::vector<LegInfo>& legs,
                   const std::vector<bool>& too_early, std::vector<Stay>& derived,
                   std::optional<Date>& back_at_home);
  /// The visits of trip `i` by the stay they belong to (a visit without a stay is a violation).
  std::vector<std::vector<std::size_t>> visits_by_stay(std::size_t i);
  /// The visits during stay `j` of trip `i` against the traveller's arrival there; returns the
  /// stay's last visit day (its stated departure when no visit takes place).
  Date check_stay_visits(std::size_t i, std::size_t j,
                         const std::vector<std::vector<std::size_t>>& visits_at, Date arrive,
                         Date earliest, const std::string& arrival_text);
  /// The connections, cabins and fares of each journey ([first, end) leg ranges) of trip `i`.
  void check_journeys(std::size_t i, const Traveller& tr, std::vector<LegInfo>& legs,
                      const std::vector<bool>& too_early,
                      const std::vector<std::pair<std::size_t, std::size_t>>& journeys);
  /// Trip ids T1, T2, ... in date order: departure, then return, then traveller id.
  void check_trip_order();
  /// No two trips of one traveller share a day; each traveller keeps max_days_away.
  void check_overlaps();

  // ---- clients, totals and budgets (plan_check_clients.cpp) ------------------------------

  /// What the checker derives for one client.
  struct ClientModel {
    std::vector<std::pair<std::size_t, std::size_t>> visits; // (trip, visit) in plan order
    Money base_value;
    Money remote_value;
    Money remote_cost;
    std::optional<std::size_t> remote_traveller; // allowed traveller with the lowest cost
    Money value;       // visited: the visit's value with a fair's uplift; remote: base value
    Money remote_left; // remote cost of the meetings a visit does not replace
  };
  std::vector<ClientModel> model_;
  /// Travellers with too many remote clients for the joint call schedule (no overlap rule).
  std::set<std::string> crowded_;

  /// The largest uplift of a fair at the client's place on day `d` (0 without one).
  double fair_uplift(const Client& c, const std::string& country, Date d) const;
  /// Fills model_ from the trips' visits, the value model and the remote cost model.
  void build_client_model();
  /// One decision per client, in input order, and no client visited twice.
  void check_clients();
  /// No traveller's weekly call series overlap (by the plan's call slots in the traveller's week).
  void check_call_overlaps();
  /// Client `c`'s decision at `P` against its visits and the value and remote cost models.
  void check_decision(std::size_t c, const ClientDecision& d, const std::string& P);
  /// The totals and the budget use against the sums over trips and clients, and the budgets.
  void check_totals();
};

} // namespace flyorcall::check::detail
