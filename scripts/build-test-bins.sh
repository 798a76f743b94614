#!/usr/bin/env bash
# Builds the real servers and tools the tests use, into one cache folder, skipping what is there.
#   FerretDB (MongoDB wire protocol on SQLite), versitygw (S3 on a folder), mongodump/mongorestore/bsondump,
#   actionlint; and Debian's zstd and age CLIs for interop tests, and shellcheck for actionlint.
# Folder: $SHIPKIT_BIN_DIR, default ~/.cache/mongo-shipkit/bin. Needs Go (and apt-get for zstd/age).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck disable=SC1091
source "$here/test/servers/versions.env"
bin=${SHIPKIT_BIN_DIR:-$HOME/.cache/mongo-shipkit/bin}
mkdir -p "$bin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

stamp() { echo "$bin/.$1.version"; }
fresh() { [ -x "$bin/$1" ] && [ "$(cat "$(stamp "$1")" 2>/dev/null)" = "$2" ]; }
timed() { local start=$SECONDS; "$@"; echo "  built in $((SECONDS - start))s"; }

build_ferretdb() {
  # The module ships without build/version/version.txt, which the binary needs at start: write it.
  local dir
  dir=$(cd "$work" && go mod download -json "$FERRETDB_MODULE@$FERRETDB_VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  cp -r "$dir" "$work/ferretdb" && chmod -R u+w "$work/ferretdb"
  echo "$FERRETDB_VERSION" >"$work/ferretdb/build/version/version.txt"
  (cd "$work/ferretdb" && go build -o "$bin/ferretdb" ./cmd/ferretdb)
}

build_versitygw() {
  GOBIN="$bin" go install "$VERSITYGW_MODULE/cmd/versitygw@$VERSITYGW_VERSION"
}

build_mongo_tools() {
  # Built from a throwaway module so the packages' main commands get their proper names.
  mkdir -p "$work/mongo-tools" && cd "$work/mongo-tools"
  go mod init shipkit.local/mongo-tools >/dev/null 2>&1
  local tool pkgs=()
  for tool in mongodump mongorestore bsondump; do pkgs+=("$MONGO_TOOLS_MODULE/$tool/main@$MONGO_TOOLS_VERSION"); done
  GONOSUMDB="$MONGO_TOOLS_MODULE" go get "${pkgs[@]}"
  for tool in mongodump mongorestore bsondump; do
    GONOSUMDB="$MONGO_TOOLS_MODULE" go build -o "$bin/$tool" \
      -ldflags "-X main.VersionStr=$MONGO_TOOLS_TAG -X main.GitCommit=${MONGO_TOOLS_VERSION##*-}" "$MONGO_TOOLS_MODULE/$tool/main"
  done
  cd "$here"
}

build_actionlint() {
  GOBIN="$bin" go install "$ACTIONLINT_MODULE/cmd/actionlint@$ACTIONLINT_VERSION"
}

ensure() { # name version builder
  if fresh "$1" "$2"; then echo "$1 $2: cached in $bin"; return; fi
  echo "$1 $2: building…"
  timed "$3"
  echo "$2" >"$(stamp "$1")"
}

command -v go >/dev/null || { echo "Go is needed to build the test servers: install Go 1.24+ (https://go.dev/dl)" >&2; exit 1; }
# A server given from outside (MONGODB_URI, S3_ENDPOINT) needs no local build.
if [ -z "${MONGODB_URI:-}" ]; then ensure ferretdb "$FERRETDB_VERSION" build_ferretdb; fi
if [ -z "${S3_ENDPOINT:-}" ]; then ensure versitygw "$VERSITYGW_VERSION" build_versitygw; fi
ensure mongodump "$MONGO_TOOLS_VERSION" build_mongo_tools
for tool in mongorestore bsondump; do cp "$(stamp mongodump)" "$(stamp "$tool")"; done
ensure actionlint "$ACTIONLINT_VERSION" build_actionlint

missing=()
for cli in zstd age shellcheck; do command -v "$cli" >/dev/null || missing+=("$cli"); done
if [ ${#missing[@]} -gt 0 ]; then
  # As root, or through password-less sudo (GitHub-hosted runners), from Debian/Ubuntu packages.
  as_root=()
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then as_root=(sudo -n); fi
  if { [ "$(id -u)" = 0 ] || [ ${#as_root[@]} -gt 0 ]; } && command -v apt-get >/dev/null; then
    echo "installing ${missing[*]} from Debian packages…"
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "missing ${missing[*]}: install them (e.g. sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi
echo "test binaries ready in $bin"
