#include "time/call_series.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace flyorcall::timez {

namespace {

constexpr int kWeekMin = 7 * 24 * 60;
constexpr double kCostEpsilon = 1e-9;
// Work cap of the local repair, in minutes of the week looked at: each accepted move lowers the
// cost, so this only bounds very full weeks (hundreds of series); counted, never timed.
constexpr long kMaxRepairWork = 20'000'000;

// Minute of the anchor's week (Sunday 00:00 = 0) where a weekly slot starts.
int week_start(const WeeklySlot& s) {
  return static_cast<int>(s.weekday.c_encoding()) * 24 * 60 + s.anchor_start_min;
}

// Which series holds each minute of the owner's week (-1: free).
class Week {
public:
  Week() : holder_(kWeekMin, -1) {}
  // The series other than `skip` holding minutes of `s`, in order of first minute; `work` counts
  // the minutes looked at.
  std::vector<int> holders(const WeeklySlot& s, int skip, long& work) const {
    std::vector<int> out;
    const int start = week_start(s);
    const int len = std::min(s.duration_min, kWeekMin);
    work += len;
    for (int m = 0; m < len; ++m) {
      const int h = holder_[static_cast<std::size_t>((start + m) % kWeekMin)];
      if (h >= 0 && h != skip && std::find(out.begin(), out.end(), h) == out.end())
        out.push_back(h);
    }
    return out;
  }
  void set(const WeeklySlot& s, int who) {
    const int start = week_start(s);
    for (int m = 0; m < std::min(s.duration_min, kWeekMin); ++m)
      holder_[static_cast<std::size_t>((start + m) % kWeekMin)] = who;
  }

private:
  std::vector<int> holder_;
};

// Candidate indices of a series, cheapest first (equal costs: earlier candidate).
std::vector<std::size_t> by_cost(const SeriesCandidates& s) {
  std::vector<std::size_t> order(s.slots.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return s.cost[x] < s.cost[y] - kCostEpsilon;
  });
  return order;
}

// One owner's series, placed greedily and repaired.
void place_owner(const std::vector<SeriesCandidates>& s, const std::vector<std::size_t>& group,
                 std::vector<std::optional<std::size_t>>& pick) {
  std::vector<std::vector<std::size_t>> order(s.size());
  for (const std::size_t i : group) order[i] = by_cost(s[i]);
  const auto regret = [&](std::size_t i) {
    const auto& o = order[i];
    return o.size() < 2 ? 0.0 : s[i].cost[o[1]] - s[i].cost[o[0]];
  };
  std::vector<std::size_t> greedy = group;
  std::stable_sort(greedy.begin(), greedy.end(), [&](std::size_t a, std::size_t b) {
    if (s[a].slots.size() != s[b].slots.size()) return s[a].slots.size() < s[b].slots.size();
    return regret(a) > regret(b) + kCostEpsilon;
  });
  Week week;
  long work = 0;
  for (const std::size_t i : greedy)
    for (const std::size_t k : order[i])
      if (week.holders(s[i].slots[k], -1, work).empty()) {
        pick[i] = k;
        week.set(s[i].slots[k], static_cast<int>(i));
        break;
      }

  bool improved = true;
  while (improved && work < kMaxRepairWork) {
    improved = false;
    for (const std::size_t i : group) {
      if (work >= kMaxRepairWork) break;
      const double now = pick[i] ? s[i].cost[*pick[i]] : 0.0;
      const int self = static_cast<int>(i);
      for (const std::size_t k : order[i]) {
        if (pick[i] && (k == *pick[i] || s[i].cost[k] >= now - kCostEpsilon)) break;
        const auto in_way = week.holders(s[i].slots[k], self, work);
        if (in_way.size() > 1 || (!in_way.empty() && !pick[i])) continue;
        if (in_way.empty()) {
          if (pick[i]) week.set(s[i].slots[*pick[i]], -1);
          pick[i] = k;
          week.set(s[i].slots[k], self);
          improved = true;
          break;
        }
        // Move the one series in the way to its cheapest slot free of everything but itself and
        // this series' old slot, and not overlapping this series' new one.
        const auto j = static_cast<std::size_t>(in_way.front());
        week.set(s[i].slots[*pick[i]], -1);
        week.set(s[i].slots[k], self);
        bool moved = false;
        for (const std::size_t kj : order[j]) {
          if (kj == *pick[j]) continue;
          const auto blockers = week.holders(s[j].slots[kj], static_cast<int>(j), work);
          if (!blockers.empty()) continue;
          if (s[i].cost[k] + s[j].cost[kj] < now + s[j].cost[*pick[j]] - kCostEpsilon) {
            week.set(s[j].slots[*pick[j]], -1);
            week.set(s[i].slots[k], self); // the old slot of j may have covered it
            pick[j] = kj;
            week.set(s[j].slots[kj], static_cast<int>(j));
            pick[i] = k;
            moved = true;
          }
          break;
        }
        if (moved) {
          improved = true;
          break;
        }
        // Undo: series i back on its slot, j's minutes restored.
        week.set(s[i].slots[k], -1);
        week.set(s[j].slots[*pick[j]], static_cast<int>(j));
        week.set(s[i].slots[*pick[i]], self);
      }
    }
  }
}

} // namespace

bool series_overlap(const WeeklySlot& a, const WeeklySlot& b) {
  const int gap = ((week_start(b) - week_start(a)) % kWeekMin + kWeekMin) % kWeekMin;
  return gap < a.duration_min || kWeekMin - gap < b.duration_min;
}

SeriesSchedule assign_series(const std::vector<SeriesCandidates>& series) {
  for (const auto& s : series)
    if (s.slots.size() != s.cost.size())
      throw std::invalid_argument("one cost per candidate slot of a call series");
  SeriesSchedule out;
  out.pick.assign(series.size(), std::nullopt);
  std::map<std::size_t, std::vector<std::size_t>> owners;
  for (std::size_t i = 0; i < series.size(); ++i) owners[series[i].owner].push_back(i);
  for (const auto& [owner, group] : owners) place_owner(series, group, out.pick);
  for (std::size_t i = 0; i < series.size(); ++i)
    if (out.pick[i]) out.cost += series[i].cost[*out.pick[i]];
  return out;
}

} // namespace flyorcall::timez
