#!/usr/bin/env bash
# Speed of studies (docs/performance.md, "Studies"): the 1-D highest-safe-energy root solve and the Morris screening
# of six thermal settings (70 thermal-only runs), both at the default resolution, with --parallel 2.
# Needs the shaded jar: ./mvnw -B -q package -pl cli -am -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=cli/target/ecmsim.jar
out=${1:-ecmsim-out/benchmark}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) processors"
for s in highest-safe-energy thermal-morris; do
  rm -rf "$out/$s"
  start=$(date +%s.%N)
  java -jar "$jar" sweep "examples/studies/$s.yaml" --out "$out/$s" --parallel 2 --quiet
  end=$(date +%s.%N)
  printf '%s: %.1f s wall\n' "$s" "$(echo "$end - $start" | bc)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
