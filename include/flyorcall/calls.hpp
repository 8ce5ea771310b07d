// Remote-meeting slots for participants in several time zones: what `flyorcall calls` prints
// (docs/calls.md; docs/library.md, "Network, routes, holidays, calls, compare and batch"). Plain
// C++ types only.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include <date/date.h>

#include "flyorcall/model.hpp"

namespace flyorcall {

/// A calls question, with the same fields and limits as `flyorcall calls` (docs/calls.md).
struct CallsRequest {
  /// NAME:ZONE[#CC][@HOURS][*WEIGHT] per participant; the first anchors the grid.
  std::vector<std::string> participants;
  std::string from; ///< first date, YYYY-MM-DD, in the first participant's zone
  std::string to;   ///< last date, inclusive
  int duration = 60;
  int grid = 15;
  bool weekly = false; ///< rank recurring weekly slots instead of dated starts
  bool rotate = false; ///< rotate a weekly series among the best `options` slots
  int top = 5;
  int options = 3;
  double far_weight = Policy{}.offhours_far_factor;
  double night_weight = Policy{}.offhours_night_factor;
};

/// One dated start.
struct CallStart {
  date::sys_seconds start;       ///< UTC
  std::vector<int> offhours_min; ///< per participant
  double score = 0;              ///< weighted graded off-hours minutes (lower is better)
};

/// One recurring weekly slot, in the first participant's local time.
struct WeeklyCallSlot {
  int weekday = 0;                      ///< 0 Sunday .. 6 Saturday
  int anchor_start_min = 0;             ///< minutes after local midnight
  double score = 0;                     ///< mean weighted off-hours minutes per date
  std::vector<double> mean_offhours;    ///< per participant
  std::vector<date::sys_seconds> dates; ///< every date it is held (UTC starts)
};

/// What `flyorcall calls` computed.
struct CallsResult {
  std::vector<std::string> names;     ///< participants' names, in the request's order
  std::vector<CallStart> starts;      ///< best dated starts (neither weekly nor rotate)
  std::vector<WeeklyCallSlot> weekly; ///< best weekly slots (weekly)
  bool rotated = false;               ///< rotate was asked and a rotation exists
  std::vector<long> rotation_burden;  ///< per participant, off-hours minutes with the rotation
  std::vector<long> fixed_burden;     ///< per participant, keeping the best slot every week
  std::string text;                   ///< as `flyorcall calls` prints it
  std::string json;                   ///< as `flyorcall calls --json` prints it
};

/// Finds the call slots of a request. Throws InputError listing every bad argument and
/// participant, and InfeasibleError("/participants") when no date of the range is a business day
/// for every participant.
[[nodiscard]] CallsResult find_call_slots(const CallsRequest& request);

} // namespace flyorcall
