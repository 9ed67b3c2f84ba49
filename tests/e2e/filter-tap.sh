#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# filter-tap.sh COMMAND…: runs COMMAND and passes its standard output on
# without the line the AT-SPI registry daemon prints when D-Bus starts it
# (it inherits the session bus's standard output, which is the test's TAP
# stream). The exit status is COMMAND's.
set -o pipefail
"$@" | sed -u '/^SpiRegistry daemon is running with well-known name/d'
