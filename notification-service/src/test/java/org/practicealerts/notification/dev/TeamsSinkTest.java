package org.practicealerts.notification.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The Teams stand-in answers like Teams: from its own clock, whatever this product's database is doing. (It used to
 * stamp cards with the service's simulated clock, which lives in MongoDB: during the fault suite's outage a post
 * waited for the database past the sender's timeout, was kept anyway, and the retry made it arrive twice.)
 */
class TeamsSinkTest {

    private static final Instant WALL = Instant.parse("2026-12-03T17:00:00Z");

    @Test
    void aPostedCardIsKeptStampedByTheSinksOwnClockAndAnswered202() {
        TeamsSink sink = new TeamsSink(10, Clock.fixed(WALL, ZoneOffset.UTC));

        assertThat(sink.receive("n-1", "tm-north", "{}")).isEqualTo(202);

        assertThat(sink.last(10)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("n-1");
            assertThat(c.name()).isEqualTo("tm-north");
            assertThat(c.receivedAt()).isEqualTo(WALL);
        });
    }

    @Test
    void aFailingSinkAnswersItsStatusAndKeepsNothingUntilRestored() {
        TeamsSink sink = new TeamsSink(10, Clock.fixed(WALL, ZoneOffset.UTC));
        sink.failWith(503);

        assertThat(sink.receive("n-1", "tm-north", "{}")).isEqualTo(503);
        assertThat(sink.last(10)).isEmpty();

        sink.failWith(0);
        assertThat(sink.receive("n-1", "tm-north", "{}")).isEqualTo(202);
        assertThat(sink.last(10)).hasSize(1);
    }

    @Test
    void theSinkKeepsOnlyItsCapacityNewestFirst() {
        TeamsSink sink = new TeamsSink(2, Clock.fixed(WALL, ZoneOffset.UTC));
        for (String id : new String[] {"a", "b", "c"}) {
            sink.receive(id, "tm-north", "{}");
        }
        assertThat(sink.last(10)).extracting(TeamsSink.Card::id).containsExactly("c", "b");
    }
}
