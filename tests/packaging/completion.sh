#!/bin/sh
# tests/packaging/completion.sh SHELL SCRIPT: checks a completion script the
# build wrote, in the shell itself, or says that the shell is not installed
# and skips (exit 77). bash: completes command lines through the script's
# function (bash_completion.bash); zsh: `zsh -n`; fish: `fish -n`, then
# `complete -C` on two command lines.
shell=$1
script=$2
here=$(dirname "$0")
if ! command -v "$shell" >/dev/null 2>&1; then
  echo "completion: $shell is not installed: skipped"
  exit 77
fi
case $shell in
  bash) exec bash "$here/bash_completion.bash" "$script" ;;
  zsh)
    zsh -n "$script" || exit 1
    echo "completion: zsh -n: the script parses"
    ;;
  fish)
    fish -n "$script" || exit 1
    echo "completion: fish -n: the script parses"
    out=$(fish --no-config -c "source '$script'; complete -C 'mgcramp tr'") || exit 1
    case $out in trials*) ;; *) echo "completion: fish: 'mgcramp tr' gave: $out"; exit 1 ;; esac
    out=$(fish --no-config -c "source '$script'; complete -C 'mgcramp show garr'") || exit 1
    case $out in *garrison-2020*) ;; *) echo "completion: fish: 'mgcramp show garr' gave: $out"; exit 1 ;; esac
    echo "completion: fish: 'mgcramp tr' and 'mgcramp show garr' complete"
    ;;
  *)
    echo "completion: unknown shell $shell"
    exit 1
    ;;
esac
