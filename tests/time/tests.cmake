flyorcall_add_test(test_time
  ${CMAKE_CURRENT_SOURCE_DIR}/time/test_zones.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/time/test_working_hours.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/time/test_calendar.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/time/test_calls.cpp)
flyorcall_add_test(test_holidays
  ${CMAKE_CURRENT_SOURCE_DIR}/time/test_holidays_engine.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/time/test_holidays_europe.cpp)
