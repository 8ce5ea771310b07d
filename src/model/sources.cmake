set(FLYORCALL_MODEL_SOURCES
  src/model/as_written.cpp
  src/model/csv.cpp
  src/model/format.cpp
  src/model/suggest.cpp
  src/model/utf8.cpp)
