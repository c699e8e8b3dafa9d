#!/bin/sh
# Install Concord for this user, or remove it. No root needed; nothing is written outside
# ~/.local (and $XDG_DATA_HOME when set).
#
#   ./install.sh               install, or upgrade to, the bundle this script is in
#   ./install.sh --uninstall   remove the program, its menu entry and icons (libraries stay)
#
# The bundle goes to ~/.local/lib/concord, `concord` to ~/.local/bin, the menu entry, icons
# and AppStream metadata to ~/.local/share.
set -eu

APP_ID=org.concorddrafting.Concord
LIB="$HOME/.local/lib/concord"
BIN="$HOME/.local/bin"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"

die() {
    echo "install.sh: $*" >&2
    exit 1
}

refresh() {
    # Menu and icon caches, where the desktop has the tools; nothing breaks without them.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f "$DATA/icons/hicolor" 2>/dev/null || true
    fi
}

install_bundle() {
    src=$(cd "$(dirname "$0")" && pwd -P)
    if [ ! -x "$src/concord" ] || [ ! -d "$src/_internal" ] || [ ! -d "$src/share" ]; then
        die "$src is not an unpacked Concord bundle: run the install.sh that came in it"
    fi
    case "$LIB$DATA" in
        *'"'* | *'`'* | *'$'* | *'\'* | *'|'* | *'&'*)
            die "cannot write a menu entry for a folder whose name has \" \` \$ \\ | or &: $LIB, $DATA" ;;
    esac
    if [ -e "$BIN/concord" ] && [ ! -L "$BIN/concord" ]; then
        die "$BIN/concord exists and is not a link to a Concord bundle; remove it first"
    fi
    version=$("$src/concord" --version 2>&1) || die "the bundle in $src does not start: $version"
    if [ "$src" != "$LIB" ]; then
        mkdir -p "$(dirname "$LIB")"
        rm -rf "$LIB.new"
        cp -PR "$src" "$LIB.new"
        rm -rf "$LIB"
        mv "$LIB.new" "$LIB"
    fi
    mkdir -p "$BIN" "$DATA/applications" "$DATA/metainfo"
    ln -sfn "$LIB/concord" "$BIN/concord"
    # The menu entry starts the installed program by its full path: the desktop session's
    # PATH may not have ~/.local/bin.
    sed -e "s|^Exec=.*|Exec=\"$LIB/concord\"|" -e "s|^TryExec=.*|TryExec=$LIB/concord|" \
        "$LIB/share/applications/$APP_ID.desktop" >"$DATA/applications/$APP_ID.desktop"
    cp "$LIB/share/metainfo/$APP_ID.metainfo.xml" "$DATA/metainfo/"
    (cd "$LIB/share" && find icons -type f) | while read -r icon; do
        mkdir -p "$DATA/$(dirname "$icon")"
        cp "$LIB/share/$icon" "$DATA/$icon"
    done
    refresh
    echo "$version installed in $LIB, with a menu entry."
    case ":$PATH:" in
        *":$BIN:"*) ;;
        *) echo "To run concord from a terminal, add $BIN to your PATH." ;;
    esac
}

uninstall() {
    if [ -L "$BIN/concord" ] && [ "$(readlink "$BIN/concord")" = "$LIB/concord" ]; then
        rm -f "$BIN/concord"
    fi
    rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml"
    for icon in "$DATA"/icons/hicolor/*/apps/"$APP_ID".png "$DATA"/icons/hicolor/*/apps/"$APP_ID".svg; do
        rm -f "$icon"
    done
    rm -rf "$LIB"
    refresh
    echo "Concord removed. Libraries are kept (the default one is in $DATA/Concord)."
}

case "${1:-}" in
    "") install_bundle ;;
    --uninstall) uninstall ;;
    -h | --help) sed -n '2,9p' "$0" ;;
    *) die "unknown option $1 (--uninstall removes Concord; no option installs it)" ;;
esac
