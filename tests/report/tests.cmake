flyorcall_add_test(test_report
  ${CMAKE_CURRENT_SOURCE_DIR}/report/test_summary.cpp)
flyorcall_add_test(test_compare ${CMAKE_CURRENT_SOURCE_DIR}/report/test_compare.cpp LABELS parallel)
flyorcall_add_test(test_report_render ${CMAKE_CURRENT_SOURCE_DIR}/report/test_report_render.cpp ${CMAKE_CURRENT_SOURCE_DIR}/report/test_report_size.cpp ${CMAKE_CURRENT_SOURCE_DIR}/report/test_report_map.cpp ${CMAKE_CURRENT_SOURCE_DIR}/report/test_report_cli.cpp)
flyorcall_add_test(test_report_ics ${CMAKE_CURRENT_SOURCE_DIR}/report/test_report_ics.cpp)
add_test(NAME report_in_chromium COMMAND ${FLYORCALL_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/report/browser_check.py --cli $<TARGET_FILE:flyorcall_cli> --work ${CMAKE_CURRENT_BINARY_DIR}/report-browser --source ${PROJECT_SOURCE_DIR})
set_tests_properties(report_in_chromium PROPERTIES TIMEOUT 300 LABELS release_only)
# The tidy CSV report read back with Python's csv module and checked against the plan to the cent.
add_test(NAME report_tidy_csv COMMAND ${FLYORCALL_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/report/tidy_csv_check.py --cli $<TARGET_FILE:flyorcall_cli>)
set_tests_properties(report_tidy_csv PROPERTIES TIMEOUT 300 LABELS release_only)
# The calendar export read back with Debian's python3-icalendar and python3-dateutil.
add_test(NAME report_ics_readback COMMAND ${FLYORCALL_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/report/ics_check.py --cli $<TARGET_FILE:flyorcall_cli> --source ${PROJECT_SOURCE_DIR} --work ${CMAKE_CURRENT_BINARY_DIR}/report-ics)
set_tests_properties(report_ics_readback PROPERTIES TIMEOUT 600 LABELS release_only)
# The Excel workbook opened with Debian's python3-openpyxl and checked against the plan to the cent.
add_test(NAME report_xlsx_readback COMMAND ${FLYORCALL_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/report/xlsx_check.py --cli $<TARGET_FILE:flyorcall_cli>)
set_tests_properties(report_xlsx_readback PROPERTIES TIMEOUT 300 LABELS release_only)
