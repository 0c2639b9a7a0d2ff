#!/usr/bin/env bash
# tests/packaging/bash_completion.bash SCRIPT: loads the bash completion the
# build wrote into this bash and completes command lines as bash would on
# TAB: COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT set, the function
# that `complete -p mgcramp` names called, COMPREPLY read. Needs nothing from
# the bash-completion package.
set -u
# shellcheck source=/dev/null
source "$1" || { echo "bash: cannot load $1"; exit 1; }
spec=$(complete -p mgcramp 2>/dev/null) || { echo "bash: $1 registers no completion for mgcramp"; exit 1; }
fn=$(sed -n 's/.*-F \([^ ]*\) .*/\1/p' <<<"$spec")
[ -n "$fn" ] || { echo "bash: no completion function in: $spec"; exit 1; }

failures=0
# complete WORD... : the words of the line, the last one being completed
# ("" for a TAB after a space); prints COMPREPLY, one per line.
complete_line() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  "$fn" mgcramp "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" 2>/dev/null
  printf '%s\n' "${COMPREPLY[@]}"
}
# expect DESCRIPTION WANT GOT: every line of WANT is among GOT's lines.
expect() {
  local want
  while IFS= read -r want; do
    if ! grep -qxF -- "$want" <<<"$3"; then
      echo "FAIL: $1: '$want' not offered; got: $(tr '\n' ' ' <<<"$3")"
      failures=$((failures + 1))
      return
    fi
  done <<<"$2"
  echo "ok: $1"
}
# refuse DESCRIPTION WORD GOT: WORD is not among GOT's lines.
refuse() {
  if grep -qxF -- "$2" <<<"$3"; then
    echo "FAIL: $1: '$2' offered"
    failures=$((failures + 1))
  else
    echo "ok: $1"
  fi
}

got=$(complete_line mgcramp tr)
if [ "$got" = "trials" ]; then echo "ok: mgcramp tr<TAB> completes to trials"; else
  echo "FAIL: mgcramp tr<TAB> gave: $got"
  failures=$((failures + 1))
fi
got=$(complete_line mgcramp show garr)
expect "mgcramp show garr<TAB> offers the Garrison ids" $'garrison-2020\ngarrison-2012' "$got"
if grep -qv '^garrison' <<<"$got"; then
  echo "FAIL: mgcramp show garr<TAB> offers others: $(tr '\n' ' ' <<<"$got")"
  failures=$((failures + 1))
fi
expect "cite takes the Garrison ids too" "garrison-2020" "$(complete_line mgcramp cite garr)"
expect "commands after a global option" "trials" "$(complete_line mgcramp --json tri)"
expect "command options" "--population" "$(complete_line mgcramp trials --pop)"
expect "global options after the command" $'--format\n--json' "$(complete_line mgcramp rda --)"
expect "--population values" $'pregnancy\nidiopathic' "$(complete_line mgcramp trials --population "")"
expect "--design values and groups" $'rct\nreviews\nall' "$(complete_line mgcramp trials --design "")"
expect "--per values" "100kcal" "$(complete_line mgcramp foods --per 100k)"
expect "--topic values" "efficacy-pregnancy" "$(complete_line mgcramp claims --topic efficacy-p)"
expect "--category values" "vegetables" "$(complete_line mgcramp foods --category veg)"
expect "--form takes the dataset's forms" $'citrate\nmixed' "$(complete_line mgcramp trials --form "")"
expect "forms NAME" "glycinate" "$(complete_line mgcramp forms gly)"
expect "--format=VALUE" "csv" "$(complete_line mgcramp rda --format = c)"
expect "cite --format takes bibtex" "bibtex" "$(complete_line mgcramp cite --format b)"
refuse "rda --format does not take bibtex" "bibtex" "$(complete_line mgcramp rda --format b)"
expect "completion SHELL" $'bash\nzsh\nfish' "$(complete_line mgcramp completion "")"
got=$(complete_line mgcramp rda --age "")
if [ -z "$got" ]; then echo "ok: --age offers nothing to choose from"; else
  echo "FAIL: mgcramp rda --age <TAB> gave: $got"
  failures=$((failures + 1))
fi

if ((failures)); then
  echo "bash completion: $failures failed"
  exit 1
fi
echo "bash completion: all passed"
