// Recurring call slots across time zones: every candidate start on a grid, scored by the
// weighted minutes participants spend outside their working hours on the real dates.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <date/tz.h>

#include "flyorcall/model.hpp"
#include "time/calendar.hpp"

namespace flyorcall::timez {

/// One party of a call.
struct CallParticipant {
  std::string name;
  const date::time_zone* zone = nullptr;
  WorkingHours hours;
  BusinessCalendar calendar{kSatSun, {}};
  double weight = 1.0; ///< weight of one off-hours minute
};

/// One dated occurrence of a recurring slot.
struct SlotOccurrence {
  date::sys_seconds start;          ///< UTC
  std::vector<int> local_start_min; ///< per participant, local minutes after midnight
  std::vector<int> offhours_min;    ///< per participant
};

/// A weekly slot anchored in participant 0's local time.
struct WeeklySlot {
  date::weekday weekday;    ///< anchor's local weekday
  int anchor_start_min = 0; ///< anchor's local start, minutes after midnight
  int duration_min = 60;
  double score = 0;                  ///< mean weighted off-hours minutes per occurrence
  double reach = 0;                  ///< tie-break: mean weighted offhours_reach per occurrence
  std::vector<double> mean_offhours; ///< per participant, mean off-hours minutes
  std::vector<SlotOccurrence> occurrences; ///< dates where every participant does business
};

/// The weekly slot with the lowest mean weighted off-hours score over `range`; ties go to the
/// slot whose off-hours minutes lie nearest working time (lowest `reach`), then to the earliest
/// weekday, then the earliest start. nullopt when no date suits every participant.
[[nodiscard]] std::optional<WeeklySlot>
best_weekly_slot(const std::vector<CallParticipant>& participants, DateRange range,
                 int duration_min, int grid_min = 15);

} // namespace flyorcall::timez
