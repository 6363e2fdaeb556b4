/*
 * libFuzzer target: the YAML inventory loader (lint/sources/inventory/)
 * and the model's resolution of what it read (names, hosting, partners).
 * The loader reads a path, so the input is put in a memory file
 * (memfd_create) and read through /proc/self/fd; the zone files it names
 * are not read.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "model_int.h"
#include "sources/inventory.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	int fd = memfd_create("zonelint-fuzz-inventory", MFD_CLOEXEC);
	zl_model *m;

	if (fd < 0)
		return 0;
	if (write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	m = zl_model_new();
	if (m && zl_inventory_load(m, path) == 0 && zl_model_resolve(m) == 0) {
		for (size_t i = 0; i < zl_model_zone_count(m); i++) {
			const zl_zone *z = zl_model_zone(m, i);
			for (size_t k = 0; k < zl_zone_host_count(z); k++)
				zl_model_view_path(m, z, zl_zone_host(z, k));
		}
	}
	zl_model_free(m);
	close(fd);
	return 0;
}
