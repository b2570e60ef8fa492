package org.waterchain.devices.replay;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class SharedDataTest {

    @Test
    void aMissingFileSkipsTheTestSayingWhereItLookedAndHowToPointAtTheData() {
        TestAbortedException e = assertThrows(TestAbortedException.class, () -> SharedData.require("nowhere/missing.csv"));
        assertTrue(e.getMessage().contains("nowhere/missing.csv not found"), e.getMessage());
        assertTrue(e.getMessage().contains("shared/data/nowhere/missing.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("WATERCHAIN_SHARED_DATA"), e.getMessage());
    }
}
