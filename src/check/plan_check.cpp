// The plan checker (docs/check.md). Everything a plan states is compared with what the input, the
// network, the business calendars and the cost model give for the plan's own choices: which
// traveller flies which legs on which days and visits whom. The planner (src/optimize) is never
// consulted; only the free calendar helpers of schedule.hpp are shared with it, so that both read
// public holidays and blackout events the same way.
#include "check/plan_check.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include "cost/remote_cost.hpp"
#include "cost/trip_cost.hpp"
#include "cost/value.hpp"
#include "flyorcall/flyorcall.hpp"
#include "flyorcall/limits.hpp"
#include "io/plan_reader.hpp"
#include "model/suggest.hpp"
#include "network/emissions.hpp"
#include "network/network.hpp"
#include "network/routes.hpp"
#include "optimize/schedule.hpp"
#include "time/calendar.hpp"
#include "time/holidays.hpp"
#include "time/zones.hpp"

namespace flyorcall::check {

namespace {

using std::chrono::minutes;

// The model's timing rules (docs/plan.md, section 1). They are the checker's own copy on purpose:
// a change of the planner's constants must show up here as violations, not silently pass.
constexpr int kLeaveHomeMin = 7 * 60;
constexpr int kSameDayVisitBeforeMin = 12 * 60;
constexpr int kSameDayVisitMaxJourneyMin = 4 * 60;
constexpr int kNightArrivalBeforeMin = 6 * 60;
constexpr int kLeaveStopMin = 18 * 60;

std::string str(std::size_t i) {
  return std::to_string(i);
}

std::string fmt_date(Date d) {
  return date::format("%F", d);
}

std::string fmt_weekday_date(Date d) {
  return fmt_date(d) + " (" +
         std::string(weekday_name(static_cast<int>(date::weekday{d}.c_encoding()))) + ")";
}

std::string fmt_money(Money m, const std::string& currency) {
  const std::int64_t c = m.count();
  const std::int64_t a = c < 0 ? -c : c;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s%lld.%02lld", c < 0 ? "-" : "", static_cast<long long>(a / 100),
                static_cast<long long>(a % 100));
  return std::string(buf) + " " + currency;
}

std::string fmt_kg(GramsCo2 g) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f kg", static_cast<double>(g.count()) / 1000.0);
  return buf;
}

std::string fmt_hm(std::int64_t min) {
  char buf[48];
  const std::int64_t a = min < 0 ? -min : min;
  std::snprintf(buf, sizeof buf, "%s%lldh%02lld", min < 0 ? "-" : "",
                static_cast<long long>(a / 60), static_cast<long long>(a % 60));
  return buf;
}

std::string fmt_clock(std::int64_t minute_of_day) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld", static_cast<long long>(minute_of_day / 60),
                static_cast<long long>(minute_of_day % 60));
  return buf;
}

/// CO2 as the plan JSON keeps it: kg rounded to 0.1 (half away from zero), back in grams.
GramsCo2 as_written(GramsCo2 g) {
  return GramsCo2(std::llround(static_cast<double>(g.count()) / 100.0) * 100);
}

double one_decimal(double x) {
  return std::round(x * 10.0) / 10.0;
}

date::local_days as_local(Date d) {
  return date::local_days{d.time_since_epoch()};
}

Date local_date(date::local_seconds t) {
  return Date{date::floor<date::days>(t).time_since_epoch()};
}

std::int64_t minute_of_day(date::local_seconds t) {
  return std::chrono::duration_cast<minutes>(t - date::floor<date::days>(t)).count();
}

std::string fmt_local(date::local_seconds t) {
  return timez::format_local(t);
}

std::optional<Cabin> parse_cabin(const std::string& s) {
  for (std::size_t k = 0; k < kCabinCount; ++k)
    if (kCabinNames[k] == s) return static_cast<Cabin>(k);
  return std::nullopt;
}

/// A leg of the plan resolved against the network.
struct LegInfo {
  int from = -1;
  int to = -1;
  const network::Leg* net = nullptr; ///< the network's leg, when it exists
  std::optional<Cabin> cabin;
  bool timed = false; ///< the plan gives its UTC departure
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

class Checker {
public:
  Checker(const Input& input, const report::PlanDocument& doc)
      : in_(input), doc_(doc), net_(network::Network::build(input)) {
    for (std::size_t i = 0; i < net_.legs().size(); ++i) {
      const network::Leg& l = net_.legs()[i];
      leg_index_.emplace(std::make_pair(l.from, l.to), i);
    }
    for (const City& c : net_.cities()) zones_.push_back(timez::find_zone(c.tz));
    for (const Traveller& t : in_.travellers) {
      traveller_by_id_.emplace(t.id, static_cast<int>(traveller_ids_.size()));
      traveller_ids_.push_back(t.id);
    }
    for (const Client& c : in_.clients) {
      client_by_id_.emplace(c.id, static_cast<int>(client_ids_.size()));
      client_ids_.push_back(c.id);
    }
  }

  std::vector<Violation> run() {
    check_header();
    trips_.resize(doc_.trips.size());
    for (std::size_t i = 0; i < doc_.trips.size(); ++i) check_trip(i);
    check_trip_order();
    check_overlaps();
    check_clients();
    check_totals();
    return std::move(out_);
  }

private:
  const Input& in_;
  const report::PlanDocument& doc_;
  network::Network net_;
  std::map<std::pair<int, int>, std::size_t> leg_index_;
  std::vector<const date::time_zone*> zones_;
  std::map<int, timez::BusinessCalendar> calendars_;
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

  const date::time_zone* zone(int city) const { return zones_[static_cast<std::size_t>(city)]; }

  /// Business days of a city: its country's weekend, public holidays (make-up days open) and the
  /// input's blackout and strike events there, over the horizon — as docs/plan.md defines them.
  const timez::BusinessCalendar& calendar(int city) {
    const auto it = calendars_.find(city);
    if (it != calendars_.end()) return it->second;
    const City& c = net_.city(city);
    const Country* country = net_.country_of(city);
    const optimize::PublicHolidays h = optimize::public_holidays(c.country, in_.horizon);
    std::vector<Date> closed = optimize::closed_dates(in_, c.code, c.country);
    closed.insert(closed.end(), h.closed.begin(), h.closed.end());
    return calendars_
        .emplace(city, timez::BusinessCalendar(country ? country->weekend : kSatSun,
                                               std::move(closed), h.open))
        .first->second;
  }

  /// Why a date is not a business day at a city: its weekend, a public holiday, or an event.
  std::string why_closed(int city, Date d) {
    const City& c = net_.city(city);
    const Country* country = net_.country_of(city);
    const WeekdayMask weekend = country ? country->weekend : kSatSun;
    if (timez::in_mask(weekend, date::weekday{d})) return "a weekend day in " + c.country;
    const int year = static_cast<int>(date::year_month_day{d}.year());
    if (year >= timez::kFirstHolidayYear && year <= timez::kLastHolidayYear) {
      if (const auto y = timez::holidays_in_year(c.country, year))
        for (const timez::Holiday& h : y->holidays)
          if (h.date == d) return "a public holiday in " + c.country + " (" + h.name + ")";
    }
    for (const Event& e : in_.events) {
      if (e.kind != EventKind::blackout && e.kind != EventKind::strike) continue;
      if (optimize::event_at(e, c.code, c.country) && e.dates.first <= d && d <= e.dates.last)
        return std::string("closed by the ") + std::string(event_kind_name(e.kind)) + " event \"" +
               e.title + "\"";
    }
    return "not a business day";
  }

  const network::RouteFinder& finder(std::size_t traveller) {
    auto& f = finders_[traveller];
    if (!f) {
      const Traveller& tr = in_.travellers[traveller];
      network::RouteParams params;
      params.cabin = tr.cabin;
      params.time_value_per_hour = cost::time_value_per_hour(tr);
      params.connection_penalty = in_.policy.connection_penalty;
      params.min_connection = in_.policy.min_connection;
      params.carbon_price_per_tonne = in_.policy.carbon_price_per_tonne;
      params.radiative_forcing = in_.policy.radiative_forcing;
      f = std::make_unique<network::RouteFinder>(net_, params);
    }
    return *f;
  }

  // ---- header ----------------------------------------------------------------------------

  void check_header() {
    if (doc_.currency != in_.currency)
      add("/currency", "plan input",
          "the plan is in " + doc_.currency + " but the input's currency is " + in_.currency);
    if (!doc_.label.empty() && doc_.label != in_.label)
      add("/label", "plan input",
          "the plan is labelled \"" + doc_.label + "\" but the input is \"" + in_.label + "\"");
    if (!doc_.horizon)
      add("/horizon", "plan input", "missing: the plan must state its horizon");
    else if (doc_.horizon->first != in_.horizon.first || doc_.horizon->last != in_.horizon.last)
      add("/horizon", "plan input",
          "the plan's horizon " + fmt_date(doc_.horizon->first) + ".." +
              fmt_date(doc_.horizon->last) + " is not the input's " + fmt_date(in_.horizon.first) +
              ".." + fmt_date(in_.horizon.last));
  }

  // ---- legs ------------------------------------------------------------------------------

  LegInfo resolve_leg(const report::PlanLeg& l, const std::string& p) {
    LegInfo li;
    li.from = city_of(l.from);
    li.to = city_of(l.to);
    if (li.from < 0)
      add(p + "/from", "network leg",
          "unknown city \"" + l.from + "\"" + did_you_mean(l.from, net_.codes()));
    if (li.to < 0)
      add(p + "/to", "network leg",
          "unknown city \"" + l.to + "\"" + did_you_mean(l.to, net_.codes()));
    li.cabin = parse_cabin(l.cabin);
    if (!li.cabin)
      add(p + "/cabin", "network leg",
          "unknown cabin \"" + l.cabin + "\" (expected economy, premium, business or first)");
    if (li.from >= 0 && li.to >= 0) {
      const auto it = leg_index_.find({li.from, li.to});
      if (it == leg_index_.end())
        add(p, "network leg", "the network has no flight from " + l.from + " to " + l.to);
      else
        li.net = &net_.legs()[it->second];
    }
    Minutes block(l.block_min);
    double km = l.km;
    Money fare = l.fare;
    GramsCo2 co2 = l.co2;
    if (li.net) {
      const network::Leg& n = *li.net;
      if (l.block_min != n.block.count())
        add(p + "/block_min", "network leg",
            "block time " + std::to_string(l.block_min) + " min, but the network's " + l.from +
                "-" + l.to + " takes " + std::to_string(n.block.count()) + " min");
      if (std::abs(l.km - one_decimal(n.km)) > 1e-6)
        add(p + "/km", "network leg",
            "distance " + std::to_string(l.km) + " km, but " + l.from + "-" + l.to + " is " +
                std::to_string(one_decimal(n.km)) + " km");
      block = n.block;
      km = n.km;
      if (li.cabin) {
        const GramsCo2 net_co2 =
            network::leg_co2(n.km, n.category, *li.cabin, in_.policy.radiative_forcing);
        if (l.co2 != as_written(net_co2))
          add(p + "/co2_kg", "network leg",
              "CO2 " + fmt_kg(l.co2) + ", but " + l.cabin + " on " + l.from + "-" + l.to +
                  " emits " + fmt_kg(as_written(net_co2)) + " per passenger");
        co2 = net_co2;
      }
    }
    // Times: the UTC departure is the plan's choice; everything else follows from it.
    if (!l.depart_utc) {
      add(p + "/depart_utc", "leg times", "missing: every leg needs its UTC departure");
    } else {
      li.timed = true;
      li.depart = *l.depart_utc;
      li.arrive = li.depart + minutes(block.count());
      if (!l.arrive_utc)
        add(p + "/arrive_utc", "leg times", "missing: every leg needs its UTC arrival");
      else if (*l.arrive_utc != li.arrive)
        add(p + "/arrive_utc", "leg times",
            "arrives " + date::format("%FT%RZ", *l.arrive_utc) + ", but a departure at " +
                date::format("%FT%RZ", li.depart) + " plus the block time of " +
                std::to_string(block.count()) + " min arrives " +
                date::format("%FT%RZ", li.arrive));
      const auto local_check = [&](int city, const std::string& tz_name, const char* tz_key,
                                   const std::optional<report::LocalTime>& local,
                                   const char* local_key, Instant at) {
        if (city < 0) return;
        const City& c = net_.city(city);
        if (tz_name != c.tz)
          add(p + "/" + tz_key, "leg times",
              "zone \"" + tz_name + "\", but " + c.code + " is in " + c.tz);
        if (zone(city) == nullptr) return;
        const date::local_seconds want = timez::to_local(at, zone(city));
        if (!local)
          add(p + "/" + local_key, "leg times", "missing: expected " + fmt_local(want));
        else if (*local != want)
          add(p + "/" + local_key, "leg times",
              fmt_local(*local) + " local, but " + date::format("%FT%RZ", at) + " is " +
                  fmt_local(want) + " in " + c.tz);
      };
      local_check(li.from, l.tz_from, "tz_from", l.depart_local, "depart_local", li.depart);
      local_check(li.to, l.tz_to, "tz_to", l.arrive_local, "arrive_local", li.arrive);
    }
    li.priced.from = l.from;
    li.priced.to = l.to;
    li.priced.depart = li.depart;
    li.priced.arrive = li.arrive;
    li.priced.block = block;
    li.priced.km = km;
    li.priced.cabin = li.cabin.value_or(Cabin::economy);
    li.priced.fare = fare;
    li.priced.co2 = co2;
    return li;
  }

  // ---- visits ----------------------------------------------------------------------------

  VisitInfo resolve_visit(const report::PlanVisit& v, const std::string& p, const Traveller& tr) {
    VisitInfo vi;
    vi.first = v.date;
    vi.last = v.date;
    vi.client = client_index(v.client);
    if (vi.client < 0) {
      add(p + "/client", "visit",
          "unknown client \"" + v.client + "\"" + did_you_mean(v.client, client_ids_));
      return vi;
    }
    const Client& c = in_.clients[static_cast<std::size_t>(vi.client)];
    if (v.city != c.city)
      add(p + "/city", "visit city",
          "client " + c.id + " is in " + c.city + ", not in \"" + v.city + "\"");
    if (v.days != c.visit_days)
      add(p + "/days", "visit_days",
          "a visit of " + std::to_string(v.days) + " days, but client " + c.id + " takes " +
              std::to_string(c.visit_days));
    if (!c.travellers.empty() &&
        std::find(c.travellers.begin(), c.travellers.end(), tr.id) == c.travellers.end()) {
      std::string who;
      for (const std::string& id : c.travellers) who += (who.empty() ? "" : ", ") + id;
      add(p, "travellers",
          "client " + c.id + " may be visited only by " + who + ", not by " + tr.id);
    }
    const DateRange& h = in_.horizon;
    if (v.date < h.first || v.date > h.last) {
      add(p + "/date", "horizon",
          "the visit on " + fmt_date(v.date) + " is outside the horizon " + fmt_date(h.first) +
              ".." + fmt_date(h.last));
      return vi;
    }
    const int city = city_of(c.city);
    const timez::BusinessCalendar& cal = calendar(city);
    if (!cal.is_business_day(v.date))
      add(p + "/date", "business days",
          fmt_weekday_date(v.date) + " is not a business day of client " + c.id + " in " + c.city +
              ": " + why_closed(city, v.date));
    // visit_days consecutive business days of the client's place from the first day on.
    for (int k = 1; k < c.visit_days; ++k) {
      const auto next = cal.next_business_day(vi.last + date::days{1}, h.last);
      if (!next) {
        add(p + "/date", "horizon",
            "the " + std::to_string(c.visit_days) + " business days on site from " +
                fmt_date(v.date) + " do not end by the horizon's last day " + fmt_date(h.last));
        break;
      }
      vi.last = *next;
    }
    if (!c.availability.empty() &&
        std::none_of(c.availability.begin(), c.availability.end(), [&](const DateRange& w) {
          return w.first <= vi.first && vi.last <= w.last;
        })) {
      std::string windows;
      for (const DateRange& w : c.availability)
        windows += (windows.empty() ? "" : ", ") + fmt_date(w.first) + ".." + fmt_date(w.last);
      add(p + "/date", "availability",
          "the visit " + fmt_date(vi.first) + ".." + fmt_date(vi.last) +
              " is not inside one availability window of client " + c.id + " (" + windows + ")");
    }
    return vi;
  }

  // ---- trips -----------------------------------------------------------------------------

  void check_trip(std::size_t i) {
    const report::PlanTrip& t = doc_.trips[i];
    const std::string P = "/trips/" + str(i);
    TripInfo& info = trips_[i];
    info.depart = t.depart;
    info.back = t.back;
    info.days_away = t.days_away;
    info.cost = t.cost;
    info.co2_flights = t.co2_flights;
    info.co2_hotel = t.co2_hotel;
    info.co2_total = t.co2_total;

    info.traveller = traveller_index(t.traveller);
    if (info.traveller < 0) {
      add(P + "/traveller", "traveller",
          "unknown traveller \"" + t.traveller + "\"" + did_you_mean(t.traveller, traveller_ids_));
      return;
    }
    const auto tix = static_cast<std::size_t>(info.traveller);
    const Traveller& tr = in_.travellers[tix];
    const int home = city_of(tr.home);
    const date::time_zone* home_zone = zone(home);

    std::vector<LegInfo> legs;
    bool cities_known = true;
    bool timed = home_zone != nullptr;
    for (std::size_t k = 0; k < t.legs.size(); ++k) {
      legs.push_back(resolve_leg(t.legs[k], P + "/legs/" + str(k)));
      cities_known = cities_known && legs.back().from >= 0 && legs.back().to >= 0;
      timed = timed && legs.back().timed;
    }
    const std::size_t L = legs.size();

    // The legs chain in space, from home back home.
    if (L > 0) {
      if (t.legs.front().from != tr.home)
        add(P + "/legs/0/from", "home",
            "the trip leaves from " + t.legs.front().from + ", but " + tr.id + "'s home is " +
                tr.home);
      for (std::size_t k = 1; k < L; ++k)
        if (t.legs[k].from != t.legs[k - 1].to)
          add(P + "/legs/" + str(k) + "/from", "legs chain",
              "the leg leaves from " + t.legs[k].from + ", but the previous leg arrived in " +
                  t.legs[k - 1].to);
      if (t.legs.back().to != tr.home)
        add(P + "/legs/" + str(L - 1) + "/to", "home",
            "the trip ends in " + t.legs.back().to + ", but " + tr.id + "'s home is " + tr.home);
    }
    // ... and in time.
    std::vector<bool> too_early(L, false);
    if (timed)
      for (std::size_t k = 1; k < L; ++k)
        if (legs[k].depart < legs[k - 1].arrive) {
          too_early[k] = true;
          add(P + "/legs/" + str(k) + "/depart_utc", "legs chain",
              "the leg departs " + date::format("%FT%RZ", legs[k].depart) +
                  ", before the previous leg arrives " +
                  date::format("%FT%RZ", legs[k - 1].arrive));
        }

    // Visits on their own: client, city, days, who, business days, availability, horizon.
    for (std::size_t k = 0; k < t.visits.size(); ++k)
      info.visits.push_back(resolve_visit(t.visits[k], P + "/visits/" + str(k), tr));
    for (std::size_t k = 1; k < info.visits.size(); ++k)
      for (std::size_t j = 0; j < k; ++j)
        if (info.visits[k].first <= info.visits[j].last &&
            info.visits[j].first <= info.visits[k].last) {
          add(P + "/visits/" + str(k) + "/date", "visit days overlap",
              "the visit " + fmt_date(info.visits[k].first) + ".." + fmt_date(info.visits[k].last) +
                  " shares a day with visit " + str(j) + " (" + fmt_date(info.visits[j].first) +
                  ".." + fmt_date(info.visits[j].last) + ")");
          break;
        }

    // The trip leaves home with its first flight, or starts with a client in the home city (then
    // its departure date is the plan's choice); it is back home when the last flight lands, or
    // at 18:00 of the last visit day of a client in the home city that ends it.
    const bool starts_at_home = !t.stays.empty() && t.stays.front().city == tr.home;
    const bool ends_at_home = !t.stays.empty() && t.stays.back().city == tr.home;
    std::optional<Date> depart_flight;
    std::optional<Date> back_flight;
    if (timed && L > 0) {
      const date::local_seconds leave = timez::to_local(legs.front().depart, home_zone);
      if (!starts_at_home) {
        depart_flight = local_date(leave);
        if (minute_of_day(leave) < kLeaveHomeMin)
          add(P + "/legs/0/depart_utc", "leave home 07:00",
              "the first flight leaves " + tr.home + " at " + fmt_clock(minute_of_day(leave)) +
                  " local, before the traveller leaves home at 07:00");
      }
      if (!ends_at_home) back_flight = local_date(timez::to_local(legs.back().arrive, home_zone));
    }
    info.depart = depart_flight.value_or(t.depart);
    info.back = back_flight.value_or(t.back);

    // Stops: stays, the traveller's presence on the visit days, connections, cabins.
    std::vector<Stay> stays;
    std::optional<Date> back_stop;
    const bool stops_ok =
        cities_known && timed && check_stops(i, tr, home, legs, too_early, stays, back_stop);
    if (ends_at_home && back_stop) info.back = *back_stop;
    const Date depart = info.depart;
    const Date back = info.back;
    if (t.depart != depart)
      add(P + "/depart", "trip dates",
          "departs " + fmt_date(t.depart) + ", but the first flight leaves " + tr.home + " on " +
              fmt_date(depart) + " local");
    if (t.back != back)
      add(P + "/back", "trip dates",
          "back " + fmt_date(t.back) + ", but the traveller is back home in " + tr.home + " on " +
              fmt_date(back) + " local");
    const int days = static_cast<int>((back - depart).count()) + 1;
    info.days_away = days;
    if (t.days_away != days)
      add(P + "/days_away", "days_away",
          std::to_string(t.days_away) + " days away, but " + fmt_date(depart) + ".." +
              fmt_date(back) + " is " + std::to_string(days) + " days (back - depart + 1)");
    if (days > tr.max_trip_days)
      add(P + "/days_away", "max_trip_days",
          "the trip lasts " + std::to_string(days) + " days, more than max_trip_days " +
              std::to_string(tr.max_trip_days) + " of " + tr.id);
    if (depart < in_.horizon.first)
      add(P + "/depart", "horizon",
          "the trip leaves on " + fmt_date(depart) + ", before the horizon starts on " +
              fmt_date(in_.horizon.first));
    if (back > in_.horizon.last)
      add(P + "/back", "horizon",
          "the trip ends on " + fmt_date(back) + ", after the horizon ends on " +
              fmt_date(in_.horizon.last));
    if (tr.weekend == WeekendRule::home) {
      const Country* country = net_.country_of(home);
      const WeekdayMask weekend = country ? country->weekend : kSatSun;
      for (Date d = depart + date::days{1}; d < back; d += date::days{1})
        if (timez::in_mask(weekend, date::weekday{d})) {
          add(P, "weekend rule home",
              "the trip keeps " + tr.id + " away over the weekend day " + fmt_weekday_date(d) +
                  " (weekend rule \"home\")");
          break;
        }
    }

    // Cost and CO2: the trip rebuilt from the plan's legs, the derived stays and dates, priced by
    // the cost model.
    // A trip longer than any horizon (legs dated years apart) is already a violation; pricing it
    // day by day would only take time.
    if (!stops_ok || days > limits::kMaxHorizonDays) return;
    // Nor are stays that end before they start or last longer than any horizon (a leg dated
    // years away in the middle of a trip).
    if (std::any_of(stays.begin(), stays.end(), [](const Stay& s) {
          return s.hotel_nights < 0 || s.hotel_nights > limits::kMaxHorizonDays;
        }))
      return;
    Trip trip;
    trip.traveller_id = tr.id;
    trip.depart = depart;
    trip.back = back;
    trip.days_away = days;
    for (const LegInfo& l : legs) trip.legs.push_back(l.priced);
    trip.stays = std::move(stays);
    cost::price_trip(trip, net_, tr, in_.policy);
    info.priced = true;
    info.cost = trip.cost;
    info.co2_flights = trip.co2_flights;
    info.co2_hotel = trip.co2_hotel;
    info.co2_total = trip.co2();
    const auto money_field = [&](const char* key, Money written, Money derived) {
      if (written != derived)
        add(P + "/cost/" + key, "trip cost",
            std::string(key) + " " + fmt_money(written, cur()) + ", but the cost model prices " +
                fmt_money(derived, cur()) + " for this trip");
    };
    money_field("flights", t.cost.flights, trip.cost.flights);
    money_field("hotel", t.cost.hotel, trip.cost.hotel);
    money_field("per_diem", t.cost.per_diem, trip.cost.per_diem);
    money_field("traveller_time", t.cost.traveller_time, trip.cost.traveller_time);
    money_field("jetlag", t.cost.jetlag, trip.cost.jetlag);
    money_field("carbon", t.cost.carbon, trip.cost.carbon);
    const auto co2_field = [&](const char* key, GramsCo2 written, GramsCo2 derived) {
      if (written != as_written(derived))
        add(P + "/co2_kg/" + key, "trip co2",
            std::string(key) + " " + fmt_kg(written) + ", but the trip emits " +
                fmt_kg(as_written(derived)));
    };
    co2_field("flights", t.co2_flights, trip.co2_flights);
    co2_field("hotel", t.co2_hotel, trip.co2_hotel);
    co2_field("total", t.co2_total, trip.co2());
  }

  /// Walks the stays in order along the legs. Fills `derived` with the stays the legs and visits
  /// imply and `back_at_home` with the day the traveller leaves a stop in the home city; returns
  /// false when the stays cannot be followed (then the trip is not priced).
  bool check_stops(std::size_t i, const Traveller& tr, int home, std::vector<LegInfo>& legs,
                   const std::vector<bool>& too_early, std::vector<Stay>& derived,
                   std::optional<Date>& back_at_home) {
    const report::PlanTrip& t = doc_.trips[i];
    const std::string P = "/trips/" + str(i);
    TripInfo& info = trips_[i];
    const std::size_t L = legs.size();
    const std::size_t S = t.stays.size();

    // Each visit belongs to a stay in its city: the one whose stated dates contain it, else the
    // first one in that city; visits and stays go forward together.
    std::vector<std::vector<std::size_t>> visits_at(S);
    std::size_t from_stay = 0;
    for (std::size_t k = 0; k < t.visits.size(); ++k) {
      const VisitInfo& v = info.visits[k];
      std::optional<std::size_t> at;
      for (std::size_t j = from_stay; j < S; ++j) {
        if (t.stays[j].city != t.visits[k].city) continue;
        if (!at) at = j;
        if (t.stays[j].arrive <= v.first && v.last <= t.stays[j].depart) {
          at = j;
          break;
        }
      }
      if (!at) {
        add(P + "/visits/" + str(k), "traveller there",
            "the trip has no stay in " + t.visits[k].city + " for this visit");
        continue;
      }
      visits_at[*at].push_back(k);
      from_stay = *at;
    }

    std::vector<std::pair<std::size_t, std::size_t>> journeys; // [first, last) leg ranges
    std::size_t p = 0;
    int at = home;
    Date previous_last{};
    for (std::size_t j = 0; j < S; ++j) {
      const report::PlanStay& s = t.stays[j];
      const std::string SP = P + "/stays/" + str(j);
      const int city = city_of(s.city);
      if (city < 0) {
        add(SP + "/city", "stays",
            "unknown city \"" + s.city + "\"" + did_you_mean(s.city, net_.codes()));
        return false;
      }
      const date::time_zone* z = zone(city);
      if (z == nullptr) return false;
      Date arrive;
      Date earliest;
      bool night = false;
      std::string arrival_text;
      if (city != at) {
        const std::size_t start = p;
        while (p < L && legs[p].to != city) ++p;
        if (p == L) {
          add(SP, "stays", "no flight of the trip arrives in " + s.city + " for this stay");
          return false;
        }
        journeys.emplace_back(start, p + 1);
        const date::local_seconds local = timez::to_local(legs[p].arrive, z);
        const auto journey =
            std::chrono::duration_cast<minutes>(legs[p].arrive - legs[start].depart);
        arrive = local_date(local);
        const std::int64_t tod = minute_of_day(local);
        night = tod < kNightArrivalBeforeMin;
        const bool same_day =
            tod < kSameDayVisitBeforeMin && journey.count() <= kSameDayVisitMaxJourneyMin;
        earliest = arrive + date::days{same_day ? 0 : 1};
        arrival_text = "the traveller lands in " + s.city + " at " + fmt_local(local) +
                       " after a journey of " + fmt_hm(journey.count());
        ++p;
      } else if (j == 0) {
        // The first stop is the home city itself: the traveller starts there at 07:00.
        arrive = info.depart;
        earliest = info.depart;
        arrival_text = "the traveller starts at home in " + s.city + " on " + fmt_date(arrive);
      } else {
        // Another client in the same city: the traveller is there from 18:00 of the previous
        // stop's last visit day.
        arrive = previous_last;
        earliest = previous_last + date::days{1};
        arrival_text = "the traveller is free in " + s.city + " from 18:00 on " + fmt_date(arrive);
      }
      if (s.arrive != arrive)
        add(SP + "/arrive", "stays",
            "arrives " + fmt_date(s.arrive) + ", but " + arrival_text + " (" + fmt_date(arrive) +
                ")");

      Date last = s.depart;
      if (visits_at[j].empty()) {
        add(SP, "stays", "no visit takes place during this stay in " + s.city);
      } else {
        last = info.visits[visits_at[j].front()].last;
        for (const std::size_t k : visits_at[j]) {
          const VisitInfo& v = info.visits[k];
          last = std::max(last, v.last);
          if (v.first < arrive)
            add(P + "/visits/" + str(k) + "/date", "traveller there",
                "the visit starts " + fmt_date(v.first) + ", but " + arrival_text);
          else if (v.first < earliest)
            add(P + "/visits/" + str(k) + "/date", "arrival rule",
                "the visit starts " + fmt_date(v.first) + ", but " + arrival_text +
                    ", so it can start on " + fmt_date(earliest) +
                    " at the earliest (the same day only after arriving before 12:00 from a "
                    "journey of at most 4 h)");
        }
      }

      // Leaving: by the next flight, unless the next stay is in the same city.
      const bool stays_in_city = j + 1 < S && t.stays[j + 1].city == s.city;
      Date leave_date = last;
      if (!stays_in_city && p < L) {
        const date::local_seconds leave = timez::to_local(legs[p].depart, z);
        leave_date = local_date(leave);
        bool before_visit = false;
        for (const std::size_t k : visits_at[j])
          if (info.visits[k].last > leave_date) {
            before_visit = true;
            add(P + "/visits/" + str(k) + "/date", "traveller there",
                "the visit lasts until " + fmt_date(info.visits[k].last) +
                    ", but the traveller leaves " + s.city + " at " + fmt_local(leave));
          }
        if (!before_visit && !visits_at[j].empty() &&
            leave < as_local(last) + minutes(kLeaveStopMin))
          add(P + "/legs/" + str(p) + "/depart_utc", "leave stop 18:00",
              "the traveller leaves " + s.city + " at " + fmt_local(leave) +
                  " local, before 18:00 of the last visit day " + fmt_date(last));
      }
      if (s.depart != leave_date)
        add(SP + "/depart", "stays",
            "departs " + fmt_date(s.depart) + ", but the traveller leaves " + s.city + " on " +
                fmt_date(leave_date));
      const int nights =
          city == home ? 0 : static_cast<int>((leave_date - arrive).count()) + (night ? 1 : 0);
      if (s.hotel_nights != nights)
        add(SP + "/hotel_nights", "hotel nights",
            std::to_string(s.hotel_nights) + " hotel nights, but " + fmt_date(arrive) + ".." +
                fmt_date(leave_date) + " in " + s.city + " is " + std::to_string(nights) +
                (city == home ? " (no hotel at home)"
                 : night      ? " (a night arrival before 06:00 needs the room from the "
                                "night before)"
                              : ""));
      Stay st;
      st.city = s.city;
      st.arrive = arrive;
      st.depart = leave_date;
      st.hotel_nights = nights;
      derived.push_back(std::move(st));
      if (city == home) back_at_home = leave_date;
      at = city;
      previous_last = last;
    }
    if (at != home) {
      if (p == L) {
        add(P + "/legs", "home", "no flight brings " + tr.id + " home to " + tr.home);
        return false;
      }
      journeys.emplace_back(p, L);
    } else if (p < L) {
      add(P + "/legs/" + str(p), "stays",
          "a flight after the trip's last stop without a stay to " + doc_.trips[i].legs[p].to);
      return false;
    }

    // Connections inside a journey, and one cabin per journey by the traveller's cabin rule.
    const Minutes min_connection = in_.policy.min_connection;
    for (const auto& [first, end] : journeys) {
      for (std::size_t k = first + 1; k < end; ++k) {
        if (too_early[k]) continue;
        const auto gap = std::chrono::duration_cast<minutes>(legs[k].depart - legs[k - 1].arrive);
        if (gap.count() < min_connection.count())
          add(P + "/legs/" + str(k) + "/depart_utc", "min_connection",
              "a connection of " + std::to_string(gap.count()) + " min in " + t.legs[k].from +
                  ", less than min_connection " + std::to_string(min_connection.count()) + " min");
      }
      check_cabins(i, tr, legs, first, end);
      check_fares(i, legs, first, end);
    }
    return true;
  }

  /// A journey is sold from its origin to its destination (Network::journey_fare); each leg
  /// carries its share of that fare. The legs' fares are the network's when the journey is on
  /// the network's legs in one cabin; they price the trip either way.
  void check_fares(std::size_t i, std::vector<LegInfo>& legs, std::size_t first, std::size_t end) {
    const report::PlanTrip& t = doc_.trips[i];
    std::vector<const network::Leg*> net_legs;
    for (std::size_t k = first; k < end; ++k) {
      if (!legs[k].net || !legs[k].cabin || *legs[k].cabin != *legs[first].cabin) return;
      net_legs.push_back(legs[k].net);
    }
    const Cabin cabin = *legs[first].cabin;
    const std::vector<Money> fares = net_.journey_leg_fares(cabin, net_legs);
    Money journey{0};
    for (const Money f : fares) journey += f;
    const std::string name = t.legs[first].from + "-" + t.legs[end - 1].to;
    for (std::size_t k = first; k < end; ++k) {
      const Money want = fares[k - first];
      legs[k].priced.fare = want;
      if (t.legs[k].fare == want) continue;
      std::string msg = "fare " + fmt_money(t.legs[k].fare, cur()) + ", but the network's " +
                        t.legs[k].cabin + " fare of " + name + " is " + fmt_money(journey, cur());
      if (end - first > 1) msg += ", of which this leg carries " + fmt_money(want, cur());
      add("/trips/" + str(i) + "/legs/" + str(k) + "/fare", "network fare", msg);
    }
  }

  void check_cabins(std::size_t i, const Traveller& tr, const std::vector<LegInfo>& legs,
                    std::size_t first, std::size_t end) {
    const std::string P = "/trips/" + str(i) + "/legs/";
    const report::PlanTrip& t = doc_.trips[i];
    if (!legs[first].cabin) return;
    const Cabin cabin = *legs[first].cabin;
    Minutes flying{0};
    for (std::size_t k = first; k < end; ++k) {
      flying += legs[k].priced.block;
      if (legs[k].cabin && *legs[k].cabin != cabin) {
        add(P + str(k) + "/cabin", "cabin rule",
            "one journey is flown in one cabin: this leg is " + t.legs[k].cabin +
                ", the journey's first leg " + t.legs[first].cabin);
        return;
      }
    }
    const CabinRule& rule = tr.cabin;
    const std::string journey = t.legs[first].from + "-" + t.legs[end - 1].to;
    const std::string cabin_text(cabin_name(cabin));
    if (!rule.upgrade_above || rule.base == rule.upgraded) {
      if (cabin != rule.base)
        add(P + str(first) + "/cabin", "cabin rule",
            tr.id + " flies " + std::string(cabin_name(rule.base)) + ", not " + cabin_text);
      return;
    }
    const Minutes threshold = *rule.upgrade_above;
    if (cabin == rule.base) {
      if (flying > threshold)
        add(P + str(first) + "/cabin", "cabin rule",
            "the journey " + journey + " flies " + fmt_hm(flying.count()) + ", more than " +
                fmt_hm(threshold.count()) + ": " + tr.id + "'s cabin rule books " +
                std::string(cabin_name(rule.upgraded)));
    } else if (cabin == rule.upgraded) {
      if (flying > threshold) return;
      // The rule looks at the journey's best route in the base cabin: a faster upgraded route
      // may well fly less than the threshold.
      const network::Route base = finder(static_cast<std::size_t>(trips_[i].traveller))
                                      .best(legs[first].from, legs[end - 1].to);
      Minutes base_flying{0};
      for (const network::RouteLeg& l : base.legs) base_flying += l.block;
      if (!base.reachable || base_flying <= threshold)
        add(P + str(first) + "/cabin", "cabin rule",
            "the journey " + journey + " flies " + fmt_hm(flying.count()) + " (its best " +
                std::string(cabin_name(rule.base)) + " route " + fmt_hm(base_flying.count()) +
                "), not more than " + fmt_hm(threshold.count()) + ": " + tr.id +
                "'s cabin rule books " + std::string(cabin_name(rule.base)));
    } else {
      add(P + str(first) + "/cabin", "cabin rule",
          tr.id + " flies " + std::string(cabin_name(rule.base)) + " or " +
              std::string(cabin_name(rule.upgraded)) + ", not " + cabin_text);
    }
  }

  /// Trip ids T1, T2, ... in date order: departure, then return, then traveller id.
  void check_trip_order() {
    for (std::size_t i = 0; i < doc_.trips.size(); ++i) {
      const std::string want = "T" + str(i + 1);
      if (doc_.trips[i].id != want)
        add("/trips/" + str(i) + "/id", "trip ids",
            "trip " + str(i + 1) + " has id \"" + doc_.trips[i].id + "\", expected \"" + want +
                "\"");
      if (i == 0) continue;
      const TripInfo& a = trips_[i - 1];
      const TripInfo& b = trips_[i];
      const auto key = [](const TripInfo& x, const std::string& who) {
        return std::make_tuple(x.depart, x.back, who);
      };
      if (key(b, doc_.trips[i].traveller) < key(a, doc_.trips[i - 1].traveller))
        add("/trips/" + str(i) + "/depart", "trip ids",
            "trips are listed in date order (departure, return, traveller), but this one (" +
                fmt_date(b.depart) + ".." + fmt_date(b.back) + ") comes after " +
                doc_.trips[i - 1].id + " (" + fmt_date(a.depart) + ".." + fmt_date(a.back) + ")");
    }
  }

  /// No two trips of one traveller share a day; each traveller keeps max_days_away.
  void check_overlaps() {
    for (std::size_t t = 0; t < in_.travellers.size(); ++t) {
      std::vector<std::size_t> mine;
      for (std::size_t i = 0; i < trips_.size(); ++i)
        if (trips_[i].traveller == static_cast<int>(t)) mine.push_back(i);
      std::stable_sort(mine.begin(), mine.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(trips_[a].depart, trips_[a].back) <
               std::tie(trips_[b].depart, trips_[b].back);
      });
      std::optional<std::size_t> latest; // the trip ending last so far
      int days = 0;
      bool over = false;
      const Traveller& tr = in_.travellers[t];
      for (const std::size_t i : mine) {
        if (latest && trips_[i].depart <= trips_[*latest].back)
          add("/trips/" + str(i) + "/depart", "non-overlapping trips",
              "the trip " + fmt_date(trips_[i].depart) + ".." + fmt_date(trips_[i].back) +
                  " overlaps " + doc_.trips[*latest].id + " (" + fmt_date(trips_[*latest].depart) +
                  ".." + fmt_date(trips_[*latest].back) + ") of " + tr.id);
        if (!latest || trips_[i].back > trips_[*latest].back) latest = i;
        days += trips_[i].days_away;
        if (!over && days > tr.max_days_away) {
          over = true;
          add("/trips/" + str(i) + "/days_away", "max_days_away",
              tr.id + " is away " + std::to_string(days) + " days up to this trip, more than " +
                  "max_days_away " + std::to_string(tr.max_days_away));
        }
      }
    }
  }

  // ---- clients ---------------------------------------------------------------------------

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

  double fair_uplift(const Client& c, const std::string& country, Date d) const {
    double best = 0;
    for (const Event& e : in_.events)
      if (e.kind == EventKind::fair && optimize::event_at(e, c.city, country) &&
          e.dates.first <= d && d <= e.dates.last)
        best = std::max(best, e.value_uplift);
    return best;
  }

  void build_client_model() {
    model_.resize(in_.clients.size());
    for (std::size_t i = 0; i < trips_.size(); ++i)
      for (std::size_t k = 0; k < trips_[i].visits.size(); ++k)
        if (trips_[i].visits[k].client >= 0)
          model_[static_cast<std::size_t>(trips_[i].visits[k].client)].visits.emplace_back(i, k);
    for (std::size_t c = 0; c < in_.clients.size(); ++c) {
      const Client& client = in_.clients[c];
      ClientModel& m = model_[c];
      const int city = city_of(client.city);
      m.base_value = cost::visit_value(client);
      m.remote_value = cost::remote_value(client, in_.policy);
      // The calls are run by the allowed traveller with the lowest remote cost (ties: input
      // order).
      for (std::size_t t = 0; t < in_.travellers.size(); ++t) {
        const Traveller& tr = in_.travellers[t];
        if (!client.travellers.empty() &&
            std::find(client.travellers.begin(), client.travellers.end(), tr.id) ==
                client.travellers.end())
          continue;
        const cost::RemoteCost rc = cost::remote_cost(client, tr, net_, in_.policy, in_.horizon,
                                                      calendar(city), calendar(city_of(tr.home)));
        if (!m.remote_traveller || rc.total() < m.remote_cost) {
          m.remote_traveller = t;
          m.remote_cost = rc.total();
        }
      }
      const int meetings = client.remote_meetings;
      const int left = std::max(0, meetings - in_.policy.visit_replaces_meetings);
      m.remote_left =
          meetings > 0 ? scale(m.remote_cost, static_cast<double>(left) / meetings) : Money{0};
      m.value = m.base_value;
      if (!m.visits.empty()) {
        const auto [ti, vk] = m.visits.front();
        m.value = scale(m.base_value, 1.0 + fair_uplift(client, net_.city(city).country,
                                                        trips_[ti].visits[vk].first));
      }
    }
  }

  void check_clients() {
    build_client_model();
    if (doc_.clients.size() != in_.clients.size())
      add("/clients", "clients",
          "the plan has " + str(doc_.clients.size()) + " client decisions for the input's " +
              str(in_.clients.size()) + " clients");
    // A client visited more than once.
    for (std::size_t c = 0; c < in_.clients.size(); ++c)
      for (std::size_t n = 1; n < model_[c].visits.size(); ++n) {
        const auto [ti, vk] = model_[c].visits[n];
        const auto [t0, v0] = model_[c].visits.front();
        add("/trips/" + str(ti) + "/visits/" + str(vk) + "/client", "visit",
            "client " + in_.clients[c].id + " is already visited on " + doc_.trips[t0].id +
                (t0 == ti ? " (visit " + str(v0) + ")" : std::string()));
      }
    for (std::size_t i = 0; i < doc_.clients.size(); ++i) {
      const report::PlanClient& d = doc_.clients[i];
      const std::string P = "/clients/" + str(i);
      const int c = client_index(d.id);
      if (c < 0) {
        add(P + "/id", "clients",
            "unknown client \"" + d.id + "\"" + did_you_mean(d.id, client_ids_));
        continue;
      }
      if (static_cast<std::size_t>(c) != i)
        add(P + "/id", "clients",
            "decisions follow the input's client order: expected \"" +
                (i < in_.clients.size() ? in_.clients[i].id : std::string("(none)")) +
                "\" here, found \"" + d.id + "\"");
      if (!d.name.empty() && d.name != in_.clients[static_cast<std::size_t>(c)].name)
        add(P + "/name", "clients",
            "name \"" + d.name + "\", but the input calls client " + d.id + " \"" +
                in_.clients[static_cast<std::size_t>(c)].name + "\"");
      for (std::size_t j = 0; j < i; ++j)
        if (doc_.clients[j].id == d.id) {
          add(P + "/id", "clients", "a second decision for client " + d.id);
          break;
        }
      check_decision(static_cast<std::size_t>(c), d, P);
    }
    for (std::size_t c = 0; c < in_.clients.size(); ++c)
      if (std::none_of(doc_.clients.begin(), doc_.clients.end(),
                       [&](const report::PlanClient& d) { return d.id == in_.clients[c].id; }))
        add("/clients", "clients", "no decision for client " + in_.clients[c].id);
  }

  void check_decision(std::size_t c, const report::PlanClient& d, const std::string& P) {
    const Client& client = in_.clients[c];
    const ClientModel& m = model_[c];
    if (d.visit) {
      if (m.visits.empty()) {
        add(P + "/decision", "visit",
            "the decision is visit, but no trip of the plan visits client " + client.id);
      } else {
        const std::size_t ti = m.visits.front().first;
        const report::PlanTrip& trip = doc_.trips[ti];
        if (d.trip != trip.id)
          add(P + "/trip", "visit",
              "the decision names trip " + d.trip.value_or("null") + ", but client " + client.id +
                  " is visited on " + trip.id);
        if (d.traveller != trip.traveller)
          add(P + "/traveller", "visit",
              "the decision names traveller " + d.traveller.value_or("null") + ", but " + trip.id +
                  " is " + trip.traveller + "'s trip");
      }
    } else {
      if (!m.visits.empty())
        add(P + "/decision", "visit",
            "the decision is remote, but client " + client.id + " is visited on " +
                doc_.trips[m.visits.front().first].id);
      if (d.trip)
        add(P + "/trip", "visit", "a remote client has no trip, found \"" + *d.trip + "\"");
      if (m.remote_traveller) {
        const std::string& who = in_.travellers[*m.remote_traveller].id;
        if (d.traveller != who)
          add(P + "/traveller", "remote cost",
              "the calls are run by the allowed traveller with the lowest remote cost, " + who +
                  ", not " + d.traveller.value_or("null"));
      }
    }
    if (client.must_visit && m.visits.empty())
      add(P + "/decision", "must_visit", "client " + client.id + " must be visited");
    if (d.remote_value != m.remote_value)
      add(P + "/remote_value", "remote value",
          "remote value " + fmt_money(d.remote_value, cur()) + ", but remote_effectiveness x " +
              "visit value is " + fmt_money(m.remote_value, cur()));
    if (d.remote_cost != m.remote_cost)
      add(P + "/remote_cost", "remote cost",
          "remote cost " + fmt_money(d.remote_cost, cur()) + ", but the cost model prices " +
              fmt_money(m.remote_cost, cur()) + " for the quarter's calls");
    if (!m.visits.empty()) {
      if (d.value != m.value)
        add(P + "/value", "value",
            "value " + fmt_money(d.value, cur()) + ", but the visit is worth " +
                fmt_money(m.value, cur()) +
                (m.value != m.base_value ? " with the fair's uplift on its first day" : ""));
    } else {
      // A remote client's value is its visit value, possibly with the uplift of a fair its best
      // rejected trip would have met: any fair at its place during the horizon.
      std::set<std::int64_t> allowed{m.base_value.count()};
      const std::string& country = net_.city(city_of(client.city)).country;
      for (const Event& e : in_.events)
        if (e.kind == EventKind::fair && optimize::event_at(e, client.city, country) &&
            e.dates.first <= in_.horizon.last && in_.horizon.first <= e.dates.last)
          allowed.insert(scale(m.base_value, 1.0 + e.value_uplift).count());
      if (!allowed.count(d.value.count()))
        add(P + "/value", "value",
            "value " + fmt_money(d.value, cur()) + ", but a visit to client " + client.id +
                " is worth " + fmt_money(m.base_value, cur()) +
                (allowed.size() > 1 ? " (or more during a fair at its place)" : ""));
    }
  }

  // ---- totals and budgets ----------------------------------------------------------------

  void check_totals() {
    const report::PlanTotals& w = doc_.totals;
    int visits = 0;
    int remote = 0;
    Money value{0};
    Money remote_cost{0};
    for (std::size_t c = 0; c < in_.clients.size(); ++c) {
      const ClientModel& m = model_[c];
      if (!m.visits.empty()) {
        ++visits;
        value += m.value;
        remote_cost += m.remote_left;
      } else {
        ++remote;
        value += m.remote_value;
        remote_cost += m.remote_cost;
      }
    }
    int days = 0;
    CostBreakdown trip_cost;
    GramsCo2 co2{0};
    for (const TripInfo& t : trips_) {
      days += t.days_away;
      trip_cost += t.cost;
      co2 += t.co2_total;
    }
    const Money net = value - trip_cost.total() - remote_cost;

    const auto count = [&](const char* key, int written, int derived, const std::string& what) {
      if (written != derived)
        add(std::string("/totals/") + key, "totals",
            std::to_string(written) + ", but " + what + " is " + std::to_string(derived));
    };
    const auto money = [&](const std::string& key, Money written, Money derived,
                           const std::string& what) {
      if (written != derived)
        add("/totals/" + key, "totals",
            fmt_money(written, cur()) + ", but " + what + " is " + fmt_money(derived, cur()));
    };
    count("trips", w.trips, static_cast<int>(doc_.trips.size()), "the number of trips");
    count("visits", w.visits, visits, "the number of visited clients");
    count("remote", w.remote, remote, "the number of clients kept remote");
    count("days_away", w.days_away, days, "the sum of the trips' days away");
    money("trip_cost/flights", w.trip_cost.flights, trip_cost.flights, "the trips' sum");
    money("trip_cost/hotel", w.trip_cost.hotel, trip_cost.hotel, "the trips' sum");
    money("trip_cost/per_diem", w.trip_cost.per_diem, trip_cost.per_diem, "the trips' sum");
    money("trip_cost/traveller_time", w.trip_cost.traveller_time, trip_cost.traveller_time,
          "the trips' sum");
    money("trip_cost/jetlag", w.trip_cost.jetlag, trip_cost.jetlag, "the trips' sum");
    money("trip_cost/carbon", w.trip_cost.carbon, trip_cost.carbon, "the trips' sum");
    money("remote_cost", w.remote_cost, remote_cost,
          "the remote cost of remote clients plus what visits leave of visited ones");
    money("value", w.value, value, "visit values of visited clients plus remote values");
    money("net", w.net, net, "value - trip cost - remote cost");
    if (w.co2 != as_written(co2))
      add("/totals/co2_kg", "totals",
          fmt_kg(w.co2) + ", but the trips emit " + fmt_kg(as_written(co2)));

    const Policy& pol = in_.policy;
    if (!doc_.budget) {
      add("/budget", "totals", "missing: the plan must state its budget use");
    } else {
      const BudgetUse& b = *doc_.budget;
      if (b.money != trip_cost.total())
        add("/budget/money/used", "totals",
            fmt_money(b.money, cur()) + ", but the trips cost " +
                fmt_money(trip_cost.total(), cur()));
      if (b.money_limit != pol.budget_money)
        add("/budget/money/limit", "plan input",
            "the limit is not the input's policy.budget.money");
      if (b.cash != trip_cost.cash())
        add("/budget/cash/used", "totals",
            fmt_money(b.cash, cur()) + ", but the trips' cash spend is " +
                fmt_money(trip_cost.cash(), cur()));
      if (b.cash_limit != pol.budget_cash)
        add("/budget/cash/limit", "plan input", "the limit is not the input's policy.budget.cash");
      if (b.days != days)
        add("/budget/days/used", "totals",
            std::to_string(b.days) + ", but the trips take " + std::to_string(days) + " days away");
      if (b.days_limit != pol.budget_days)
        add("/budget/days/limit", "plan input", "the limit is not the input's policy.budget.days");
      if (b.co2 != as_written(co2))
        add("/budget/co2_kg/used", "totals",
            fmt_kg(b.co2) + ", but the trips emit " + fmt_kg(as_written(co2)));
      const std::optional<GramsCo2> co2_limit =
          pol.budget_co2 ? std::optional<GramsCo2>(as_written(*pol.budget_co2)) : std::nullopt;
      if (b.co2_limit != co2_limit)
        add("/budget/co2_kg/limit", "plan input",
            "the limit is not the input's policy.budget.co2_kg");
    }
    if (pol.budget_money && trip_cost.total() > *pol.budget_money)
      add("/budget/money/used", "money budget",
          "the trips cost " + fmt_money(trip_cost.total(), cur()) + ", more than the budget " +
              fmt_money(*pol.budget_money, cur()));
    if (pol.budget_cash && trip_cost.cash() > *pol.budget_cash)
      add("/budget/cash/used", "cash budget",
          "the trips' cash spend is " + fmt_money(trip_cost.cash(), cur()) +
              ", more than the budget " + fmt_money(*pol.budget_cash, cur()));
    if (pol.budget_days && days > *pol.budget_days)
      add("/budget/days/used", "days budget",
          "the trips take " + std::to_string(days) + " days away, more than the budget " +
              std::to_string(*pol.budget_days));
    if (pol.budget_co2 && co2 > *pol.budget_co2)
      add("/budget/co2_kg/used", "co2 budget",
          "the trips emit " + fmt_kg(co2) + ", more than the budget " + fmt_kg(*pol.budget_co2));
  }
};

void json_string(std::string& out, const std::string& s) {
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out += ch;
    }
  }
  out += '"';
}

} // namespace

std::vector<Violation> check_plan(const Input& input, const report::PlanDocument& plan) {
  return Checker(input, plan).run();
}

std::vector<Violation> check_plan(const Input& input, const Plan& plan) {
  const report::PlanDocument doc = io::read_plan(plan_to_json(plan, input));
  return check_plan(input, doc);
}

std::string violations_to_json(const std::vector<Violation>& violations) {
  std::string out =
      violations.empty() ? "{\"valid\":true,\"violations\":[" : "{\"valid\":false,\"violations\":[";
  for (std::size_t i = 0; i < violations.size(); ++i) {
    if (i > 0) out += ',';
    out += "{\"pointer\":";
    json_string(out, violations[i].pointer);
    out += ",\"rule\":";
    json_string(out, violations[i].rule);
    out += ",\"message\":";
    json_string(out, violations[i].message);
    out += '}';
  }
  out += "]}\n";
  return out;
}

} // namespace flyorcall::check
