#include "time/calls.hpp"

#include <stdexcept>

#include "time/working_hours.hpp"
#include "time/zones.hpp"

namespace flyorcall::timez {

namespace {

constexpr int kDayMin = 24 * 60;

// Scores closer than this are ties: the sums are of whole minutes times weights, so only
// floating-point noise can separate two truly equal scores.
constexpr double kTieEpsilon = 1e-9;

// One participant's view of a UTC instant.
struct LocalView {
  Date date;
  int minute = 0;
};

LocalView view(date::sys_seconds utc, const date::time_zone* zone) {
  const date::local_seconds local = to_local(utc, zone);
  const auto day = date::floor<date::days>(local);
  const auto minute = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
  return {Date{day.time_since_epoch()}, static_cast<int>(minute)};
}

// Calls `visit(utc, views)` for every date of `range` on `weekday` (anchor's local weekday)
// whose start instant is a business day for every participant in their own local date.
template <class Visit>
void for_each_occurrence(const std::vector<CallParticipant>& parts, DateRange range,
                         date::weekday weekday, int start_min, std::vector<LocalView>& views,
                         Visit&& visit) {
  const date::days to_first = (weekday - date::weekday{range.first});
  for (Date d = range.first + to_first; d <= range.last; d += date::weeks{1}) {
    const date::local_seconds local{
        std::chrono::duration_cast<std::chrono::seconds>(d.time_since_epoch()) +
        std::chrono::minutes{start_min}};
    const date::sys_seconds utc = to_utc(local, parts.front().zone);
    bool all_open = true;
    for (std::size_t p = 0; p < parts.size() && all_open; ++p) {
      views[p] = view(utc, parts[p].zone);
      all_open = parts[p].calendar.is_business_day(views[p].date);
    }
    if (all_open) visit(utc, views);
  }
}

} // namespace

std::optional<WeeklySlot> best_weekly_slot(const std::vector<CallParticipant>& participants,
                                           DateRange range, int duration_min, int grid_min) {
  if (participants.empty()) throw std::invalid_argument("a call needs at least one participant");
  if (grid_min <= 0) throw std::invalid_argument("slot grid must be positive");
  for (const auto& p : participants) {
    if (p.zone == nullptr) throw std::invalid_argument("participant " + p.name + " has no zone");
  }
  if (range.last < range.first) return std::nullopt;

  const std::size_t n = participants.size();
  std::vector<LocalView> views(n);
  const auto weighted_offhours = [&](const std::vector<LocalView>& v) {
    double sum = 0;
    for (std::size_t p = 0; p < n; ++p) {
      sum +=
          participants[p].weight * offhours_minutes(participants[p].hours, date::weekday{v[p].date},
                                                    v[p].minute, duration_min);
    }
    return sum;
  };
  // The tie-break: how far from working time the off-hours minutes lie (weighted
  // offhours_reach), so that of two slots with the same off-hours minutes the one nearer
  // someone's office day wins (06:30 rather than midnight). Worked minutes reach 0.
  const auto weighted_reach = [&](const LocalView* v) {
    double reach = 0;
    for (std::size_t p = 0; p < n; ++p) {
      reach += participants[p].weight *
               static_cast<double>(offhours_reach(participants[p].hours, date::weekday{v[p].date},
                                                  v[p].minute, duration_min));
    }
    return reach;
  };

  // Monday-first search order makes ties go to the earliest working weekday.
  bool found = false;
  double best_score = 0;
  double best_reach = 0;
  date::weekday best_day = date::Monday;
  int best_start = 0;
  std::vector<LocalView> seen; // this candidate's views, kept for the tie-break
  for (unsigned w = 1; w <= 7; ++w) {
    const date::weekday weekday{w % 7};
    for (int s = 0; s < kDayMin; s += grid_min) {
      double sum = 0;
      int count = 0;
      seen.clear();
      for_each_occurrence(participants, range, weekday, s, views,
                          [&](date::sys_seconds, const std::vector<LocalView>& v) {
                            sum += weighted_offhours(v);
                            seen.insert(seen.end(), v.begin(), v.end());
                            ++count;
                          });
      if (count == 0) continue;
      const double score = sum / static_cast<double>(count);
      // Only a candidate that beats or ties the best needs its reach.
      if (found && score > best_score + kTieEpsilon) continue;
      double reach = 0;
      for (std::size_t k = 0; k < seen.size(); k += n) reach += weighted_reach(&seen[k]);
      reach /= static_cast<double>(count);
      if (!found || score < best_score - kTieEpsilon || reach < best_reach - kTieEpsilon) {
        found = true;
        best_score = score;
        best_reach = reach;
        best_day = weekday;
        best_start = s;
      }
    }
  }
  if (!found) return std::nullopt;

  // Only the winner's occurrences are kept; rebuilding them is cheaper than storing every
  // candidate's.
  WeeklySlot slot;
  slot.weekday = best_day;
  slot.anchor_start_min = best_start;
  slot.duration_min = duration_min;
  slot.score = best_score;
  slot.reach = best_reach;
  slot.mean_offhours.assign(n, 0.0);
  for_each_occurrence(participants, range, best_day, best_start, views,
                      [&](date::sys_seconds utc, const std::vector<LocalView>& v) {
                        SlotOccurrence occ;
                        occ.start = utc;
                        for (std::size_t p = 0; p < n; ++p) {
                          const int off =
                              offhours_minutes(participants[p].hours, date::weekday{v[p].date},
                                               v[p].minute, duration_min);
                          occ.local_start_min.push_back(v[p].minute);
                          occ.offhours_min.push_back(off);
                          slot.mean_offhours[p] += off;
                        }
                        slot.occurrences.push_back(std::move(occ));
                      });
  for (double& m : slot.mean_offhours) m /= static_cast<double>(slot.occurrences.size());
  return slot;
}

} // namespace flyorcall::timez
