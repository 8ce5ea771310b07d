set(FLYORCALL_NETWORK_SOURCES
  src/network/world_data.cpp
  src/network/geo.cpp
  src/network/places.cpp
  src/network/emissions.cpp
  src/network/network.cpp
  src/network/routes.cpp)
