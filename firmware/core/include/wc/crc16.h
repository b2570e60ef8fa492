#ifndef WC_CRC16_H
#define WC_CRC16_H

#include <stddef.h>
#include <stdint.h>

/* CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final xor.
 * Check value for ASCII "123456789" is 0x29B1. */
#define WC_CRC16_INIT 0xFFFFu

/* Continues a running CRC so a frame can be checked in pieces;
 * start with WC_CRC16_INIT. */
uint16_t wc_crc16_update(uint16_t crc, const uint8_t *data, size_t len);

uint16_t wc_crc16(const uint8_t *data, size_t len);

#endif
