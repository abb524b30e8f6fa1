#!/usr/bin/env bash
# Runs every test tier: types, lint, unit, integration (real PostgreSQL), build, and
# end-to-end (the built app in Chromium). Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

if [ ! -d node_modules ]; then
  step "Installing npm packages"
  npm install --no-audit --no-fund
fi

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    step "Installing Chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is needed for the browser tests: install it (Debian: sudo apt-get install chromium)" >&2
    echo "or set CHROMIUM_PATH to a Chromium or Chrome executable." >&2
    exit 1
  fi
fi

step "Generating the Prisma client"
npx prisma generate >/dev/null

step "Type check"
npx tsc --noEmit

step "Lint"
npx eslint . --max-warnings=0

step "Unit tests (vitest)"
npx vitest run --project unit

step "Integration tests (vitest, real PostgreSQL)"
npx vitest run --project integration

step "Production build"
npx next build

step "End-to-end tests (Playwright, Chromium)"
rm -rf .data/e2e
npx playwright test

echo
echo "All test tiers passed."
