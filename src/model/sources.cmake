set(FLYORCALL_MODEL_SOURCES
  src/model/suggest.cpp)
