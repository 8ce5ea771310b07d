// The participant syntax of `flyorcall calls`: NAME:ZONE[#CC][@HOURS][*WEIGHT] (docs/calls.md).
// A participant is parsed into the scoring inputs of a call (zone, working hours, weight and the
// business calendar of their country) and what the output reports about how they were chosen.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flyorcall/errors.hpp"
#include "flyorcall/model.hpp"
#include "time/calls.hpp"

namespace flyorcall::timez {

/// Largest `*WEIGHT` of a participant (weights must be above 0).
inline constexpr double kMaxParticipantWeight = 1000.0;

/// What is known about a parsed participant besides the scoring inputs.
struct ParticipantInfo {
  std::string zone;               ///< IANA name as resolved
  std::string country;            ///< ISO code of the calendar used; empty for weekend-only
  std::string hours;              ///< canonical working-hours text
  bool holidays = false;          ///< true when public holidays of `country` close dates
  bool complete = true;           ///< false when the holiday list of some year is incomplete
  std::vector<std::string> notes; ///< how the calendar was chosen, incompleteness
};

/// A parsed participant: the scoring inputs and the report about them.
struct ParsedParticipant {
  CallParticipant part; ///< name, zone, working hours, calendar, weight
  ParticipantInfo info; ///< resolved zone, country, hours text, notes
};

/// Parses one "NAME:ZONE[#CC][@HOURS][*WEIGHT]" (`index` is 0-based, `range` the anchor's local
/// dates, which the calendar covers with three days to spare either side). NAME is any text
/// without ':' or control characters; the whole text must be valid UTF-8. On failure appends one
/// problem (empty pointer) starting `participant <index+1> "<text>": ` (without the text when it
/// is not UTF-8) and naming the 1-based character (byte) position, and returns nullopt. Never
/// throws for any text as long as `range` widened by three days lies within
/// kFirstHolidayYear..kLastHolidayYear.
[[nodiscard]] std::optional<ParsedParticipant> parse_participant(std::string_view text,
                                                                 std::size_t index, DateRange range,
                                                                 std::vector<Problem>& problems);

/// " (did you mean \"...\"?)" for a mistyped zone name: a near IANA name, else the zone of a
/// built-in city whose name stands in the zone's place ("Europe/Frankfurt"); "" when none.
[[nodiscard]] std::string zone_hint(std::string_view given);

} // namespace flyorcall::timez
