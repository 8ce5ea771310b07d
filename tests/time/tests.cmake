flyorcall_add_test(test_time
  ${CMAKE_CURRENT_SOURCE_DIR}/time/test_zones.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/time/test_working_hours.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/time/test_calendar.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/time/test_calls.cpp)
