package io.sessiongrid.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamesTest {

    @Test
    void acceptsTypicalIds() {
        assertEquals("user-42:s.1@eu", Names.requireSessionId("user-42:s.1@eu"));
        assertEquals("cart_v2", Names.requireName("partition", "cart_v2"));
    }

    @Test
    void nullBlankAndOversizedIdsNameTheRule() {
        assertTrue(assertThrows(InvalidNameException.class, () -> Names.requireSessionId(null))
                .getMessage().contains("null"));
        assertTrue(assertThrows(InvalidNameException.class, () -> Names.requireSessionId("  "))
                .getMessage().contains("blank"));
        String message = assertThrows(InvalidNameException.class, () -> Names.requireSessionId("x".repeat(129))).getMessage();
        assertTrue(message.contains("129") && message.contains("128"), message);
        assertTrue(assertThrows(InvalidNameException.class, () -> Names.requireSessionId("a b"))
                .getMessage().contains(Names.ID_PATTERN));
    }

    @Test
    void namesOutsideThePatternAreRefused() {
        for (String bad : new String[]{null, "", "a/b", "x".repeat(65), "ünï", "a b"}) {
            InvalidNameException e = assertThrows(InvalidNameException.class, () -> Names.requireName("element", bad));
            assertTrue(e.getMessage().contains(Names.NAME_PATTERN), e.getMessage());
        }
        assertEquals("x".repeat(64), Names.requireName("element", "x".repeat(64)));
    }
}
