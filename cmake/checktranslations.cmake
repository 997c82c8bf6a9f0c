# Checks that the committed catalogue is up to date: lupdate, run over the same sources with the
# same options as the update_translations target, leaves a copy of it unchanged; and that every
# plural message has its English forms ("1 line", "%n lines").
#
# cmake -DLUPDATE=... -DPROJECT_CMAKE=... -DGENERATOR=... -DCATALOGUE=... -DWORK_DIR=...
#       -DOPTIONS="..." -P checktranslations.cmake
file(MAKE_DIRECTORY ${WORK_DIR})
set(json ${WORK_DIR}/project.json)
get_filename_component(name ${CATALOGUE} NAME)
set(copy ${WORK_DIR}/${name})
execute_process(COMMAND ${CMAKE_COMMAND} -DIN_FILE=${PROJECT_CMAKE} -DOUT_FILE=${json}
                        -P ${GENERATOR}
                COMMAND_ERROR_IS_FATAL ANY)
file(COPY_FILE ${CATALOGUE} ${copy})
set(options ${OPTIONS})
execute_process(COMMAND ${LUPDATE} -project ${json} ${options} -ts ${copy}
                OUTPUT_VARIABLE output ERROR_VARIABLE output COMMAND_ERROR_IS_FATAL ANY)
file(READ ${CATALOGUE} before)
file(READ ${copy} after)
if(NOT before STREQUAL after)
    execute_process(COMMAND diff -u ${CATALOGUE} ${copy})
    message(FATAL_ERROR "${output}\n${name} is out of date: a translatable string was added, "
            "changed or removed. Run `cmake --build <build dir> --target update_translations` "
            "and commit ${CATALOGUE}.")
endif()
# A plural message (tr("%n line(s)", nullptr, n)) reads right only with its English forms.
string(REGEX MATCHALL "<message numerus=\"yes\">[^<]*<source>[^<]*</source>[^<]*<translation type=\"unfinished\">"
       unfinished "${after}")
if(unfinished)
    string(REGEX REPLACE "<[^>]*>|\n *" "" unfinished "${unfinished}")
    message(FATAL_ERROR "plural messages without their English forms in ${name}: ${unfinished}")
endif()
message(STATUS "${name} is up to date")
