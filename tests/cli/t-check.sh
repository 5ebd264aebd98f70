# SPDX-License-Identifier: EUPL-1.2
# airejse check: number answers an older airejse (database version 6)
# saved that may be a thousand times too small, for a person to look at.
. "$TOP/tests/cli/lib.sh"
export AIREJSE_CONTENT="$TOP/tests/data/store"
A="$AIREJSE --lang en"

# Nothing to look at in a new database.
run 0 $A project new --journey alpha --name "Ny"
run 0 $A answer 1 antal "0,05"
run 0 $A check
contains "$out" "No number answer"

# A version-6 database as the older program left it: 0.05 may have been
# 0.050 (= 50), 1.2 as 1.200 is more than the question takes (100).
sqlite3 old.db < "$TOP/tests/data/store-v5.sql"
sqlite3 old.db "
ALTER TABLE project DROP COLUMN brief_stamp; ALTER TABLE project DROP COLUMN brief_handoffs;
ALTER TABLE project DROP COLUMN brief_tracks; PRAGMA user_version = 6;
INSERT INTO answer VALUES (6, 'antal', 'value', '0.05', 9, 100, 'gustav', 'cli')
  ON CONFLICT (project, question) DO UPDATE SET value = '0.05', kind = 'value', revision = 9;
INSERT INTO answer_event (project, question, old_kind, old_value, new_kind, new_value, revision, time, user, source)
  VALUES (6, 'antal', 'dontknow', NULL, 'value', '0.05', 9, 100, 'gustav', 'cli');"
run 1 $A --db old.db check
contains "$out" '"Number of users?" is 0.05; typed as thousands it would be 50'
contains "$out" "airejse answer 6 antal '50'"
run 1 $A --db old.db check --format tsv
contains "$out" "6	"
contains "$out" "	antal	Number of users?	0.05	50	9	"
run 1 $A --db old.db check --format json
contains "$out" '"maybe": "50"'
run 1 $A --lang da --db old.db check
contains "$out" "0,05"
# Answered again with this version: nothing left to look at.
run 0 $A --db old.db answer 6 antal 50
run 0 $A --db old.db check
exit 0
