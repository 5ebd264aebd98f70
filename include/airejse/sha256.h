/* SPDX-License-Identifier: EUPL-1.2 */
/* SHA-256 (FIPS 180-4), for the hash a Content-Security-Policy names a
 * page's own script and style by, so that no other script runs in it. */
#ifndef AIREJSE_SHA256_H
#define AIREJSE_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_SIZE 32

/* The digest of the n bytes at p into out. */
void sha256(const void *p, size_t n, uint8_t out[SHA256_SIZE]);
/* The digest in base64 (RFC 4648, padded), as CSP writes it. Caller frees. */
char *sha256_base64(const void *p, size_t n);

#endif
