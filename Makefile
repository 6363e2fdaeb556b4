# zonelint - build, test, install.  `make help` lists the targets.

CC      ?= gcc
BUILD   ?= build
PREFIX  ?= /usr/local
DESTDIR ?=
VERSION := 0.1.0

PKGS      := ldns yaml-0.1 jansson libgvc ldap libsasl2
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
# Graphviz's dot layout and SVG renderer, linked in (lint/out/html.c).
GV_PLUGINS = $(shell pkg-config --variable=libdir libgvc)/graphviz
PKG_LIBS   = $(shell pkg-config --libs $(PKGS)) -L$(GV_PLUGINS) -Wl,-rpath,$(GV_PLUGINS) \
	-lgvplugin_dot_layout -lgvplugin_core
CHECK_CFLAGS = $(shell pkg-config --cflags check)
CHECK_LIBS   = $(shell pkg-config --libs check)

OPT     ?= -O2
SAN     ?=
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS  ?= $(OPT) -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DZL_VERSION='"$(VERSION)"' -pthread $(WARN) $(CFLAGS) $(SAN)
LDFLAGS ?=
# SARIF's tool.driver.informationUri: the rule reference `make install`
# puts on the machine, unless a site publishes the docs (docs/editors.md).
INFO_URI ?= file://$(PREFIX)/share/doc/zonelint/rules.md
ALL_CFLAGS += $(if $(INFO_URI),-DZL_INFO_URI='"$(INFO_URI)"')

LIB_SRCS  := $(sort $(filter-out lint/main.c,$(wildcard lint/*.c lint/*/*.c)))
RULE_SRCS := $(sort $(wildcard rules/*.c))
TEST_SRCS := $(sort $(wildcard tests/unit/*.c))
PLUGIN_SRCS := $(sort $(wildcard contrib/plugins/*.c))
PLUGINS   := $(PLUGIN_SRCS:contrib/plugins/%.c=$(BUILD)/plugins/%.so)

LIB_OBJS  := $(LIB_SRCS:%.c=$(BUILD)/%.o) $(BUILD)/rules_table.o
RULE_OBJS := $(RULE_SRCS:%.c=$(BUILD)/%.o)
TEST_OBJS := $(TEST_SRCS:%.c=$(BUILD)/%.o)
HEADERS   := $(wildcard include/zonelint/*.h lint/*.h lint/*/*.h)

.PHONY: all deps sample check test unit e2e plugin-tests compare live ldap html sanitize clean help install uninstall
.PHONY: tools test-deps
.DELETE_ON_ERROR:

all: $(BUILD)/zonelint $(PLUGINS)

help:
	@echo "make            build $(BUILD)/zonelint"
	@echo "make sample     install what is missing, build, lint the event-6702 sample"
	@echo "make check      install what is missing, build, run every test (also under ASan+UBSan)"
	@echo "make install    install the binary, man page and headers to \$$(DESTDIR)\$$(PREFIX)"
	@echo "make uninstall  remove them"

deps:
	@scripts/install-deps.sh

# What `make tools` runs (issue 5): the schema validators, vim, groff's
# man macros, systemd-analyze and man (for the units' Documentation=).
test-deps:
	@scripts/install-deps.sh python3-jsonschema python3-rfc3987 vim groff-base \
		systemd man-db

# Rules see only the public headers: nothing in rules/ may reach lint/
# (-Iinclude only; tests/plugins/run.sh also checks that no include
# leaves rules/ and include/).  Plugins are built the same way.
$(BUILD)/rules/%.o: rules/%.c $(wildcard include/zonelint/*.h rules/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Iinclude -c $< -o $@

$(BUILD)/lint/%.o: lint/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Iinclude -Ilint $(PKG_CFLAGS) -c $< -o $@

$(BUILD)/rules_table.c: $(RULE_SRCS) scripts/gen-rules-table.sh
	@mkdir -p $(@D)
	scripts/gen-rules-table.sh $(RULE_SRCS) > $@

$(BUILD)/rules_table.o: $(BUILD)/rules_table.c
	$(CC) $(ALL_CFLAGS) -Iinclude -c $< -o $@

$(BUILD)/libzonelint.a: $(LIB_OBJS) $(RULE_OBJS)
	rm -f $@
	ar rcs $@ $^

# Plugins call the binary's functions: it exports every function of
# include/zonelint (whole archive, so even those it never calls itself are
# there) and nothing else (docs/plugins.md).
$(BUILD)/exports.list: $(wildcard include/zonelint/*.h) scripts/gen-exports.sh
	@mkdir -p $(@D)
	scripts/gen-exports.sh $(wildcard include/zonelint/*.h) > $@

$(BUILD)/zonelint: $(BUILD)/lint/main.o $(BUILD)/libzonelint.a $(BUILD)/exports.list
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -Wl,--dynamic-list=$(BUILD)/exports.list -o $@ \
		$(BUILD)/lint/main.o -Wl,--whole-archive $(BUILD)/libzonelint.a \
		-Wl,--no-whole-archive $(PKG_LIBS)

# Example plugins (contrib/plugins/): -Iinclude only, nothing of zonelint
# linked in; `make install` leaves them out.
$(BUILD)/plugins/%.so: contrib/plugins/%.c $(wildcard include/zonelint/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fPIC -shared -Iinclude -o $@ $<

$(BUILD)/tests/%.o: tests/%.c $(HEADERS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -Iinclude -Ilint $(PKG_CFLAGS) $(CHECK_CFLAGS) \
		-DZL_TEST_DATA='"tests/data"' -c $< -o $@

$(BUILD)/check_zonelint: $(TEST_OBJS) $(BUILD)/libzonelint.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(CHECK_LIBS)

sample: deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/zonelint --date 2026-11-27 zones-samples/event-6702/forest.yaml; \
		echo "exit code $$?"

unit: $(BUILD)/check_zonelint
	CK_FORK=yes $(BUILD)/check_zonelint

e2e: $(BUILD)/zonelint
	tests/e2e/run.sh $(BUILD)/zonelint

# Where zonelint is used (issue 5): SARIF and JSON against their schemas,
# vim's quickfix, VS Code's matchers, the man page, the systemd units and
# cron line, make install, --baseline, --color.
tools: $(BUILD)/zonelint
	tests/tools/run.sh $(BUILD)/zonelint

# zonelint side by side with named-checkzone and kzonecheck (issue 4).
compare: $(BUILD)/zonelint
	tests/compare/run.sh $(BUILD)/zonelint

# Loads the example plugins and refuses broken ones (issue 6).
plugin-tests: $(BUILD)/zonelint $(PLUGINS)
	CC="$(CC)" tests/plugins/run.sh $(BUILD)/zonelint

# --live against real DNS servers (nsd) and misbehaving fakes (issue 7).
LIVE_TOOLS := $(BUILD)/tests/live/fake-server $(BUILD)/tests/live/forest-tool
$(LIVE_TOOLS): %: %.o $(BUILD)/libzonelint.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

live: $(BUILD)/zonelint $(LIVE_TOOLS)
	tests/live/run.sh $(BUILD)/zonelint

# --ldap against a real Samba AD DC on loopback (issue 9).
ldap: $(BUILD)/zonelint
	tests/ldap/run.sh $(BUILD)/zonelint

# The HTML report in html-validate and in Debian's Chromium (issue 10).
html: $(BUILD)/zonelint
	tests/html/run.sh $(BUILD)/zonelint

# Broken and hostile input, one table row each (issue 8).
.PHONY: malformed
malformed: $(BUILD)/zonelint
	tests/malformed/run.sh $(BUILD)/zonelint

test: unit e2e tools compare plugin-tests live ldap html malformed fuzz-replay

# The whole suite again, built with AddressSanitizer and UBSan.
sanitize:
	@$(MAKE) --no-print-directory BUILD=build-asan OPT=-O1 \
		SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
		test

check: deps test-deps
	@$(MAKE) --no-print-directory test
	@$(MAKE) --no-print-directory sanitize
	@echo "zonelint: all test suites passed"

install: $(BUILD)/zonelint
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/include/zonelint \
		$(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/zonelint $(DESTDIR)$(PREFIX)/bin/zonelint
	install -m 644 include/zonelint/*.h $(DESTDIR)$(PREFIX)/include/zonelint/
	install -m 644 docs/zonelint.1 $(DESTDIR)$(PREFIX)/share/man/man1/zonelint.1
	install -d $(DESTDIR)$(PREFIX)/share/doc/zonelint
	install -m 644 README.md docs/*.md docs/*.png docs/zonelint.schema.json \
		$(DESTDIR)$(PREFIX)/share/doc/zonelint/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/zonelint
	rm -rf $(DESTDIR)$(PREFIX)/include/zonelint
	rm -f $(DESTDIR)$(PREFIX)/share/man/man1/zonelint.1
	rm -rf $(DESTDIR)$(PREFIX)/share/doc/zonelint

clean:
	rm -rf build build-asan

include bench/bench.mk
include fuzz/fuzz.mk
