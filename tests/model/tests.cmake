flyorcall_add_test(test_model
  ${CMAKE_CURRENT_SOURCE_DIR}/model/test_csv.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/test_format.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/test_suggest.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/model/test_utf8.cpp)
