set(FLYORCALL_TIME_SOURCES
  src/time/zones.cpp
  src/time/working_hours.cpp
  src/time/calendar.cpp
  src/time/holidays.cpp
  src/time/calls.cpp
  src/time/call_series.cpp
  src/time/participants.cpp)
