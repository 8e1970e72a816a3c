#!/usr/bin/env bash
# Installs what the tests need if it is missing (Debian/Ubuntu, via apt), restores, builds with warnings
# as errors and runs every test project. The last line is "N passed, N failed" (", N skipped" if any).
set -euo pipefail
cd "$(dirname "$0")"
started=$SECONDS

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# --- System packages: PostgreSQL server, ffmpeg, Chromium ---------------------------------------
plain=() no_recommends=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || no_recommends+=(postgresql)
{ command -v ffmpeg && command -v ffprobe; } >/dev/null || no_recommends+=(ffmpeg)
{ command -v chromium || command -v chromium-browser; } >/dev/null || plain+=(chromium)
if [ $(( ${#plain[@]} + ${#no_recommends[@]} )) -gt 0 ]; then
  if command -v apt-get >/dev/null && { [ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null; }; then
    echo "==> Installing missing system packages with apt: ${no_recommends[*]} ${plain[*]}"
    as_root apt-get update -q
    apt=(as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q)
    [ ${#no_recommends[@]} -eq 0 ] || "${apt[@]}" --no-install-recommends "${no_recommends[@]}"
    [ ${#plain[@]} -eq 0 ] || "${apt[@]}" "${plain[@]}"
  else
    echo "==> WARNING: missing ${no_recommends[*]} ${plain[*]} and cannot install them here (no apt-get, or not root and no sudo)." >&2
    echo "    The tests that need them will fail and say how to fix it." >&2
  fi
fi
if [ -z "${RURALMARKET_CHROMIUM:-}" ] && [ -x /usr/bin/chromium ]; then
  export RURALMARKET_CHROMIUM=/usr/bin/chromium
fi

# --- npm packages the browser tests inject into pages (axe-core) -----------------------------------
if [ ! -d tests/RuralMarket.EndToEnd.Tests/node_modules ]; then
  echo "==> npm ci (tests/RuralMarket.EndToEnd.Tests)"
  (cd tests/RuralMarket.EndToEnd.Tests && npm ci --no-audit --no-fund)
fi

# --- npm packages the storage tests run (s3rver, a real S3-compatible server) ----------------------
if [ ! -d tests/RuralMarket.Infrastructure.Tests/node_modules ]; then
  echo "==> npm ci (tests/RuralMarket.Infrastructure.Tests)"
  (cd tests/RuralMarket.Infrastructure.Tests && npm ci --no-audit --no-fund)
fi

# --- Restore and build (warnings are errors: Directory.Build.props) -------------------------------
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# vstest kills a test host 100 ms after its run unless told otherwise; give the exit handlers that stop
# the private PostgreSQL cluster time to finish.
export VSTEST_TESTHOST_SHUTDOWN_TIMEOUT=30000
echo "==> dotnet restore"
dotnet restore RuralMarket.sln
echo "==> dotnet build -c Release"
if ! dotnet build RuralMarket.sln -c Release --no-restore; then
  echo "build failed"
  exit 1
fi

# --- Test every project, one after the other, even when one fails ----------------------------------
results=TestResults
rm -rf "$results"
failed_projects=()
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "==> dotnet test $name"
  dotnet test "$project" -c Release --no-build --results-directory "$results" \
    --logger "trx;LogFileName=$name.trx" || failed_projects+=("$name")
done

# --- Sum the .trx counters ---------------------------------------------------------------------------
counter() { # counter NAME COUNTERS-ELEMENT -> the attribute's value, 0 when absent
  local value
  value=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2")
  echo "${value:-0}"
}
total=0 passed=0 failed=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "$name: no test results (no tests, or the run did not start)"
    continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx" || true)
  total=$(( total + $(counter total "$counters") ))
  passed=$(( passed + $(counter passed "$counters") ))
  failed=$(( failed + $(counter failed "$counters") + $(counter error "$counters") \
    + $(counter timeout "$counters") + $(counter aborted "$counters") ))
done
skipped=$(( total - passed - failed ))

echo "Took $(( SECONDS - started )) s; results in $results/."
if [ ${#failed_projects[@]} -gt 0 ]; then
  echo "FAILED: ${failed_projects[*]}"
fi
summary="$passed passed, $failed failed"
[ "$skipped" -le 0 ] || summary+=", $skipped skipped"
echo "$summary"
if [ ${#failed_projects[@]} -gt 0 ] || [ "$failed" -gt 0 ]; then exit 1; fi
