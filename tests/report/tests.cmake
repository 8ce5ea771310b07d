flyorcall_add_test(test_report
  ${CMAKE_CURRENT_SOURCE_DIR}/report/test_summary.cpp)
flyorcall_add_test(test_compare ${CMAKE_CURRENT_SOURCE_DIR}/report/test_compare.cpp LABELS parallel)
flyorcall_add_test(test_report_render ${CMAKE_CURRENT_SOURCE_DIR}/report/test_report_render.cpp ${CMAKE_CURRENT_SOURCE_DIR}/report/test_report_size.cpp ${CMAKE_CURRENT_SOURCE_DIR}/report/test_report_map.cpp ${CMAKE_CURRENT_SOURCE_DIR}/report/test_report_cli.cpp)
add_test(NAME report_in_chromium COMMAND ${FLYORCALL_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/report/browser_check.py --cli $<TARGET_FILE:flyorcall_cli> --work ${CMAKE_CURRENT_BINARY_DIR}/report-browser)
set_tests_properties(report_in_chromium PROPERTIES TIMEOUT 300)
