#!/usr/bin/env bash
# HTTP load tests of the standalone service (docs/performance.md, "HTTP load").
#
#   intro-bench/load/run.sh            # from anywhere; about 10 minutes; needs wrk and curl
#
# Builds intro-app.jar and benchmarks.jar, seeds a SQLite file (USERS users, EVENTS events), starts
# the service with a 256 MiB heap in jwt mode on a free loopback port, mints a token per user, warms the
# cache, then runs:
#   a. max throughput, wrk -t2 -c100: the cached page with JWT for the user pool vs
#      (1) GET /bench/bare/{user} on the same service process, which returns the first user's page
#          as a fixed byte[] through the same Jetty, Jersey application and server-wide filters
#          (request id, access log, metrics, body limit, encoding) but no JWT and no engine;
#          RATIO, ratioPercent and the verdict (>= 60 %) use it.
#      (2) BareJerseyServer (Jetty with its defaults, no filters), a separate JVM returning the
#          same body: the stricter "ratio vs separate bare process" (target >= 60 %), measured in
#          the same mirrored order page, bare, bare, page.
#   b. OpenLoad (open model) at 50 % of a's page throughput over 100 connections: p99 <= 25 ms;
#      the same rate also against both bare endpoints
#   c. wrk -c1000 on the page: no non-2xx, no socket errors, the service answers afterwards
#   d. BareJerseyServer on Grizzly vs Jetty with wrk -t2 -c100, and the h2c-upgrade probe
# and stops everything it started. Every run is at most 30 s, on 127.0.0.1 only.
# Results: intro-bench/target/load/ (summary.txt, summary.json, raw outputs, GC log).
#
# The service runs as dev.intropage.bench.load.BaselineService, which starts `intro-app.jar serve`
# through IntroPageApp.start (same environment configuration, same shutdown) plus the bare endpoint;
# intro-app.jar comes first on the class path, so every class of the service is the shipped one. The endpoint reads its body file
# (baseline.json) at its first request, which this script sends only after writing the file from
# the service's own cached page; it then checks that the endpoint returns exactly those bytes.
#
# Settings (environment): JAVA (a JDK 21+ java), DURATION (s, default 20), WARMUP (s per server
# and round, default 30), USERS (1000), EVENTS (100000), SKIP_BUILD=1 to reuse the jars, RATE to
# force scenario b's rate, SERVICE_OPTS (more JVM options for the service, e.g. another GC).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
J=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-30}
SERVICE_OPTS=${SERVICE_OPTS:-}
USERS=${USERS:-1000}
EVENTS=${EVENTS:-100000}
OUT=$ROOT/intro-bench/target/load
APP=$ROOT/intro-app/target/intro-app.jar
BENCH=$ROOT/intro-bench/target/benchmarks.jar
LUA=$ROOT/intro-bench/load/pool.lua

if ((DURATION > 30)); then
  echo "DURATION must be at most 30 s" >&2
  exit 2
fi
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is missing" >&2; exit 2; }
# 1000 connections on each side of loopback, plus the JVMs' own files.
ulimit -n "$(ulimit -Hn)"
if (($(ulimit -n) < 4096)); then
  echo "ulimit -n is $(ulimit -n); scenario c needs at least 4096" >&2
  exit 2
fi

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  echo "== build"
  ./mvnw -q -pl intro-app,intro-bench -am package -DskipTests
fi

rm -rf "$OUT"
mkdir -p "$OUT"
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

# Waits until FILE has a line with http://127.0.0.1:PORT/ and prints PORT.
port_of() {
  local file=$1 pid=$2
  for _ in $(seq 1 300); do
    if grep -qo 'http://127.0.0.1:[0-9]*/' "$file" 2>/dev/null; then
      grep -o 'http://127.0.0.1:[0-9]*/' "$file" | head -n 1 | sed 's/.*:\([0-9]*\)\//\1/'
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "process $pid died; see $file" >&2; return 1; }
    sleep 0.2
  done
  echo "no port in $file after 60 s" >&2
  return 1
}

# wrk's requests/s, non-2xx count and socket errors from its output file.
rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
non2xx() { awk '/Non-2xx or 3xx responses:/ {print $NF}' "$1" | grep . || echo 0; }
# Pages the service has assembled so far, complete and degraded (a section not FRESH, CACHED or
# STALE), from its own page timer (intro_page_duration_seconds_count by its degraded tag): "C D".
page_counts() {
  curl -s --max-time 5 "$SERVICE/metrics" | awk '
    /^intro_page_duration_seconds_count\{degraded="false"\}/ {c = $NF}
    /^intro_page_duration_seconds_count\{degraded="true"\}/ {d = $NF}
    END {printf "%d %d\n", c, d}'
}
# The pages of one run: the difference of two page_counts, "C D".
pages_between() { echo "$1 $2" | awk '{printf "%d %d\n", $3 - $1, $4 - $2}'; }
socket_errors() {
  awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10; found=1} END {if (!found) print 0}' "$1"
}

export INTRO_DB_URL="jdbc:sqlite:$WORK/intro.db"
export INTRO_AUTH_JWT_SECRET
INTRO_AUTH_JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n=+/' | head -c 48)
export INTRO_AUTH_MODE=jwt
export INTRO_HTTP_HOST=127.0.0.1
export INTRO_HTTP_PORT=0
export INTRO_DEMO_DATA=false

echo "== seed $USERS users, $EVENTS events"
"$J" -jar "$APP" seed --users "$USERS" --events "$EVENTS" | tee "$OUT/seed.txt"
"$J" -cp "$BENCH" dev.intropage.bench.load.MintTokens "$USERS" >"$OUT/tokens.txt"
FIRST_USER=$(head -n 1 "$OUT/tokens.txt" | cut -d' ' -f1)
FIRST_TOKEN=$(head -n 1 "$OUT/tokens.txt" | cut -d' ' -f2)

# Every server gets its whole heap at start, as docs/deployment.md recommends: a heap G1 is left to
# grow stays small, collects and marks often, and those pauses make b's tail.
HEAP="-Xms256m -Xmx256m"
echo "== start the service ($HEAP, jwt) with its bare baseline endpoint"
# shellcheck disable=SC2086 # HEAP and SERVICE_OPTS are lists of JVM options
"$J" $HEAP $SERVICE_OPTS -Xlog:gc:file="$OUT/service-gc.log" \
  -Dintro.bench.baseline="$OUT/baseline.json" -cp "$APP:$BENCH" dev.intropage.bench.load.BaselineService \
  >"$OUT/service.log" 2>&1 &
SERVICE_PID=$!
PIDS+=("$SERVICE_PID")
SERVICE_PORT=$(port_of "$OUT/service.log" "$SERVICE_PID")
SERVICE=http://127.0.0.1:$SERVICE_PORT
# The first pages of a cold JVM may miss the page deadline (503); the body must be a full page.
for _ in $(seq 1 20); do
  status=$(curl -s --max-time 10 -H "Authorization: Bearer $FIRST_TOKEN" \
    "$SERVICE/api/v1/intro-page/$FIRST_USER" -o "$OUT/page.json" -w '%{http_code}' || true)
  [[ $status == 200 ]] && break
  sleep 0.5
done
[[ $status == 200 ]] || { echo "the service does not serve $FIRST_USER's page: $status" >&2; exit 1; }
PAGE_BYTES=$(wc -c <"$OUT/page.json")
echo "service on $SERVICE; page of $FIRST_USER: $PAGE_BYTES bytes"

# The host's 1-minute load average, recorded before each scenario (other work shares the CPUs).
load() { echo "$1 $(cut -d' ' -f1 /proc/loadavg)" >>"$OUT/loadavg.txt"; }

open_load() {
  "$J" -Xmx512m -cp "$BENCH" dev.intropage.bench.load.OpenLoad "$@"
}

echo "== warm-up: every user's page once into the cache"
open_load --url "$SERVICE/api/v1/intro-page/{user}" --tokens "$OUT/tokens.txt" \
  --rate 100 --duration "$(((USERS + 99) / 100))" --label "cache fill" >"$OUT/warm-cache.txt" || true
cat "$OUT/warm-cache.txt"
# The baseline's body: the first user's page once it is served from the cache.
curl -sf --max-time 10 -H "Authorization: Bearer $FIRST_TOKEN" \
  "$SERVICE/api/v1/intro-page/$FIRST_USER" -o "$OUT/page.json"
PAGE_BYTES=$(wc -c <"$OUT/page.json")
echo "page of $FIRST_USER from the cache: $PAGE_BYTES bytes"
# The same-server baseline reads this file at its first request, which is the next line.
cp "$OUT/page.json" "$OUT/baseline.json"
curl -sf --max-time 10 "$SERVICE/bench/bare/$FIRST_USER" -o "$OUT/bare-service.json" \
  || { echo "the service's /bench/bare/ does not answer; see $OUT/service.log" >&2; exit 1; }
cmp -s "$OUT/baseline.json" "$OUT/bare-service.json" \
  || { echo "/bench/bare/ does not return the page's bytes" >&2; exit 1; }
echo "== start BareJerseyServer (Jetty and Grizzly) with that body"
"$J" $HEAP -cp "$BENCH" dev.intropage.bench.load.BareJerseyServer \
  --container jetty --port 0 --body "$OUT/page.json" >"$OUT/bare-jetty.log" 2>&1 &
JETTY_PID=$!
PIDS+=("$JETTY_PID")
"$J" $HEAP -cp "$BENCH" dev.intropage.bench.load.BareJerseyServer \
  --container grizzly --port 0 --body "$OUT/page.json" >"$OUT/bare-grizzly.log" 2>&1 &
GRIZZLY_PID=$!
PIDS+=("$GRIZZLY_PID")
JETTY=http://127.0.0.1:$(port_of "$OUT/bare-jetty.log" "$JETTY_PID")
GRIZZLY=http://127.0.0.1:$(port_of "$OUT/bare-grizzly.log" "$GRIZZLY_PID")
echo "== warm-up: JIT on the service's page and bare endpoint and both bare servers, wrk ${WARMUP}s each, twice"
# The page's code path is long, so C2 needs far longer under load to compile it than the bare
# endpoint's; every server gets the same warm-up, long enough for the page.
for _ in 1 2; do
  wrk -t2 -c100 -d"${WARMUP}s" -s "$LUA" "$SERVICE" -- "$OUT/tokens.txt" /api/v1/intro-page/ \
    | grep -E '^Requests/sec' | sed 's/^/  service: /'
  wrk -t2 -c100 -d"${WARMUP}s" -s "$LUA" "$SERVICE" -- "$OUT/tokens.txt" /bench/bare/ \
    | grep -E '^Requests/sec' | sed 's/^/  service bare: /'
  wrk -t2 -c100 -d"${WARMUP}s" -s "$LUA" "$JETTY" -- "$OUT/tokens.txt" /bare/ >/dev/null
  wrk -t2 -c100 -d"${WARMUP}s" -s "$LUA" "$GRIZZLY" -- "$OUT/tokens.txt" /bare/ >/dev/null
done

load a
echo "== a. max throughput, wrk -t2 -c100: page vs the same service's bare endpoint, then page vs bare Jersey (Jetty), ${DURATION}s each in two halves"
# Page and same-service bare in the order page, bare, bare, page, each for half of DURATION: the
# service still speeds up while C2 compiles, which would favour whichever endpoint ran second; the
# mirrored order cancels a steady drift. Each endpoint's figure is the mean of its two halves.
HALF=$(((DURATION + 1) / 2))
half() { # $1 path, $2 output file
  wrk -t2 -c100 -d"${HALF}s" --latency -s "$LUA" "$SERVICE" -- "$OUT/tokens.txt" "$1" | tee "$2"
}
A_BEFORE=$(page_counts)
half /api/v1/intro-page/ "$OUT/a-page-wrk-1.txt"
half /bench/bare/ "$OUT/a-bare-service-wrk-1.txt"
half /bench/bare/ "$OUT/a-bare-service-wrk-2.txt"
half /api/v1/intro-page/ "$OUT/a-page-wrk-2.txt"
# Then the page against the separate bare process in the same mirrored order.
half /api/v1/intro-page/ "$OUT/a-page-wrk-3.txt"
jetty_half() { # $1 output file
  wrk -t2 -c100 -d"${HALF}s" --latency -s "$LUA" "$JETTY" -- "$OUT/tokens.txt" /bare/ | tee "$1"
}
jetty_half "$OUT/a-bare-jetty-wrk-1.txt"
jetty_half "$OUT/a-bare-jetty-wrk-2.txt"
half /api/v1/intro-page/ "$OUT/a-page-wrk-4.txt"
A_PAGES=$(pages_between "$A_BEFORE" "$(page_counts)")
mean_rps() { awk -v x="$(rps "$1")" -v y="$(rps "$2")" 'BEGIN {printf "%.2f", (x + y) / 2}'; }
PAGE_RPS=$(mean_rps "$OUT/a-page-wrk-1.txt" "$OUT/a-page-wrk-2.txt")
PAGE_RPS_SEPARATE=$(mean_rps "$OUT/a-page-wrk-3.txt" "$OUT/a-page-wrk-4.txt")
BARE_SERVICE_RPS=$(mean_rps "$OUT/a-bare-service-wrk-1.txt" "$OUT/a-bare-service-wrk-2.txt")
BARE_SERVICE_NON2XX=$(($(non2xx "$OUT/a-bare-service-wrk-1.txt") + $(non2xx "$OUT/a-bare-service-wrk-2.txt")))
BARE_RPS=$(mean_rps "$OUT/a-bare-jetty-wrk-1.txt" "$OUT/a-bare-jetty-wrk-2.txt")
ratio() { awk -v p="$1" -v b="$2" 'BEGIN {printf "%.1f", 100 * p / b}'; }
RATIO=$(ratio "$PAGE_RPS" "$BARE_SERVICE_RPS")
RATIO_SEPARATE=$(ratio "$PAGE_RPS_SEPARATE" "$BARE_RPS")
A_COMPLETE=${A_PAGES% *}
A_DEGRADED=${A_PAGES#* }
# A figure made of degraded pages (an open breaker serves no data, cheaply) does not count.
A_DEGRADED_PERCENT=$(awk -v c="$A_COMPLETE" -v d="$A_DEGRADED" 'BEGIN {printf "%.2f", c + d == 0 ? 100 : 100 * d / (c + d)}')
echo "page $PAGE_RPS req/s, same service's bare $BARE_SERVICE_RPS req/s: $RATIO %;" \
  "separate bare $BARE_RPS req/s: $RATIO_SEPARATE %; degraded pages $A_DEGRADED_PERCENT %"

RATE=${RATE:-$(awk -v p="$PAGE_RPS" 'BEGIN {printf "%d", p / 2}')}
load b
echo "== b. OpenLoad at $RATE req/s (50 % of a), 100 connections, ${DURATION}s"
open_load --url "$SERVICE/api/v1/intro-page/{user}" --tokens "$OUT/tokens.txt" \
  --rate "$RATE" --duration "$DURATION" --warmup 5 --connections 100 \
  --json "$OUT/b-page-open.json" --label "b. cached page, JWT, $USERS users" \
  | tee "$OUT/b-page-open.txt" || true
open_load --url "$SERVICE/bench/bare/{user}" --tokens "$OUT/tokens.txt" \
  --rate "$RATE" --duration "$DURATION" --warmup 5 --connections 100 \
  --json "$OUT/b-bare-service-open.json" --label "b. the same service's bare endpoint, same rate" \
  | tee "$OUT/b-bare-service-open.txt" || true
open_load --url "$JETTY/bare/{user}" --tokens "$OUT/tokens.txt" \
  --rate "$RATE" --duration "$DURATION" --warmup 5 --connections 100 \
  --json "$OUT/b-bare-jetty-open.json" --label "b. bare Jersey on Jetty, same rate" \
  | tee "$OUT/b-bare-jetty-open.txt" || true

load c
echo "== c. wrk -t2 -c1000 -d${DURATION}s on the page"
C_BEFORE=$(page_counts)
wrk -t2 -c1000 -d"${DURATION}s" --latency --timeout 10s -s "$LUA" "$SERVICE" -- \
  "$OUT/tokens.txt" /api/v1/intro-page/ | tee "$OUT/c-page-wrk-1000.txt"
C_PAGES=$(pages_between "$C_BEFORE" "$(page_counts)")
AFTER=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 \
  -H "Authorization: Bearer $FIRST_TOKEN" "$SERVICE/api/v1/intro-page/$FIRST_USER" || echo none)
READY=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$SERVICE/health/ready" || echo none)
echo "after c: page $AFTER, ready $READY"
curl -s --max-time 5 "$SERVICE/metrics" >"$OUT/service-metrics.txt" || true
HEAP_USED=$(awk '/^jvm_memory_used_bytes\{area="heap"/ {s += $NF} END {printf "%.0f", s / 1048576}' \
  "$OUT/service-metrics.txt")
HEAP_MAX=$(awk '/^jvm_memory_max_bytes\{area="heap"/ {if ($NF > 0) s += $NF} END {printf "%.0f", s / 1048576}' \
  "$OUT/service-metrics.txt")
# Largest heap occupancy before a collection, and the number of collections, from -Xlog:gc.
# G1 logs "171M->100M(212M)" per pause, ZGC "80M(31%)->40M(16%)" per collection.
HEAP_PEAK=$({ grep -oE '[0-9]+M(\([0-9]+%\))?->' "$OUT/service-gc.log" || true; } | grep -oE '^[0-9]+' | sort -n | tail -n 1)
GCS=$(grep -cE 'Pause|Collection \(' "$OUT/service-gc.log" || true)
FULL_GCS=$(grep -c 'Pause Full' "$OUT/service-gc.log" || true)
echo "heap: used now ${HEAP_USED} MiB of ${HEAP_MAX} MiB; peak before GC ${HEAP_PEAK} MiB; $GCS pauses, $FULL_GCS full"

load d
echo "== d. container comparison, wrk -t2 -c100 -d${DURATION}s: bare Jersey on Grizzly vs Jetty"
wrk -t2 -c100 -d"${DURATION}s" --latency -s "$LUA" "$GRIZZLY" -- "$OUT/tokens.txt" /bare/ \
  | tee "$OUT/d-bare-grizzly-wrk.txt"
wrk -t2 -c100 -d"${DURATION}s" --latency -s "$LUA" "$JETTY" -- "$OUT/tokens.txt" /bare/ \
  | tee "$OUT/d-bare-jetty-wrk.txt"
echo "== d. h2c upgrade probe (the JDK HTTP client's default upgrade headers), 5 s limit each"
for name in jetty grizzly service; do
  case $name in
    jetty) url="$JETTY/bare/$FIRST_USER" ;;
    grizzly) url="$GRIZZLY/bare/$FIRST_USER" ;;
    service) url="$SERVICE/api/v1/intro-page/$FIRST_USER" ;;
  esac
  result=$(curl -s -o /dev/null -w '%{http_version} %{http_code} %{size_download}B %{time_total}s' \
    --max-time 5 -H "Authorization: Bearer $FIRST_TOKEN" \
    -H 'Connection: Upgrade, HTTP2-Settings' -H 'Upgrade: h2c' \
    -H 'HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA' "$url" || echo " (curl exit $?)")
  echo "h2c GET $name: HTTP/$result" | tee -a "$OUT/d-h2c.txt"
done

GRIZZLY_RPS=$(rps "$OUT/d-bare-grizzly-wrk.txt")
JETTY_RPS=$(rps "$OUT/d-bare-jetty-wrk.txt")
B_JSON=$(cat "$OUT/b-page-open.json" 2>/dev/null || echo null)
B_BARE_JSON=$(cat "$OUT/b-bare-jetty-open.json" 2>/dev/null || echo null)
B_BARE_SERVICE_JSON=$(cat "$OUT/b-bare-service-open.json" 2>/dev/null || echo null)
P99=$(grep -o '"p99":[0-9.]*' "$OUT/b-page-open.json" | cut -d: -f2 || echo none)
p99_of() { grep -o '"p99":[0-9.]*' "$1" 2>/dev/null | cut -d: -f2 || echo none; }
B_ERRORS=$(grep -o '"errors":[0-9]*' "$OUT/b-page-open.json" | cut -d: -f2 || echo none)
C_NON2XX=$(non2xx "$OUT/c-page-wrk-1000.txt")
C_SOCKET=$(socket_errors "$OUT/c-page-wrk-1000.txt")
verdict() { if awk "BEGIN {exit !($1)}"; then echo met; else echo missed; fi; }

{
  echo "HTTP load, $(date -u +%FT%TZ), $(nproc) CPUs shared by load generators and servers"
  echo "page body $PAGE_BYTES bytes, $USERS users, $EVENTS events, SQLite, jwt, $HEAP $SERVICE_OPTS, warm-up 2 x ${WARMUP}s"
  echo "a. wrk -t2 -c100 -d${DURATION}s: page $PAGE_RPS req/s, bare endpoint of the same service $BARE_SERVICE_RPS req/s (non-2xx $BARE_SERVICE_NON2XX), ratio $RATIO % (target >= 60 % with at most 0.1 % degraded pages: $(verdict "$RATIO >= 60 && $A_DEGRADED_PERCENT <= 0.1 && $BARE_SERVICE_NON2XX == 0"))"
  echo "   page $PAGE_RPS_SEPARATE req/s vs separate bare process (bare Jersey on Jetty, no filters) $BARE_RPS req/s: ratio $RATIO_SEPARATE % (target >= 60 %: $(verdict "$RATIO_SEPARATE >= 60"))"
  echo "   pages complete $A_COMPLETE, degraded $A_DEGRADED ($A_DEGRADED_PERCENT %)"
  echo "b. OpenLoad $RATE req/s, 100 connections: p99 $P99 ms, errors $B_ERRORS (target p99 <= 25 ms: $(verdict "${P99:-1e9} <= 25 && ${B_ERRORS:-1} == 0"))"
  echo "   $(grep -m 1 'latency' "$OUT/b-page-open.txt" || true)"
  echo "   same rate, p99: bare endpoint of the same service $(p99_of "$OUT/b-bare-service-open.json") ms, separate bare process $(p99_of "$OUT/b-bare-jetty-open.json") ms"
  echo "c. wrk -t2 -c1000 -d${DURATION}s: $(rps "$OUT/c-page-wrk-1000.txt") req/s, non-2xx $C_NON2XX, socket errors $C_SOCKET; afterwards page $AFTER, ready $READY (target no errors, still answering: $(verdict "$C_NON2XX == 0 && $C_SOCKET == 0 && \"$AFTER\" == \"200\""))"
  echo "   pages complete ${C_PAGES% *}, degraded ${C_PAGES#* }"
  echo "   heap after: used ${HEAP_USED} MiB of ${HEAP_MAX} MiB; peak before GC ${HEAP_PEAK} MiB; $GCS GC pauses, $FULL_GCS full"
  echo "d. wrk -t2 -c100 -d${DURATION}s bare Jersey: Grizzly $GRIZZLY_RPS req/s, Jetty $JETTY_RPS req/s"
  sed 's/^/   /' "$OUT/d-h2c.txt"
  echo "load average (1 min) before each scenario: $(tr '\n' ' ' <"$OUT/loadavg.txt")"
} | tee "$OUT/summary.txt"

cat >"$OUT/summary.json" <<EOF
{"cpus":$(nproc),"pageBytes":$PAGE_BYTES,"users":$USERS,"events":$EVENTS,"durationSeconds":$DURATION,
 "a":{"pageRps":$PAGE_RPS,"bareJettyRps":$BARE_RPS,"ratioPercent":$RATIO,"completePages":$A_COMPLETE,"degradedPages":$A_DEGRADED,
      "ratioBaseline":"same service","bareServiceRps":$BARE_SERVICE_RPS,"bareServiceNon2xx":$BARE_SERVICE_NON2XX,"pageRpsBesideSeparateBare":$PAGE_RPS_SEPARATE,"ratioVsSeparateBarePercent":$RATIO_SEPARATE},
 "b":{"rate":$RATE,"page":$B_JSON,"bareJetty":$B_BARE_JSON,"bareService":$B_BARE_SERVICE_JSON},
 "c":{"rps":$(rps "$OUT/c-page-wrk-1000.txt"),"non2xx":$C_NON2XX,"socketErrors":$C_SOCKET,"pageAfter":"$AFTER","readyAfter":"$READY",
      "heapUsedMiB":${HEAP_USED:-null},"heapMaxMiB":${HEAP_MAX:-null},"heapPeakBeforeGcMiB":${HEAP_PEAK:-null},"gcPauses":$GCS,"fullGcs":$FULL_GCS},
 "d":{"bareGrizzlyRps":$GRIZZLY_RPS,"bareJettyRps":$JETTY_RPS}}
EOF
echo "results: $OUT"
