// Documented maximums of an input (docs/input.md, "Limits"). The reader rejects anything larger
// with the item's JSON Pointer before building the model, so that planning time and memory stay
// bounded for every accepted input.
#pragma once

#include <cstddef>

namespace flyorcall::limits {

inline constexpr std::size_t kMaxInputBytes = 64u * 1024u * 1024u; ///< input file size
inline constexpr std::size_t kMaxDepth = 32;                       ///< JSON nesting depth
inline constexpr std::size_t kMaxTravellers = 50;                  ///< `travellers[]`
inline constexpr std::size_t kMaxClients = 2000;                   ///< `clients[]`
inline constexpr std::size_t kMaxEvents = 10000;                   ///< `events[]`
inline constexpr std::size_t kMaxCities = 2000;      ///< `network.cities[]` (added or overridden)
inline constexpr std::size_t kMaxCountries = 300;    ///< `network.countries[]`
inline constexpr std::size_t kMaxLegs = 50000;       ///< `network.legs[]`
inline constexpr std::size_t kMaxFares = 50000;      ///< `network.fares[]`, rows of a fares file
inline constexpr std::size_t kMaxWindows = 366;      ///< `clients[].availability[]`
inline constexpr int kMaxHorizonDays = 366;          ///< horizon length, days
inline constexpr double kMaxTimeLimitSeconds = 3600; ///< `time_limit_s`
/// Bytes of any one string or key (UTF-8, as written between its quotes).
inline constexpr std::size_t kMaxStringBytes = 65536;
/// Members of any one object (every schema object has far fewer; unknown keys are errors).
inline constexpr std::size_t kMaxMembers = 100;
/// JSON values of a whole document (every number, string, boolean, null, array and object):
/// together with the lists' maximums this bounds the memory a document may take while read.
inline constexpr std::size_t kMaxValues = 1000000;
inline constexpr int kMinEffort = 1; ///< `policy.effort`, least work
inline constexpr int kMaxEffort = 5; ///< `policy.effort`, most work
/// Clients the exact planner (PlanMethod::exact) takes at most (docs/optimizer.md).
inline constexpr std::size_t kMaxExactClients = 12;

} // namespace flyorcall::limits
