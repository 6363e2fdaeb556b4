# zonelint - build, test, install.  `make help` lists the targets.

CC      ?= gcc
BUILD   ?= build
PREFIX  ?= /usr/local
DESTDIR ?=
VERSION := 0.1.0

PKGS      := ldns yaml-0.1 jansson
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
CHECK_CFLAGS = $(shell pkg-config --cflags check)
CHECK_LIBS   = $(shell pkg-config --libs check)

OPT     ?= -O2
SAN     ?=
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS  ?= $(OPT) -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DZL_VERSION='"$(VERSION)"' $(WARN) $(CFLAGS) $(SAN)
LDFLAGS ?=

LIB_SRCS  := $(sort $(filter-out lint/main.c,$(wildcard lint/*.c lint/*/*.c)))
RULE_SRCS := $(sort $(wildcard rules/*.c))
TEST_SRCS := $(sort $(wildcard tests/unit/*.c))

LIB_OBJS  := $(LIB_SRCS:%.c=$(BUILD)/%.o) $(BUILD)/rules_table.o
RULE_OBJS := $(RULE_SRCS:%.c=$(BUILD)/%.o)
TEST_OBJS := $(TEST_SRCS:%.c=$(BUILD)/%.o)
HEADERS   := $(wildcard include/zonelint/*.h lint/*.h lint/*/*.h)

.PHONY: all deps sample check test unit e2e compare sanitize clean help install uninstall
.DELETE_ON_ERROR:

all: $(BUILD)/zonelint

help:
	@echo "make            build $(BUILD)/zonelint"
	@echo "make sample     install what is missing, build, lint the event-6702 sample"
	@echo "make check      install what is missing, build, run every test (also under ASan+UBSan)"
	@echo "make install    install to \$$(DESTDIR)\$$(PREFIX)"

deps:
	@scripts/install-deps.sh

# Rules see only the public headers: nothing in rules/ may reach lint/.
$(BUILD)/rules/%.o: rules/%.c $(wildcard include/zonelint/*.h)
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

$(BUILD)/zonelint: $(BUILD)/lint/main.o $(BUILD)/libzonelint.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

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

# zonelint side by side with named-checkzone and kzonecheck (issue 4).
compare: $(BUILD)/zonelint
	tests/compare/run.sh $(BUILD)/zonelint

test: unit e2e compare

# The whole suite again, built with AddressSanitizer and UBSan.
sanitize:
	@$(MAKE) --no-print-directory BUILD=build-asan OPT=-O1 \
		SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
		test

check: deps
	@$(MAKE) --no-print-directory test
	@$(MAKE) --no-print-directory sanitize
	@echo "zonelint: all test suites passed"

install: $(BUILD)/zonelint
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/include/zonelint
	install -m 755 $(BUILD)/zonelint $(DESTDIR)$(PREFIX)/bin/zonelint
	install -m 644 include/zonelint/*.h $(DESTDIR)$(PREFIX)/include/zonelint/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/zonelint
	rm -rf $(DESTDIR)$(PREFIX)/include/zonelint

clean:
	rm -rf build build-asan
