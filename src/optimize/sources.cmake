set(FLYORCALL_OPTIMIZE_SOURCES
  src/optimize/schedule.cpp
  src/optimize/greedy.cpp
  src/optimize/briefing.cpp
  src/optimize/parallel.cpp)
