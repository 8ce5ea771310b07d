set(FLYORCALL_MODEL_SOURCES
  src/model/csv.cpp
  src/model/suggest.cpp
  src/model/utf8.cpp)
