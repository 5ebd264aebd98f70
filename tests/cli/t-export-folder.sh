# SPDX-License-Identifier: EUPL-1.2
# The export folder: --save writes into the configured folder, else the
# XDG documents folder's airejse/ (user-dirs.dirs), else ~/airejse,
# created 0700, under a name made from the project's name; ~ is expanded
# in -o and in the setting; a relative -o stays relative to the current
# folder; the written file's full path is printed on standard output.
. "$TOP/tests/cli/lib.sh"
. "$TOP/tests/cli/export-fixture.sh"

A() { "$AIREJSE" --db export.db "$@"; }
mode() { stat -c %a "$1"; }

# No user-dirs.dirs: ~/airejse.
unset XDG_CONFIG_HOME XDG_DOCUMENTS_DIR
run 0 A export 1 --what ai-act --save
[ "$out" = "$HOME/airejse/Ambient scribe – Kolding - ai-act.md" ] || fail "printed '$out'"
[ -f "$out" ] || fail "not written: $out"
[ "$(mode "$HOME/airejse")" = 700 ] || fail "~/airejse is $(mode "$HOME/airejse")"
# The XDG documents folder, as xdg-user-dirs writes it.
mkdir -p "$HOME/.config"
printf '# written by xdg-user-dirs-update\nXDG_DOCUMENTS_DIR="$HOME/Dokumenter"\n' \
    >"$HOME/.config/user-dirs.dirs"
run 0 A export 1 --save --format pdf
[ "$out" = "$HOME/Dokumenter/airejse/Ambient scribe – Kolding.pdf" ] || fail "printed '$out'"
[ "$(head -c 5 "$out")" = "%PDF-" ] || fail "not a PDF: $out"
[ "$(mode "$HOME/Dokumenter/airejse")" = 700 ] || fail "not 0700"
# A documents folder set to the home folder itself is turned off.
printf 'XDG_DOCUMENTS_DIR="$HOME/"\n' >"$HOME/.config/user-dirs.dirs"
run 0 A export 1 --what mdr --save
[ "$out" = "$HOME/airejse/Ambient scribe – Kolding - mdr.md" ] || fail "printed '$out'"
# XDG_CONFIG_HOME says where user-dirs.dirs is.
mkdir -p xdg
printf 'XDG_DOCUMENTS_DIR="%s/docs"\n' "$PWD" >xdg/user-dirs.dirs
XDG_CONFIG_HOME=$PWD/xdg run 0 A export 1 --what mdr --save
[ "$out" = "$PWD/docs/airejse/Ambient scribe – Kolding - mdr.md" ] || fail "printed '$out'"
# The setting wins, with ~ expanded; the second export is refused, then
# replaced with --force.
echo 'export_folder: ~/Eksport/AI' >>config.yaml
run 0 A export 1 --what mdr --save
[ "$out" = "$HOME/Eksport/AI/Ambient scribe – Kolding - mdr.md" ] || fail "printed '$out'"
[ "$(mode "$HOME/Eksport")" = 700 ] || fail "not 0700"
run 73 A export 1 --what mdr --save
contains "$err" "--force"
run 0 A export 1 --what mdr --save --force

# -o: ~ expanded, relative to the current folder, a folder gets the
# default name; the full path is printed either way.
run 0 A export 1 --what mdr -o '~/plan.md'
[ "$out" = "$HOME/plan.md" ] && [ -f "$HOME/plan.md" ] || fail "~ not expanded: '$out'"
mkdir -p sub
run 0 A export 1 --what mdr -o sub/plan.md
[ "$out" = "$PWD/sub/plan.md" ] && [ -f sub/plan.md ] || fail "relative -o: '$out'"
run 0 A export 1 --what indkoeb --format csv -o sub/
[ "$out" = "$PWD/sub/Ambient scribe – Kolding - indkoeb.csv" ] || fail "-o folder: '$out'"
# To standard output nothing else is printed.
run 0 A export 1 --what mdr
contains "$(head -n 1 out.txt)" "# MDR"
run 64 A export 1 --save -o x.md
[ ! -e x.md ] || fail "x.md written despite the usage error"

# A name made safe: no separators, no leading dot, no control
# characters; æøå kept.
run 0 A project new --journey ny-ide --name '../.Ærø/Øst: "x"'
id=$out
run 0 A export "$id" --what mdr --save
[ "$out" = "$HOME/Eksport/AI/Ærø Øst x - mdr.md" ] || fail "safe name: '$out'"
# Without a home folder --save says so.
run 73 env -u HOME "$AIREJSE" --db export.db --lang en export 1 --what mdr --save
exit 0
