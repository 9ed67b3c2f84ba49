#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Loads the Flatpak manifest with flatpak-builder's own parser (bad JSON,
# unknown keys or wrong types fail). Exit 77 tells meson the test is skipped
# where flatpak-builder is not installed.
set -eu

if ! command -v flatpak-builder >/dev/null 2>&1; then
  echo "flatpak-builder is not installed: skipping the manifest check"
  exit 77
fi

G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$1" >/dev/null
echo "flatpak-builder loads $1"
