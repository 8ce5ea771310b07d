set(FLYORCALL_REPORT_SOURCES
  src/report/summary.cpp
  src/report/compare.cpp src/report/compare_format.cpp src/report/compare_html.cpp)
