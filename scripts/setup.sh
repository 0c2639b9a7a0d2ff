#!/usr/bin/env bash
# Installs the Debian packages mgcramp needs (only those missing; as root, or
# through sudo otherwise), then configures and builds into build/.
# Idempotent: a second run installs nothing and rebuilds only what changed.
# Extra arguments are passed to the first CMake configure, e.g.
#   scripts/setup.sh -DMGCRAMP_SANITIZE=ON     (with BUILD_DIR=build-asan)
set -euo pipefail
cd "$(dirname "$0")/.."

# mandoc: the test that lints the manual page (groff, the other checker, is
# on every Debian system). librsvg2-bin (rsvg-convert) and zlib1g-dev: the
# tests that render --format svg to PNG and read its pixels.
packages=(cmake make g++ libcli11-dev nlohmann-json3-dev libfmt-dev libxml2-dev libstemmer-dev libsqlite3-dev catch2
  mandoc librsvg2-bin zlib1g-dev)
# More packages for a particular build, e.g. EXTRA_PACKAGES="clang-14 libclang-rt-14-dev"
# for the fuzz targets (.ci/run, bench/fuzz.sh), or "dpkg-dev" for the Debian
# package (cpack's dependency list comes from dpkg-shlibdeps).
read -r -a extra <<<"${EXTRA_PACKAGES:-}"
packages+=("${extra[@]}")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup.sh: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  echo "setup.sh: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build_dir=${BUILD_DIR:-build}
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
fi
cmake --build "$build_dir" -j "$(nproc)" >/dev/null
