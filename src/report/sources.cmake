set(FLYORCALL_REPORT_SOURCES
  src/report/summary.cpp)
