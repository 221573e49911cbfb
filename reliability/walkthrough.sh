#!/usr/bin/env bash
# Runs the README's walkthrough verbatim on a fresh copy of the repository and checks the answers
# it shows. See RELIABILITY.md ("The README walkthrough as a test") for the conventions.
#
# Usage: reliability/walkthrough.sh [--readme FILE] [--repo DIR]
#   --readme FILE  take the walkthrough from FILE instead of the copied README.md (a draft)
#   --repo DIR     the repository to copy (default: the one this script belongs to)
# Environment:
#   WALKTHROUGH_START_TIMEOUT  seconds a server line may take to answer (default 300)
#   WALKTHROUGH_TIMEOUT        seconds for the whole walkthrough (default 900)
#   WALKTHROUGH_ISOLATE        1 (default) runs it in a private network namespace when the machine
#                              allows one, so the fixed ports cannot meet another server; 0: never
#   WALKTHROUGH_KEEP           1 keeps the temporary copy (with the server's log) for inspection
# Exit status: 0 every step passed, 1 a step failed, 2 the walkthrough could not be run.

SECTION='## A five-minute walkthrough'
SERVER_LINE='(^|[[:space:];&|(])java[[:space:]]+([^[:space:]]+[[:space:]]+)*-jar[[:space:]]+web/target/vigil\.jar([[:space:]]|$)'
HTTP_MARK='__WALKTHROUGH_HTTP__'

# ---- the server a step started: its job is a process group of its own (job control) ----------

# Process ids of the members of process group $1, from /proc (no procps needed).
group_members() {
  local stat rest fields
  for stat in /proc/[0-9]*/stat; do
    read -r rest 2>/dev/null <"$stat" || continue
    rest=${rest##*) }
    read -r -a fields <<<"$rest"
    if [[ ${fields[2]} == "$1" ]]; then
      stat=${stat#/proc/}
      echo "${stat%/stat}"
    fi
  done
  return 0
}

# Stops the server job whose process group is $1: SIGTERM to its java processes (a normal stop,
# which also stops an embedded MariaDB cleanly), then SIGKILL to whatever is left of the group.
stop_group() {
  local pgid=$1 pid waited=0 members
  members=$(group_members "$pgid")
  [[ -z $members ]] && return 0
  for pid in $members; do
    if [[ $(cat "/proc/$pid/comm" 2>/dev/null) == java ]]; then
      kill -TERM "$pid" 2>/dev/null
    fi
  done
  while [[ -n $(group_members "$pgid") ]] && ((waited < 90)); do
    sleep 1
    waited=$((waited + 1))
  done
  if [[ -n $(group_members "$pgid") ]]; then
    echo "walkthrough: the server (process group $pgid) did not stop within 90 s; killing it" >&2
    kill -KILL -- "-$pgid" 2>/dev/null
  fi
  return 0
}

# ---- run mode: one bash process evaluates every step in order ---------------------------------

if [[ ${1-} == --run-steps ]]; then
  __wt_steps=$2
  __wt_server=
  __wt_failed=

  __wt_stop_server() {
    if [[ -n $__wt_server ]]; then
      echo "walkthrough: stopping the server (pid $__wt_server)"
      stop_group "$__wt_server"
      __wt_server=
    fi
  }
  trap '__wt_stop_server' EXIT
  trap '__wt_stop_server; exit 130' INT TERM HUP

  # Every curl of the walkthrough reports its HTTP status, so a failed call fails its step even
  # when its output only lands in a variable.
  curl() {
    local body err rc
    body=$(mktemp "$__wt_steps/curl-body.XXXXXX")
    err=$(mktemp "$__wt_steps/curl-err.XXXXXX")
    command curl --write-out "%{stderr}$HTTP_MARK %{http_code} %{method} %{url_effective}\n" "$@" 2>"$err" | tee "$body"
    rc=${PIPESTATUS[0]}
    grep -v "$HTTP_MARK" "$err" >&2
    sed -n "s|^.*$HTTP_MARK \(.*\)\$|\1 $body|p" "$err" >>"$__wt_steps/http.log"
    rm -f "$err"
    return "$rc"
  }

  __wt_indent() { sed 's/^/    /'; }

  __wt_fail() {
    local n=$1
    shift
    printf '\nwalkthrough: FAILED at step %s (README line %s):\n' "$n" "$(<"$__wt_steps/$n.line")"
    __wt_indent <"$__wt_steps/$n.cmd"
    printf '%s\n' "$@"
    if [[ -s $__wt_steps/$n.err ]]; then
      echo "  its stderr:"
      __wt_indent <"$__wt_steps/$n.err"
    fi
    __wt_failed=1
  }

  # True when $2 is $1 with every "…" standing for any text.
  __wt_matches() {
    local pattern=$1
    pattern=${pattern//\\/\\\\}
    pattern=${pattern//\*/\\*}
    pattern=${pattern//\?/\\?}
    pattern=${pattern//\[/\\[}
    pattern=${pattern//…/*}
    [[ $2 == $pattern ]]
  }

  __wt_port() {
    local cmd=$1
    if [[ $cmd =~ (^|[[:space:]])PORT=([0-9]+) || $cmd =~ --server\.port=([0-9]+) ]]; then
      echo "${BASH_REMATCH[-1]}"
    else
      echo 8080
    fi
  }

  __wt_start_server() {
    local n=$1 port started=$SECONDS code
    port=$(__wt_port "$(<"$__wt_steps/$n.cmd")")
    __wt_stop_server
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      __wt_fail "$n" "  port $port is already taken by another process: the walkthrough's fixed ports must be free"
      return
    fi
    set -m
    eval "$(<"$__wt_steps/$n.cmd")" >>"$__wt_steps/server.log" 2>&1 </dev/null &
    __wt_server=$!
    set +m
    echo "$__wt_server" >"$__wt_steps/server.pgid"
    echo "    started in the background (pid $__wt_server, log $__wt_steps/server.log); waiting for http://localhost:$port"
    while :; do
      code=$(command curl -s -o /dev/null --max-time 5 -w '%{http_code}' "http://localhost:$port/actuator/health")
      [[ $code == 200 ]] && break
      if ! kill -0 "$__wt_server" 2>/dev/null; then
        __wt_server=
        __wt_fail "$n" "  the server exited before it answered; the end of its log:"
        tail -n 40 "$__wt_steps/server.log" | __wt_indent
        return
      fi
      if ((SECONDS - started > ${WALKTHROUGH_START_TIMEOUT:-300})); then
        __wt_fail "$n" "  the server did not answer within ${WALKTHROUGH_START_TIMEOUT:-300} s; the end of its log:"
        tail -n 40 "$__wt_steps/server.log" | __wt_indent
        return
      fi
      sleep 1
    done
    echo "    answering after $((SECONDS - started)) s"
  }

  __wt_check() {
    local n=$1 rc=$2 expected actual code method url body
    if [[ -f $__wt_steps/$n.expected ]]; then
      expected=$(sed 's/[[:space:]]*$//' "$__wt_steps/$n.expected")
      actual=$(sed 's/[[:space:]]*$//' "$__wt_steps/$n.out")
      if ! __wt_matches "$expected" "$actual"; then
        printf '%s\n' "$actual" >"$__wt_steps/$n.actual"
        __wt_fail "$n" "  its output differs from the expected answer (… matches any text):" \
          "$(diff -u --label "expected (README)" --label "actual" "$__wt_steps/$n.expected" "$__wt_steps/$n.actual")"
        return
      fi
    fi
    if ((rc != 0)); then
      __wt_fail "$n" "  it exited with status $rc"
      return
    fi
    [[ -f $__wt_steps/$n.expected ]] && return
    while read -r code method url body; do
      if [[ $code == 000 ]]; then
        __wt_fail "$n" "  curl got no answer from $method $url"
        return
      elif ((code >= 400)); then
        __wt_fail "$n" "  curl got HTTP $code from $method $url:" "$(__wt_indent <"$body")"
        return
      fi
    done <"$__wt_steps/http.log"
  }

  cd "$__wt_steps/repo" || exit 2
  n=1
  while [[ -f $__wt_steps/$n.cmd ]]; do
    printf '\n── step %s · README line %s\n' "$n" "$(<"$__wt_steps/$n.line")"
    __wt_indent <"$__wt_steps/$n.cmd"
    if grep -Eq "$SERVER_LINE" "$__wt_steps/$n.cmd" && ! grep -q replay "$__wt_steps/$n.cmd"; then
      __wt_start_server "$n"
    else
      : >"$__wt_steps/http.log"
      { eval "$(<"$__wt_steps/$n.cmd")"; } >"$__wt_steps/$n.out" 2>"$__wt_steps/$n.err" </dev/null
      __wt_check "$n" $?
      [[ -s $__wt_steps/$n.out ]] && { echo "  →"; __wt_indent <"$__wt_steps/$n.out"; }
    fi
    [[ -n $__wt_failed ]] && exit 1
    n=$((n + 1))
  done
  printf '\nwalkthrough: all %s steps passed\n' "$((n - 1))"
  exit 0
fi

# ---- setup mode: copy the repository, cut the walkthrough into steps, run them ---------------

set -euo pipefail

usage() {
  echo "usage: $0 [--readme FILE] [--repo DIR]" >&2
  exit 2
}

repo=
readme=
while (($#)); do
  case $1 in
    --readme) readme=$(realpath "${2:?--readme needs a file}"); shift 2 ;;
    --repo) repo=$(realpath "${2:?--repo needs a directory}"); shift 2 ;;
    *) usage ;;
  esac
done
self=$(realpath "$0")
repo=${repo:-$(git -C "$(dirname "$self")" rev-parse --show-toplevel)}

work=$(mktemp -d "${TMPDIR:-/tmp}/vigil-walkthrough.XXXXXX")
steps=$work/steps
mkdir -p "$steps/repo"

cleanup() {
  local rc=$?
  if [[ -f $steps/server.pgid ]]; then
    stop_group "$(<"$steps/server.pgid")"
  fi
  if [[ ${WALKTHROUGH_KEEP:-0} == 1 ]]; then
    echo "walkthrough: kept $work"
  else
    rm -rf "$work"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

git -C "$repo" ls-files -z | tar -C "$repo" --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -C "$steps/repo" -xf -
readme=${readme:-$steps/repo/README.md}
[[ -f $readme ]] || { echo "walkthrough: no README at $readme" >&2; exit 2; }

# The fenced ```bash blocks of the section, one step per complete command. A comment line right
# after a command (no blank line between) is that command's expected stdout.
n=0
in_block=0
indent=
buffer=
buffer_line=
after_command=0
finish_command() {
  n=$((n + 1))
  printf '%s\n' "$buffer" >"$steps/$n.cmd"
  echo "$buffer_line" >"$steps/$n.line"
  buffer=
  after_command=1
}
while IFS= read -r numbered; do
  lineno=${numbered%%:*}
  text=${numbered#*:}
  if ((!in_block)); then
    if [[ $text =~ ^([[:space:]]*)\`\`\`bash[[:space:]]*$ ]]; then
      in_block=1
      indent=${BASH_REMATCH[1]}
      after_command=0
    fi
    continue
  fi
  if [[ $text =~ ^[[:space:]]*\`\`\`[[:space:]]*$ ]]; then
    if [[ -n $buffer ]]; then
      echo "walkthrough: README line $buffer_line: the command is not complete at the end of its block" >&2
      exit 2
    fi
    in_block=0
    continue
  fi
  line=${text#"$indent"}
  if [[ -z $buffer ]]; then
    if [[ $line =~ ^[[:space:]]*#[[:space:]]?(.*)$ ]]; then
      ((after_command)) && printf '%s\n' "${BASH_REMATCH[1]}" >>"$steps/$n.expected"
      continue
    fi
    if [[ $line =~ ^[[:space:]]*$ ]]; then
      after_command=0
      continue
    fi
    buffer=$line
    buffer_line=$lineno
  else
    buffer+=$'\n'$line
  fi
  if [[ ! $line =~ \\$ ]] && bash -n <<<"$buffer" 2>/dev/null; then
    finish_command
  fi
done < <(awk -v title="$SECTION" '$0 == title { on = 1; next } on && /^## / { exit } on { print NR ":" $0 }' "$readme")

if ((n == 0)); then
  echo "walkthrough: no \`\`\`bash commands found under \"$SECTION\" in $readme" >&2
  exit 2
fi
if grep -Elq "$SERVER_LINE" "$steps"/*.cmd; then
  jar=$repo/web/target/vigil.jar
  [[ -f $jar ]] || { echo "walkthrough: $jar is missing: build it first (mvn -DskipTests package)" >&2; exit 2; }
  mkdir -p "$steps/repo/web/target"
  ln "$jar" "$steps/repo/web/target/vigil.jar" 2>/dev/null || cp "$jar" "$steps/repo/web/target/vigil.jar"
fi

echo "walkthrough: $n steps from \"$SECTION\" of ${readme#"$steps/repo/"}, run in $steps/repo"
run=(timeout --kill-after=30 "${WALKTHROUGH_TIMEOUT:-900}" bash "$self" --run-steps "$steps")
if [[ ${WALKTHROUGH_ISOLATE:-1} == 1 ]] && command -v ip >/dev/null && unshare --net true 2>/dev/null; then
  echo "walkthrough: in a private network namespace (its fixed ports meet no other server)"
  unshare --net bash -c 'ip link set lo up && exec "$@"' _ "${run[@]}"
else
  "${run[@]}"
fi
