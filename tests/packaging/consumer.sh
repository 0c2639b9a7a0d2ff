#!/bin/sh
# The CMake package: `cmake --install` the build into a scratch prefix, then
# configure, build and run tests/consumer against it with
# find_package(mgcramp CONFIG REQUIRED). The consumer answers one query
# through the library; its output must be the installed program's.
#
#   consumer.sh CMAKE BUILD_DIR CONSUMER_SOURCE_DIR CXX_COMPILER
set -eu
cmake=$1 build=$2 source=$3 cxx=$4
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

"$cmake" --install "$build" --prefix "$scratch/root" >"$scratch/install.log" ||
  { cat "$scratch/install.log"; exit 1; }
for f in include/mgcramp/query/profile.hpp lib/cmake/mgcramp/mgcrampConfig.cmake; do
  [ -f "$scratch/root/$f" ] || { echo "consumer: cmake --install wrote no $f" >&2; exit 1; }
done
"$cmake" -S "$source" -B "$scratch/build" -DCMAKE_PREFIX_PATH="$scratch/root" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="$cxx" >"$scratch/configure.log" ||
  { cat "$scratch/configure.log"; exit 1; }
"$cmake" --build "$scratch/build" >"$scratch/build.log" || { cat "$scratch/build.log"; exit 1; }

"$scratch/build/consumer" >"$scratch/got"
env -u MGCRAMP_DATA NO_COLOR=1 "$scratch/root/bin/mgcramp" rda --age 25 --sex f --pregnant \
  >"$scratch/want"
[ -s "$scratch/want" ] || { echo "consumer: the installed program printed nothing" >&2; exit 1; }
if ! cmp -s "$scratch/got" "$scratch/want"; then
  echo "consumer: its answer differs from the program's:" >&2
  diff "$scratch/want" "$scratch/got" >&2 || true
  exit 1
fi
cat "$scratch/got"
