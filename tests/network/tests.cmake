flyorcall_add_test(test_network
  ${CMAKE_CURRENT_SOURCE_DIR}/network/test_world_data.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/network/test_places.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/network/test_reference.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/network/test_reference_hotels.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/network/test_emissions.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/network/test_network.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/network/test_routes.cpp)
