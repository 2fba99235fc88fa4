package org.frontierregistry.tracker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RecordMapper;
import org.frontierregistry.tracker.record.RecordReader;
import org.frontierregistry.tracker.record.RecordSet;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

class TodoCheckTest {
    private static final String RECORD = EstimatesCheckTest.RECORD;

    private static List<String> placeholders(String yaml) {
        RecordReader.Result read = new RecordReader().parse(Path.of("llama.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
        assertTrue(read.ok(), read.problems().toString());
        LoadedRecord loaded = new LoadedRecord(RecordMapper.toRecord(read.document().root()), read.document());
        return new TodoCheck().check(new RecordSet(List.of(loaded))).stream().map(Problem::message).toList();
    }

    @Test
    void aFilledRecordHasNoPlaceholder() {
        assertEquals(List.of(), placeholders(RECORD));
    }

    @Test
    void aPlaceholderInAnyCaseIsFoundWithItsField() {
        assertEquals(List.of("name is still the template's placeholder 'TODO'"), placeholders(RECORD.replace("name: Llama", "name: TODO")));
        assertEquals(List.of("training_compute.estimates.0.reasoning is still the template's placeholder 'todo'"),
                placeholders(RECORD.replace("reasoning: A dense", "reasoning: todo\n      notes: A dense")
                        .replace("      notes: A dense transformer, so six times parameters times tokens.\n", "")));
    }

    @Test
    void aPlaceholderWrittenWithEscapesIsFoundToo() {
        // The text never shows "todo": the skip for files without it must not hide these.
        assertEquals(List.of("name is still the template's placeholder 'TODO: the name'"),
                placeholders(RECORD.replace("name: Llama", "name: \"\\x54ODO: the name\"")));
        assertEquals(List.of("name is still the template's placeholder 'ToDo'"),
                placeholders(RECORD.replace("name: Llama", "name: \"T\\u006FDo\"")));
    }

    @Test
    void aCommentSayingTodoIsNoPlaceholder() {
        assertEquals(List.of(), placeholders(RECORD.replace("name: Llama", "name: Llama # TODO check the spelling")));
    }

    @Test
    void theFirstLookSkipsOnlyTextsThatCannotHoldAPlaceholder() {
        assertFalse(TodoCheck.mayHoldPlaceholder("name: Llama\nnotes: to do later, tod o\n"));
        assertTrue(TodoCheck.mayHoldPlaceholder("name: tOdO\n"));
        assertTrue(TodoCheck.mayHoldPlaceholder("todo"));
        assertTrue(TodoCheck.mayHoldPlaceholder("name: \"\\x54ODO\"\n"));
    }

    @Property
    void theFirstLookMissesNoTextHoldingTodoOrAnEscape(@ForAll @Chars({'t', 'o', 'd', 'T', 'O', 'D', 'x', ' ', '\\'}) String text) {
        boolean expected = text.toLowerCase(Locale.ROOT).contains("todo") || text.contains("\\");
        assertEquals(expected, TodoCheck.mayHoldPlaceholder(text), text);
    }
}
