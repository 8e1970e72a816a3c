#!/usr/bin/env bash
# Storefront benchmark: seeds a large catalog into a private PostgreSQL, runs the app in Production and a
# raw-Npgsql baseline side by side, drives both with wrk on loopback, and prints each page's requests/s as a
# ratio against the baseline, with p50/p99. See bench/README.md.
#
#   bench/run.sh [--quick]
#
# --quick: one round of 5 s per target instead of three rounds of 10 s (same catalog).
# Environment overrides: BENCH_SELLERS (2000), BENCH_PRODUCTS (100000), BENCH_VIDEOS (5000),
# BENCH_ROUNDS (3), BENCH_DURATION (10s), BENCH_WARMUP (10s), BENCH_CONNECTIONS (32), BENCH_THREADS (2),
# BENCH_KEEP=1 (leave the work directory and the database running at the end, for poking around),
# BENCH_OUTPUT_CACHE=0 (run the app with its storefront output cache off: uncached rows only, about half the time).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)

SELLERS=${BENCH_SELLERS:-2000}
PRODUCTS=${BENCH_PRODUCTS:-100000}
VIDEOS=${BENCH_VIDEOS:-5000}
ROUNDS=${BENCH_ROUNDS:-3}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
for arg in "$@"; do
  case "$arg" in
    --quick) ROUNDS=${BENCH_ROUNDS:-1}; DURATION=${BENCH_DURATION:-5s}; WARMUP=${BENCH_WARMUP:-5s} ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown argument: $arg (use --quick or nothing)" >&2; exit 2 ;;
  esac
done

log() { printf '==> %s\n' "$*"; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# --- Tools -------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  command -v apt-get >/dev/null || die "wrk is missing and there is no apt-get to install it."
  log "Installing wrk with apt"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null \
    || { as_root apt-get update -q >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; } \
    || die "could not install wrk with apt-get."
fi
for tool in curl dotnet awk sort psql; do
  command -v "$tool" >/dev/null || die "$tool is missing."
done
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || PG_BIN=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
[ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] \
  || die "no PostgreSQL server binaries (initdb, pg_ctl): apt-get install -y postgresql"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || shuf -i 20000-60000 -n 1
}

# --- Work directory, cleaned up on exit ----------------------------------------------------------------
WORK=$(mktemp -d /tmp/ruralmarket-bench.XXXXXX)
chmod 755 "$WORK"
PG_DIR="$WORK/pg"
mkdir -p "$PG_DIR" "$WORK/data" "$WORK/logs"
PIDS=()
PG_STARTED=0

pg() { # run a PostgreSQL tool, as the postgres user when we are root (initdb and postgres refuse root)
  local tool=$1; shift
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$PG_BIN/$tool" "$@"; else "$PG_BIN/$tool" "$@"; fi
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then
    echo "BENCH_KEEP=1: left $WORK and PostgreSQL on port ${PG_PORT:-?} running (stop: pg_ctl -D $PG_DIR/data stop)."
    exit "$status"
  fi
  if [ "$PG_STARTED" = 1 ]; then
    pg pg_ctl -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- PostgreSQL --------------------------------------------------------------------------------------------
log "Starting a private PostgreSQL ($PG_BIN) in $PG_DIR"
[ "$(id -u)" -ne 0 ] || chown postgres "$PG_DIR"
pg initdb -D "$PG_DIR/data" -U rm --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$WORK/logs/initdb.log" 2>&1 \
  || { cat "$WORK/logs/initdb.log"; die "initdb failed"; }
for attempt in 1 2 3; do
  PG_PORT=$(free_port)
  if pg pg_ctl -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 \
      -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
    PG_STARTED=1
    break
  fi
  [ "$attempt" -lt 3 ] || { cat "$PG_DIR/log"; die "PostgreSQL did not start"; }
done
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=rm
psql -q -d postgres -c 'CREATE DATABASE ruralmarket_bench' >/dev/null
export PGDATABASE=ruralmarket_bench
CONN="Host=127.0.0.1;Port=$PG_PORT;Username=rm;Database=ruralmarket_bench"

# --- Build ---------------------------------------------------------------------------------------------------
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# Built under the work directory (--artifacts-path), so nothing here touches the obj/ and bin/ folders other
# builds in this working tree are using.
log "Publishing src/RuralMarket.Web (Release)"
dotnet publish "$ROOT/src/RuralMarket.Web" -c Release -o "$WORK/app" --artifacts-path "$WORK/artifacts" -v quiet -nologo >"$WORK/logs/publish-app.log" 2>&1 \
  || { tail -n 40 "$WORK/logs/publish-app.log"; die "publishing the app failed"; }
log "Publishing bench/Baseline (Release)"
dotnet publish "$BENCH_DIR/Baseline" -c Release -o "$WORK/baseline" --artifacts-path "$WORK/artifacts" -v quiet -nologo >"$WORK/logs/publish-baseline.log" 2>&1 \
  || { tail -n 40 "$WORK/logs/publish-baseline.log"; die "publishing the baseline failed"; }

APP_ENV=(
  ASPNETCORE_ENVIRONMENT=Production
  DOTNET_ENVIRONMENT=Production
  Database__Provider=Postgres
  "ConnectionStrings__Postgres=$CONN"
  Database__MigrateOnStartup=false
  Database__SeedDemoData=false
  Worker__RunInWeb=false
  Payments__AllowTestProviderInProduction=true
  "Storage__DataDirectory=$WORK/data"
  Serilog__MinimumLevel__Default=Warning
  Logging__LogLevel__Default=Warning
)
if [ "${BENCH_OUTPUT_CACHE:-1}" = 0 ]; then
  APP_ENV+=(StorefrontCache__Enabled=false)
fi

log "Migrating (RuralMarket.Web migrate)"
(cd "$WORK/app" && env "${APP_ENV[@]}" dotnet RuralMarket.Web.dll migrate >"$WORK/logs/migrate.log" 2>&1) \
  || { tail -n 40 "$WORK/logs/migrate.log"; die "migrate failed"; }

# --- Seed ------------------------------------------------------------------------------------------------------
log "Seeding $SELLERS sellers, $PRODUCTS products, $VIDEOS videos"
seed_started=$(date +%s.%N)
psql -q -X -v sellers="$SELLERS" -v products="$PRODUCTS" -v videos="$VIDEOS" -f "$BENCH_DIR/seed.sql" >"$WORK/logs/seed.log" 2>&1 \
  || { tail -n 40 "$WORK/logs/seed.log"; die "seeding failed"; }
SEED_SECONDS=$(awk -v a="$seed_started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
log "Seeded in ${SEED_SECONDS} s: $(tail -n 3 "$WORK/logs/seed.log" | head -n 1 | tr -s ' ')"
DB_SIZE=$(psql -X -A -t -c "SELECT pg_size_pretty(pg_database_size(current_database()))")

# --- Paths each scenario requests (rotated through by wrk) ---------------------------------------------------
PATHS="$WORK/paths"
mkdir -p "$PATHS"
echo "/" >"$PATHS/home"
echo "/c/produce" >"$PATHS/category"
echo "/search?q=apple" >"$PATHS/search-apple"
echo "/search?q=organic" >"$PATHS/search-organic"
psql -X -A -t -c "SELECT '/p/' || s.\"Slug\" || '/' || p.\"Slug\" FROM \"Products\" p JOIN \"Sellers\" s ON s.\"Id\" = p.\"SellerId\"
  WHERE p.\"Status\" = 'Active' AND p.\"Moderation\" = 'Visible' AND s.\"Status\" = 'Approved' ORDER BY md5(p.\"Id\"::text) LIMIT 200" >"$PATHS/product"
psql -X -A -t -c "SELECT '/s/' || \"Slug\" FROM \"Sellers\" WHERE \"Status\" = 'Approved' ORDER BY md5(\"Id\"::text) LIMIT 100" >"$PATHS/seller"
ALL_SCENARIOS="home category search-apple search-organic product seller"
read -r -a SCENARIOS <<<"${BENCH_PAGES:-$ALL_SCENARIOS}"
for scenario in "${SCENARIOS[@]}"; do
  [[ " $ALL_SCENARIOS " == *" $scenario "* ]] || die "BENCH_PAGES: unknown page '$scenario' (pages: $ALL_SCENARIOS)"
done
HITS_APPLE=$(psql -X -A -t -c "SELECT count(*) FROM \"Products\" WHERE \"SearchVector\" @@ websearch_to_tsquery('english', 'apple')")
HITS_ORGANIC=$(psql -X -A -t -c "SELECT count(*) FROM \"Products\" WHERE \"SearchVector\" @@ websearch_to_tsquery('english', 'organic')")

# --- Servers -----------------------------------------------------------------------------------------------------
wait_ready() { # wait_ready URL PID NAME LOG
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { tail -n 40 "$4"; die "$3 exited during start-up"; }
    sleep 0.5
  done
  tail -n 40 "$4"
  die "$3 did not answer $1 within 60 s"
}

start_app() { # start_app LOGFILE [extra env...] ; sets APP_PID APP_PORT
  local logfile=$1; shift
  APP_PORT=$(free_port)
  (cd "$WORK/app" && exec env "${APP_ENV[@]}" "$@" dotnet RuralMarket.Web.dll --urls "http://127.0.0.1:$APP_PORT") >"$logfile" 2>&1 &
  APP_PID=$!
  PIDS+=("$APP_PID")
  wait_ready "http://127.0.0.1:$APP_PORT/health/live" "$APP_PID" "the app" "$logfile"
}

stop_pid() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# First a probe run with EF's SQL logged: which pages exist, their size, whether they come from an output
# cache, and the SQL each one runs (saved with the results so the baseline's queries can be kept in step).
log "Probing the pages (app with SQL logging)"
start_app "$WORK/logs/app-probe.log" \
  Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=Information
SQL_LOG="$WORK/sql.log"
: >"$SQL_LOG"
declare -A STATUS SIZE CACHED SQLCOUNT BYPASS BASE_SIZE WEIGHT BASE_SQL
for scenario in "${SCENARIOS[@]}"; do
  first=$(head -n 1 "$PATHS/$scenario")
  before=$(wc -l <"$WORK/logs/app-probe.log")
  code=$(curl -s -o "$WORK/body" -w '%{http_code}' "http://127.0.0.1:$APP_PORT$first")
  sleep 0.3
  STATUS[$scenario]=$code
  SQLCOUNT[$scenario]=$(tail -n +"$((before + 1))" "$WORK/logs/app-probe.log" | grep -c 'Executed DbCommand' || true)
  { echo "### $scenario: GET $first -> $code"; tail -n +"$((before + 1))" "$WORK/logs/app-probe.log"; echo; } >>"$SQL_LOG"
  if [ "$code" != 200 ]; then
    continue
  fi
  # Average body size over up to 20 of the scenario's paths.
  total=0 count=0
  while read -r path; do
    bytes=$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$APP_PORT$path")
    total=$((total + bytes)) count=$((count + 1))
  done < <(head -n 20 "$PATHS/$scenario")
  SIZE[$scenario]=$((total / count))
  # Compressed weight a phone downloads for the page: HTML plus the same-origin CSS and JS it links (gzip -9).
  curl -s "http://127.0.0.1:$APP_PORT$first" >"$WORK/body"
  weight=$(gzip -9 -c "$WORK/body" | wc -c)
  while read -r asset; do
    weight=$((weight + $(curl -s "http://127.0.0.1:$APP_PORT$asset" | gzip -9 -c | wc -c)))
  done < <(grep -oE '(href|src)="/[^"/][^"]*\.(css|js)(\?[^"]*)?"' "$WORK/body" | sed -E 's/^(href|src)="//; s/"$//; s/&amp;/\&/g' | sort -u)
  WEIGHT[$scenario]=$weight
  # Output cache: a repeated anonymous GET that carries an Age header was served from the cache.
  curl -s -o /dev/null "http://127.0.0.1:$APP_PORT$first"
  if curl -s -D - -o /dev/null "http://127.0.0.1:$APP_PORT$first" | grep -qi '^age:'; then
    CACHED[$scenario]=yes
    # The storefront's output-cache policy (like ASP.NET Core's default one) does not serve requests that carry an
    # Authorization header (cookie auth ignores it): that is how the uncached page is measured next to the cached one.
    if curl -s -D - -o /dev/null -H 'Authorization: Bearer bench-bypass' "http://127.0.0.1:$APP_PORT$first" | grep -qi '^age:'; then
      BYPASS[$scenario]=no
    else
      BYPASS[$scenario]=yes
    fi
  else
    CACHED[$scenario]=no
  fi
done
stop_pid "$APP_PID"

log "Starting the app (Production) and the baseline"
start_app "$WORK/logs/app.log"
BASE_PORT=$(free_port)
# The baseline gets the Npgsql settings the app applies by default (DependencyInjection.TunedPostgresConnectionString),
# so the ratio measures the app's own overhead, not a database setting one side lacks.
(cd "$WORK/baseline" && exec env ASPNETCORE_ENVIRONMENT=Production "BENCH_CONNECTION_STRING=$CONN;Max Auto Prepare=64;No Reset On Close=true" Logging__LogLevel__Default=Warning \
  dotnet RuralMarket.Bench.Baseline.dll --urls "http://127.0.0.1:$BASE_PORT") >"$WORK/logs/baseline.log" 2>&1 &
BASE_PID=$!
PIDS+=("$BASE_PID")
wait_ready "http://127.0.0.1:$BASE_PORT/health" "$BASE_PID" "the baseline" "$WORK/logs/baseline.log"

# The baseline renders about the same number of bytes as the real page: check before measuring.
for scenario in "${SCENARIOS[@]}"; do
  [ "${STATUS[$scenario]}" = 200 ] || continue
  first=$(head -n 1 "$PATHS/$scenario")
  read -r code bytes < <(curl -s -D "$WORK/base-headers" -o /dev/null -w '%{http_code} %{size_download}\n' -H "X-Bench-Size: ${SIZE[$scenario]}" "http://127.0.0.1:$BASE_PORT$first")
  [ "$code" = 200 ] || die "the baseline answered $code for $first (log: $(tail -n 5 "$WORK/logs/baseline.log"))"
  BASE_SIZE[$scenario]=$bytes
  BASE_SQL[$scenario]=$(awk 'tolower($1) == "x-bench-sql-commands:" { gsub(/\r/, ""); print $2 }' "$WORK/base-headers")
done

# --- Measure ---------------------------------------------------------------------------------------------------------
RAW="$WORK/raw.tsv"
: >"$RAW"
run_wrk() { # run_wrk PORT SCENARIO DURATION [header...] -> prints wrk's output
  local port=$1 scenario=$2 duration=$3; shift 3
  local headers=()
  for h in "$@"; do headers+=(-H "$h"); done
  wrk -t "$THREADS" -c "$CONNECTIONS" -d "$duration" --latency --timeout 10s "${headers[@]}" \
    -s "$BENCH_DIR/paths.lua" "http://127.0.0.1:$port" -- "$PATHS/$scenario"
}
to_ms() { # wrk prints 512.00us, 1.23ms, 2.01s, 1.5m
  awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; printf "%.2f", n }'
}
measure() { # measure ROUND SCENARIO TARGET PORT [header...]
  local round=$1 scenario=$2 target=$3 port=$4; shift 4
  local out rps p50 p99 non2xx errors
  out=$(run_wrk "$port" "$scenario" "$DURATION" "$@")
  echo "$out" >>"$WORK/logs/wrk.log"
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")
  errors=$(awk '/Socket errors:/ { gsub(/,/, ""); print $4 + $6 + $8 + $10 }' <<<"$out")
  # wrk counts timed-out requests as requests: req/s here is good (2xx) responses per second.
  rps=$(awk -v bad="$(( ${non2xx:-0} + ${errors:-0} ))" '/ requests in / {
      n = $1; t = $4; sub(/,$/, "", t); secs = t + 0; u = t; sub(/^[0-9.]+/, "", u); if (u == "m") secs *= 60; else if (u == "ms") secs /= 1000
      ok = n - bad; if (ok < 0) ok = 0; printf "%.2f", (secs > 0 ? ok / secs : 0) }' <<<"$out")
  if [ "$p50" = 0.00 ] || [ "$rps" = 0.00 ]; then
    p50="" p99="" # nothing finished within the run: no latency to quote
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$scenario" "$target" "${rps:-0}" "$p50" "$p99" "${non2xx:-0}" "${errors:-0}" >>"$RAW"
  printf '    round %s  %-16s %-11s %10s req/s  p50 %8s ms  p99 %8s ms%s\n' "$round" "$scenario" "$target" "${rps:-0}" "${p50:-—}" "${p99:-—}" \
    "$([ "${non2xx:-0}${errors:-0}" = 00 ] || echo "  (non-2xx ${non2xx:-0}, socket errors ${errors:-0})")"
}

MEASURED=()
for scenario in "${SCENARIOS[@]}"; do
  [ "${STATUS[$scenario]}" = 200 ] && MEASURED+=("$scenario")
done
[ ${#MEASURED[@]} -gt 0 ] || die "no storefront page answered 200; nothing to measure."

log "Warming up ($WARMUP per target and page)"
for scenario in "${MEASURED[@]}"; do
  run_wrk "$APP_PORT" "$scenario" "$WARMUP" >/dev/null
  run_wrk "$BASE_PORT" "$scenario" "$WARMUP" "X-Bench-Size: ${SIZE[$scenario]}" >/dev/null
done

log "Measuring: $ROUNDS round(s), $DURATION per target, $CONNECTIONS connections, $THREADS threads, A/B order alternating"
for round in $(seq 1 "$ROUNDS"); do
  for scenario in "${MEASURED[@]}"; do
    app_args=("$round" "$scenario" app "$APP_PORT")
    base_args=("$round" "$scenario" baseline "$BASE_PORT" "X-Bench-Size: ${SIZE[$scenario]}")
    if [ "${CACHED[$scenario]}" = yes ]; then
      app_args[2]=app-cached
    fi
    if [ $((round % 2)) -eq 1 ]; then
      measure "${app_args[@]}"; measure "${base_args[@]}"
    else
      measure "${base_args[@]}"; measure "${app_args[@]}"
    fi
    if [ "${CACHED[$scenario]}" = yes ] && [ "${BYPASS[$scenario]}" = yes ]; then
      measure "$round" "$scenario" app "$APP_PORT" "Authorization: Bearer bench-bypass"
    fi
  done
done

# --- Report --------------------------------------------------------------------------------------------------------------
median() { # of the non-empty lines on stdin; "—" when there are none
  grep -v '^$' | sort -g | awk '{ v[++n] = $1 } END { if (n == 0) { print "—" } else if (n % 2) { print v[(n + 1) / 2] } else { printf "%.2f\n", (v[n / 2] + v[n / 2 + 1]) / 2 } }'
}
col() { # col SCENARIO TARGET COLUMN
  awk -F '\t' -v s="$1" -v t="$2" -v c="$3" '$2 == s && $3 == t { print $c }' "$RAW"
}
ratios() { # per-round ratio TARGET/baseline for a scenario
  awk -F '\t' -v s="$1" -v t="$2" '$2 == s && $3 == t { a[$1] = $4 } $2 == s && $3 == "baseline" { b[$1] = $4 }
    END { for (r in a) if (b[r] > 0) printf "%.3f\n", a[r] / b[r] }' "$RAW"
}

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$BENCH_DIR/results"
REPORT="$BENCH_DIR/results/$STAMP.md"
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git -C "$ROOT" status --porcelain -- src 2>/dev/null | wc -l)
{
  echo "# Storefront benchmark, $STAMP"
  echo
  echo "Commit $COMMIT$([ "$DIRTY" = 0 ] || echo " plus $DIRTY uncommitted changed or new paths under src/"); $(nproc) cores; $(uname -sr);" \
    "$("$PG_BIN/postgres" --version); $(dotnet --version) SDK; load: $(cut -d ' ' -f 1-3 /proc/loadavg) at the end."
  echo
  echo "Catalog: $SELLERS sellers, $PRODUCTS products, $VIDEOS videos (seeded in $SEED_SECONDS s, database $DB_SIZE)." \
    "Search hits: apple $HITS_APPLE, organic $HITS_ORGANIC."
  echo "wrk: $CONNECTIONS connections, $THREADS threads, $DURATION per target after a $WARMUP warm-up, $ROUNDS round(s), app/baseline order alternating." \
    "Medians over rounds; req/s counts good (2xx) responses; ratio = median of the per-round app/baseline req/s ratios."
  echo
  echo "| page | app req/s | baseline req/s | ratio | app p50 ms | app p99 ms | base p50 ms | base p99 ms | HTML bytes app / base | gz KB | SQL cmds app / base | errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for scenario in "${SCENARIOS[@]}"; do
    if [ "${STATUS[$scenario]}" != 200 ]; then
      echo "| $scenario \`$(head -n 1 "$PATHS/$scenario" | sed 's/|/%7C/g')\` | missing (HTTP ${STATUS[$scenario]}) | | | | | | | | | | |"
      continue
    fi
    targets=(app)
    [ "${CACHED[$scenario]}" = yes ] && targets=(app-cached) && [ "${BYPASS[$scenario]}" = yes ] && targets+=(app)
    for target in "${targets[@]}"; do
      label=$scenario
      [ "$target" = app-cached ] && label="$scenario (output cache)"
      errs=$(awk -F '\t' -v s="$scenario" -v t="$target" '$2 == s && ($3 == t || $3 == "baseline") { n += $7 + $8 } END { print n + 0 }' "$RAW")
      printf '| %s | %s | %s | **%s** | %s | %s | %s | %s | %s / %s | %s | %s | %s |\n' "$label" \
        "$(col "$scenario" "$target" 4 | median)" "$(col "$scenario" baseline 4 | median)" "$(ratios "$scenario" "$target" | median)" \
        "$(col "$scenario" "$target" 5 | median)" "$(col "$scenario" "$target" 6 | median)" \
        "$(col "$scenario" baseline 5 | median)" "$(col "$scenario" baseline 6 | median)" \
        "${SIZE[$scenario]}" "${BASE_SIZE[$scenario]}" "$(awk -v b="${WEIGHT[$scenario]}" 'BEGIN { printf "%.1f", b / 1024 }')" "${SQLCOUNT[$scenario]} / ${BASE_SQL[$scenario]}$([ "${SQLCOUNT[$scenario]}" = "${BASE_SQL[$scenario]}" ] || echo ' ⚠')" "$errs"
    done
  done
  echo
  cached_any=no
  for scenario in "${MEASURED[@]}"; do [ "${CACHED[$scenario]}" = yes ] && cached_any=yes; done
  if [ "$cached_any" = yes ]; then
    echo "Output caching: detected (an \`Age\` header on a repeated anonymous GET) on:$(for s in "${MEASURED[@]}"; do [ "${CACHED[$s]}" = yes ] && printf ' %s' "$s"; done)." \
      "Uncached rows send \`Authorization: Bearer bench-bypass\`, which the output-cache policy does not serve from the cache" \
      "$(for s in "${MEASURED[@]}"; do [ "${CACHED[$s]}" = yes ] && [ "${BYPASS[$s]}" = no ] && printf '(no bypass worked for %s) ' "$s"; done)."
  else
    echo "Output caching: not detected on any page (no \`Age\` header on a repeated anonymous GET): no cached rows."
  fi
  echo
  echo "gz KB: the page's HTML plus the same-origin CSS and JS it links, each compressed with gzip -9 (what a phone downloads; images and video excluded)."
  echo "errors: non-2xx responses plus socket errors (timeouts included) of the app and the baseline over all rounds."
  echo "SQL cmds: the SQL commands EF logged for the first path of each page (probe run; the statements are in $STAMP-sql.log) / the baseline's." \
    "⚠ = they differ: bring bench/Baseline/StorefrontQueries.cs in step with the page before trusting that ratio."
  echo
  echo "## Raw runs"
  echo
  echo "| round | page | target | req/s | p50 ms | p99 ms | non-2xx | socket errors |"
  echo "|---:|---|---|---:|---:|---:|---:|---:|"
  awk -F '\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }' "$RAW"
} >"$REPORT"
cp "$SQL_LOG" "$BENCH_DIR/results/$STAMP-sql.log"

echo
cat "$REPORT" | sed -n '1,/^## Raw runs/p' | sed '$d'
echo "Saved: $REPORT (and $STAMP-sql.log)."
