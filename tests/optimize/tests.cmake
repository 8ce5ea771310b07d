flyorcall_add_test(test_optimize
  ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_schedule.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_greedy.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_briefing.cpp)
flyorcall_add_test(test_optimize_core
  ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_core.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_core_readers.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_core_bench_cli.cpp
  ${PROJECT_SOURCE_DIR}/tools/bench/readers.cpp)
target_include_directories(test_optimize_core PRIVATE ${PROJECT_SOURCE_DIR}/tools)
target_compile_definitions(test_optimize_core PRIVATE FLYORCALL_BENCH="$<TARGET_FILE:flyorcall_bench>")
add_dependencies(test_optimize_core flyorcall_bench)
flyorcall_add_test(test_quarter ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_quarter.cpp)
flyorcall_add_test(test_plans_people_make ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_plans_people_make.cpp)
flyorcall_add_test(test_break_even ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_break_even.cpp)
flyorcall_add_test(test_quarter_exact ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_quarter_exact.cpp)
flyorcall_add_test(test_call_schedule ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_call_schedule.cpp)
