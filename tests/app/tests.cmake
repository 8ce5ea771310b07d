flyorcall_add_test(test_app_world ${CMAKE_CURRENT_SOURCE_DIR}/app/test_app_world.cpp LABELS parallel)
