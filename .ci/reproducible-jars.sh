#!/usr/bin/env bash
# Checks that the build is reproducible: two clean builds of the same tree, one after the other, must give
# byte-identical module jars and shaded jars (project.build.outputTimestamp in the parent pom fixes every entry's
# time). Prints the sha256 of each jar of both builds; exits 1 if any jar differs or is missing from one build.
# usage: .ci/reproducible-jars.sh [extra Maven arguments, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
saved=$(mktemp -d)
trap 'rm -rf "$saved"' EXIT

jars() { ls core/target/*.jar scenario/target/*.jar study/target/*.jar spark/target/*.jar cli/target/*.jar examples/target/*.jar benchmarks/target/*.jar 2>/dev/null | sort || true; }

./mvnw -q -B -DskipTests "$@" clean package
first=$(jars)
[ -n "$first" ] || { echo "reproducible-jars: the first build made no jar" >&2; exit 1; }
for j in $first; do mkdir -p "$saved/$(dirname "$j")"; cp "$j" "$saved/$j"; done

./mvnw -q -B -DskipTests "$@" clean package
second=$(jars)

status=0
for j in $(printf '%s\n' $first $second | sort -u); do
  a=$( [ -f "$saved/$j" ] && sha256sum < "$saved/$j" | cut -d' ' -f1 || echo missing)
  b=$( [ -f "$j" ] && sha256sum < "$j" | cut -d' ' -f1 || echo missing)
  if [ "$a" = "$b" ]; then
    echo "same     $a  $j"
  else
    echo "DIFFERS  $a (first) $b (second)  $j"
    status=1
  fi
done
if [ "$status" -eq 0 ]; then
  echo "reproducible-jars: $(printf '%s\n' $first | wc -l) jars byte-identical in two builds"
else
  echo "reproducible-jars: some jars differ between two builds of the same tree (see DIFFERS above)" >&2
fi
exit "$status"
