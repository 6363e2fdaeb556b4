# make fuzz - libFuzzer targets (clang and its libFuzzer runtime, Debian's
# clang and libclang-rt-14-dev) for the inventory loader, the zone file
# loader and the AXFR answer handling; each runs FUZZ_SECONDS, seeded from
# the samples and test data (fuzz/run.sh); and for the decoders of what the
# directory holds (dNSProperty, security descriptors, dnsRecord: adprops).
# Built with ASan and UBSan in
# $(FUZZ_BUILD).
#   make fuzz FUZZ_SECONDS=600
# make fuzz-replay - the regression corpus fuzz/regressions/TARGET/ through
# each target's code, built like the rest of the suite (part of make test,
# so make sanitize replays it under ASan and UBSan too).

FUZZ_SECONDS ?= 60
FUZZ_TARGETS := zonefile inventory axfr fastrr adprops
FUZZ_BUILD   := build/libfuzzer
FUZZ_CC      ?= clang
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

.PHONY: fuzz fuzz-build fuzz-deps fuzz-replay

fuzz-deps:
	@scripts/install-deps.sh clang libclang-rt-14-dev

# The library again with clang; warnings are not errors here (clang warns
# about other things than gcc, which the normal build already holds to -Werror).
fuzz-build: fuzz-deps
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) OPT=-O1 \
		WARN="-Wall -Wextra" SAN="$(FUZZ_SAN) -fsanitize=fuzzer-no-link" \
		$(FUZZ_BUILD)/libzonelint.a
	@$(MAKE) --no-print-directory $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz-%) \
		$(FUZZ_BUILD)/axfr-seeds

$(FUZZ_BUILD)/fuzz-%: fuzz/fuzz_%.c $(FUZZ_BUILD)/libzonelint.a
	$(FUZZ_CC) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer -std=c11 -D_DEFAULT_SOURCE \
		-Iinclude -Ilint $(PKG_CFLAGS) -o $@ $< $(FUZZ_BUILD)/libzonelint.a $(PKG_LIBS)

$(FUZZ_BUILD)/axfr-seeds: fuzz/axfr_seeds.c
	@mkdir -p $(@D)
	$(CC) -O1 -g -std=c11 -D_DEFAULT_SOURCE $(PKG_CFLAGS) -o $@ $< $(PKG_LIBS)

fuzz: fuzz-build
	@mkdir -p $(FUZZ_BUILD)/seeds/axfr
	$(FUZZ_BUILD)/axfr-seeds $(FUZZ_BUILD)/seeds/axfr
	fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

$(BUILD)/fuzz/replay-%: fuzz/fuzz_%.c fuzz/replay.c $(BUILD)/libzonelint.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Iinclude -Ilint $(PKG_CFLAGS) -o $@ fuzz/fuzz_$*.c fuzz/replay.c \
		$(BUILD)/libzonelint.a $(PKG_LIBS)

fuzz-replay: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/replay-%)
	fuzz/replay.sh $(BUILD)/fuzz
