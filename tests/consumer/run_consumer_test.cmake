# Installs the built project into a scratch prefix, then builds and runs a consumer of it in the
# two ways a user's project would: with CMake's find_package(flyorcall) (tests/consumer) and with
# pkg-config (flyorcall.pc); then imports the installed Python package from the prefix.
# Arguments: BUILD_DIR, SOURCE_DIR, WORK_DIR, CXX (the compiler), CXX_FLAGS (e.g. sanitizer flags
# the library was built with), SHARED (ON for libflyorcall.so), LIBDIR (relative to the prefix),
# PYTHON_DIR (the package's directory relative to the prefix; empty: no Python package), PYTHON3.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()
function(expect_one_decision)
  message(STATUS "${last_output}")
  if(NOT last_output MATCHES "1 decision")
    message(FATAL_ERROR "unexpected consumer output: ${last_output}")
  endif()
endfunction()

run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
set(expected bin/flyorcall include/flyorcall/flyorcall.hpp include/flyorcall/version.hpp
    share/flyorcall/cities.csv share/flyorcall/examples/default.json
    ${LIBDIR}/pkgconfig/flyorcall.pc ${LIBDIR}/cmake/flyorcall/flyorcallConfig.cmake)
if(SHARED)
  # libflyorcall.so -> libflyorcall.so.MAJOR.MINOR (the soname) -> libflyorcall.so.VERSION
  file(GLOB versioned ${prefix}/${LIBDIR}/libflyorcall.so.*.*.*)
  if(NOT versioned)
    message(FATAL_ERROR "not installed: ${LIBDIR}/libflyorcall.so.VERSION")
  endif()
  list(APPEND expected ${LIBDIR}/libflyorcall.so)
else()
  list(APPEND expected ${LIBDIR}/libflyorcall.a)
endif()
foreach(f ${expected})
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
# The header-only dependencies never reach a consumer: neither the exported targets nor the
# package's config name them.
file(GLOB cmake_files ${prefix}/${LIBDIR}/cmake/flyorcall/*.cmake)
foreach(f ${cmake_files})
  file(READ ${f} text)
  string(REGEX REPLACE "#[^\n]*" "" text "${text}")
  if(text MATCHES "Boost|nlohmann|Eigen")
    message(FATAL_ERROR "${f} names a private header-only dependency (${CMAKE_MATCH_0})")
  endif()
endforeach()

# 1. CMake: find_package(flyorcall).
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/consumer -B ${WORK_DIR}/build -G Ninja
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=${CXX}
    "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}" "-DCMAKE_EXE_LINKER_FLAGS=${CXX_FLAGS}")
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/consumer)
expect_one_decision()
# The installed tool runs from the prefix (a shared library is found through its RUNPATH).
run(${prefix}/bin/flyorcall validate --example)

# 2. pkg-config: flyorcall.pc, relocated with the prefix; a static library needs --static.
find_program(PKG_CONFIG NAMES pkg-config REQUIRED)
set(ENV{PKG_CONFIG_PATH} ${prefix}/${LIBDIR}/pkgconfig)
set(pc_args --cflags --libs)
if(NOT SHARED)
  list(APPEND pc_args --static)
endif()
run(${PKG_CONFIG} ${pc_args} flyorcall)
string(STRIP "${last_output}" pc_flags)
separate_arguments(pc_flags UNIX_COMMAND "${pc_flags}")
separate_arguments(extra_flags UNIX_COMMAND "${CXX_FLAGS}")
run(${PKG_CONFIG} --variable=libdir flyorcall)
string(STRIP "${last_output}" pc_libdir)
run(${CXX} -std=c++20 ${extra_flags} ${SOURCE_DIR}/tests/consumer/main.cpp -o
    ${WORK_DIR}/consumer-pc ${pc_flags} -Wl,-rpath,${pc_libdir})
run(${WORK_DIR}/consumer-pc)
expect_one_decision()
run(${PKG_CONFIG} --modversion flyorcall)
message(STATUS "pkg-config: flyorcall ${last_output}")

# 3. Python: the installed package imports from the prefix, not from the build tree.
if(PYTHON_DIR)
  if(IS_ABSOLUTE "${PYTHON_DIR}")
    message(STATUS "Python package installed outside the prefix (${PYTHON_DIR}): not imported")
  else()
    # (A script file: a semicolon in a command argument would split it into a CMake list.)
    file(WRITE ${WORK_DIR}/import.py "import flyorcall\n"
      "print(flyorcall.__file__)\n"
      "print(flyorcall.validate('${SOURCE_DIR}/data/examples/small.json'))\n")
    run(${CMAKE_COMMAND} -E env PYTHONPATH=${prefix}/${PYTHON_DIR} PYTHONDONTWRITEBYTECODE=1
        ${PYTHON3} ${WORK_DIR}/import.py)
    message(STATUS "${last_output}")
    if(NOT last_output MATCHES "^${prefix}/${PYTHON_DIR}/flyorcall/__init__.py\n.*'clients': 3")
      message(FATAL_ERROR "the installed Python package did not run: ${last_output}")
    endif()
  endif()
endif()
file(REMOVE_RECURSE ${WORK_DIR})
