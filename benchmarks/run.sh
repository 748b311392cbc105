#!/usr/bin/env bash
# Runs the performance measurements side by side and writes docs/performance.md:
#   - the reference Pennes step (Java port vs C -O3 OpenMP vs numpy, same problem and checksum), N = 128 and 256;
#   - the machine's memory bandwidth (STREAM triad);
#   - JMH: explicit and ADI heat steps, LOD diffusion, potential solve (multigrid vs plain CG), biology step, one pulse;
#   - the default scenarios end to end through the command line (one session to day 28; three sessions to day 84),
#     split into thermal phases and biology; one session of the default tip in full-tip mode at 25 µm;
#   - the peak live heap of the thermal phase per cell (MemoryCheck), first and later session.
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
cli=cli/target/ecmsim.jar
[ -f "$jar" ] && [ -f "$ex" ] && [ -f "$cli" ] || ./mvnw -q -B -DskipTests install
sizes="128 256"; jmh="-f 1 -wi 3 -i 5 -w 1 -r 1"; heatsizes="64,128,256"; heatjmh="-f 2 -wi 3 -i 6 -w 1 -r 1"
if [ "$quick" = "--quick" ]; then sizes="128"; jmh="-f 1 -wi 1 -i 2 -w 1 -r 1"; heatsizes="64,128"; heatjmh=$jmh; fi
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

# 1. Reference Pennes step. Bandwidth first, so that each row can state its fraction of the bound.
bw=$(java -cp "$jar" org.ecmsim.benchmarks.Bandwidth)
bw1=$(sed -nE 's/.*triad_GBps_1=([0-9.]+).*/\1/p' <<<"$bw"); bw2=$(sed -nE 's/.*triad_GBps_2=([0-9.]+).*/\1/p' <<<"$bw")
# Bytes moved per cell, at least: C reads T, Q and the material byte and writes T' (8 + 8 + 1 + 8, plus the
# write-allocate of T', 8) = 33; ecmsim reads T and writes T' (8 + 8 + 8) and reads Q only on the rows where the
# source is not zero (5 % of the rows here) and no material byte on rows of constant coefficients: 24.4.
frac() { awk -v r="$1" -v b="$2" -v g="$3" 'BEGIN { printf("%.0f %%", 100 * r * 1e6 * b / (g * 1e9)) }'; }
rounds=$([ "$quick" = "--quick" ] && echo 1 || echo 3)
{
  echo "## Reference Pennes step (same problem, same checksum)"
  echo
  echo "Java and the references are run in turn, $rounds round(s) per size; the table gives each one's best round and, in"
  echo "brackets, its range over the rounds: on a shared machine the spread between rounds is the honest error bar."
  echo
  echo "| N | implementation | threads | Mcell/s, best (range) | bytes/cell | % of bandwidth bound | checksum |"
  echo "|---|---|---|---|---|---|---|"
} > "$tmp/ref.md"
for n in $sizes; do
  steps=$([ "$n" = 256 ] && echo 20 || echo 50)
  rm -f "$tmp"/r-*
  for round in $(seq "$rounds"); do
    for t in 1 2; do
      line=$(java -cp "$jar" org.ecmsim.benchmarks.PennesReferenceCheck "$n" "$steps" "$t")
      sed -E 's/.*Mcell_per_s=([0-9.]+).*/\1/' <<<"$line" >> "$tmp/r-java-$t"
      sed -E 's/.*checksum=([^ ]+).*/\1/' <<<"$line" > "$tmp/r-java-$t.sum"
    done
    if [ -f "$ref" ]; then
      bash "$ref" "$n" "$steps" | while read -r l; do
        impl=$(cut -d' ' -f1 <<<"$l"); t=$(sed -nE 's/.*threads=([0-9]+).*/\1/p' <<<"$l"); t=${t:-1}
        key=$([ "$impl" = pennes_ref ] && echo c || echo numpy)
        sed -E 's/.*Mcell_per_s=([0-9.]+).*/\1/' <<<"$l" >> "$tmp/r-$key-$t"
        sed -E 's/.*checksum=([^ ]+).*/\1/' <<<"$l" > "$tmp/r-$key-$t.sum"
      done
    fi
  done
  for key in java c numpy; do
    for t in 1 2; do
      [ -f "$tmp/r-$key-$t" ] || continue
      r=$(sort -g "$tmp/r-$key-$t" | tail -1); lo=$(sort -g "$tmp/r-$key-$t" | head -1)
      g=$([ "$t" = 1 ] && echo "$bw1" || echo "$bw2")
      case $key in
        java) name="ecmsim (Java)"; b=24.4; f=$(frac "$r" 24.4 "$g") ;;
        c) name="C, gcc -O3 -march=native OpenMP"; b=33; f=$(frac "$r" 33 "$g") ;;
        numpy) name="numpy"; b="–"; f="– (array temporaries)" ;;
      esac
      echo "| $n | $name | $t | $r ($lo–$r) | $b | $f | $(cat "$tmp/r-$key-$t.sum") |" >> "$tmp/ref.md"
    done
  done
  [ -f "$ref" ] || echo "| $n | C and numpy references | – | not run: $ref not found | – | – | – |" >> "$tmp/ref.md"
  for t in 1 2; do
    best() { [ -f "$tmp/r-$1-$2" ] && sort -g "$tmp/r-$1-$2" | tail -1 || echo 0; }
    awk -v n="$n" -v t="$t" -v j="$(best java "$t")" -v c="$(best c "$t")" -v p="$(best numpy 1)" \
      'BEGIN { printf("%s %s %.2f %.1f\n", n, t, c > 0 ? j / c : 0, p > 0 ? j / p : 0) }' >> "$tmp/ratios"
  done
done
{
  echo
  echo "Ratios of the best rounds (targets with 2 threads: ≥ 1.0× C, ≥ 10× numpy; numpy runs on one thread):"
  echo
  echo "| N | threads | ecmsim / C | ecmsim / numpy |"
  echo "|---|---|---|---|"
  while read -r n t rc rp; do echo "| $n | $t | $rc | $rp |"; done < "$tmp/ratios"
} >> "$tmp/ref.md"
{
  echo
  echo "Memory bandwidth (STREAM triad, 24 bytes per element, \`Bandwidth\`): $bw GB/s. The bandwidth bound of a"
  echo "kernel is the triad bandwidth of the same thread count divided by the bytes it must move per cell: for the C"
  echo "reference 8 (read T) + 8 (read Q) + 1 (material) + 8 (write T′) + 8 (write-allocate of T′) = 33; ecmsim"
  echo "reads the source only on rows where it is not zero (5 % of the rows of this problem) and no material byte on"
  echo "rows of constant coefficients, so 24 + 0.05 × 8 = 24.4. Neither reaches the bound: the stencil is bound by"
  echo "arithmetic and load latency at these sizes (docs/performance-notes below)."
  echo
} >> "$tmp/ref.md"

# 2. JMH.
# The heat step on its own, so that -p n=… reaches only it; then the others at their own sizes.
java -jar "$jar" "HeatStepBenchmark" -p "n=$heatsizes" $heatjmh -rf csv -rff "$tmp/heat.csv" > "$tmp/jmh.log" 2>&1 || true
java -jar "$jar" "LodDiffusionBenchmark|PotentialSolveBenchmark|BiologyStepBenchmark|PulseBenchmark" \
  $jmh -rf csv -rff "$tmp/other.csv" >> "$tmp/jmh.log" 2>&1 || true
for f in heat other; do tr -d '\r' < "$tmp/$f.csv" > "$tmp/$f-lf.csv"; done
{
  echo "## JMH"
  echo
  echo "Per-cell columns for grid benchmarks (n³ cells): throughput and time per cell, which should stay flat as n grows."
  echo
  echo "| benchmark | parameters | score | error | unit | Mcell/s | ns per cell |"
  echo "|---|---|---|---|---|---|---|"
  awk -F, 'FNR == 1 { delete name; for (i = 1; i <= NF; i++) { h = $i; gsub(/"/, "", h); sub(/^Param: /, "", h); name[i] = h }; next }
  {
    gsub(/"/, ""); b = $1; sub(/org\.ecmsim\.benchmarks\./, "", b);
    params = ""; n = 0;
    for (i = 8; i <= NF; i++) if ($i != "") { params = params (params == "" ? "" : ", ") name[i] "=" $i; if (name[i] == "n") n = $i }
    per = "–"; rate = "–";
    if (n > 0 && $7 == "ms/op" && (b ~ /HeatStep|LodDiffusion|BiologyStep/)) {
      cells = n * n * n; rate = sprintf("%.0f", cells / ($5 * 1e-3) / 1e6); per = sprintf("%.2f", $5 * 1e6 / cells) }
    err = ($6 == "NaN") ? "–" : sprintf("%.3f", $6);
    printf("| %s | %s | %.3f | %s | %s | %s | %s |\n", b, params, $5, err, $7, rate, per) }' "$tmp/heat-lf.csv" "$tmp/other-lf.csv"
  echo
  echo "Implicit (ADI) step against explicit step, same problem, grid and threads (target: at most 4):"
  echo
  echo "| n | threads | explicit (ms) | ADI (ms) | ADI / explicit |"
  echo "|---|---|---|---|---|"
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) { h = $i; gsub(/"/, "", h); sub(/^Param: /, "", h); col[h] = i }; next }
  $1 ~ /HeatStepBenchmark/ { gsub(/"/, ""); k = $col["n"] " | " $col["threads"]; s[k, $col["method"]] = $5; keys[k] = 1 }
  END { for (k in keys) if ((k, "adi") in s && (k, "explicit") in s)
          printf("| %s | %.3f | %.3f | %.2f |\n", k, s[k, "explicit"], s[k, "adi"], s[k, "adi"] / s[k, "explicit"]) }' \
    "$tmp/heat-lf.csv" | sort -t'|' -k2,2n -k3,3n
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

# 3. Default scenarios end to end, through the command line (ecmsim run), split into phases.
java -jar "$cli" init "$tmp/three.yaml" > /dev/null 2>&1
sed -e 's/^  sessions: 3$/  sessions: 1/' -e 's/^  follow_up: 84 d$/  follow_up: 28 d/' \
  -e 's/^  snapshot_days: \[7 d, 28 d, 84 d\]$/  snapshot_days: [7 d, 28 d]/' "$tmp/three.yaml" > "$tmp/one.yaml"
grep -q "^  sessions: 1$" "$tmp/one.yaml" && grep -q "^  follow_up: 28 d$" "$tmp/one.yaml"
scenario() { # $1 label, $2 scenario file or "" for the built-in default scenario, $3 target (s)
  local name; name=$([ -n "$2" ] && basename "$2" .yaml || echo builtin)
  local log="$tmp/run-$name.log"
  local t0 t1; t0=$(date +%s.%N)
  ./ecmsim run ${2:+"$2"} --threads 2 --out "$tmp/out-$name" > /dev/null 2> "$log"
  t1=$(date +%s.%N)
  local thermal; thermal=$(sed -nE 's/.*thermal phase (\.\.\. )?done in ([0-9.]+) s.*/\2/p' "$log" | awk '{ t += $1 } END { print t + 0 }')
  local sim; sim=$(sed -nE 's/.*\(simulation ([0-9.]+) s\).*/\1/p' "$log")
  local sessions; sessions=$(sed -nE 's/.*thermal phase (\.\.\. )?done in ([0-9.]+) s.*/\2/p' "$log" | paste -sd/)
  awk -v l="$1" -v w="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" -v s="$sim" -v th="$thermal" -v per="$sessions" -v tg="$3" \
    'BEGIN { printf("| %s | %.1f | %.1f | %.1f (%s) | %.1f | %.1f | %s |\n", l, w, s, th, per, s - th, w - s, tg) }'
}
{
  echo "## Default scenarios end to end"
  echo
  echo "\`./ecmsim run\` (the launcher, which runs Java with the serial collector) with 2 threads: the built-in default"
  echo "scenario as a user runs it (\`./ecmsim run\`, which the launcher gives the quick JIT only), the same scenario"
  echo "from the file \`ecmsim init\` writes (scenario files keep the full JIT) and its one-session variant (sessions: 1,"
  echo "follow_up: 28 d). Thermal phases are the RF pulse trains with heat and damage (per session in brackets); biology"
  echo "is the rest of the simulation (treated and control tissue); the remainder is JVM start-up, set-up and writing the"
  echo "result files."
  echo
  echo "| scenario | wall time (s) | simulation (s) | thermal phases (s) | biology (s) | start-up and output (s) | target (s) |"
  echo "|---|---|---|---|---|---|---|"
  scenario "the default course, built in (\`./ecmsim run\`)" "" "< 15"
  scenario "one session, biology to day 28" "$tmp/one.yaml" "< 20"
  scenario "the same course from its file (\`ecmsim init\`)" "$tmp/three.yaml" "< 60"
  echo
} > "$tmp/scen.md"

# 3b. The default tip in full-tip mode at 25 µm (all 49 needles, 1 mm of tissue around the tip): one session, the
# full-tip run timed on its own ("full tip done in"); then the same run again with the heap it says to give
# (-Xmx, serial collector), which must succeed, and its peak resident memory.
sed -e 's/^  sessions: 3$/  sessions: 1/' -e 's/^  follow_up: 84 d$/  follow_up: 1 d/' \
  -e 's/^  snapshot_days: \[7 d, 28 d, 84 d\]$/  snapshot_days: [1 d]/' -e 's/^  cell_size: 50 um$/  cell_size: 25 um/' \
  -e 's/^  domain: unit_cell$/  domain: full_tip/' -e 's/^  vti: true$/  vti: false/' "$tmp/three.yaml" > "$tmp/fulltip.yaml"
grep -q "^  domain: full_tip$" "$tmp/fulltip.yaml" && grep -q "^  cell_size: 25 um$" "$tmp/fulltip.yaml"
{
  echo "## The whole tip at 25 µm"
  echo
  echo "\`./ecmsim run\` with 2 threads and \`numerics.domain: full_tip\`, \`cell_size: 25 um\`, one session (the default"
  echo "7×7 tip, 30 mJ/pin): the full-tip run is session 1 on all 49 needles with 1 mm of tissue around the tip. The"
  echo "run prints the heap to give Java with the serial collector (\`-Xmx\`, for the whole command: what the unit-cell"
  echo "course before it keeps alive, the full tip's peak live heap and the collector's margin); the time is from a run"
  echo "with the launcher's default heap, the memory from a second run given exactly that \`-Xmx\`: it must complete,"
  echo "and its peak resident set (whole JVM, \`/usr/bin/time -v\`) is that heap plus the JVM's own memory."
  echo "Load: \`uptime\` before the runs: $(uptime | sed 's/.*load average: //')."
  echo
  log="$tmp/run-fulltip.log"
  ./ecmsim run "$tmp/fulltip.yaml" --threads 2 --out "$tmp/out-fulltip" > /dev/null 2> "$log"
  cells=$(sed -nE 's/.*full_tip\): session 1 on all needles, (simulated )?grid .* = ([0-9]+) cells.*/\2/p' "$log")
  heap=$(sed -nE 's/.*full_tip\): .* give Java at least ([0-9]+) MiB of heap.*/\1/p' "$log")
  secs=$(sed -nE 's/.*full tip done in ([0-9.]+) s.*/\1/p' "$log")
  log2="$tmp/run-fulltip-xmx.log"
  ECMSIM_JAVA_OPTS="-XX:+UseSerialGC -Xmx${heap}m" /usr/bin/time -v ./ecmsim run "$tmp/fulltip.yaml" --threads 2 \
    --out "$tmp/out-fulltip-xmx" > /dev/null 2> "$log2"
  grep -q "full tip done in" "$log2"
  rss=$(sed -nE 's/.*Maximum resident set size \(kbytes\): ([0-9]+).*/\1/p' "$log2")
  echo "| simulated cells (mirrored part) | full-tip run (s) | target (s) | heap to give printed (-Xmx, MiB) | peak resident set at that -Xmx, whole JVM (MiB) |"
  echo "|---|---|---|---|---|"
  awk -v c="$cells" -v s="$secs" -v n="$heap" -v r="$rss" 'BEGIN { printf("| %d | %.1f | < 60 | %d | %.0f |\n", c, s, n, r / 1024) }'
  echo
} >> "$tmp/scen.md"

# 4. Memory of the thermal phase.
{
  echo "## Memory of the thermal phase"
  echo
  echo "Peak live heap per thermal cell, measured by \`MemoryCheck\` as the smallest heap (serial collector, bisection to"
  echo "2 MiB) in which one RF pulse of the default tip runs on its unit cell at 12.5 µm (1.28 M cells), minus the heap"
  echo "live before the run; target ≤ 150 B. The second run carries a perfusion scale, as every session after the"
  echo "first does; the builder's copy of it (4 B per cell, single precision) is live before the run and comes on top."
  echo
  for v in "" perfused; do
    java -cp "$jar" org.ecmsim.benchmarks.MemoryCheck 12.5 2 $v | grep -E "^memory check|^peak live heap" | sed 's/^/    /'
  done
  echo
} > "$tmp/mem.md"

# 5. The soak section is measured separately (SoakCheck, about a minute; see its javadoc) and kept as it is.
sed -n '/^## Soak/,/^## How the kernels/{/^## How the kernels/!p}' "$out" > "$tmp/soak.md" || true

cat "$tmp/head.md" "$tmp/ref.md" "$tmp/jmh.md" "$tmp/scen.md" "$tmp/mem.md" "$tmp/soak.md" > "$tmp/generated.md"
if [ -f docs/performance-notes.md ]; then cat docs/performance-notes.md >> "$tmp/generated.md"; fi
cp "$tmp/generated.md" "$out"
echo "wrote $out"
