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
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include "check/plan_check_impl.hpp"

#include "cost/value.hpp"
#include "flyorcall/flyorcall.hpp"
#include "model/as_written.hpp"
#include "optimize/schedule.hpp"
#include "report/trip_report.hpp"
#include "time/holidays.hpp"
#include "time/working_hours.hpp"
#include "time/zones.hpp"

namespace flyorcall::check {

namespace detail {

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

Checker::Checker(const Input& input, const Plan& doc)
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

std::vector<Violation> Checker::run() {
  check_header();
  trips_.resize(doc_.trips.size());
  for (std::size_t i = 0; i < doc_.trips.size(); ++i) check_trip(i);
  check_trip_order();
  check_overlaps();
  check_clients();
  check_totals();
  return std::move(out_);
}

const timez::BusinessCalendar& Checker::calendar(int city) {
  const auto it = calendars_.find(city);
  if (it != calendars_.end()) return it->second;
  return calendars_.emplace(city, optimize::place_business_calendar(in_, net_, city)).first->second;
}

const timez::BusinessCalendar& Checker::client_calendar(std::size_t client) {
  const auto it = client_calendars_.find(client);
  if (it != client_calendars_.end()) return it->second;
  const int city = city_of(in_.clients[client].city);
  return client_calendars_
      .emplace(client, optimize::client_business_calendar(in_, net_, client, city))
      .first->second;
}

std::string Checker::why_closed(std::size_t client, Date d) {
  const Client& c = in_.clients[client];
  const date::weekday wd{d};
  if (timez::in_mask(optimize::client_days_off(c), wd))
    return std::string("client ") + c.id + " does not work on " +
           std::string(weekday_name(static_cast<int>(wd.c_encoding()))) + " (working_hours \"" +
           timez::format_working_hours(c.hours) + "\")";
  return why_closed(city_of(c.city), d, !c.hours.days_given);
}

std::string Checker::why_closed(int city, Date d, bool country_week) {
  const City& c = net_.city(city);
  const Country* country = net_.country_of(city);
  const WeekdayMask weekend = country ? country->weekend : kSatSun;
  if (country_week && timez::in_mask(weekend, date::weekday{d}))
    return "a weekend day in " + c.country;
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

const network::RouteFinder& Checker::finder(std::size_t traveller) {
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

void Checker::check_header() {
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

} // namespace detail

namespace {

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

std::vector<Violation> check_plan(const Input& input, const Plan& plan) {
  const Plan written = format::as_written(plan);
  return detail::Checker(input, written).run();
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
