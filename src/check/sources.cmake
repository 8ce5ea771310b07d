set(FLYORCALL_CHECK_SOURCES
  src/check/plan_check.cpp
  src/check/plan_check_legs.cpp
  src/check/plan_check_trips.cpp
  src/check/plan_check_clients.cpp)
