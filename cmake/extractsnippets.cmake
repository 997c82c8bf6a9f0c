# Extracts every region marked with a pair of `//! [id]` lines (Qt's documentation style) from the
# .cpp files under SOURCE_DIR (and EXTRA_DIR, if given) into OUTPUT, so the window can show the code that really runs:
#
#     @@snippet <id> <file relative to ROOT>:<line of the region's first line>
#     <the region's lines, marker lines left out, common indentation removed>
#
# Usage: cmake -DSOURCE_DIR=<dir> [-DEXTRA_DIR=<dir>] -DROOT=<dir> -DOUTPUT=<file>
#        -P extractsnippets.cmake
# Regions may overlap or nest; an id used twice, or a region left open, stops the build.

cmake_minimum_required(VERSION 3.25)

foreach(var SOURCE_DIR ROOT OUTPUT)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "extractsnippets.cmake needs -D${var}=...")
    endif()
endforeach()

# CMake lists split on ';' and treat '[', ']' and '\' specially; C++ is full of them, so they are
# swapped for control characters while the text is a list, and swapped back line by line.
string(ASCII 1 BACKSLASH)
string(ASCII 2 SEMICOLON)
string(ASCII 3 OPEN)
string(ASCII 4 CLOSE)

function(unescape out text)
    string(REPLACE "${BACKSLASH}" "\\" text "${text}")
    string(REPLACE "${SEMICOLON}" ";" text "${text}")
    string(REPLACE "${OPEN}" "[" text "${text}")
    string(REPLACE "${CLOSE}" "]" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

file(GLOB_RECURSE sources LIST_DIRECTORIES false "${SOURCE_DIR}/*.cpp")
# A second folder, e.g. the server library, whose code the demos show as well.
if(DEFINED EXTRA_DIR)
    file(GLOB_RECURSE extra_sources LIST_DIRECTORIES false "${EXTRA_DIR}/*.cpp")
    list(APPEND sources ${extra_sources})
endif()
list(SORT sources)

set(output "")
set(seen_ids "")
foreach(source IN LISTS sources)
    file(READ "${source}" content)
    file(RELATIVE_PATH relative "${ROOT}" "${source}")
    string(REPLACE "\r" "" content "${content}")
    string(REPLACE "\\" "${BACKSLASH}" content "${content}")
    string(REPLACE ";" "${SEMICOLON}" content "${content}")
    string(REPLACE "[" "${OPEN}" content "${content}")
    string(REPLACE "]" "${CLOSE}" content "${content}")
    # Every element gets a leading '|' so that empty lines survive as list elements.
    string(REPLACE "\n" ";|" lines "|${content}")

    set(open_ids "")
    set(number 0)
    foreach(line IN LISTS lines)
        math(EXPR number "${number} + 1")
        string(SUBSTRING "${line}" 1 -1 text)
        if(text MATCHES "^[ \t]*//! ${OPEN}([A-Za-z0-9_.-]+)${CLOSE}[ \t]*$")
            set(id "${CMAKE_MATCH_1}")
            if(id IN_LIST open_ids)
                list(REMOVE_ITEM open_ids "${id}")
            else()
                if(id IN_LIST seen_ids)
                    message(FATAL_ERROR "${relative}:${number}: snippet id \"${id}\" is used twice "
                                        "(also at ${snippet_${id}_location})")
                endif()
                list(APPEND seen_ids "${id}")
                list(APPEND open_ids "${id}")
                math(EXPR first "${number} + 1")
                set(snippet_${id}_location "${relative}:${first}")
                set(snippet_${id}_lines "")
            endif()
            continue()
        endif()
        foreach(id IN LISTS open_ids)
            list(APPEND snippet_${id}_lines "${line}")
        endforeach()
    endforeach()
    if(open_ids)
        list(JOIN open_ids ", " names)
        message(FATAL_ERROR "${relative}: snippet region(s) never closed: ${names}")
    endif()
endforeach()

foreach(id IN LISTS seen_ids)
    # Common indentation of the non-empty lines.
    set(indent 100000)
    foreach(line IN LISTS snippet_${id}_lines)
        if(line MATCHES "^\\|([ ]*)[^ ]")
            string(LENGTH "${CMAKE_MATCH_1}" width)
            if(width LESS indent)
                set(indent ${width})
            endif()
        endif()
    endforeach()
    math(EXPR skip "${indent} + 1")
    string(APPEND output "@@snippet ${id} ${snippet_${id}_location}\n")
    foreach(line IN LISTS snippet_${id}_lines)
        string(LENGTH "${line}" length)
        if(length GREATER skip)
            string(SUBSTRING "${line}" ${skip} -1 text)
        else()
            set(text "")
        endif()
        unescape(text "${text}")
        string(APPEND output "${text}\n")
    endforeach()
endforeach()

# Rewritten only when something changed, so an edit elsewhere in a source rebuilds nothing.
file(WRITE "${OUTPUT}.new" "${output}")
file(COPY_FILE "${OUTPUT}.new" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.new")
