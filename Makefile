# airejse — plain make; see README.md.  Respects CC, CFLAGS, CPPFLAGS,
# LDFLAGS, PREFIX and DESTDIR.

VERSION = 0.1.0

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share/airejse
LOCALEDIR ?= $(PREFIX)/share/locale
MANDIR    ?= $(PREFIX)/share/man

CFLAGS     ?= -O2 -g
PKG_CONFIG ?= pkg-config
MSGFMT     ?= msgfmt

# B is the build folder and BIN the program; check-asan uses its own.
B   ?= build
BIN ?= airejse

PKGS = ncursesw yaml-0.1 sqlite3 libpcre2-8 jansson xlsxwriter libutf8proc
# Recursive (=) so that `make deps` works before pkg-config knows them.
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS))
CHECK_CFLAGS = $(shell $(PKG_CONFIG) --cflags check)
CHECK_LIBS   = $(shell $(PKG_CONFIG) --libs check)

AR_CPPFLAGS = -Iinclude -D_DEFAULT_SOURCE \
	-DVERSION='"$(VERSION)"' -DDATADIR='"$(DATADIR)"' \
	-DLOCALEDIR='"$(LOCALEDIR)"'
AR_CFLAGS = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wno-unused-parameter

SRCS     = $(wildcard src/*.c)
LIB_SRCS = $(filter-out src/main.c,$(SRCS))
LIB_OBJS = $(LIB_SRCS:src/%.c=$(B)/%.o)
LIB      = $(B)/libairejse.a

UNIT_SRCS  = $(wildcard tests/unit/test_*.c)
UNIT_BINS  = $(UNIT_SRCS:tests/unit/%.c=$(B)/tests/%)
UNIT_SUPPORT = $(B)/tests/check_main.o $(B)/tests/testutil.o

POS = $(wildcard locale/*.po)
MOS = $(POS:locale/%.po=locale/%/LC_MESSAGES/airejse.mo)

MANS = man/airejse.1 man/airejse-content.5

.SECONDARY:

.PHONY: all deps run check check-run check-asan unit cli-tests man-lint \
	install uninstall install-test clean pot sample

all: $(BIN) $(MOS)

deps:
	@sh tests/tools/deps.sh

$(B)/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(AR_CPPFLAGS) $(CPPFLAGS) $(AR_CFLAGS) $(PKG_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

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

cli-tests: $(BIN) $(MOS)
	@AIREJSE="$(CURDIR)/$(BIN)" sh tests/tools/run-cli.sh tests/cli/t-*.sh

man-lint:
	@sh tests/tools/man-lint.sh $(MANS)

install-test: $(BIN) $(MOS)
	@MAKE="$(MAKE)" sh tests/tools/install-test.sh

check-run: unit cli-tests man-lint install-test

check: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory check-run

SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
check-asan: deps
	@$(MAKE) --no-print-directory B=build-asan BIN=build-asan/airejse \
		CFLAGS="-O1 -g $(SAN)" LDFLAGS="$(SAN)" all check-run

sample: $(BIN) $(MOS)
	@sh tests/tools/sample.sh "$(CURDIR)/$(BIN)" $(B)/sample.db

run: deps
	@$(MAKE) --no-print-directory all sample
	./$(BIN) --db $(B)/sample.db

pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -kP_:1,2 --add-comments=L10N \
		--package-name=airejse --package-version=$(VERSION) \
		-o locale/airejse.pot $(SRCS) include/airejse/*.h
	for po in $(POS); do msgmerge -q -U --backup=none $$po locale/airejse.pot; done

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/journeys \
		$(DESTDIR)$(DATADIR)/checklists $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/airejse
	install -m 644 journeys/*.yaml $(DESTDIR)$(DATADIR)/journeys
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
	rm -rf $(DESTDIR)$(DATADIR)
	for mo in $(MOS); do l=$${mo#locale/}; l=$${l%%/*}; \
		rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/airejse.mo; done

clean:
	rm -rf build build-asan build-fuzz airejse locale/*/

-include $(wildcard $(B)/*.d $(B)/tests/*.d)
