package org.waterchain.app.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.waterchain.ledger.chain.ChainId;
import org.waterchain.ledger.crypto.Address;
import org.waterchain.ledger.crypto.Hex;
import org.waterchain.ledger.crypto.KeyPair;

class SearchQueryTest {
    static final Set<String> STATIONS = Set.of("R04", "R06", "M02");
    static final Set<String> DEVICES = Set.of("R04-A", "R06-A", "M02-A");

    private static SearchQuery parse(String text) {
        return SearchQuery.parse(text, STATIONS, DEVICES, ChainId.DATA);
    }

    private static String problem(String text) {
        return assertInstanceOf(SearchQuery.Problem.class, parse(text)).message();
    }

    @Test
    void registeredStationsAndDevicesAreFoundAsTypedOrInAnyCase() {
        assertEquals(new SearchQuery.ForStation("R04"), parse("R04"));
        assertEquals(new SearchQuery.ForStation("M02"), parse("  m02 "));
        assertEquals(new SearchQuery.ForDevice("R04-A"), parse("r04-a"));
    }

    @Test
    void sixtyFourHexDigitsAreAnId() {
        String hex = "ab".repeat(32);
        SearchQuery.ById q = assertInstanceOf(SearchQuery.ById.class, parse(hex));
        assertArrayEquals(Hex.parse(hex), q.id());
        assertEquals(hex, assertInstanceOf(SearchQuery.ById.class, parse("0x" + hex.toUpperCase())).hex());
    }

    @Test
    void hexOfAnotherLengthSaysHowLongAnIdIs() {
        String m = problem("ab".repeat(31));
        assertTrue(m.contains("64 hex digits") && m.contains("62"), m);
    }

    @Test
    void anAddressIsParsedWithItsChecksum() {
        Address a = KeyPair.generate().address();
        assertEquals(new SearchQuery.ForAddress(a), parse(a.toString()));
        String text = a.toString();
        char last = text.charAt(text.length() - 1);
        String mistyped = text.substring(0, text.length() - 1) + (last == 'a' ? 'b' : 'a');
        assertTrue(problem(mistyped).contains("wrong checksum"), problem(mistyped));
    }

    @Test
    void blocksByChainAndHeight() {
        assertEquals(new SearchQuery.AtBlock(ChainId.DATA, 12), parse("data #12"));
        assertEquals(new SearchQuery.AtBlock(ChainId.VALUE, 3), parse("Value 3"));
        assertEquals(new SearchQuery.AtBlock(ChainId.VALUE, 0), parse("value#0"));
        assertEquals(new SearchQuery.AtBlock(ChainId.VALUE, 7), SearchQuery.parse("#7", STATIONS, DEVICES, ChainId.VALUE));
        assertEquals(new SearchQuery.AtBlock(ChainId.DATA, 694), parse("694"));
    }

    @Test
    void anythingElseIsAProblemThatSaysWhatWouldWork() {
        assertTrue(problem("").startsWith("Type what to look for"), problem(""));
        String m = problem("R99");
        assertTrue(m.contains("'R99'") && m.contains(SearchQuery.HINT), m);
        assertInstanceOf(SearchQuery.Problem.class, parse("data #x"));
        assertInstanceOf(SearchQuery.Problem.class, parse(null));
    }
}
