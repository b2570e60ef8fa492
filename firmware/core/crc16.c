#include "wc/crc16.h"

/* Bitwise rather than table-driven: frames are at most ~510 bytes, and
 * 512 bytes of table would cost more flash than the cycles it saves. */
uint16_t wc_crc16_update(uint16_t crc, const uint8_t *data, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        crc ^= (uint16_t)(data[i] << 8);
        for (int bit = 0; bit < 8; bit++) {
            if (crc & 0x8000u) {
                crc = (uint16_t)((crc << 1) ^ 0x1021u);
            } else {
                crc = (uint16_t)(crc << 1);
            }
        }
    }
    return crc;
}

uint16_t wc_crc16(const uint8_t *data, size_t len)
{
    return wc_crc16_update(WC_CRC16_INIT, data, len);
}
