include(GNUInstallDirs)

# weft_layer(NAME DEPS...): a static library from the .cpp files of src/NAME, linked only to the
# layers it may use (DESIGN.md, Layers), so a dependency against the layering fails to link.
# Each layer is recorded in the global property WEFT_LAYERS (in dependency order), from which
# cmake/WeftPackage.cmake makes the weft::weft umbrella and the installed package.
function(weft_layer name)
  file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp")
  if(sources)
    add_library(weft_${name} STATIC ${sources})
    set(scope PUBLIC)
  else()
    add_library(weft_${name} INTERFACE)  # a layer that has only headers so far
    set(scope INTERFACE)
  endif()
  # Installed, the public headers sit in include/ and the internal ones they need in
  # include/weft/internal/ (see cmake/WeftPackage.cmake).
  target_include_directories(weft_${name} ${scope}
    "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src>"
    "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>"
    "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>"
    "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/weft/internal>")
  target_compile_features(weft_${name} ${scope} cxx_std_20)
  target_link_libraries(weft_${name} ${scope} ${ARGN})
  set_target_properties(weft_${name} PROPERTIES EXPORT_NAME ${name})
  set_property(GLOBAL APPEND PROPERTY WEFT_LAYERS weft_${name})
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
