package org.practicealerts.notification.dev;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The embedded default's stand-in for Teams: keeps the last cards posted to {@code /dev/teams-sink/{name}}. Like the
 * real service it is independent of this product's database: it stamps cards with the wall clock, never the
 * simulated clock (which lives in MongoDB), so a card posted during a database outage is answered at once instead
 * of after the sender has timed out and will post it again.
 */
public class TeamsSink {

    /** One received card envelope, as posted. */
    public record Card(String id, String name, Instant receivedAt, String body) {
    }

    private final int capacity;
    private final Clock clock;
    private final Deque<Card> cards = new ArrayDeque<>();

    private volatile int failWith;

    public TeamsSink(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Receives one posted card: kept (and 202) unless the sink is set to fail; returns the status to answer. */
    public int receive(String id, String name, String body) {
        int status = status();
        if (status == 202) {
            add(new Card(id, name, clock.instant(), body));
        }
        return status;
    }

    /** Makes the sink answer every post with this status (e.g. 503) and keep nothing; 0 restores it. */
    public void failWith(int status) {
        this.failWith = status;
    }

    /** The status the sink answers with now: 202 when it accepts cards. */
    public int status() {
        return failWith == 0 ? 202 : failWith;
    }

    private synchronized void add(Card c) {
        cards.addFirst(c);
        while (cards.size() > capacity) {
            cards.removeLast();
        }
    }

    public synchronized List<Card> last(int limit) {
        List<Card> out = new ArrayList<>();
        for (Card c : cards) {
            if (out.size() >= limit) {
                break;
            }
            out.add(c);
        }
        return out;
    }
}
