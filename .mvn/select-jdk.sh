# Sourced by ./mvnw and .ci/run (POSIX sh). Podgraph builds for Java 21, so the build needs a JDK
# of 21 or newer. Keep JAVA_HOME when it already names one; otherwise take the newest JDK >= 21
# found on PATH or in the usual install folders, and export it as JAVA_HOME.
podgraph_java_major() {
  "$1" -version 2>&1 | sed -n '1s/^[^"]*"\([0-9][0-9]*\).*/\1/p'
}

podgraph_select_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    _m=$(podgraph_java_major "$JAVA_HOME/bin/java")
    [ "${_m:-0}" -ge 21 ] && return 0
  fi
  _best="" _best_major=0
  _onpath=$(command -v java 2>/dev/null || true)
  if [ -n "$_onpath" ]; then
    _onpath_home=$(cd "$(dirname "$(readlink -f "$_onpath")")/.." && pwd)
    set -- "$_onpath_home"
  else
    set --
  fi
  _glob_was_off=0
  case $- in *f*) _glob_was_off=1; set +f ;; esac
  for _d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    set -- "$@" "$_d"
  done
  [ "$_glob_was_off" = 1 ] && set -f
  for _d in "$@"; do
    [ -x "$_d/bin/java" ] && [ -x "$_d/bin/javac" ] || continue
    _m=$(podgraph_java_major "$_d/bin/java")
    if [ "${_m:-0}" -ge 21 ] && [ "${_m:-0}" -gt "$_best_major" ]; then
      _best=$_d _best_major=$_m
    fi
  done
  if [ -z "$_best" ]; then
    echo "Podgraph needs a JDK 21 or newer; none found (set JAVA_HOME to one)." >&2
    return 1
  fi
  JAVA_HOME=$_best
  export JAVA_HOME
}
