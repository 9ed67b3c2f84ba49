#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian 12 packages Waymark needs to build, run and test.
# Idempotent: packages already present are skipped by apt itself; when
# everything is there, nothing is downloaded. Runs as root or through sudo.
#
# --no-install-recommends matters: recommends pull in xdg-desktop-portal,
# which spawns background services during the tests.
#
# parallel, rsync, munge and slurm-wlm are for the scale-out tests
# (tests/scaleout): they start their own munged, slurmctld and slurmd in a
# temporary folder, so the system's must not start on installation (see
# policy-rc.d below).
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
  parallel rsync munge slurm-wlm
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
  # Installing munge and slurm-wlm would start munged (with the packaged
  # key) and try slurmd and slurmctld. A container usually has a
  # policy-rc.d that forbids every start already; elsewhere one is put in
  # place for the installation only, refusing just these three services.
  policy=/usr/sbin/policy-rc.d
  own_policy=""
  if [ ! -e "$policy" ]; then
    printf '%s\n' '#!/bin/sh' \
      '# Temporary, from waymark build-aux/install-deps.sh: no daemons of the test packages.' \
      'for arg; do case "$arg" in munge|slurmd|slurmctld) exit 101 ;; esac; done' \
      'exit 0' | $SUDO tee "$policy" >/dev/null
    $SUDO chmod 755 "$policy"
    own_policy=yes
    trap '$SUDO rm -f "$policy"' EXIT
  fi
  $SUDO apt-get update -q
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -q --no-install-recommends $missing
  if [ -n "$own_policy" ]; then
    $SUDO rm -f "$policy"
    trap - EXIT
  fi
fi

# The German locale is used by one test (locale-independent number handling).
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  if ! grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null; then
    echo 'de_DE.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
  fi
  $SUDO locale-gen >/dev/null
fi
