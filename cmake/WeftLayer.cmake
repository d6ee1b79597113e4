# weft_layer(NAME DEPS...): a static library from the .cpp files of src/NAME, linked only to the
# layers it may use (DESIGN.md, Layers), so a dependency against the layering fails to link.
function(weft_layer name)
  file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp")
  if(sources)
    add_library(weft_${name} STATIC ${sources})
    set(scope PUBLIC)
  else()
    add_library(weft_${name} INTERFACE)  # a layer that has only headers so far
    set(scope INTERFACE)
  endif()
  target_include_directories(weft_${name} ${scope} "${PROJECT_SOURCE_DIR}/src" "${PROJECT_SOURCE_DIR}/include")
  target_link_libraries(weft_${name} ${scope} ${ARGN})
endfunction()

# weft_unit_test(LAYER DEPS...): one GoogleTest binary from tests/LAYER/*.cpp.
function(weft_unit_test layer)
  file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp")
  if(NOT sources)
    return()
  endif()
  add_executable(test_${layer} ${sources})
  target_link_libraries(test_${layer} PRIVATE ${ARGN} GTest::gtest GTest::gtest_main)
  target_compile_definitions(test_${layer} PRIVATE
    WEFT_SPEC_DIR="${WEFT_SPEC_DIR}" WEFT_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  gtest_discover_tests(test_${layer} DISCOVERY_TIMEOUT 60 PROPERTIES LABELS unit)
endfunction()
