flyorcall_add_test(test_plan_check ${CMAKE_CURRENT_SOURCE_DIR}/check/test_plan_check.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/check/test_plan_check_mutated.cpp)
flyorcall_add_test(test_check_cli ${CMAKE_CURRENT_SOURCE_DIR}/check/test_check_cli.cpp)
flyorcall_add_test(test_check_all_plans ${CMAKE_CURRENT_SOURCE_DIR}/check/test_check_all_plans.cpp)
