#!/usr/bin/env bash
# CI: check the Nix flake's syntax and structure against the stub nixpkgs in nix/ci-stub.
# This machine has Debian's Nix 2.8 and no nixpkgs, so `nix develop` itself cannot run here;
# see shared/design/nix.md. Runs from the repository root of a clean clone, in well under a minute.
set -euo pipefail
# Single-user Nix as root: no build users, no daemon.
export NIX_CONFIG='build-users-group ='

if ! command -v nix >/dev/null; then
    command -v apt-get >/dev/null || { echo "nix.sh: nix is not installed (and no apt-get to install it)" >&2; exit 1; }
    echo "nix.sh: installing Debian's nix-bin"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nix-bin >/dev/null
fi

nixflags=(--extra-experimental-features 'nix-command flakes' --option substituters '')
check() { # check FLAKE-REF STUB-DIR: prints the check's output, minus lock-file chatter
    local out rc=0
    out="$(nix "${nixflags[@]}" flake check "$1" --override-input nixpkgs "path:$2" --no-write-lock-file 2>&1)" || rc=$?
    grep -vE "^warning: (Git tree .* is dirty|not writing modified lock file)|^• Updated input|^    '|^  → '" <<<"$out" || true
    return "$rc"
}
fail() { echo "nix.sh: FAIL: $*" >&2; exit 1; }
start=$SECONDS

# 1. Syntax of every Nix file we ship.
for f in flake.nix nix/*.nix nix/ci-stub/*.nix; do
    nix-instantiate --parse "$f" >/dev/null || fail "syntax error in $f"
done
echo "ok: syntax of flake.nix, nix/*.nix, nix/ci-stub/*.nix"

# 2. The flake's structure: every output evaluates and the shells and formatters are derivations.
check . ./nix/ci-stub >/dev/null || { check . ./nix/ci-stub; fail "nix flake check against the stub"; }
echo "ok: nix flake check against nix/ci-stub"

# 3. Negative control: the same check must fail on a misspelled nixpkgs attribute.
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cp -r flake.nix flake.lock nix "$tmp/"
sed -i 's/pkgs\.nodejs_22/pkgs.nodejs22/' "$tmp/nix/shell.nix"
grep -q 'pkgs.nodejs22' "$tmp/nix/shell.nix" || fail "negative control: could not plant the typo"
if out="$(check "path:$tmp" "$tmp/nix/ci-stub")"; then fail "flake check passed with a misspelled attribute"; fi
grep -q "attribute 'nodejs22' missing" <<<"$out" || fail "unexpected error for the planted typo: $out"
echo "ok: a misspelled attribute (nodejs22) fails the check"

# 4. Unsupported systems: with a Nix that checks only the local system (>= 2.16), `nix develop`
#    on another system must fail naming the supported ones.
expr='let s = import ./nix/systems.nix { lib = import ./nix/ci-stub/lib.nix; nixVersion = "2.18"; };
      in builtins.attrNames s.unsupportedShells'
names="$(nix-instantiate --eval --strict -E "$expr")"
grep -q '"riscv64-linux"' <<<"$names" || fail "no unsupported-system entry for riscv64-linux: $names"
grep -q '"x86_64-linux"' <<<"$names" && fail "x86_64-linux listed as unsupported: $names"
expr='(import ./nix/systems.nix { lib = import ./nix/ci-stub/lib.nix; nixVersion = "2.18"; }).unsupportedShells.riscv64-linux.default'
if out="$(nix-instantiate --eval --strict -E "$expr" 2>&1)"; then fail "unsupported shell evaluated: $out"; fi
grep -q "does not support riscv64-linux; supported systems: x86_64-linux, aarch64-linux, x86_64-darwin, aarch64-darwin" <<<"$out" \
    || fail "unsupported-system message: $out"
echo "ok: nix develop on riscv64-linux says: $(grep -o "QuickScale's dev shell.*darwin" <<<"$out")"

echo "nix.sh: all checks passed in $((SECONDS - start))s"
