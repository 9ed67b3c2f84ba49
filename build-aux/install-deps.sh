#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian 12 packages Waymark needs to build, run and test.
# Idempotent: packages already present are skipped by apt itself; when
# everything is there, nothing is downloaded. Runs as root or through sudo.
#
# --no-install-recommends matters: recommends pull in xdg-desktop-portal,
# which spawns background services during the tests.
set -eu

PACKAGES="
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libjson-glib-dev libsqlite3-dev
  desktop-file-utils appstream libglib2.0-bin
  tzdata locales
  xvfb xauth at-spi2-core dbus-daemon dbus-x11 python3 python3-gi gir1.2-atspi-2.0
  gir1.2-gtk-4.0 imagemagick librsvg2-common
  clang libclang-rt-14-dev
  libyajl-dev
  libxlsxwriter-dev
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

SUDO=""
if [ "$(id -u)" != 0 ]; then
  SUDO="sudo"
fi

if [ -n "$missing" ]; then
  echo "Installing:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -q --no-install-recommends $missing
fi

# The German locale is used by one test (locale-independent number handling).
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  if ! grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null; then
    echo 'de_DE.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
  fi
  $SUDO locale-gen >/dev/null
fi
