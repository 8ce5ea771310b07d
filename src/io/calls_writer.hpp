// JSON view of `flyorcall calls`: the best call starts, weekly slots with their daylight-saving
// shifts, and a fair rotation (docs/calls.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "flyorcall/model.hpp"
#include "time/calls.hpp"
#include "time/participants.hpp"

namespace flyorcall::io {

/// Everything `flyorcall calls` computed; empty parts are left out of the JSON.
struct CallsReport {
  DateRange range;                                  ///< anchor's local dates
  int duration_min = 60;                            ///< call length
  int grid_min = 15;                                ///< start grid
  std::vector<timez::CallParticipant> participants; ///< as scored (participant 0 anchors)
  std::vector<timez::ParticipantInfo> info;         ///< per participant
  std::vector<timez::SlotOccurrence> starts;        ///< best dated starts (default mode)
  bool weekly_requested = false;                    ///< --weekly
  std::vector<timez::WeeklySlot> weekly;            ///< best weekly slots (--weekly)
  std::optional<timez::Rotation> rotation;          ///< --rotate
};

/// Pretty JSON (docs/calls.md) ending in a newline: per start the UTC instant, each
/// participant's local start (ISO 8601 with the zone's offset then) and off-hours minutes, and
/// the score; weekly slots with their occurrences and DST shifts; the rotation's schedule and
/// burdens.
[[nodiscard]] std::string calls_to_json(const CallsReport& report);

} // namespace flyorcall::io
