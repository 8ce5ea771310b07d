set(FLYORCALL_APP_SOURCES
  src/app/network.cpp
  src/app/route.cpp
  src/app/holidays.cpp
  src/app/calls.cpp
  src/app/batch.cpp
  src/app/compare.cpp)
