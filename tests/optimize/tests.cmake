flyorcall_add_test(test_optimize
  ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_schedule.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_greedy.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_briefing.cpp)
flyorcall_add_test(test_optimize_core
  ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_core.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_core_readers.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_core_bench_cli.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_core_random_op.cpp
  ${PROJECT_SOURCE_DIR}/tools/bench/readers.cpp
  ${PROJECT_SOURCE_DIR}/tools/bench/random_op.cpp)
target_include_directories(test_optimize_core PRIVATE ${PROJECT_SOURCE_DIR}/tools)
target_compile_definitions(test_optimize_core PRIVATE FLYORCALL_BENCH="$<TARGET_FILE:flyorcall_bench>")
add_dependencies(test_optimize_core flyorcall_bench)
# Re-derives a few rows of the table of proven random-OP optima with the exact integer program
# (Debian's coinor-cbc and python3-scipy; about a minute, so label heavy: the sanitizer stages
# leave it out).
add_test(NAME op_exact_reference
  COMMAND ${FLYORCALL_PYTHON3} ${PROJECT_SOURCE_DIR}/benchmarks/op_exact.py check
          --bench $<TARGET_FILE:flyorcall_bench>
          --table ${CMAKE_CURRENT_SOURCE_DIR}/optimize/data/op_random_optima.csv --count 2)
set_tests_properties(op_exact_reference PROPERTIES LABELS heavy TIMEOUT 900)
flyorcall_add_test(test_quarter ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_quarter.cpp)
flyorcall_add_test(test_plans_people_make ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_plans_people_make.cpp)
flyorcall_add_test(test_break_even ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_break_even.cpp)
flyorcall_add_test(test_quarter_exact ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_quarter_exact.cpp)
flyorcall_add_test(test_call_schedule ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_call_schedule.cpp)
