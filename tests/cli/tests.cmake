flyorcall_add_test(test_cli
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_cli.cpp)
flyorcall_add_test(test_compare_cli ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_compare_cli.cpp LABELS parallel)
flyorcall_add_test(test_batch_cli ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_batch_cli.cpp LABELS parallel)
flyorcall_add_test(test_holidays_cli ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_holidays_cli.cpp)
flyorcall_add_test(test_calls_cli ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_calls_cli.cpp)
flyorcall_add_test(test_output_files_cli ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_output_files_cli.cpp)
flyorcall_add_test(test_method_cli ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_method_cli.cpp LABELS parallel)
flyorcall_add_test(test_fares_cli ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_fares_cli.cpp)
