flyorcall_add_test(test_cli
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_cli.cpp)
flyorcall_add_test(test_compare_cli ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_compare_cli.cpp LABELS parallel)
flyorcall_add_test(test_batch_cli ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_batch_cli.cpp LABELS parallel)
flyorcall_add_test(test_holidays_cli ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_holidays_cli.cpp)
flyorcall_add_test(test_calls_cli ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_calls_cli.cpp)
flyorcall_add_test(test_output_files_cli ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_output_files_cli.cpp)
flyorcall_add_test(test_method_cli ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_method_cli.cpp LABELS parallel)
flyorcall_add_test(test_exact_limits_cli ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_exact_limits_cli.cpp)
# Runs plan, compare and batch on 150-client quarters beside a CPU burner: release runs only
# (exclude it with -LE heavy under the sanitizers).
flyorcall_add_test(test_determinism_under_load_cli
  ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_determinism_under_load_cli.cpp LABELS heavy SERIAL)
flyorcall_add_test(test_fares_cli ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_fares_cli.cpp)
flyorcall_add_test(test_destinations_cli ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_destinations_cli.cpp)
# The same tests as an ordinary user when the suite runs as root (as CI does).
add_test(NAME destinations_as_unprivileged_user
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cli/run_unprivileged.sh $<TARGET_FILE:test_destinations_cli>)
set_tests_properties(destinations_as_unprivileged_user PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
  LABELS release_only)
flyorcall_add_test(test_options_cli ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_options_cli.cpp)
flyorcall_add_test(test_memory_cli ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_memory_cli.cpp)
