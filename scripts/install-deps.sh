#!/bin/sh
# Installs the Debian packages zonelint needs to build and test, when they
# are missing.  Usage: scripts/install-deps.sh [extra-package ...]
set -eu
need="gcc make pkg-config libldns-dev libyaml-dev libjansson-dev check libsubunit-dev libldap-dev libsasl2-dev libgraphviz-dev $*"
missing=""
for p in $need; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "zonelint: installing$missing" >&2
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null || { echo "zonelint: run as root to install:$missing" >&2; exit 1; }
	SUDO=sudo
else
	SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
