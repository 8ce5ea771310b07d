#include "time/calls.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "time/working_hours.hpp"
#include "time/zones.hpp"

namespace flyorcall::timez {

namespace {

constexpr int kDayMin = 24 * 60;
constexpr int kWeekMin = 7 * kDayMin;

// Scores closer than this are ties: the sums are of whole minutes times weights, so only
// floating-point noise can separate two truly equal scores.
constexpr double kTieEpsilon = 1e-9;

// Local dates a participant can have relative to the anchor's: zone offsets lie within -12 h
// and +14 h, so another participant's date is at most two days from the anchor's.
constexpr int kDateMargin = 3;

// Per-minute costs of one participant's working week as prefix sums over two weeks, so that the
// off-hours minutes (and their reach) of any start and length up to a week are one subtraction.
// Both count a range as the sum of its minutes, as offhours_minutes and offhours_reach do: an
// off-hours minute costs 1, and reaches as far as the nearest worked minute before or after it
// (capped at kMaxReachMin, so only the same or an adjacent day can be nearest).
struct WeekTable {
  std::vector<long> off;      // off[k] = off-hours minutes of week minutes [0, k)
  std::vector<long> reach;    // likewise for offhours_reach
  std::vector<double> burden; // likewise for off-hours minutes graded by OffHoursCurve
  std::vector<long> night;    // likewise for off-hours minutes between 00:00 and 06:00

  WeekTable(const WorkingHours& hours, const OffHoursCurve& curve)
      : off(2 * kWeekMin + 1, 0), reach(2 * kWeekMin + 1, 0), burden(2 * kWeekMin + 1, 0.0),
        night(2 * kWeekMin + 1, 0) {
    std::vector<char> worked(kWeekMin);
    for (int k = 0; k < kWeekMin; ++k) {
      const DayHours& dh = hours.days[static_cast<std::size_t>(k / kDayMin)];
      const int m = k % kDayMin;
      worked[static_cast<std::size_t>(k)] = dh.working() && m >= dh.start_min && m < dh.end_min;
    }
    // Distances to the next and the previous worked minute around the week circle: two passes
    // over two weeks settle every minute that has one within a week.
    constexpr int kFar = 2 * kWeekMin;
    std::vector<int> next(kWeekMin, kFar);
    std::vector<int> prev(kWeekMin, kFar);
    int d = kFar;
    for (int k = 2 * kWeekMin - 1; k >= 0; --k) {
      const auto i = static_cast<std::size_t>(k % kWeekMin);
      d = worked[i] ? 0 : std::min(d + 1, kFar);
      next[i] = std::min(next[i], d);
    }
    d = kFar;
    for (int k = 0; k < 2 * kWeekMin; ++k) {
      const auto i = static_cast<std::size_t>(k % kWeekMin);
      d = worked[i] ? 0 : std::min(d + 1, kFar);
      prev[i] = std::min(prev[i], d);
    }
    for (int k = 0; k < 2 * kWeekMin; ++k) {
      const auto i = static_cast<std::size_t>(k % kWeekMin);
      const auto at = static_cast<std::size_t>(k);
      const bool w = worked[i] != 0;
      // `next` counts to the worked minute's start; `prev` to the end of the previous one.
      const int dist = w ? 0 : std::min({next[i], prev[i], kMaxReachMin});
      off[at + 1] = off[at] + (w ? 0 : 1);
      reach[at + 1] = reach[at] + dist;
      const bool at_night = static_cast<int>(i) % kDayMin < OffHoursCurve::kNightEndMin;
      const double grade = w                                 ? 0.0
                           : at_night                        ? curve.night
                           : dist <= OffHoursCurve::kNearMin ? 1.0
                                                             : curve.far;
      burden[at + 1] = burden[at] + grade;
      night[at + 1] = night[at] + (!w && at_night ? 1 : 0);
    }
  }
  [[nodiscard]] double burden_of(int week_min, int len) const {
    const auto b = static_cast<std::size_t>(week_min);
    return burden[b + static_cast<std::size_t>(len)] - burden[b];
  }
  [[nodiscard]] long night_of(int week_min, int len) const {
    const auto b = static_cast<std::size_t>(week_min);
    return night[b + static_cast<std::size_t>(len)] - night[b];
  }
  [[nodiscard]] long off_of(int week_min, int len) const {
    const auto b = static_cast<std::size_t>(week_min);
    return off[b + static_cast<std::size_t>(len)] - off[b];
  }
  [[nodiscard]] long reach_of(int week_min, int len) const {
    const auto b = static_cast<std::size_t>(week_min);
    return reach[b + static_cast<std::size_t>(len)] - reach[b];
  }
};

// Every (anchor day, grid start) of a range evaluated once for every participant: the UTC
// instant, each participant's local time, off-hours minutes, reach and whether their local date
// is a business day. Zone offsets are looked up once per period between transitions, not per
// instant.
class Grid {
public:
  Grid(const std::vector<CallParticipant>& parts, DateRange range, int duration, int grid)
      : parts_(parts), first_(range.first), duration_(duration), n_(parts.size()) {
    if (parts.empty()) throw std::invalid_argument("a call needs at least one participant");
    if (grid <= 0 || kDayMin % grid != 0)
      throw std::invalid_argument("slot grid must divide a day into whole steps");
    if (duration <= 0 || duration > kWeekMin)
      throw std::invalid_argument("call duration must be 1 minute to a week");
    for (const auto& p : parts)
      if (p.zone == nullptr) throw std::invalid_argument("participant " + p.name + " has no zone");
    grid_ = grid;
    slots_ = kDayMin / grid;
    days_ = range.last < range.first ? 0 : static_cast<int>((range.last - range.first).count()) + 1;
    const std::size_t points = static_cast<std::size_t>(days_) * static_cast<std::size_t>(slots_);
    utc_.resize(points);
    gap_.assign(points, false);
    open_.assign(points, true);
    uniform_.assign(static_cast<std::size_t>(days_), false);
    off_.resize(points * n_);
    burden_.resize(points * n_);
    night_.resize(points * n_);
    score_.assign(points, 0.0);
    reach_.assign(points, 0.0);
    if (points == 0) return;
    anchor_times();
    for (std::size_t p = 0; p < n_; ++p) participant(p);
  }

  [[nodiscard]] int days() const { return days_; }
  [[nodiscard]] int slots() const { return slots_; }
  [[nodiscard]] int grid() const { return grid_; }
  [[nodiscard]] Date first() const { return first_; }
  [[nodiscard]] std::size_t size() const { return n_; }
  [[nodiscard]] std::size_t at(int day, int slot) const {
    return static_cast<std::size_t>(day) * static_cast<std::size_t>(slots_) +
           static_cast<std::size_t>(slot);
  }
  [[nodiscard]] bool open(std::size_t i) const { return open_[i]; }
  [[nodiscard]] bool gap(std::size_t i) const { return gap_[i]; }
  [[nodiscard]] date::sys_seconds utc(std::size_t i) const { return utc_[i]; }
  [[nodiscard]] int off(std::size_t i, std::size_t p) const { return off_[i * n_ + p]; }
  [[nodiscard]] double burden(std::size_t i, std::size_t p) const { return burden_[i * n_ + p]; }
  [[nodiscard]] int night(std::size_t i, std::size_t p) const { return night_[i * n_ + p]; }

  // Weighted sums, added in participant order (the order the results are documented in).
  [[nodiscard]] double score(std::size_t i) const { return score_[i]; }
  [[nodiscard]] double reach(std::size_t i) const { return reach_[i]; }

  [[nodiscard]] SlotOccurrence occurrence(std::size_t i) const {
    SlotOccurrence occ;
    occ.start = utc_[i];
    for (std::size_t p = 0; p < n_; ++p) {
      const date::local_seconds local = to_local(utc_[i], parts_[p].zone);
      const auto day = date::floor<date::days>(local);
      occ.local_start.push_back(local);
      occ.local_start_min.push_back(
          static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(local - day).count()));
      occ.offhours_min.push_back(off_[i * n_ + p]);
      occ.burden.push_back(burden_[i * n_ + p]);
    }
    occ.score = score(i);
    return occ;
  }

private:
  void anchor_times() {
    const date::time_zone* zone = parts_.front().zone;
    for (int d = 0; d < days_; ++d) {
      const date::local_seconds midnight{std::chrono::duration_cast<std::chrono::seconds>(
          (first_ + date::days{d}).time_since_epoch())};
      const date::local_info info = zone->get_info(midnight);
      const date::sys_seconds utc0{midnight.time_since_epoch() - info.first.offset};
      // Most days lie inside one offset period: every start is midnight's UTC plus minutes.
      const bool uniform =
          info.result == date::local_info::unique && info.first.end >= utc0 + date::days{1};
      uniform_[static_cast<std::size_t>(d)] = uniform;
      for (int s = 0; s < slots_; ++s) {
        const std::size_t i = at(d, s);
        const date::local_seconds local = midnight + std::chrono::minutes{s * grid_};
        if (uniform) {
          utc_[i] = utc0 + std::chrono::minutes{s * grid_};
        } else {
          utc_[i] = to_utc(local, zone);
          gap_[i] = zone->get_info(local).result == date::local_info::nonexistent;
        }
      }
    }
  }

  void participant(std::size_t p) {
    const CallParticipant& part = parts_[p];
    const WeekTable table(part.hours, part.curve);
    // Business days of the participant's local dates around the range.
    const Date lo = first_ - date::days{kDateMargin};
    std::vector<char> business(static_cast<std::size_t>(days_ + 2 * kDateMargin));
    for (std::size_t k = 0; k < business.size(); ++k)
      business[k] = part.calendar.is_business_day(lo + date::days{static_cast<int>(k)}) ? 1 : 0;
    const auto business_on = [&](date::sys_days day) {
      const auto k = (Date{day.time_since_epoch()} - lo).count();
      return k >= 0 && k < static_cast<long>(business.size())
                 ? business[static_cast<std::size_t>(k)] != 0
                 : part.calendar.is_business_day(Date{day.time_since_epoch()});
    };
    const double weight = part.weight;
    const auto record = [&](std::size_t i, int week_min, bool open) {
      const long off = table.off_of(week_min, duration_);
      off_[i * n_ + p] = static_cast<int>(off);
      const double burden = table.burden_of(week_min, duration_);
      burden_[i * n_ + p] = burden;
      night_[i * n_ + p] = static_cast<int>(table.night_of(week_min, duration_));
      score_[i] += weight * burden;
      reach_[i] += weight * static_cast<double>(table.reach_of(week_min, duration_));
      if (!open) open_[i] = false;
    };
    // UTC instants of the grid never decrease, so one cached period serves until it ends.
    date::sys_info info = part.zone->get_info(utc_.front());
    for (int d = 0; d < days_; ++d) {
      const std::size_t first = at(d, 0);
      const std::size_t last = at(d, slots_ - 1);
      if (utc_[first] < info.begin || utc_[first] >= info.end)
        info = part.zone->get_info(utc_[first]);
      if (uniform_[static_cast<std::size_t>(d)] && utc_[last] < info.end) {
        // The common case: one offset for the whole day, starts a grid step apart; walk the
        // local week minute forward instead of converting every instant.
        const date::local_seconds local{utc_[first].time_since_epoch() + info.offset};
        auto day = date::floor<date::days>(local);
        int minute =
            static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(local - day).count());
        unsigned wd = date::weekday{day}.c_encoding();
        bool open = business_on(date::sys_days{day.time_since_epoch()});
        for (std::size_t i = first; i <= last; ++i) {
          record(i, static_cast<int>(wd) * kDayMin + minute, open);
          minute += grid_;
          if (minute >= kDayMin) {
            minute -= kDayMin;
            wd = (wd + 1) % 7;
            day += date::days{1};
            open = business_on(date::sys_days{day.time_since_epoch()});
          }
        }
        continue;
      }
      for (std::size_t i = first; i <= last; ++i) {
        const date::sys_seconds t = utc_[i];
        if (t < info.begin || t >= info.end) info = part.zone->get_info(t);
        const date::local_seconds local{t.time_since_epoch() + info.offset};
        const auto day = date::floor<date::days>(local);
        const int minute =
            static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(local - day).count());
        record(i, static_cast<int>(date::weekday{day}.c_encoding()) * kDayMin + minute,
               business_on(date::sys_days{day.time_since_epoch()}));
      }
    }
  }

  const std::vector<CallParticipant>& parts_;
  Date first_;
  int duration_ = 0;
  std::size_t n_ = 0;
  int grid_ = 15;
  int slots_ = 0;
  int days_ = 0;
  std::vector<date::sys_seconds> utc_;
  std::vector<bool> gap_;
  std::vector<bool> open_;
  std::vector<bool> uniform_;  // per day: the anchor's starts are midnight's UTC plus minutes
  std::vector<int> off_;       // per point and participant
  std::vector<double> burden_; // per point and participant: graded off-hours minutes
  std::vector<int> night_;     // per point and participant: off-hours minutes 00:00-06:00
  std::vector<double> score_;  // per point: weighted off-hours minutes
  std::vector<double> reach_;  // per point: weighted offhours_reach
};

// One (weekday, start) candidate of the weekly search.
struct WeeklyCandidate {
  date::weekday weekday;
  int slot = 0;
  int order = 0; // Monday-first search order: ties go to the lowest
  double score = 0;
  double reach = 0;
};

// First grid day of the range on `weekday`.
int first_day_on(const Grid& g, date::weekday weekday) {
  return static_cast<int>((weekday - date::weekday{g.first()}).count());
}

// Mean weighted score and reach of every (weekday, start) with at least one date that suits
// every participant, in search order (Monday first, then start time).
std::vector<WeeklyCandidate> weekly_candidates(const Grid& g) {
  std::vector<WeeklyCandidate> out;
  int order = 0;
  for (unsigned w = 1; w <= 7; ++w) {
    const date::weekday weekday{w % 7};
    for (int s = 0; s < g.slots(); ++s, ++order) {
      double sum = 0;
      double reach = 0;
      int count = 0;
      for (int d = first_day_on(g, weekday); d < g.days(); d += 7) {
        const std::size_t i = g.at(d, s);
        if (!g.open(i)) continue;
        sum += g.score(i);
        reach += g.reach(i);
        ++count;
      }
      if (count == 0) continue;
      out.push_back({weekday, s, order, sum / static_cast<double>(count),
                     reach / static_cast<double>(count)});
    }
  }
  return out;
}

// The best candidate by the documented scan: lower score, or a tie with lower reach; an
// earlier candidate keeps a full tie.
std::optional<std::size_t> best_candidate(const std::vector<WeeklyCandidate>& cands) {
  std::optional<std::size_t> best;
  for (std::size_t k = 0; k < cands.size(); ++k) {
    const auto& c = cands[k];
    if (best && c.score > cands[*best].score + kTieEpsilon) continue;
    if (!best || c.score < cands[*best].score - kTieEpsilon ||
        c.reach < cands[*best].reach - kTieEpsilon)
      best = k;
  }
  return best;
}

WeeklySlot build_slot(const Grid& g, const WeeklyCandidate& c, int duration) {
  WeeklySlot slot;
  slot.weekday = c.weekday;
  slot.anchor_start_min = c.slot * g.grid();
  slot.duration_min = duration;
  slot.score = c.score;
  slot.reach = c.reach;
  slot.mean_offhours.assign(g.size(), 0.0);
  slot.mean_burden.assign(g.size(), 0.0);
  slot.mean_night.assign(g.size(), 0.0);
  for (int d = first_day_on(g, c.weekday); d < g.days(); d += 7) {
    const std::size_t i = g.at(d, c.slot);
    if (!g.open(i)) continue;
    slot.occurrences.push_back(g.occurrence(i));
    for (std::size_t p = 0; p < g.size(); ++p) {
      slot.mean_offhours[p] += g.off(i, p);
      slot.mean_burden[p] += g.burden(i, p);
      slot.mean_night[p] += g.night(i, p);
    }
  }
  for (double& m : slot.mean_offhours) m /= static_cast<double>(slot.occurrences.size());
  for (double& m : slot.mean_burden) m /= static_cast<double>(slot.occurrences.size());
  for (double& m : slot.mean_night) m /= static_cast<double>(slot.occurrences.size());
  return slot;
}

// What mean_of averages: plain off-hours minutes, those between 00:00 and 06:00 local, or graded
// off-hours minutes (the curve's burden).
enum class Measure { offhours, night, burden };

// Mean of participant `p`'s `measure` over a candidate's dates.
double mean_of(const Grid& g, const WeeklyCandidate& c, std::size_t p, Measure measure) {
  double sum = 0;
  int count = 0;
  for (int d = first_day_on(g, c.weekday); d < g.days(); d += 7) {
    const std::size_t i = g.at(d, c.slot);
    if (!g.open(i)) continue;
    switch (measure) {
    case Measure::offhours:
      sum += g.off(i, p);
      break;
    case Measure::night:
      sum += g.night(i, p);
      break;
    case Measure::burden:
      sum += g.burden(i, p);
      break;
    }
    ++count;
  }
  return sum / static_cast<double>(count);
}

// Candidates by score and reach (rounded so that floating-point noise cannot break the
// ordering), then search order. Callers put best_candidate's answer first.
std::vector<WeeklyCandidate> ranked(std::vector<WeeklyCandidate> cands) {
  const auto key = [](double v) { return std::llround(v * 1e6); };
  std::stable_sort(cands.begin(), cands.end(),
                   [&](const WeeklyCandidate& a, const WeeklyCandidate& b) {
                     if (key(a.score) != key(b.score)) return key(a.score) < key(b.score);
                     if (key(a.reach) != key(b.reach)) return key(a.reach) < key(b.reach);
                     return a.order < b.order;
                   });
  return cands;
}

// Monday-first week number of a date (days since 1970-01-05, a Monday, divided by 7).
long week_of(Date d) {
  const long days = (d - Date{date::year{1970} / 1 / 5}).count();
  return days >= 0 ? days / 7 : (days - 6) / 7;
}

} // namespace

std::optional<WeeklySlot> best_weekly_slot(const std::vector<CallParticipant>& participants,
                                           DateRange range, int duration_min, int grid_min) {
  const Grid g(participants, range, duration_min, grid_min);
  const auto cands = weekly_candidates(g);
  const auto best = best_candidate(cands);
  if (!best) return std::nullopt;
  return build_slot(g, cands[*best], duration_min);
}

std::vector<WeeklySlot> rank_weekly_slots(const std::vector<CallParticipant>& participants,
                                          DateRange range, int duration_min, std::size_t count,
                                          int grid_min) {
  const Grid g(participants, range, duration_min, grid_min);
  auto cands = weekly_candidates(g);
  const auto best = best_candidate(cands);
  std::vector<WeeklySlot> out;
  if (!best || count == 0) return out;
  const int best_order = cands[*best].order;
  out.push_back(build_slot(g, cands[*best], duration_min));
  cands = ranked(std::move(cands));
  for (const auto& c : cands) {
    if (out.size() >= count) break;
    if (c.order != best_order) out.push_back(build_slot(g, c, duration_min));
  }
  return out;
}

std::vector<SlotOccurrence> score_all_starts(const std::vector<CallParticipant>& participants,
                                             DateRange range, int duration_min, int grid_min) {
  const Grid g(participants, range, duration_min, grid_min);
  std::vector<SlotOccurrence> out;
  for (int d = 0; d < g.days(); ++d) {
    for (int s = 0; s < g.slots(); ++s) {
      const std::size_t i = g.at(d, s);
      if (g.open(i) && !g.gap(i)) out.push_back(g.occurrence(i));
    }
  }
  return out;
}

std::vector<SlotOccurrence> best_starts(const std::vector<CallParticipant>& participants,
                                        DateRange range, int duration_min, std::size_t count,
                                        int grid_min) {
  const Grid g(participants, range, duration_min, grid_min);
  struct Key {
    std::size_t index;
    long long score;
    long long reach;
  };
  std::vector<Key> keys;
  for (int d = 0; d < g.days(); ++d) {
    for (int s = 0; s < g.slots(); ++s) {
      const std::size_t i = g.at(d, s);
      if (g.open(i) && !g.gap(i))
        keys.push_back({i, std::llround(g.score(i) * 1e6), std::llround(g.reach(i) * 1e6)});
    }
  }
  const std::size_t take = std::min(count, keys.size());
  std::partial_sort(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(take), keys.end(),
                    [](const Key& a, const Key& b) {
                      if (a.score != b.score) return a.score < b.score;
                      if (a.reach != b.reach) return a.reach < b.reach;
                      return a.index < b.index; // grid index order is time order
                    });
  std::vector<SlotOccurrence> out;
  for (std::size_t k = 0; k < take; ++k) out.push_back(g.occurrence(keys[k].index));
  return out;
}

std::vector<LocalShift> local_time_shifts(const WeeklySlot& slot) {
  std::vector<LocalShift> out;
  for (std::size_t o = 1; o < slot.occurrences.size(); ++o) {
    const auto& prev = slot.occurrences[o - 1];
    const auto& cur = slot.occurrences[o];
    for (std::size_t p = 1; p < cur.local_start.size(); ++p) {
      // Relative to the anchor, so that only a change in one zone but not the other counts.
      const auto rel_prev = prev.local_start[p] - prev.local_start[0];
      const auto rel_cur = cur.local_start[p] - cur.local_start[0];
      if (rel_prev == rel_cur) continue;
      LocalShift s;
      s.occurrence = o;
      s.participant = p;
      s.before = prev.local_start[p];
      s.after = cur.local_start[p];
      s.shift_min = static_cast<int>(
          std::chrono::duration_cast<std::chrono::minutes>(rel_cur - rel_prev).count());
      out.push_back(s);
    }
  }
  return out;
}

RotationChoice
fair_rotation(const std::vector<std::vector<std::optional<std::vector<int>>>>& offhours,
              const std::vector<double>& weights) {
  // Dynamic programming over meetings on the participants' burden vectors. A state whose
  // burdens are all <= another's is at least as good after any continuation (the largest
  // burden, the total and the weighted total never decrease), so only the Pareto-minimal states
  // are kept: exact, and small because most weeks offer the same options.
  constexpr std::size_t kMaxStates = 4000;
  struct State {
    std::vector<long> burden;
    long max = 0;
    long total = 0;
    double weighted = 0;
    std::size_t parent = 0;
    std::size_t pick = 0;
  };
  const std::size_t n = weights.size();
  RotationChoice result;
  std::vector<std::vector<State>> layers;
  layers.push_back({State{std::vector<long>(n, 0), 0, 0, 0.0, 0, 0}});
  for (std::size_t m = 0; m < offhours.size(); ++m) {
    std::vector<State> next;
    const auto& prev = layers.back();
    for (std::size_t s = 0; s < prev.size(); ++s) {
      for (std::size_t k = 0; k < offhours[m].size(); ++k) {
        if (!offhours[m][k]) continue;
        const auto& add = *offhours[m][k];
        if (add.size() != n) throw std::invalid_argument("one off-hours value per participant");
        State st{prev[s].burden, 0, 0, prev[s].weighted, s, k};
        for (std::size_t p = 0; p < n; ++p) {
          st.burden[p] += add[p];
          st.weighted += weights[p] * add[p];
        }
        for (long b : st.burden) {
          st.max = std::max(st.max, b);
          st.total += b;
        }
        next.push_back(std::move(st));
      }
    }
    if (next.empty()) throw std::invalid_argument("a meeting has no option it can be held at");
    // Best first, creation order breaking ties, so the answer is deterministic.
    std::stable_sort(next.begin(), next.end(), [](const State& a, const State& b) {
      if (a.max != b.max) return a.max < b.max;
      if (a.total != b.total) return a.total < b.total;
      return a.weighted < b.weighted - kTieEpsilon;
    });
    // A dominating state has a smaller total (or is equal), so it sorts earlier.
    std::vector<State> kept;
    for (auto& st : next) {
      bool dominated = false;
      for (const auto& k : kept) {
        bool le = true;
        for (std::size_t p = 0; p < n && le; ++p) le = k.burden[p] <= st.burden[p];
        if (le) {
          dominated = true;
          break;
        }
      }
      if (dominated) continue;
      if (kept.size() >= kMaxStates) {
        result.exact = false;
        break;
      }
      kept.push_back(std::move(st));
    }
    layers.push_back(std::move(kept));
  }
  const State& best = layers.back().front();
  result.burden = best.burden;
  result.weighted = best.weighted;
  result.pick.assign(offhours.size(), 0);
  std::size_t s = 0;
  for (std::size_t m = offhours.size(); m > 0; --m) {
    const State& st = layers[m][s];
    result.pick[m - 1] = st.pick;
    s = st.parent;
  }
  return result;
}

std::optional<Rotation> rotate_weekly_slots(const std::vector<CallParticipant>& participants,
                                            DateRange range, int duration_min, std::size_t options,
                                            int grid_min) {
  const Grid g(participants, range, duration_min, grid_min);
  auto cands = weekly_candidates(g);
  const auto best = best_candidate(cands);
  if (!best) return std::nullopt;
  Rotation rot;
  rot.options.push_back(build_slot(g, cands[*best], duration_min));
  const int best_order = cands[*best].order;
  cands = ranked(std::move(cands));
  const std::size_t limit = std::max<std::size_t>(options, 1);
  const std::size_t n = participants.size();
  // A rotation shares early and late hours, not nights: a slot that puts anybody's call between
  // 00:00 and 06:00 local more than the best slot does is never an option.
  const auto adds_night = [&](const WeeklyCandidate& c) {
    for (std::size_t p = 0; p < n; ++p)
      if (mean_of(g, c, p, Measure::night) > rot.options.front().mean_night[p] + kTieEpsilon)
        return true;
    return false;
  };
  // Options that only move the start within the same burdens add nothing to a rotation.
  const auto add_unless_repeat = [&](const WeeklyCandidate& c) {
    if (rot.options.size() >= limit || c.order == best_order || adds_night(c)) return;
    WeeklySlot slot = build_slot(g, c, duration_min);
    const bool repeat = std::any_of(rot.options.begin(), rot.options.end(), [&](const auto& o) {
      for (std::size_t p = 0; p < n; ++p)
        if (std::abs(o.mean_burden[p] - slot.mean_burden[p]) > kTieEpsilon) return false;
      return true;
    });
    if (!repeat) rot.options.push_back(std::move(slot));
  };
  // First the relief slots: for each participant the best slot burdens (the most burdened
  // first, by graded off-hours minutes), the best-ranked slot with the lightest burden for them;
  // then the rest in rank order. Without relief slots the few best slots often burden the same
  // person.
  std::vector<std::size_t> burdened;
  for (std::size_t p = 0; p < n; ++p)
    if (rot.options.front().mean_burden[p] > kTieEpsilon) burdened.push_back(p);
  std::stable_sort(burdened.begin(), burdened.end(), [&](std::size_t a, std::size_t b) {
    return rot.options.front().mean_burden[a] > rot.options.front().mean_burden[b];
  });
  for (const std::size_t p : burdened) {
    std::optional<std::size_t> relief;
    double lowest = rot.options.front().mean_burden[p] - kTieEpsilon;
    for (std::size_t k = 0; k < cands.size(); ++k) {
      if (adds_night(cands[k])) continue;
      const double mean = mean_of(g, cands[k], p, Measure::burden);
      if (mean < lowest - kTieEpsilon) {
        lowest = mean;
        relief = k;
      }
    }
    if (relief) add_unless_repeat(cands[*relief]);
  }
  for (const auto& c : cands) add_unless_repeat(c);

  // The series: every week of the best slot; each option's occurrence in that week, if any.
  const auto anchor_date = [](const SlotOccurrence& occ) {
    return Date{date::floor<date::days>(occ.local_start.front()).time_since_epoch()};
  };
  // Fairness is measured on the graded burden (a minute at 23:00 weighs more than one at 19:00),
  // in whole graded minutes.
  const auto graded = [](const SlotOccurrence& o) {
    std::vector<int> out;
    for (const double b : o.burden) out.push_back(static_cast<int>(std::lround(b)));
    return out;
  };
  std::vector<std::vector<std::optional<std::vector<int>>>> costs;
  std::vector<std::vector<const SlotOccurrence*>> occ_of;
  for (const auto& occ : rot.options.front().occurrences) {
    const long week = week_of(anchor_date(occ));
    std::vector<std::optional<std::vector<int>>> row(rot.options.size());
    std::vector<const SlotOccurrence*> ptrs(rot.options.size(), nullptr);
    for (std::size_t k = 0; k < rot.options.size(); ++k) {
      for (const auto& o : rot.options[k].occurrences) {
        if (week_of(anchor_date(o)) != week) continue;
        row[k] = graded(o);
        ptrs[k] = &o;
        break;
      }
    }
    costs.push_back(std::move(row));
    occ_of.push_back(std::move(ptrs));
  }
  std::vector<double> weights;
  for (const auto& p : participants) weights.push_back(p.weight);
  const RotationChoice choice = fair_rotation(costs, weights);
  rot.graded = choice.burden;
  rot.weighted = choice.weighted;
  rot.exact = choice.exact;
  rot.burden.assign(n, 0);
  rot.burden_fixed.assign(n, 0);
  rot.graded_fixed.assign(n, 0);
  for (std::size_t m = 0; m < costs.size(); ++m) {
    const SlotOccurrence& picked = *occ_of[m][choice.pick[m]];
    const SlotOccurrence& fixed = *occ_of[m][0];
    rot.meetings.push_back({choice.pick[m], picked});
    for (std::size_t p = 0; p < n; ++p) {
      rot.burden[p] += picked.offhours_min[p];
      rot.burden_fixed[p] += fixed.offhours_min[p];
      rot.graded_fixed[p] += (*costs[m][0])[p];
      rot.weighted_fixed += weights[p] * (*costs[m][0])[p];
    }
  }
  return rot;
}

} // namespace flyorcall::timez
