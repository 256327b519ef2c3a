#!/usr/bin/env bash
# Installs everything Panorama needs to build, run and test on a fresh Debian machine with
# rustup, cargo, node and npm. Idempotent, and quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.4
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian's Chromium for the browser tests, fonts for the scripts Panorama shows (Devanagari
# and Arabic from Noto, CJK from WenQuanYi) so screenshots have no tofu, PostgreSQL's server
# for the store's tests and the fleet's (.ci/postgres.sh starts a throwaway cluster).
missing=()
command -v chromium >/dev/null || missing+=(chromium)
for pkg in fonts-noto-core fonts-wqy-zenhei postgresql; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The toolchain named in rust-toolchain.toml, with the wasm target and lint tools.
toolchain=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
installed_targets=$(rustup target list --installed --toolchain "$toolchain" 2>/dev/null || true)
if ! grep -q wasm32-unknown-unknown <<<"$installed_targets"; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add --toolchain "$toolchain" wasm32-unknown-unknown
fi
installed_components=$(rustup component list --installed --toolchain "$toolchain" 2>/dev/null || true)
for c in clippy rustfmt; do
  grep -q "^$c" <<<"$installed_components" || rustup component add --toolchain "$toolchain" "$c"
done

# cargo-leptos, at a version that builds on this rustc.
if [ "$(cargo leptos --version 2>/dev/null || true)" != "cargo-leptos $CARGO_LEPTOS_VERSION" ]; then
  say "cargo install cargo-leptos $CARGO_LEPTOS_VERSION"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
fi

# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock to the patch version.
wb_version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wb_version" ]; then
  say "cargo install wasm-bindgen-cli $wb_version"
  # Its own lock file names a webpki-roots release the registry no longer serves; without
  # --locked cargo picks what it has.
  cargo install wasm-bindgen-cli --version "$wb_version" --locked \
    || cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

# wasm-opt for release builds, from npm's binaryen (pinned by .ci/package-lock.json): Debian
# bookworm's binaryen 108 breaks wasm-bindgen's externref table (see .ci/package.json), and
# cargo-leptos's own download cannot work offline. serve.sh and test.sh put it first on PATH.
if [ ! -x .ci/node_modules/.bin/wasm-opt ] || [ .ci/package-lock.json -nt .ci/node_modules/.package-lock.json ]; then
  say "npm ci (.ci: binaryen)"
  npm ci --prefix .ci --no-audit --no-fund --loglevel=error
fi

# The browser tests' npm packages (playwright-core, axe-core, lighthouse), pinned by
# end2end/package-lock.json.
if [ ! -d end2end/node_modules/playwright-core ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  say "npm ci (end2end)"
  npm ci --prefix end2end --no-audit --no-fund --loglevel=error
fi
say "ready: $(cargo leptos --version), $(wasm-bindgen --version), $(.ci/node_modules/.bin/wasm-opt --version | head -1), $(chromium --version 2>/dev/null | head -1)"
