# The weft::weft umbrella target and the installed package (`cmake --install`, then
# `find_package(weft)` in another project). Included after every layer is defined: the layers
# come from the WEFT_LAYERS property that weft_layer() fills, so a new layer needs no edit here.
include(CMakePackageConfigHelpers)

get_property(weft_layers GLOBAL PROPERTY WEFT_LAYERS)

# Everything an embedder links: every layer, users before what they use (the reverse of the
# definition order), so a static link resolves in one pass.
set(weft_link_order ${weft_layers})
list(REVERSE weft_link_order)
add_library(weft_all INTERFACE)
target_link_libraries(weft_all INTERFACE ${weft_link_order})
target_compile_features(weft_all INTERFACE cxx_std_20)
# A sanitized or fuzz-instrumented library needs its runtime in whatever links it.
if(WEFT_SANITIZE OR WEFT_FUZZ)
  target_link_options(weft_all INTERFACE -fsanitize=address,undefined)
endif()
set_target_properties(weft_all PROPERTIES EXPORT_NAME weft)
add_library(weft::weft ALIAS weft_all)

# weft_internal_headers(OUT): the headers under src/ that the public headers include,
# transitively. They are installed next to the public ones so an installed consumer compiles.
function(weft_internal_headers out)
  file(GLOB_RECURSE pending "${PROJECT_SOURCE_DIR}/include/*.h" "${PROJECT_SOURCE_DIR}/include/*.hpp")
  set(seen ${pending})
  set(internal)
  while(pending)
    list(POP_FRONT pending header)
    file(STRINGS "${header}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"[^\"]+\"")
    foreach(line IN LISTS lines)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\".*" "\\1" path "${line}")
      if(EXISTS "${PROJECT_SOURCE_DIR}/include/${path}")
        continue()  # public: installed with include/ anyway (and already scanned)
      endif()
      set(file "${PROJECT_SOURCE_DIR}/src/${path}")
      if(EXISTS "${file}" AND NOT file IN_LIST seen)
        list(APPEND seen "${file}")
        list(APPEND pending "${file}")
        list(APPEND internal "${path}")
      endif()
    endforeach()
  endwhile()
  # A header that gains an #include re-runs this scan.
  set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${seen})
  set(${out} ${internal} PARENT_SCOPE)
endfunction()

set(weft_install_cmakedir "${CMAKE_INSTALL_LIBDIR}/cmake/weft")

install(TARGETS ${weft_layers} weft_all EXPORT weftTargets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}")
if(TARGET weft)
  install(TARGETS weft RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")  # the command line
endif()
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
weft_internal_headers(weft_internal)
foreach(header IN LISTS weft_internal)
  get_filename_component(dir "${header}" DIRECTORY)
  install(FILES "${PROJECT_SOURCE_DIR}/src/${header}"
          DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/weft/internal/${dir}")
endforeach()

install(EXPORT weftTargets NAMESPACE weft:: DESTINATION "${weft_install_cmakedir}")
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/weftConfig.cmake.in"
                              "${PROJECT_BINARY_DIR}/weftConfig.cmake"
                              INSTALL_DESTINATION "${weft_install_cmakedir}")
# 0.x: a minor version may break the API, so only the same minor version is compatible.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/weftConfigVersion.cmake"
                                 COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/weftConfig.cmake" "${PROJECT_BINARY_DIR}/weftConfigVersion.cmake"
        DESTINATION "${weft_install_cmakedir}")
