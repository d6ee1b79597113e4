# cmake -P script behind the install/find_package test (see CMakeLists.txt for its variables).
# Fails with a message at the first step that does not work.
function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${what} failed (${status}):\n${out}\n${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
run("cmake --install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}")

# The package must stand alone: nothing installed may point back into the source tree.
file(GLOB_RECURSE package_files "${prefix}/*.cmake")
foreach(f IN LISTS package_files)
  file(READ "${f}" text)
  string(FIND "${text}" "${SOURCE_ROOT}/" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "${f} refers to the source tree ${SOURCE_ROOT}")
  endif()
endforeach()

run("configuring the consumer" "${CMAKE_COMMAND}" -S "${CONSUMER_DIR}" -B "${WORK_DIR}/build"
    -G Ninja "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}" "-DCMAKE_PREFIX_PATH=${prefix}"
    "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" "-DCMAKE_C_COMPILER=${C_COMPILER}"
    -DCMAKE_BUILD_TYPE=Release)
run("building the consumer" "${CMAKE_COMMAND}" --build "${WORK_DIR}/build")
run("running the consumer" "${WORK_DIR}/build/consumer")
message("${run_output}")
