set(FLYORCALL_IO_SOURCES
  src/io/input_reader.cpp
  src/io/plan_writer.cpp
  src/io/network_writer.cpp
  src/io/holidays_writer.cpp
  src/io/files.cpp
  src/io/scenario.cpp
  src/io/compare_json.cpp)
