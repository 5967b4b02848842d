#!/usr/bin/env bash
# Runs a command with a real OS keychain available.
#
# On macOS and Windows the login keychain / Credential Manager is already there. On Linux without a
# desktop session (CI, containers, SSH) we start a private D-Bus session with a fresh, unlocked
# gnome-keyring, in throwaway XDG folders, so tests use the real Secret Service without touching the
# developer's own keyring.
set -euo pipefail

if [[ "$(uname -s)" != "Linux" ]] || [[ -n "${JPA_KEYCHAIN_READY:-}" ]]; then
  exec "$@"
fi

if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keychain: dbus-run-session and gnome-keyring-daemon are needed for the keychain tests." >&2
  echo "with-keychain: on Debian/Ubuntu: apt-get install dbus gnome-keyring" >&2
  exit 1
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime" XDG_CONFIG_HOME="$scratch/config"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" && mkdir -m 700 "$XDG_RUNTIME_DIR"
export JPA_KEYCHAIN_READY=1

# The keyring password only protects this throwaway keyring; --unlock creates and unlocks it.
exec dbus-run-session -- bash -c '
  printf "throwaway" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  exec "$@"
' with-keychain "$@"
