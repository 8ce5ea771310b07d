set(FLYORCALL_REPORT_SOURCES
  src/report/summary.cpp
  src/report/compare.cpp src/report/compare_format.cpp src/report/compare_html.cpp
  src/report/report_build.cpp src/report/report_charts.cpp src/report/report_csv.cpp src/report/report_format.cpp src/report/report_html.cpp src/report/report_ics.cpp src/report/report_ics_calls.cpp src/report/report_ics_zones.cpp src/report/report_markdown.cpp src/report/report_page.cpp src/report/report_currency.cpp src/report/report_totals.cpp src/report/report_xlsx.cpp src/report/world_map.cpp)
