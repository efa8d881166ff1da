# Sourced by ./test, ./pgpm-export, bench/run and bench/stop: makes sure what the tests, the sample servers and the
# native build of the command line need is on this machine, installing what is missing when run as root, or stopping
# at once with the exact command.
#   PostgreSQL 15 with PostGIS (apt), the sandbox's npm packages (sandbox/package-lock.json), and with
#   `prerequisites dotnet-tools` also the pinned pwsh (.config/dotnet-tools.json).

prerequisites() {
  local root; root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  if [ ! -x /usr/lib/postgresql/15/bin/pg_ctl ] || [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
    apt_install_or_say "PostgreSQL 15 with PostGIS is missing. Install it" postgresql-15 postgresql-15-postgis-3 postgresql-client-15 || return 1
  fi
  command -v node >/dev/null && command -v npm >/dev/null || {
    echo "Node.js 20+ with npm is missing. Install it (e.g. sudo apt-get install -y nodejs npm), then run this again." >&2
    return 1
  }
  # npm ci when the packages are missing or older than the lock file.
  if [ ! -f "$root/sandbox/node_modules/.package-lock.json" ] || [ "$root/sandbox/package-lock.json" -nt "$root/sandbox/node_modules/.package-lock.json" ]; then
    echo "prerequisites: npm ci --prefix sandbox…" >&2
    npm ci --prefix "$root/sandbox" --no-audit --no-fund --loglevel=error >&2
  fi
  if [ "${1:-}" = dotnet-tools ]; then
    (cd "$root" && dotnet tool restore >/dev/null) || {
      echo "dotnet tool restore failed (it installs the pinned pwsh from NuGet); run it in $root to see why." >&2
      return 1
    }
  fi
}

# Sourced by ./pgpm-export, bench/run and bench/stop before they publish the command line: Native AOT links the
# executable with the platform's toolchain, which .NET does not bring (clang as the linker, zlib for the runtime).
native_build_prerequisites() {
  if ! command -v clang >/dev/null || [ ! -f /usr/include/zlib.h ]; then
    apt_install_or_say "pgpm-export is compiled to a native executable, which needs clang and zlib. Install them" clang zlib1g-dev || return 1
  fi
}

# Installs the apt packages when run as root; otherwise says what is missing and to install it ($1), the command, and fails.
apt_install_or_say() {
  local missing="$1"; shift
  if [ "$(id -u)" = 0 ]; then
    echo "prerequisites: installing $* (apt)…" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    echo "$missing, then run this again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y $*" >&2
    return 1
  fi
}
