# SPDX-License-Identifier: EUPL-1.2
# The AI Act checklist as a person would check it before printing: see
# layout.py. Needs chromium, chromium-driver, python3-selenium and
# poppler-utils (make deps).
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/export-fixture.sh"

# Debian's python, where python3-selenium is: not a python on PATH.
/usr/bin/python3 "$TOP/tests/browser/layout.py"
