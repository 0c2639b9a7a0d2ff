# mgcramp_warnings: an INTERFACE target carrying our warning flags.
# Linked PRIVATE by our own targets only, so it never leaks to consumers.
add_library(mgcramp_warnings INTERFACE)
target_compile_options(mgcramp_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual
  $<$<BOOL:${MGCRAMP_WERROR}>:-Werror>)
