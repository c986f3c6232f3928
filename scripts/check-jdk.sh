#!/usr/bin/env bash
# Stops the build with a plain instruction when no JDK 21 or newer is installed where the Maven
# toolchains plugin looks for one (it would otherwise fail with a generic toolchains message).
set -u
root=${INTRO_JDK_SEARCH_ROOT:-}   # a prefix for the system folders, for the script's own tests
candidates=()
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
while IFS='=' read -r name value; do
  case "$name" in JAVA*_HOME) candidates+=("$value") ;; esac
done < <(env)
for dir in "$root"/usr/lib/jvm/* "$HOME"/.jdks/* "$HOME"/.sdkman/candidates/java/* \
  "$root"/Library/Java/JavaVirtualMachines/*/Contents/Home "$root"/opt/java/* "$root"/usr/java/*; do
  [ -d "$dir" ] && candidates+=("$dir")
done
for home in "${candidates[@]}"; do
  release="$home/release"
  [ -f "$release" ] || continue
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  if [ -n "$version" ] && [ "$version" -ge 21 ] && [ -x "$home/bin/javac" ]; then
    exit 0
  fi
done
cat >&2 <<'MSG'

Intro Page needs a JDK 21 or newer to compile and test (Maven itself may run on 17), and none was
found in JAVA_HOME, JAVA<N>_HOME, /usr/lib/jvm, ~/.jdks or ~/.sdkman. Install one, for example:
  Debian/Ubuntu:  sudo apt-get install openjdk-21-jdk-headless
  macOS:          brew install openjdk@21
  anywhere:       unpack a JDK 21+ build into ~/.jdks/
then run the same command again. See docs/troubleshooting.md.

MSG
exit 1
