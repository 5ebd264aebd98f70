# SPDX-License-Identifier: EUPL-1.2
# airejse — plain make; see README.md.  Respects CC, CFLAGS, CPPFLAGS,
# LDFLAGS, PREFIX (and the folders below), DESTDIR and VERSION.

# B is the build folder and BIN the program; check-asan uses its own.
B   ?= build
BIN ?= airejse

# The configuration is kept in $(B)/config.mk, as vis and tig keep theirs:
# a value given to make (make PREFIX=/usr) is written there and holds for
# that build folder until another is given. What the program bakes in is
# written to $(B)/gen/config.h, rewritten only when it changes, so a new
# PREFIX or version rebuilds just the files that include it.
-include $(B)/config.mk
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share/airejse
LOCALEDIR ?= $(PREFIX)/share/locale
MANDIR    ?= $(PREFIX)/share/man
DOCDIR    ?= $(PREFIX)/share/doc/airejse
# The site-wide settings, read before each user's: SYSCONFDIR/airejse/config.yaml.
SYSCONFDIR ?= /etc

# In a git checkout, git describes the version (0.1.0-g1a2b3c4-dirty
# until there is a tag); elsewhere, as from a tarball, it is this one.
VERSION_BASE = 0.1.0
VERSION := $(shell [ -e .git ] && { git describe --tags --dirty || \
	{ h=$$(git describe --always --dirty) && echo $(VERSION_BASE)-g$$h; }; } 2>/dev/null | sed 's/^v//')
VERSION := $(or $(VERSION),$(VERSION_BASE))

CFLAGS     ?= -O2 -g
PKG_CONFIG ?= pkg-config
MSGFMT     ?= msgfmt

PKGS = ncursesw yaml-0.1 sqlite3 libpq libpcre2-8 jansson xlsxwriter libutf8proc libxxhash
# Recursive (=) so that `make deps` works before pkg-config knows them.
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) pangocairo)
# libxlsxwriter is opened when an xlsx is written (src/export-xlsx.c), not
# linked: it brings OpenSSL's libcrypto and minizip, and loading those
# slowed every start. It is opened by the soname of the library built
# against.
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(filter-out xlsxwriter libpq,$(PKGS))) -ldl
XLSX_SONAME := $(or $(shell objdump -p "$$($(CC) -print-file-name=libxlsxwriter.so)" \
	2>/dev/null | awk '/SONAME/ { print $$2 }'),libxlsxwriter.so)
# libpq too is opened only when a PostgreSQL database is used
# (src/db-pg.c): it brings OpenSSL, Kerberos and LDAP. The unit tests link
# it, to make their databases.
LIBPQ_SONAME := $(or $(shell objdump -p "$$($(CC) -print-file-name=libpq.so)" \
	2>/dev/null | awk '/SONAME/ { print $$2 }'),libpq.so.5)
CHECK_CFLAGS = $(shell $(PKG_CONFIG) --cflags check)
CHECK_LIBS   = $(shell $(PKG_CONFIG) --libs check libpq)

AR_CPPFLAGS = -Iinclude -I$(B)/gen -D_DEFAULT_SOURCE

define config_mk
# The configuration of this build folder, written by make: give make a
# new value to change it (make PREFIX=/usr), or delete this file.
PREFIX = $(value PREFIX)
BINDIR = $(value BINDIR)
DATADIR = $(value DATADIR)
LOCALEDIR = $(value LOCALEDIR)
MANDIR = $(value MANDIR)
DOCDIR = $(value DOCDIR)
SYSCONFDIR = $(value SYSCONFDIR)
endef
define config_h
/* Written by make from $(B)/config.mk: what the program is built with. */
#define VERSION "$(VERSION)"
#define DATADIR "$(DATADIR)"
#define LOCALEDIR "$(LOCALEDIR)"
#define SYSCONFDIR "$(SYSCONFDIR)"
#define XLSX_SONAME "$(XLSX_SONAME)"
#define LIBPQ_SONAME "$(LIBPQ_SONAME)"
endef
ifneq ($(config_mk),$(file < $(B)/config.mk))
$(shell mkdir -p $(B))
$(file > $(B)/config.mk,$(config_mk))
endif
ifneq ($(config_h),$(file < $(B)/gen/config.h))
$(shell mkdir -p $(B)/gen)
$(file > $(B)/gen/config.h,$(config_h))
endif

AR_CFLAGS = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wno-unused-parameter

SRCS     = $(wildcard src/*.c)
LIB_SRCS = $(filter-out src/main.c,$(SRCS))
LIB_OBJS = $(LIB_SRCS:src/%.c=$(B)/%.o)
LIB      = $(B)/libairejse.a

UNIT_SRCS  = $(wildcard tests/unit/test_*.c)
UNIT_BINS  = $(UNIT_SRCS:tests/unit/%.c=$(B)/tests/%)
UNIT_SUPPORT = $(B)/tests/check_main.o $(B)/tests/testutil.o

# Fuzz harnesses: tests/fuzz/fuzz_NAME.c with inputs in tests/fuzz/NAME/.
FUZZ_NAMES   = $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_REPLAYS = $(FUZZ_NAMES:%=$(B)/fuzz/replay_%)
FUZZ_TIME   ?= 60
FUZZ_CC     ?= clang

POS = $(wildcard locale/*.po)
MOS = $(POS:locale/%.po=locale/%/LC_MESSAGES/airejse.mo)

MANS = man/airejse.1 man/airejse-content.5

.SECONDARY:

.PHONY: all deps run check check-run check-asan unit cli-tests pg-tests browser-tests man-lint catalogue \
	tui-tests tui-golden bench goldens circles layers headers spdx \
	install uninstall install-test clean distclean pot sample fuzz fuzz-replay

all: $(BIN) $(MOS)

deps:
	@sh tests/tools/deps.sh

$(B)/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(AR_CPPFLAGS) $(CPPFLAGS) $(AR_CFLAGS) $(PKG_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

# The content cache is read only by a program built from the same sources
# as the one that wrote it: the build key is their hash (src/cache.c).
$(B)/cache-key.h: $(SRCS) $(wildcard include/airejse/*.h)
	@mkdir -p $(@D)
	@echo "#define CACHE_BUILD_KEY 0x$$(cat $(sort $^) | sha256sum | cut -c1-16)ULL" >$@
$(B)/cache.o: $(B)/cache-key.h
$(B)/cache.o: AR_CPPFLAGS += -include $(B)/cache-key.h

# The hand-off form's script and style (src/export-form.js and .css),
# built into the program as C strings: backslashes, '"' and '?' escaped (no
# trigraphs), a string per line; their licence line stays in the source.
EMBED = sed -e '/SPDX-License-Identifier/d' -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/?/\\?/g' -e 's/^/"/' -e 's/$$/\\n"/'

$(B)/gen/export-form-assets.h: src/export-form.js src/export-form.css
	@mkdir -p $(@D)
	{ echo '/* Made by the Makefile from src/export-form.js and .css. */'; \
	  echo 'static const char form_js[] ='; $(EMBED) src/export-form.js; echo ';'; \
	  echo 'static const char form_css[] ='; $(EMBED) src/export-form.css; echo ';'; \
	} >$@.tmp && mv $@.tmp $@

$(B)/export-form.o: $(B)/gen/export-form-assets.h

$(LIB): $(LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $(LIB_OBJS)

$(BIN): $(B)/main.o $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(B)/main.o $(LIB) $(PKG_LIBS) -lm $(LIBS)

locale/%/LC_MESSAGES/airejse.mo: locale/%.po
	@mkdir -p $(@D)
	$(MSGFMT) -c -o $@ $<

# Unit tests: one Check program per module.
$(B)/tests/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(AR_CPPFLAGS) -Itests/unit $(CPPFLAGS) $(AR_CFLAGS) $(PKG_CFLAGS) $(CHECK_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(B)/tests/test_%: $(B)/tests/test_%.o $(UNIT_SUPPORT) $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(UNIT_SUPPORT) $(LIB) $(PKG_LIBS) $(CHECK_LIBS) -lm $(LIBS)

unit: $(UNIT_BINS) $(BIN) $(MOS)
	@sh tests/tools/run-unit.sh $(UNIT_BINS)

# The hand-off form in a real browser (headless Chromium through
# Selenium), with a tool that reads values as airejse does, for the page's
# reader to be compared with.
$(B)/tests/valueread: tests/browser/valueread.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(AR_CPPFLAGS) $(CPPFLAGS) $(AR_CFLAGS) $(PKG_CFLAGS) $(CFLAGS) $(LDFLAGS) \
		-o $@ $< $(LIB) $(PKG_LIBS) -lm $(LIBS)

browser-tests: $(BIN) $(MOS) $(B)/tests/valueread
	@AIREJSE="$(CURDIR)/$(BIN)" VALUEREAD="$(CURDIR)/$(B)/tests/valueread" \
		sh tests/tools/run-cli.sh tests/browser/t-*.sh

cli-tests: $(BIN) $(MOS)
	@AIREJSE="$(CURDIR)/$(BIN)" sh tests/tools/run-cli.sh tests/cli/t-*.sh

# The store's tests and the command line's on PostgreSQL, beside a
# private server started for them and stopped after (tests/tools/with-pg.sh).
pg-tests: $(B)/tests/test_store $(BIN) $(MOS)
	@AIREJSE="$(CURDIR)/$(BIN)" sh tests/tools/with-pg.sh sh tests/tools/pg-tests.sh $(B)

# The terminal program: golden screens (tests/tui/*.keys against *.expect)
# and a few tests in a real terminal under tmux.
tui-tests: $(BIN) $(MOS)
	@AIREJSE="$(CURDIR)/$(BIN)" sh tests/tools/run-tui.sh tests/tui/*.keys
	@AIREJSE="$(CURDIR)/$(BIN)" sh tests/tools/run-cli.sh tests/tmux/t-*.sh

# The benchmark (never part of check): tests/bench/*.c are its programs
# (the floor, the timer, the generator of a database of 1,000 projects,
# the in-process figures); tests/tools/bench.sh measures and prints the
# table.
BENCH_PROGS = $(B)/bench/floor $(B)/bench/timeit $(B)/bench/gen $(B)/bench/inproc \
	$(B)/bench/clients

$(B)/bench/%.o: tests/bench/%.c
	@mkdir -p $(@D)
	$(CC) $(AR_CPPFLAGS) -Itests/bench $(CPPFLAGS) $(AR_CFLAGS) $(PKG_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(B)/bench/floor: $(B)/bench/floor.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(PKG_LIBS) $(LIBS)

$(B)/bench/timeit: $(B)/bench/timeit.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIBS)

$(B)/bench/gen $(B)/bench/inproc $(B)/bench/clients: $(B)/bench/%: $(B)/bench/%.o $(B)/bench/support.o $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(B)/bench/support.o $(LIB) $(PKG_LIBS) -lm $(LIBS)

bench: deps
	@$(MAKE) --no-print-directory all sample $(BENCH_PROGS)
	@B=$(B) sh tests/tools/with-pg.sh sh tests/tools/bench.sh "$(CURDIR)/$(BIN)"

# Rewrites the golden screens: only on purpose, then read the diff.
tui-golden: $(BIN) $(MOS)
	@AIREJSE="$(CURDIR)/$(BIN)" sh tests/tools/run-tui.sh --regen tests/tui/*.keys

man-lint:
	@sh tests/tools/man-lint.sh $(MANS)

# Every fuzz input found so far, replayed in the normal build.
$(B)/fuzz/%.o: tests/fuzz/%.c
	@mkdir -p $(@D)
	$(CC) $(AR_CPPFLAGS) -Itests/fuzz $(CPPFLAGS) $(AR_CFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/fuzz/replay_%: $(B)/fuzz/fuzz_%.o $(B)/fuzz/replay.o $(B)/fuzz/support.o $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -lm $(LIBS)

fuzz-replay: $(FUZZ_REPLAYS)
	@for n in $(FUZZ_NAMES); do printf 'fuzz %s: ' $$n; \
		$(B)/fuzz/replay_$$n tests/fuzz/$$n || exit 1; done

# libFuzzer with clang: each harness runs FUZZ_TIME seconds; crashes are
# saved into tests/fuzz/NAME/ so that fuzz-replay keeps them fixed.
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all
fuzz: deps
	@$(MAKE) --no-print-directory B=build-fuzz CC=$(FUZZ_CC) \
		CFLAGS="-O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link" build-fuzz/libairejse.a
	@mkdir -p build-fuzz/corpus
	@for n in $(FUZZ_NAMES); do \
		$(FUZZ_CC) $(AR_CPPFLAGS) -Itests/fuzz $(PKG_CFLAGS) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer \
			-o build-fuzz/fuzz_$$n tests/fuzz/fuzz_$$n.c tests/fuzz/support.c \
			build-fuzz/libairejse.a $(PKG_LIBS) -lm || exit 1; \
		mkdir -p build-fuzz/corpus/$$n; \
		echo "fuzz $$n: $(FUZZ_TIME) s"; \
		build-fuzz/fuzz_$$n -max_total_time=$(FUZZ_TIME) -max_len=65536 \
			-artifact_prefix=tests/fuzz/$$n/ build-fuzz/corpus/$$n tests/fuzz/$$n \
			2>&1 | grep -E 'Done|stat::|ERROR|SUMMARY|crash' ; \
	done

# No loops of calls between files (nm over the objects).
circles: $(B)/main.o $(LIB)
	@sh tests/tools/circles.sh $(B)/main.o $(LIB_OBJS)

# Each header compiles on its own (included twice over, for its guard).
HDRS    = $(wildcard include/airejse/*.h)
HDR_OKS = $(HDRS:include/airejse/%.h=$(B)/headers/%.ok)
$(B)/headers/%.ok: include/airejse/%.h
	@mkdir -p $(@D)
	@printf '#include "airejse/%s.h"\n#include "airejse/%s.h"\n' $* $* > $(@:.ok=.c)
	@$(CC) $(AR_CPPFLAGS) $(CPPFLAGS) $(AR_CFLAGS) -Werror $(PKG_CFLAGS) $(CFLAGS) \
		-fsyntax-only -MMD -MP -MT $@ -MF $(@:.ok=.d) $(@:.ok=.c) && touch $@

headers: $(HDR_OKS)

# Who may include what (tests/tools/layers.sh), and the headers alone.
layers: headers
	@sh tests/tools/layers.sh

# Every source file names its licence (tests/tools/spdx.sh --add writes
# the line into new ones).
spdx:
	@sh tests/tools/spdx.sh

install-test: $(BIN) $(MOS)
	@MAKE="$(MAKE)" B="$(B)" BIN="$(BIN)" VERSION="$(VERSION)" sh tests/tools/install-test.sh

check-run: spdx catalogue unit cli-tests pg-tests browser-tests tui-tests man-lint fuzz-replay install-test circles layers

check: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory check-run

SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
check-asan: deps
	@$(MAKE) --no-print-directory B=build-asan BIN=build-asan/airejse \
		CFLAGS="-O1 -g $(SAN)" LDFLAGS="$(SAN)" all check-run

# Regenerates tests/golden/export after a deliberate change to an export.
goldens: $(BIN) $(MOS)
	@AIREJSE="$(CURDIR)/$(BIN)" sh tests/tools/goldens.sh

sample: $(BIN) $(MOS)
	@sh tests/tools/sample.sh "$(CURDIR)/$(BIN)" $(B)/sample.db

# Says what it did, before and after, so nobody takes the sample for
# their own database.
run: deps
	@$(MAKE) --no-print-directory all sample
	@echo "make run: rebuilt the sample database $(B)/sample.db from scratch (two example"
	@echo "projects; your own database is not touched) and opens ./$(BIN) --db $(B)/sample.db."
	@./$(BIN) --db $(B)/sample.db; rc=$$?; \
	echo "make run: that was the sample database $(CURDIR)/$(B)/sample.db; the next"; \
	echo "make run makes it anew. On your own database: ./$(BIN) (it is kept in"; \
	echo "\$$XDG_DATA_HOME/airejse/airejse.db, else ~/.local/share/airejse/airejse.db),"; \
	echo "or ./$(BIN) --db FILE; make install puts airejse on your PATH."; \
	exit $$rc

# The keywords that mark a message for translation, for make pot and
# for the check that every one of them has its Danish.
XGETTEXT_KEYS = -k_ -kN_ -kP_:1,2 -kNC_:1c,2 -ki18n_cgettext:1c,2

catalogue:
	@sh tests/tools/catalogue.sh $(B) "$(XGETTEXT_KEYS)" $(SRCS) include/airejse/*.h

pot:
	xgettext --from-code=UTF-8 $(XGETTEXT_KEYS) --add-comments=L10N \
		--package-name=airejse --package-version=$(VERSION) \
		-o locale/airejse.pot $(SRCS) include/airejse/*.h
	for po in $(POS); do msgmerge -q -U --backup=none $$po locale/airejse.pot; done

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/journeys \
		$(DESTDIR)$(DATADIR)/checklists $(DESTDIR)$(DATADIR)/pandoc $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(DOCDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/airejse
	install -m 644 journeys/*.yaml $(DESTDIR)$(DATADIR)/journeys
	install -m 644 data/pandoc/reference.docx data/pandoc/tables.lua \
		data/pandoc/airejse.opendocument $(DESTDIR)$(DATADIR)/pandoc
	install -m 644 LICENSE $(DESTDIR)$(DOCDIR)
	if ls checklists/*.yaml >/dev/null 2>&1; then \
		install -m 644 checklists/*.yaml $(DESTDIR)$(DATADIR)/checklists; fi
	for mo in $(MOS); do \
		l=$${mo#locale/}; l=$${l%%/*}; \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
		install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/airejse.mo; done
	sed 's/@VERSION@/$(VERSION)/g' man/airejse.1 > $(DESTDIR)$(MANDIR)/man1/airejse.1
	sed 's/@VERSION@/$(VERSION)/g' man/airejse-content.5 > $(DESTDIR)$(MANDIR)/man5/airejse-content.5

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/airejse $(DESTDIR)$(MANDIR)/man1/airejse.1 \
		$(DESTDIR)$(MANDIR)/man5/airejse-content.5
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)
	for mo in $(MOS); do l=$${mo#locale/}; l=$${l%%/*}; \
		rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/airejse.mo; done

# clean keeps each build folder's config.mk, as vis and tig keep theirs;
# distclean removes it too.
clean:
	for d in build build-asan build-fuzz; do [ ! -d $$d ] || \
		find $$d -mindepth 1 ! -name config.mk -delete; done
	rm -rf airejse locale/*/

distclean: clean
	rm -rf build build-asan build-fuzz

-include $(wildcard $(B)/*.d $(B)/tests/*.d $(B)/bench/*.d $(B)/headers/*.d)
