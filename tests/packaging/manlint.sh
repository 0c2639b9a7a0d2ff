#!/bin/sh
# tests/packaging/manlint.sh PAGE: the manual page passes `mandoc -T lint`
# (any message at all, style included, fails it) and `groff -ww -man -z`
# (any warning fails it). A checker that is not installed is said and
# skipped; with neither, the test is skipped (exit 77).
page=$1
checked=0
if command -v mandoc >/dev/null 2>&1; then
  out=$(mandoc -T lint "$page" 2>&1)
  rc=$?
  if [ "$rc" -ne 0 ] || [ -n "$out" ]; then
    printf '%s\n' "$out"
    echo "manlint: mandoc -T lint $page: not clean (exit $rc)"
    exit 1
  fi
  echo "manlint: mandoc -T lint: clean"
  checked=1
else
  echo "manlint: mandoc is not installed (Debian package mandoc): its lint skipped"
fi
if command -v groff >/dev/null 2>&1; then
  out=$(groff -ww -man -z "$page" 2>&1)
  rc=$?
  if [ "$rc" -ne 0 ] || [ -n "$out" ]; then
    printf '%s\n' "$out"
    echo "manlint: groff -ww -man -z $page: not clean (exit $rc)"
    exit 1
  fi
  echo "manlint: groff -ww -man -z: clean"
  checked=1
else
  echo "manlint: groff is not installed (Debian package groff-base): its check skipped"
fi
[ "$checked" -eq 1 ] || exit 77
