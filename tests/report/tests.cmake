flyorcall_add_test(test_report
  ${CMAKE_CURRENT_SOURCE_DIR}/report/test_summary.cpp)
flyorcall_add_test(test_compare ${CMAKE_CURRENT_SOURCE_DIR}/report/test_compare.cpp LABELS parallel)
flyorcall_add_test(test_report_render ${CMAKE_CURRENT_SOURCE_DIR}/report/test_report_render.cpp ${CMAKE_CURRENT_SOURCE_DIR}/report/test_report_size.cpp ${CMAKE_CURRENT_SOURCE_DIR}/report/test_report_map.cpp ${CMAKE_CURRENT_SOURCE_DIR}/report/test_report_cli.cpp)
flyorcall_add_test(test_report_ics ${CMAKE_CURRENT_SOURCE_DIR}/report/test_report_ics.cpp)
find_program(FLYORCALL_PYTHON3 python3) # not found: the test fails (scripts/setup.sh installs it)
add_test(NAME report_in_chromium COMMAND ${FLYORCALL_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/report/browser_check.py --cli $<TARGET_FILE:flyorcall_cli> --work ${CMAKE_CURRENT_BINARY_DIR}/report-browser)
set_tests_properties(report_in_chromium PROPERTIES TIMEOUT 300)
# Python tests run Debian's own interpreter, /usr/bin/python3, with Debian's python3-icalendar and
# python3-dateutil (scripts/setup.sh), not whatever python3 is first on PATH.
set(FLYORCALL_SYSTEM_PYTHON3 /usr/bin/python3)
add_test(NAME report_ics_readback COMMAND ${FLYORCALL_SYSTEM_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/report/ics_check.py --cli $<TARGET_FILE:flyorcall_cli> --source ${PROJECT_SOURCE_DIR} --work ${CMAKE_CURRENT_BINARY_DIR}/report-ics)
set_tests_properties(report_ics_readback PROPERTIES TIMEOUT 600)
