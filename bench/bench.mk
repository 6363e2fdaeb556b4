# make bench - zonelint against named-checkzone, kzonecheck, nsd-checkzone
# and validns on generated AD-shaped zones, and a 200-DC forest; then the
# scale series (forests of 200 to 5,000 DCs, a million records at as many
# owners, ten million records).  A benchmark, not a test: it prints a table
# (bench/bench.py) and fails when a target of issue 8, 15 or 17 is missed.
# Data goes to $(BUILD)/bench/ (the ten-million-record zone to a temporary
# folder, removed after), never committed.  It takes a quarter of an hour;
# BENCH_QUICK=1 stops the series at 1,000 DCs and skips ten million.
#   make bench BENCH_RUNS=5 BENCH_SIZES=100000,1000000
#   make bench BENCH_QUICK=1

BENCH_RUNS  ?= 3
BENCH_SIZES ?= 100000,1000000
BENCH_DCS   ?= 200
BENCH_SCALE ?= 200,500,1000,2000,5000
BENCH_QUICK ?=

.PHONY: bench bench-deps

bench-deps:
	@scripts/install-deps.sh bind9-utils knot-dnssecutils validns hyperfine time python3
	@scripts/install-deps.sh nsd || echo "bench: nsd not installed; nsd-checkzone is skipped"

bench: bench-deps
	@$(MAKE) --no-print-directory all
	python3 bench/bench.py --zonelint $(BUILD)/zonelint --out $(BUILD)/bench \
		--runs $(BENCH_RUNS) --sizes $(BENCH_SIZES) --dcs $(BENCH_DCS) \
		--scale-dcs $(BENCH_SCALE) $(if $(BENCH_QUICK),--quick)
