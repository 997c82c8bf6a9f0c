# Texts people read that live in resource files as data (the glossary, the demos' explanations)
# reach the translation catalogue through C++ files written here at configure time: lupdate finds
# each text in them as a QT_TRANSLATE_NOOP entry, and the code that reads the resource translates
# the same text with QCoreApplication::translate() in the same context. Configure runs again when a
# resource changes.

# `text` as a C++ string literal's contents.
function(_asynclab_c_string text out)
    string(REPLACE "\\" "\\\\" text "${text}")
    string(REPLACE "\"" "\\\"" text "${text}")
    string(REPLACE "\n" "\\n" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

# Writes `content` to `output` only when it differs, so that lupdate's inputs do not look new on
# every configure.
function(_asynclab_write_if_changed output content)
    set(old "")
    if(EXISTS ${output})
        file(READ ${output} old)
    endif()
    if(NOT old STREQUAL content)
        file(WRITE ${output} "${content}")
    endif()
endfunction()

# One QT_TRANSLATE_NOOP(`context`, ...) for each string field FIELDS of each object of the JSON
# array in `json_file`, written to `output`.
function(asynclab_json_strings json_file context output)
    cmake_parse_arguments(ARG "" "" "FIELDS" ${ARGN})
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${json_file})
    file(READ ${json_file} json)
    string(JSON count LENGTH "${json}")
    set(lines "// Generated from ${json_file} for lupdate; not compiled.\n")
    if(count GREATER 0)
        math(EXPR last "${count} - 1")
        foreach(i RANGE ${last})
            foreach(field ${ARG_FIELDS})
                string(JSON text GET "${json}" ${i} ${field})
                _asynclab_c_string("${text}" text)
                string(APPEND lines "QT_TRANSLATE_NOOP(\"${context}\", \"${text}\");\n")
            endforeach()
        endforeach()
    endif()
    _asynclab_write_if_changed(${output} "${lines}")
endfunction()

# One QT_TRANSLATE_NOOP(`context`, ...) for each text file FILES, written to `output`: its text as
# Demo::explanationText() reads it, each paragraph (separated by a blank line) on one line, its
# runs of white space one space.
function(asynclab_paragraph_strings context output)
    cmake_parse_arguments(ARG "" "" "FILES" ${ARGN})
    set(lines "// Generated for lupdate; not compiled.\n")
    foreach(file ${ARG_FILES})
        set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
        file(READ ${file} text)
        string(STRIP "${text}" text)
        string(REPLACE "\n\n" "\n@@paragraph@@\n" text "${text}")
        string(REGEX REPLACE "[ \t\n\r]+" " " text "${text}")
        string(REPLACE " @@paragraph@@ " "\n" text "${text}")
        _asynclab_c_string("${text}" text)
        string(APPEND lines "QT_TRANSLATE_NOOP(\"${context}\", \"${text}\");\n")
    endforeach()
    _asynclab_write_if_changed(${output} "${lines}")
endfunction()

# One QT_TRANSLATE_NOOP(`context`, ...) for each field FIELDS of the JSON object in each file
# FILES, written to `output`: a string field is one text, an array field one text per item.
function(asynclab_json_object_strings context output)
    cmake_parse_arguments(ARG "" "" "FILES;FIELDS" ${ARGN})
    set(lines "// Generated for lupdate; not compiled.\n")
    foreach(file ${ARG_FILES})
        set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
        file(READ ${file} json)
        foreach(field ${ARG_FIELDS})
            string(JSON type ERROR_VARIABLE missing TYPE "${json}" ${field})
            if(type STREQUAL "STRING")
                set(count 1)
            elseif(type STREQUAL "ARRAY")
                string(JSON count LENGTH "${json}" ${field})
            endif()
            if(NOT type MATCHES "^(STRING|ARRAY)$" OR count EQUAL 0)
                continue()
            endif()
            foreach(i RANGE 1 ${count})
                math(EXPR index "${i} - 1")
                if(type STREQUAL "STRING")
                    string(JSON text GET "${json}" ${field})
                else()
                    string(JSON text GET "${json}" ${field} ${index})
                endif()
                _asynclab_c_string("${text}" text)
                string(APPEND lines "QT_TRANSLATE_NOOP(\"${context}\", \"${text}\");\n")
            endforeach()
        endforeach()
    endforeach()
    _asynclab_write_if_changed(${output} "${lines}")
endfunction()
