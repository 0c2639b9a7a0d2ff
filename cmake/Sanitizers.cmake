# mgcramp_sanitizers: ASan + UBSan when MGCRAMP_SANITIZE is ON.
add_library(mgcramp_sanitizers INTERFACE)
if(MGCRAMP_SANITIZE)
  set(MGCRAMP_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all
      -fno-omit-frame-pointer)
  target_compile_options(mgcramp_sanitizers INTERFACE ${MGCRAMP_SANITIZER_FLAGS})
  target_link_options(mgcramp_sanitizers INTERFACE ${MGCRAMP_SANITIZER_FLAGS})
endif()
