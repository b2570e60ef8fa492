package org.waterchain.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waterchain.ledger.chain.ChainId;

class BlockPagerTest {
    @Test
    void anEmptyChainHasNoPage() {
        BlockPager p = new BlockPager(ChainId.VALUE, 50);
        p.tip(-1);
        assertEquals(-1, p.top());
        assertFalse(p.hasOlder());
        assertFalse(p.hasNewer());
        assertEquals("value chain: no blocks yet", p.label());
    }

    @Test
    void theNewestPageFollowsTheTip() {
        BlockPager p = new BlockPager(ChainId.DATA, 50);
        assertTrue(p.tip(694));
        assertEquals(694, p.top());
        assertEquals(645, p.bottom());
        assertTrue(p.tip(700), "a new block changes the newest page");
        assertEquals(700, p.top());
        assertFalse(p.tip(700));
        assertTrue(p.label().startsWith("data #651 – #700"), p.label());
    }

    @Test
    void pagingBackStaysPutWhileBlocksArrive() {
        BlockPager p = new BlockPager(ChainId.DATA, 50);
        p.tip(120);
        p.older();
        assertEquals(70, p.top());
        assertFalse(p.following());
        assertFalse(p.tip(130), "an older page does not move");
        assertEquals(70, p.top());
        p.older();
        assertEquals(49, p.top(), "the oldest page starts at genesis and is full");
        assertEquals(0, p.bottom());
        assertFalse(p.hasOlder());
        p.older();
        assertEquals(49, p.top());
        p.newer();
        assertEquals(99, p.top());
        p.newer();
        assertEquals(130, p.top());
        assertTrue(p.following(), "reaching the tip follows it again");
    }

    @Test
    void goingToAHeightShowsItMidPage() {
        BlockPager p = new BlockPager(ChainId.DATA, 50);
        p.tip(1000);
        p.goTo(400);
        assertEquals(425, p.top());
        assertTrue(p.bottom() <= 400);
        p.goTo(990);
        assertEquals(1000, p.top());
        assertFalse(p.following(), "a block asked for does not scroll away");
        assertFalse(p.tip(1010));
        p.goTo(5000);
        assertEquals(1010, p.top());
        p.goTo(3);
        assertEquals(28, p.top());
        assertEquals(0, p.bottom());
        p.newest();
        assertTrue(p.following());
        assertEquals(1010, p.top());
    }

    @Test
    void holdingStopsFollowing() {
        BlockPager p = new BlockPager(ChainId.DATA, 50);
        p.tip(100);
        p.hold();
        assertFalse(p.tip(120));
        assertEquals(100, p.top());
        assertTrue(p.hasNewer());
    }

    @Test
    void aChainShorterThanAPageIsOnePage() {
        BlockPager p = new BlockPager(ChainId.DATA, 50);
        p.tip(10);
        assertEquals(0, p.bottom());
        assertFalse(p.hasOlder());
        assertThrows(IllegalArgumentException.class, () -> new BlockPager(ChainId.DATA, 0));
    }
}
