# asynclab_library(<name> [POSITION_INDEPENDENT] [CLASSES ...] [SOURCES ...] [PUBLIC deps...]
#                  [PRIVATE deps...])
#
# One folder, one library: `src/<name>/include/<name>/` holds the headers other targets may
# include (`#include <name/header.h>`); sources and private headers stay in `src/<name>/`, which
# is on no other target's include path, so the compiler keeps the layering.
# A class named in CLASSES is `<class>.cpp` with its public header `include/<name>/<class>.h`;
# SOURCES lists every other file (private headers, header-only public ones).
function(asynclab_library name)
    cmake_parse_arguments(ARG "POSITION_INDEPENDENT" "" "CLASSES;SOURCES;PUBLIC;PRIVATE" ${ARGN})
    set(sources ${ARG_SOURCES})
    foreach(class IN LISTS ARG_CLASSES)
        list(APPEND sources ${class}.cpp include/${name}/${class}.h)
    endforeach()
    add_library(asynclab_${name} STATIC ${sources})
    target_include_directories(asynclab_${name}
        PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include
        PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
    target_link_libraries(asynclab_${name} PUBLIC ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE})
    if(ARG_POSITION_INDEPENDENT)
        set_target_properties(asynclab_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    endif()
endfunction()
