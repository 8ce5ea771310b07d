set(FLYORCALL_APP_SOURCES
  src/app/validate.cpp
  src/app/planning.cpp
  src/app/check.cpp
  src/app/report.cpp)
