#include "io/calls_writer.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "model/format.hpp"
#include "time/zones.hpp"

namespace flyorcall::io {
namespace {

using json = nlohmann::ordered_json;

std::string utc_text(date::sys_seconds t) {
  return date::format("%Y-%m-%dT%H:%MZ", date::floor<std::chrono::minutes>(t));
}

std::string clock(int minutes) {
  return format::clock(minutes);
}

// Scores are sums of whole minutes times weights: print integers as integers.
json number(double v) {
  const double r = std::round(v);
  if (std::abs(v - r) < 1e-9 && std::abs(r) < 1e15) return static_cast<long long>(r);
  return std::round(v * 1000.0) / 1000.0;
}

json start_json(const CallsReport& r, const timez::SlotOccurrence& occ) {
  json out;
  out["utc"] = utc_text(occ.start);
  out["score"] = number(occ.score);
  json parts = json::array();
  for (std::size_t p = 0; p < r.participants.size(); ++p) {
    json one;
    one["name"] = r.participants[p].name;
    one["local"] = timez::format_in_zone(occ.start, r.participants[p].zone);
    one["offhours_min"] = occ.offhours_min[p];
    parts.push_back(std::move(one));
  }
  out["participants"] = std::move(parts);
  return out;
}

json slot_json(const CallsReport& r, const timez::WeeklySlot& slot) {
  json out;
  out["weekday"] = weekday_name(static_cast<int>(slot.weekday.c_encoding()));
  out["anchor_start"] = clock(slot.anchor_start_min);
  out["anchor"] = r.participants.front().name;
  out["score"] = number(slot.score);
  json mean = json::object();
  for (std::size_t p = 0; p < r.participants.size(); ++p)
    mean[r.participants[p].name] = number(slot.mean_offhours[p]);
  out["mean_offhours_min"] = std::move(mean);
  return out;
}

json weekly_json(const CallsReport& r, const timez::WeeklySlot& slot) {
  json out = slot_json(r, slot);
  json occs = json::array();
  for (const auto& occ : slot.occurrences) occs.push_back(start_json(r, occ));
  out["occurrences"] = std::move(occs);
  json shifts = json::array();
  for (const auto& s : timez::local_time_shifts(slot)) {
    const auto& part = r.participants[s.participant];
    const auto& occ = slot.occurrences[s.occurrence];
    json one;
    one["utc"] = utc_text(occ.start);
    one["participant"] = part.name;
    one["before"] = timez::format_in_zone(slot.occurrences[s.occurrence - 1].start, part.zone);
    one["after"] = timez::format_in_zone(occ.start, part.zone);
    one["shift_min"] = s.shift_min;
    one["offhours_min"] = occ.offhours_min[s.participant];
    shifts.push_back(std::move(one));
  }
  out["dst_shifts"] = std::move(shifts);
  return out;
}

json rotation_json(const CallsReport& r, const timez::Rotation& rot) {
  json out;
  json options = json::array();
  for (const auto& o : rot.options) options.push_back(slot_json(r, o));
  out["options"] = std::move(options);
  json schedule = json::array();
  for (const auto& m : rot.meetings) {
    json one;
    one["option"] = m.option + 1;
    json start = start_json(r, m.occurrence);
    for (auto& [key, value] : start.items()) one[key] = value;
    schedule.push_back(std::move(one));
  }
  out["schedule"] = std::move(schedule);
  json burden = json::array();
  for (std::size_t p = 0; p < r.participants.size(); ++p) {
    json one;
    one["name"] = r.participants[p].name;
    one["rotated_min"] = rot.burden[p];
    one["fixed_min"] = rot.burden_fixed[p];
    one["rotated_graded_min"] = rot.graded[p];
    one["fixed_graded_min"] = rot.graded_fixed[p];
    burden.push_back(std::move(one));
  }
  out["burden"] = std::move(burden);
  out["weighted_rotated"] = number(rot.weighted);
  out["weighted_fixed"] = number(rot.weighted_fixed);
  out["exact"] = rot.exact;
  return out;
}

} // namespace

std::string calls_to_json(const CallsReport& r) {
  json out;
  out["from"] = date::format("%F", r.range.first);
  out["to"] = date::format("%F", r.range.last);
  out["duration_min"] = r.duration_min;
  out["grid_min"] = r.grid_min;
  json parts = json::array();
  for (std::size_t p = 0; p < r.participants.size(); ++p) {
    const auto& info = r.info[p];
    json one;
    one["name"] = r.participants[p].name;
    one["zone"] = info.zone;
    one["country"] = info.country.empty() ? json(nullptr) : json(info.country);
    one["hours"] = info.hours;
    one["weight"] = number(r.participants[p].weight);
    one["holidays"] = info.holidays;
    one["holidays_complete"] = info.complete;
    one["notes"] = info.notes;
    parts.push_back(std::move(one));
  }
  out["participants"] = std::move(parts);
  if (!r.weekly_requested && !r.rotation) {
    json starts = json::array();
    for (const auto& occ : r.starts) starts.push_back(start_json(r, occ));
    out["starts"] = std::move(starts);
  }
  if (r.weekly_requested) {
    json weekly = json::array();
    for (const auto& s : r.weekly) weekly.push_back(weekly_json(r, s));
    out["weekly"] = std::move(weekly);
  }
  if (r.rotation) out["rotation"] = rotation_json(r, *r.rotation);
  // A library caller may pass names that are not UTF-8: U+FFFD stands in rather than a throw.
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace flyorcall::io
