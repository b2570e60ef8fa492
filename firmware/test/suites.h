#ifndef WC_TEST_SUITES_H
#define WC_TEST_SUITES_H

#include <stddef.h>
#include <stdint.h>

void suite_crc16(void);
void suite_cobs(void);
void suite_frame(void);
void suite_sha512(void);
void suite_ed25519(void);
void suite_record(void);
void suite_message(void);
void suite_status(void);
void suite_node(void);
/* path NULL: looked for relative to the working directory. */
void suite_vectors(const char *path);

/* Test payload shapes shared by the COBS and frame suites. */
enum fill_kind { FILL_RANDOM, FILL_ZEROS, FILL_ONES, FILL_SPARSE_ZEROS, FILL_KINDS };
const char *fill_name(enum fill_kind kind);
void fill(uint8_t *buf, size_t len, enum fill_kind kind);

#endif
