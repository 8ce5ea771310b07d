flyorcall_add_test(test_report
  ${CMAKE_CURRENT_SOURCE_DIR}/report/test_summary.cpp)
flyorcall_add_test(test_compare ${CMAKE_CURRENT_SOURCE_DIR}/report/test_compare.cpp)
