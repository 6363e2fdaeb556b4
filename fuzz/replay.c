/*
 * Runs a fuzz target's LLVMFuzzerTestOneInput once on each file named on
 * the command line, without libFuzzer: how the regression corpus is
 * replayed by the test command (built like the rest of the suite, so
 * `make sanitize` replays it under AddressSanitizer and UBSan).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The whole file; NULL when it cannot be read. */
static uint8_t *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)n + 1)) != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		*len = (size_t)n;
	fclose(f);
	return buf;
}

int main(int argc, char **argv)
{
	int rc = 0;

	for (int i = 1; i < argc; i++) {
		size_t len = 0;
		uint8_t *data = slurp(argv[i], &len);
		if (!data) {
			fprintf(stderr, "replay: cannot read %s\n", argv[i]);
			rc = 2;
			continue;
		}
		LLVMFuzzerTestOneInput(data, len);
		free(data);
	}
	return rc;
}
