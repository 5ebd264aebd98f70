# SPDX-License-Identifier: EUPL-1.2
# The hand-off packet as a form in a real browser: see form.py. Needs
# Debian's chromium, chromium-driver and python3-selenium (make deps).
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/export-fixture.sh"

: "${VALUEREAD:?set VALUEREAD to the reader's test tool}"
# Debian's python, where python3-selenium is: not a python on PATH.
/usr/bin/python3 "$TOP/tests/browser/form.py"
