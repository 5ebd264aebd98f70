# SPDX-License-Identifier: EUPL-1.2
# An empty site configuration here, the tree's content and catalogues
# and the fixture's clock, for a test that makes its own projects
# (sourced after lib.sh).
AIREJSE_NOW=2026-11-23T10:00:00Z
AIREJSE_CONFIG=$PWD/config.yaml
AIREJSE_CONTENT=$TOP
AIREJSE_LOCALEDIR=$TOP/locale
export AIREJSE_NOW AIREJSE_CONFIG AIREJSE_CONTENT AIREJSE_LOCALEDIR
: > config.yaml
