flyorcall_add_test(test_cost
  ${CMAKE_CURRENT_SOURCE_DIR}/cost/test_value.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cost/test_jetlag.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cost/test_trip_cost.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/cost/test_remote_cost.cpp)
