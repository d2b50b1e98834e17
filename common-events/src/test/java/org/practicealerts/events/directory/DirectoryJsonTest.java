package org.practicealerts.events.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.practicealerts.events.EventJson;
import org.practicealerts.events.Role;

/**
 * Every directory entry type has a golden JSON sample under {@code src/test/resources/golden/directory}: a change
 * that alters the wire format breaks this test. Regenerate deliberately with {@code -Dgolden.update=true}.
 */
class DirectoryJsonTest {

    static Stream<DirectoryEntry> samples() {
        return Stream.of(
                new Person("tm-north", "North Team Manager", "tm.north@council.example", null,
                        Set.of(Role.TEAM_MANAGER), "team-north", "sm-north", true, "EMAIL"),
                new Team("team-north", "North Children's Team", "tm-north",
                        "https://prod-01.uksouth.logic.azure.com/workflows/abc"),
                new Cover("cover-1", "tm-north", "tm-duty", LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 4),
                        "Annual leave"),
                new NonWorkingDay(LocalDate.of(2026, 12, 28), "Boxing Day (substitute day)",
                        NonWorkingDay.Source.BANK_HOLIDAY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachEntryWritesExactlyItsGoldenJson(DirectoryEntry sample) throws IOException {
        String name = sample.getClass().getSimpleName();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/golden/directory", name + ".json"),
                    EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(sample) + "\n");
        }
        assertThat(EventJson.mapper().readTree(DirectoryJson.writeBytes(sample)))
                .isEqualTo(EventJson.mapper().readTree(golden(name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachGoldenJsonReadsBackUnderItsKey(DirectoryEntry sample) throws IOException {
        DirectoryJson.Change change = DirectoryJson.read(sample.key(),
                golden(sample.getClass().getSimpleName()).getBytes(StandardCharsets.UTF_8));

        assertThat(change.kind()).isEqualTo(sample.kind());
        assertThat(change.id()).isEqualTo(sample.entryId());
        assertThat(change.entry()).contains(sample);
    }

    @Test
    void everyEntryTypeHasAGoldenSample() {
        List<Class<?>> sampled = samples().<Class<?>>map(Object::getClass).toList();
        assertThat(sampled).containsExactlyInAnyOrder(DirectoryEntry.class.getPermittedSubclasses());
    }

    @Test
    void aTombstoneRemovesTheEntryItsKeyNames() {
        DirectoryJson.Change change = DirectoryJson.read("COVER:cover-1", null);

        assertThat(change.kind()).isEqualTo(DirectoryEntry.Kind.COVER);
        assertThat(change.id()).isEqualTo("cover-1");
        assertThat(change.entry()).isEmpty();
    }

    @Test
    void aNonWorkingDayIsKeyedByItsDate() {
        assertThat(new NonWorkingDay(LocalDate.of(2027, 3, 26), "Good Friday", NonWorkingDay.Source.BANK_HOLIDAY)
                .key()).isEqualTo("DAY:2027-03-26");
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() {
        byte[] json = "{\"id\":\"team-north\",\"name\":\"North\",\"managerId\":\"tm-north\",\"deleted\":false}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(DirectoryJson.read("TEAM:team-north", json).entry())
                .contains(new Team("team-north", "North", "tm-north"));
    }

    @Test
    void refusesAKeyWithoutAKnownKindOrAValueOfAnotherShape() {
        assertThatThrownBy(() -> DirectoryJson.read("team-north", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DirectoryJson.read("CHILD:x", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DirectoryJson.read("DAY:2026-12-25", "[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = DirectoryJsonTest.class.getResourceAsStream("/golden/directory/" + name + ".json")) {
            assertThat(in).as("golden sample for " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
