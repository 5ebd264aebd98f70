#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Every message the program can print has its Danish translation: the
# strings xgettext finds in the sources now, merged into locale/da.po,
# leave nothing untranslated or fuzzy. Without this a msgid that the
# .pot lost (a keyword xgettext was not told about, a string edited in
# the code but not in da.po) falls back to English in front of a Danish
# user, and only an export golden might notice.
#
#   sh tests/tools/catalogue.sh BUILD-DIR XGETTEXT-FLAGS SOURCES...
set -eu
b=$1 flags=$2
shift 2
pot=$b/catalogue-check.pot po=$b/catalogue-check.da.po
# shellcheck disable=SC2086
xgettext --from-code=UTF-8 $flags -o "$pot" "$@"
msgmerge -q --no-fuzzy-matching -o "$po" locale/da.po "$pot"
stats=$(msgfmt --statistics -o /dev/null "$po" 2>&1)
case $stats in
*untranslated*|*fuzzy*)
	echo "catalogue: locale/da.po lacks Danish for messages in the sources: $stats"
	msgattrib --untranslated "$po" | grep -A1 '^msg\(ctxt\|id\)' | head -40
	echo "catalogue: run 'make pot', translate the new entries in locale/da.po"
	exit 1 ;;
esac
# A translation make pot set aside as obsolete while its string is still
# in the code means xgettext no longer sees that call: a keyword missing
# from XGETTEXT_KEYS in the Makefile, say. Single-line messages only.
lost=0
sed -n 's/^#~ msgid \(".\{3,\}"\)$/\1/p' locale/da.po > "$b/catalogue-obsolete"
while IFS= read -r m; do
	# As an argument (after "(" or ", "): a key name returned as is is not one.
	if grep -qF -e "($m" -e ", $m" "$@" &&
	    ! grep -qxF -e "msgid $m" -e "msgid_plural $m" "$po"; then
		printf 'catalogue: %s is in the sources but xgettext does not see it\n' "$m"
		lost=1
	fi
done < "$b/catalogue-obsolete"
if [ $lost = 1 ]; then
	echo "catalogue: tell xgettext the function that takes it (XGETTEXT_KEYS), run make pot"
	exit 1
fi
echo "catalogue: $stats"
