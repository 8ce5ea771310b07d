flyorcall_add_test(test_optimize
  ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_schedule.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_greedy.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/optimize/test_briefing.cpp)
