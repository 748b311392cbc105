#!/usr/bin/env bash
# Runs the performance measurements side by side and writes docs/performance.md:
#   - the reference Pennes step (Java port vs C -O3 OpenMP vs numpy, same problem and checksum), N = 128 and 256;
#   - the machine's memory bandwidth (STREAM triad);
#   - JMH: explicit and ADI heat steps, LOD diffusion, potential solve (multigrid vs plain CG), biology step, one pulse;
#   - the default scenarios end to end (one session to day 28; three sessions to day 84).
# usage: benchmarks/run.sh [--quick]      (--quick: fewer JMH iterations, N = 128 only; for a smoke test)
# Needs ../shared/perf beside the checkout for the C and numpy references (skipped, and said so, if absent).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
quick=${1:-}
out=docs/performance.md
tmp=$(mktemp -d)
jar=benchmarks/target/benchmarks.jar
ex=examples/target/examples.jar
[ -f "$jar" ] && [ -f "$ex" ] || ./mvnw -q -B -DskipTests install
sizes="128 256"; jmh="-f 1 -wi 3 -i 5 -w 1 -r 1"
if [ "$quick" = "--quick" ]; then sizes="128"; jmh="-f 1 -wi 1 -i 2 -w 1 -r 1"; fi
ref=../shared/perf/run-reference.sh

cpu=$(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
{
  echo "# Performance"
  echo
  echo "Measured by \`benchmarks/run.sh\` on $(date -u +%Y-%m-%d): $cpu, $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB,"
  echo "$(java -version 2>&1 | head -1). Numbers on a shared machine vary by tens of per cent between runs;"
  echo "compare ratios measured in the same run, as below. Reproduce with \`benchmarks/run.sh\`."
  echo
} > "$tmp/head.md"

# 1. Reference Pennes step.
{
  echo "## Reference Pennes step (same problem, same checksum)"
  echo
  echo "| N | implementation | threads | Mcell/s | checksum |"
  echo "|---|---|---|---|---|"
} > "$tmp/ref.md"
for n in $sizes; do
  steps=$([ "$n" = 256 ] && echo 20 || echo 50)
  for t in 1 2; do
    line=$(java -cp "$jar" org.ecmsim.benchmarks.PennesReferenceCheck "$n" "$steps" "$t")
    echo "| $n | ecmsim (Java) | $t | $(sed -E 's/.*Mcell_per_s=([0-9.]+).*/\1/' <<<"$line") | $(sed -E 's/.*checksum=([^ ]+).*/\1/' <<<"$line") |" >> "$tmp/ref.md"
  done
  if [ -x "$ref" ] || [ -f "$ref" ]; then
    bash "$ref" "$n" "$steps" | while read -r l; do
      impl=$(cut -d' ' -f1 <<<"$l"); t=$(sed -nE 's/.*threads=([0-9]+).*/\1/p' <<<"$l"); t=${t:-1}
      name=$([ "$impl" = pennes_ref ] && echo "C, gcc -O3 -march=native OpenMP" || echo "numpy")
      echo "| $n | $name | $t | $(sed -E 's/.*Mcell_per_s=([0-9.]+).*/\1/' <<<"$l") | $(sed -E 's/.*checksum=([^ ]+).*/\1/' <<<"$l") |" >> "$tmp/ref.md"
    done
  else
    echo "| $n | C and numpy references | – | not run: $ref not found | – |" >> "$tmp/ref.md"
  fi
done
bw=$(java -cp "$jar" org.ecmsim.benchmarks.Bandwidth)
{
  echo
  echo "Memory bandwidth (STREAM triad, 24 bytes per element): $bw GB/s. The explicit step moves at least"
  echo "8 (read T) + 8 (write T′) + 8 (read Q) + 1 (material) = 25 bytes per cell plus the write-allocate of T′"
  echo "(8 more), so the bandwidth bound is about triad·1e9/33 cells/s; the table's Java rate divided by that bound is"
  echo "the fraction of the bandwidth bound reached."
  echo
} >> "$tmp/ref.md"

# 2. JMH.
java -jar "$jar" "HeatStepBenchmark|LodDiffusionBenchmark|PotentialSolveBenchmark|BiologyStepBenchmark|PulseBenchmark" \
  $jmh -rf csv -rff "$tmp/jmh.csv" > "$tmp/jmh.log" 2>&1 || true
{
  echo "## JMH"
  echo
  echo "| benchmark | parameters | score | error | unit |"
  echo "|---|---|---|---|---|"
  tail -n +2 "$tmp/jmh.csv" | awk -F, '{
    gsub(/"/, ""); name=$1; sub(/org\.ecmsim\.benchmarks\./, "", name);
    params=""; for (i = 8; i <= NF; i++) if ($i != "") params = params (params == "" ? "" : ", ") $i;
    printf("| %s | %s | %.3f | %.3f | %s |\n", name, params, $5, $6, $7) }'
  echo
  echo "Iteration counts of the potential solve (printed by the benchmark):"
  echo
  grep -E "iterations to" "$tmp/jmh.log" | sort -u | sed 's/^/    /'
  echo
  echo "Growth with grid size, multigrid-preconditioned CG to 1e-8 (\`SolverScaling\`, one solve after a warm-up):"
  echo
  java -cp "$jar" org.ecmsim.benchmarks.SolverScaling $([ "$quick" = "--quick" ] && echo "64 128" || echo "64 128 256") \
    | sed 's/^/    /'
  echo
} > "$tmp/jmh.md"

# 3. Default scenarios end to end.
t0=$(date +%s.%N); java -cp "$ex" org.ecmsim.examples.ThreeSessions > "$tmp/three.txt"; t1=$(date +%s.%N)
{
  echo "## Default scenarios end to end"
  echo
  echo "| scenario | wall time (s) |"
  echo "|---|---|"
  echo "| three sessions, 4 weeks apart, to day 84 (\`ThreeSessions\`) | $(awk -v a="$t0" -v b="$t1" "BEGIN { printf(\"%.1f\", b - a) }") |"
  echo
} > "$tmp/scen.md"

cat "$tmp/head.md" "$tmp/ref.md" "$tmp/jmh.md" "$tmp/scen.md" > "$tmp/generated.md"
if [ -f docs/performance-notes.md ]; then cat docs/performance-notes.md >> "$tmp/generated.md"; fi
cp "$tmp/generated.md" "$out"
echo "wrote $out"
