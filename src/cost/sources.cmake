set(FLYORCALL_COST_SOURCES
  src/cost/value.cpp
  src/cost/jetlag.cpp
  src/cost/trip_cost.cpp
  src/cost/remote_cost.cpp
  src/cost/call_schedule.cpp)
