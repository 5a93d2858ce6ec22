#!/usr/bin/env bash
# CI step (after both suites): the frontend checks beyond them.
# - The browser tests need Debian's Chromium; when it was missing the suites skipped them, so
#   it is installed here (apt packages: chromium fonts-dejavu-core) and they run now.
# - The page weight of the tasks page is printed, and the browser screenshots are listed
#   (.ci-artifacts/browser/: FAILED-*.png for failures, the others show each test's last page).
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -x /usr/bin/chromium ]; then
  echo "chromium is missing: installing it, then running the browser tests the suites skipped"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q chromium fonts-dejavu-core
  uv run --frozen pytest -q -p no:cacheprovider -m browser tests/frontend
fi

uv run --frozen pytest -q -s -p no:cacheprovider tests/frontend/test_page_weight.py -k budget

echo "browser screenshots:"
ls -1 "$PWD"/.ci-artifacts/browser/*.png 2>/dev/null || echo "  (none)"
