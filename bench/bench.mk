# make bench - zonelint against named-checkzone, kzonecheck, nsd-checkzone
# and validns on generated AD-shaped zones, and a 200-DC forest.  A
# benchmark, not a test: it prints a table (bench/bench.py) and says which
# targets of issue 8 are met.  Data goes to $(BUILD)/bench/, never committed.
#   make bench BENCH_RUNS=5 BENCH_SIZES=100000,1000000

BENCH_RUNS  ?= 3
BENCH_SIZES ?= 100000,1000000
BENCH_DCS   ?= 200

.PHONY: bench bench-deps

bench-deps:
	@scripts/install-deps.sh bind9-utils knot-dnssecutils validns hyperfine time python3
	@scripts/install-deps.sh nsd || echo "bench: nsd not installed; nsd-checkzone is skipped"

bench: bench-deps
	@$(MAKE) --no-print-directory all
	python3 bench/bench.py --zonelint $(BUILD)/zonelint --out $(BUILD)/bench \
		--runs $(BENCH_RUNS) --sizes $(BENCH_SIZES) --dcs $(BENCH_DCS)
