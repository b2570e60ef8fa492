#include "harness.h"
#include "suites.h"
#include "wc/crc16.h"

static void check_value(void)
{
    CHECK(wc_crc16((const uint8_t *)"123456789", 9) == 0x29B1);
}

static void empty_is_init(void)
{
    CHECK(wc_crc16(NULL, 0) == 0xFFFF);
}

static void incremental_matches_one_shot(void)
{
    const uint8_t *msg = (const uint8_t *)"123456789";
    uint16_t crc = WC_CRC16_INIT;
    crc = wc_crc16_update(crc, msg, 4);
    crc = wc_crc16_update(crc, msg + 4, 5);
    CHECK(crc == 0x29B1);
}

void suite_crc16(void)
{
    t_run("crc16 check value 123456789", check_value);
    t_run("crc16 empty input", empty_is_init);
    t_run("crc16 incremental", incremental_matches_one_shot);
}
