package org.frontierregistry.tracker.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;

class NameKeyTest {
    @Example
    void namesWrittenDifferentlyShareAKey() {
        assertEquals("llama31405b", NameKey.of("Llama 3.1-405B"));
        assertEquals("llama31405b", NameKey.of("llama-3.1-405b"));
        assertEquals("qwen25max", NameKey.of("Ｑｗｅｎ２.５－Ｍａｘ")); // full-width forms fold (NFKC)
        assertEquals("ernie45tm", NameKey.of("ERNIE 4.5™")); // NFKC spells the sign out
    }

    @Example
    void aPlusSignSetsALargerModelApart() {
        assertEquals("commandrplus", NameKey.of("Command R+"));
        assertEquals(NameKey.of("Command R plus"), NameKey.of("Command R+"));
        assertEquals(NameKey.of("Command R+"), NameKey.of("Command R＋")); // full-width plus folds (NFKC)
        assertNotEquals(NameKey.of("Command R"), NameKey.of("Command R+"));
        assertEquals("aplusbplusplusc", NameKey.of("a+b++c"), "each plus takes four letters, wherever it stands");
    }

    /** The shortcut for plain ASCII names gives what the general rule gives. */
    @Property
    void anAsciiNameGetsTheGeneralRulesKey(@ForAll @CharRange(from = 0, to = 127) String name) {
        assertEquals(NameKey.normalised(name), NameKey.of(name));
    }

    @Property
    void anyNameGetsTheGeneralRulesKey(@ForAll String name) {
        assertEquals(NameKey.normalised(name), NameKey.of(name));
    }
}
