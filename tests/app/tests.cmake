# The application layer (include/flyorcall/: one call per verb, files, messages), tested through
# its public headers only.
flyorcall_add_test(test_app_validate_plan ${CMAKE_CURRENT_SOURCE_DIR}/app/test_app_validate_plan.cpp)
flyorcall_add_test(test_app_check_report ${CMAKE_CURRENT_SOURCE_DIR}/app/test_app_check_report.cpp)
flyorcall_add_test(test_app_files ${CMAKE_CURRENT_SOURCE_DIR}/app/test_app_files.cpp)
flyorcall_add_test(test_app_world ${CMAKE_CURRENT_SOURCE_DIR}/app/test_app_world.cpp LABELS parallel)
