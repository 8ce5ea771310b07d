set(FLYORCALL_CHECK_SOURCES
  src/check/plan_check.cpp)
