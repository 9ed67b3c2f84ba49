#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what Waymark needs, builds it in _build and runs the app from
# the build folder: build-aux/run-app.sh [ARGUMENTS FOR waymark...]
#
# The build is a development build (app id io.github.waymark.Waymark.Devel,
# striped header bar), so it is told apart from an installed Waymark; both
# read the same settings.
set -euo pipefail

cd "$(dirname "$0")/.."

build-aux/install-deps.sh

if [ ! -f _build/build.ninja ]; then
  meson setup _build -Ddevelopment=true
fi
meson compile -C _build

# Uninstalled, the settings schema is the one compiled into the build folder.
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data"
exec _build/src/waymark "$@"
