# SPDX-License-Identifier: EUPL-1.2
# The site-wide settings (SYSCONFDIR/airejse/config.yaml; here
# AIREJSE_SITE_CONFIG) are read before the user's: a region sets the
# database, contacts and threshold once, and a user's own file wins.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store"
cat > site.yaml <<EOF
organisation: Region Test
database: $PWD/region.db
udbudsgraense: 100
contacts:
  - role: jurist
    name: Jens Jurist
  - role: leder
    name: Lone Leder
EOF
export AIREJSE_SITE_CONFIG="$PWD/site.yaml"
run 0 "$AIREJSE" project new --journey alpha --name "Region"
[ -f region.db ] || fail "the site's database: not used"
# The site's threshold: 500 kr. is above it.
run 0 "$AIREJSE" answer 1 beloeb 500
run 0 "$AIREJSE" handoff 1 jurist-udbud
contains "$out" "Kontakt: Jens Jurist"
# The user's file over the site's.
mkdir -p home/.config/airejse
printf 'contacts:\n  - role: jurist\n    name: Ulla Egen\n' > home/.config/airejse/config.yaml
run 0 "$AIREJSE" answer 1 persondata ja
run 0 "$AIREJSE" answer 1 aftale nej
run 0 "$AIREJSE" handoff 1 jurist-gdpr
contains "$out" "Kontakt: Ulla Egen"
# Empty: no site file at all, so not the region's database (and a
# command that only reads makes none of its own).
AIREJSE_SITE_CONFIG= run 66 "$AIREJSE" project list
lacks "$err" "region.db"
# A site file with errors: 78, naming it.
printf 'udbudsgraense: [\n' > site.yaml
run 78 "$AIREJSE" project list
contains "$err" "site.yaml"
exit 0
