#!/bin/sh
# Install the Debian packages given as arguments when some are missing and we can (root + apt-get).
missing=""
for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends $missing >/dev/null \
        || { echo "apt-get failed for:$missing" >&2; exit 1; }
else
    echo "warning: missing system packages:$missing (install them as root)" >&2
fi
