# Script mode: cmake -DPROGRAM=... -DARGS=a|b -DOUTPUT=... -P RunToFile.cmake
# Runs PROGRAM with ARGS ('|' between them) and writes what it prints to
# OUTPUT (aside, then renamed, so that a failed run leaves no file). The
# environment's MGCRAMP_DATA is left out: the build describes the embedded
# dataset.
unset(ENV{MGCRAMP_DATA})
string(REPLACE "|" ";" _args "${ARGS}")
execute_process(COMMAND "${PROGRAM}" ${_args}
                OUTPUT_FILE "${OUTPUT}.tmp" RESULT_VARIABLE _res)
if(NOT _res EQUAL 0)
  file(REMOVE "${OUTPUT}.tmp")
  message(FATAL_ERROR "${PROGRAM} ${ARGS} failed: ${_res}")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
