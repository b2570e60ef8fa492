package org.waterchain.app.explorer;

import org.waterchain.ledger.chain.ChainId;

/**
 * Which heights of one chain the block list shows, newest first, a page at a time. On the newest page it
 * follows the tip as blocks arrive; after paging back it stays where the operator is. Owned by the FX thread.
 */
public final class BlockPager {
    private final ChainId chain;
    private final int pageSize;
    private long tip = -1;
    private long top = -1;
    private boolean following = true;

    public BlockPager(ChainId chain, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive: " + pageSize);
        }
        this.chain = chain;
        this.pageSize = pageSize;
    }

    public ChainId chain() {
        return chain;
    }

    /** The chain's current tip height (-1 while it has no block). Returns whether the page shown changed. */
    public boolean tip(long height) {
        long oldTop = top;
        tip = height;
        top = following ? tip : Math.min(top, tip);
        return top != oldTop;
    }

    public long tipHeight() {
        return tip;
    }

    /** Highest height on the page, -1 when the chain is empty. */
    public long top() {
        return top;
    }

    /** Lowest height on the page. */
    public long bottom() {
        return Math.max(0, top - pageSize + 1);
    }

    public boolean following() {
        return following;
    }

    public boolean hasNewer() {
        return top < tip;
    }

    public boolean hasOlder() {
        return top >= 0 && bottom() > 0;
    }

    /** Stops following the tip: the operator is looking at a block, which must not scroll away. */
    public void hold() {
        following = false;
    }

    public void newest() {
        following = true;
        top = tip;
    }

    public void newer() {
        top = Math.min(tip, top + pageSize);
        following = top == tip;
    }

    public void older() {
        if (hasOlder()) {
            top = Math.max(pageSize - 1L, top - pageSize);
            top = Math.min(top, tip);
            following = false;
        }
    }

    /**
     * The page that shows {@code height}, with it near the middle. It holds there: a block asked for must not
     * scroll away as new ones arrive.
     */
    public void goTo(long height) {
        top = Math.min(tip, Math.max(0, height) + pageSize / 2);
        following = false;
    }

    /** "data #645 – #694 of 694" */
    public String label() {
        if (top < 0) {
            return chain.label() + " chain: no blocks yet";
        }
        return Formats.block(chain, bottom()) + " – #" + top + (following ? "  (following the tip)" : "  of #" + tip);
    }
}
