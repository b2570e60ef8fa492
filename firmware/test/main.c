#include "harness.h"
#include "suites.h"

const char *fill_name(enum fill_kind kind)
{
    switch (kind) {
    case FILL_RANDOM: return "random";
    case FILL_ZEROS: return "zeros";
    case FILL_ONES: return "0xFF";
    case FILL_SPARSE_ZEROS: return "embedded-zeros";
    default: return "?";
    }
}

void fill(uint8_t *buf, size_t len, enum fill_kind kind)
{
    for (size_t i = 0; i < len; i++) {
        switch (kind) {
        case FILL_ZEROS: buf[i] = 0x00; break;
        case FILL_ONES: buf[i] = 0xFF; break;
        /* Zeros at irregular spacing, so runs of many lengths occur. */
        case FILL_SPARSE_ZEROS: buf[i] = (i % 7 == 3 || i % 97 == 0) ? 0x00 : (uint8_t)(1 + t_rand() % 255); break;
        default: buf[i] = (uint8_t)t_rand(); break;
        }
    }
}

/* argv[1], if given, is the path of the wire vectors file. */
int main(int argc, char **argv)
{
    suite_crc16();
    suite_cobs();
    suite_frame();
    suite_sha512();
    suite_ed25519();
    suite_record();
    suite_message();
    suite_status();
    suite_node();
    suite_vectors(argc > 1 ? argv[1] : NULL);
    return t_summary();
}
