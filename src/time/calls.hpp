// Call slots across time zones: every candidate start on a grid of the first participant's local
// time, scored by the weighted minutes participants spend outside their working hours on the
// real dates; the best recurring weekly slot with the dates where a daylight-saving change moves
// someone's local time; and a fair rotation among the best weekly slots.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <date/tz.h>

#include "flyorcall/model.hpp"
#include "time/calendar.hpp"

namespace flyorcall::timez {

/// How much an off-hours minute weighs by when it falls in the participant's local day
/// (docs/calls.md, "Scoring"): a minute within kNearMin of the working day counts once, one
/// further away `far` times, and one between 00:00 and 06:00 `night` times, so that a call at
/// 04:00 costs far more than one at 08:00 or 19:00.
struct OffHoursCurve {
  double far = 2.0;   ///< weight of an off-hours minute more than two hours from the working day
  double night = 6.0; ///< weight of a minute from 00:00 to 06:00 local
  static constexpr int kNearMin = 120; ///< off-hours minutes this near the working day count once
  static constexpr int kNightEndMin = 6 * 60; ///< nights end at 06:00 local
};

/// One party of a call.
struct CallParticipant {
  std::string name;
  const date::time_zone* zone = nullptr;
  WorkingHours hours;
  BusinessCalendar calendar{kSatSun, {}};
  double weight = 1.0; ///< weight of one off-hours minute
  OffHoursCurve curve; ///< how an off-hours minute weighs by its time of day
};

/// One dated call start (a dated occurrence of a weekly slot, or one candidate of the range).
struct SlotOccurrence {
  date::sys_seconds start;                      ///< UTC
  std::vector<int> local_start_min;             ///< per participant, local minutes after midnight
  std::vector<int> offhours_min;                ///< per participant
  std::vector<double> burden;                   ///< per participant, graded off-hours minutes
  std::vector<date::local_seconds> local_start; ///< per participant, local wall time of the start
  double score = 0;                             ///< weighted graded off-hours minutes of this start
};

/// A weekly slot anchored in participant 0's local time.
struct WeeklySlot {
  date::weekday weekday;    ///< anchor's local weekday
  int anchor_start_min = 0; ///< anchor's local start, minutes after midnight
  int duration_min = 60;
  double score = 0;                  ///< mean weighted off-hours minutes per occurrence
  double reach = 0;                  ///< tie-break: mean weighted offhours_reach per occurrence
  std::vector<double> mean_offhours; ///< per participant, mean off-hours minutes
  std::vector<double> mean_burden;   ///< per participant, mean graded off-hours minutes
  std::vector<double> mean_night;    ///< per participant, mean off-hours minutes 00:00-06:00
  std::vector<SlotOccurrence> occurrences; ///< dates where every participant does business
};

/// The weekly slot with the lowest mean weighted off-hours score over `range`; ties go to the
/// slot whose off-hours minutes lie nearest working time (lowest `reach`), then to the earliest
/// weekday, then the earliest start. nullopt when no date suits every participant. A start in
/// the anchor's spring-forward gap is moved forward by the gap (to_utc). Throws
/// std::invalid_argument without participants, for a null zone, a grid that does not divide a
/// day, or a duration outside 1 minute to a week (as do the functions below).
[[nodiscard]] std::optional<WeeklySlot>
best_weekly_slot(const std::vector<CallParticipant>& participants, DateRange range,
                 int duration_min, int grid_min = 15);

/// The `count` best weekly slots in best_weekly_slot's order (the first is best_weekly_slot's
/// answer); fewer when fewer (weekday, start) pairs have a date that suits every participant.
[[nodiscard]] std::vector<WeeklySlot>
rank_weekly_slots(const std::vector<CallParticipant>& participants, DateRange range,
                  int duration_min, std::size_t count, int grid_min = 15);

/// Every start on the grid of participant 0's local days in `range` (start times that do not
/// exist locally, in a spring-forward gap, are left out; a repeated fall-back hour is taken once,
/// at its earlier instant) on which every participant does business on their own local date,
/// scored by weighted off-hours minutes; in time order.
[[nodiscard]] std::vector<SlotOccurrence>
score_all_starts(const std::vector<CallParticipant>& participants, DateRange range,
                 int duration_min, int grid_min = 15);

/// The `count` lowest-scoring starts of score_all_starts; equal scores go to the start nearest
/// working time (weighted offhours_reach), then the earlier start.
[[nodiscard]] std::vector<SlotOccurrence>
best_starts(const std::vector<CallParticipant>& participants, DateRange range, int duration_min,
            std::size_t count, int grid_min = 15);

/// A weekly occurrence on which a participant's local start differs, relative to the anchor's,
/// from the previous occurrence: a daylight-saving change in one zone but not another.
struct LocalShift {
  std::size_t occurrence = 0;  ///< index in the slot's occurrences
  std::size_t participant = 0; ///< whose local time moved
  date::local_seconds before;  ///< that participant's local start at the previous occurrence
  date::local_seconds after;   ///< and at this one
  int shift_min = 0; ///< how far the local time of day moved relative to the anchor (+60: later)
};

/// The local-time shifts of a weekly slot's occurrences, in occurrence then participant order.
[[nodiscard]] std::vector<LocalShift> local_time_shifts(const WeeklySlot& slot);

/// The result of choosing one option per meeting.
struct RotationChoice {
  std::vector<std::size_t> pick; ///< per meeting, the chosen option
  std::vector<long> burden;      ///< per participant, total off-hours minutes
  double weighted = 0;           ///< total weighted off-hours minutes
  bool exact = true;             ///< false when the search had to drop states (very large cases)
};

/// Chooses one option per meeting minimising the largest participant burden, then the total
/// burden, then the weighted total. offhours[m][k] holds option k's off-hours minutes per
/// participant at meeting m, or nothing when option k cannot be held then (every meeting must
/// have at least one option). `weights` per participant. Deterministic.
[[nodiscard]] RotationChoice
fair_rotation(const std::vector<std::vector<std::optional<std::vector<int>>>>& offhours,
              const std::vector<double>& weights);

/// A series of weekly meetings rotated among the best few weekly slots.
struct Rotation {
  std::vector<WeeklySlot> options; ///< the slots rotated among; options[0] is the best slot
  struct Meeting {
    std::size_t option = 0;    ///< index in options
    SlotOccurrence occurrence; ///< that option's occurrence in the meeting's week
  };
  std::vector<Meeting> meetings;  ///< one per week in which the best slot can be held
  std::vector<long> burden;       ///< per participant, off-hours minutes with rotation
  std::vector<long> burden_fixed; ///< per participant, off-hours minutes keeping options[0]
  std::vector<long> graded;       ///< per participant, graded off-hours minutes with rotation
  std::vector<long> graded_fixed; ///< per participant, graded off-hours minutes keeping options[0]
  double weighted = 0;            ///< weighted graded off-hours minutes with rotation
  double weighted_fixed = 0;      ///< and keeping options[0]
  bool exact = true;              ///< as RotationChoice::exact
};

/// A weekly series over `range` (each week, in the anchor's Monday-first weeks, where the best
/// slot can be held) rotated among up to `options` weekly slots: the best; then, for each
/// participant it burdens (most first), the best-ranked slot with the lightest graded burden for
/// them; then the rest in rank order; skipping any whose mean graded burden per participant
/// repeats an earlier option's, and any that puts a participant's call between 00:00 and 06:00
/// local for more minutes than the best slot does (a rotation shares early and late hours, never
/// nights). The rotation is fair_rotation's on graded off-hours minutes (OffHoursCurve, rounded
/// to whole minutes), so the largest graded burden is the one made smallest. nullopt when no
/// slot exists.
[[nodiscard]] std::optional<Rotation>
rotate_weekly_slots(const std::vector<CallParticipant>& participants, DateRange range,
                    int duration_min, std::size_t options, int grid_min = 15);

} // namespace flyorcall::timez
