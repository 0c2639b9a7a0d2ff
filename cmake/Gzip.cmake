# Script mode: cmake -DINPUT=... -DOUTPUT=... -P Gzip.cmake
# gzip -n -9, as Debian wants a manual page or a changelog: no name and no
# time stamp in the header, so that two builds give the same bytes.
find_program(_gzip gzip REQUIRED)
execute_process(COMMAND "${_gzip}" -n -9 -c "${INPUT}"
                OUTPUT_FILE "${OUTPUT}.tmp" RESULT_VARIABLE _res)
if(NOT _res EQUAL 0)
  file(REMOVE "${OUTPUT}.tmp")
  message(FATAL_ERROR "gzip ${INPUT} failed: ${_res}")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
