flyorcall_add_test(test_io
  ${CMAKE_CURRENT_SOURCE_DIR}/io/test_input_reader.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/io/test_bad_input.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/io/test_plan_writer.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/io/test_fares_file.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/io/test_input_schema.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/io/test_robustness.cpp)
flyorcall_add_test(test_scenario ${CMAKE_CURRENT_SOURCE_DIR}/io/test_scenario.cpp)
flyorcall_add_test(test_plan_reader ${CMAKE_CURRENT_SOURCE_DIR}/io/test_plan_reader.cpp)
flyorcall_add_test(test_io_safety ${CMAKE_CURRENT_SOURCE_DIR}/io/test_limits.cpp ${CMAKE_CURRENT_SOURCE_DIR}/io/test_writers.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/io/test_output.cpp ${CMAKE_CURRENT_SOURCE_DIR}/io/test_json_scan.cpp)
# The JSON Schemas of data/schema/ with an independent validator (python3-jsonschema) against the examples,
# the outputs and the reader (tests/schema/test_schema.py).
add_test(NAME json_schemas COMMAND ${FLYORCALL_PYTHON3} ${PROJECT_SOURCE_DIR}/tests/schema/test_schema.py
  --cli $<TARGET_FILE:flyorcall_cli>)
set_tests_properties(json_schemas PROPERTIES TIMEOUT 300 LABELS release_only)
