package org.practicealerts.notification.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.practicealerts.events.PracticeEvent;
import org.practicealerts.events.Recipient;
import org.practicealerts.notification.directory.Directory;
import org.practicealerts.notification.render.Notices;
import org.practicealerts.support.TransientFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alert events and directory changes come on two topics, with no order between them: an alert can name a person
 * whose directory record is still on its way (the alert-service publishes both; on a busy machine the directory
 * lagged the first raise by half a minute). An event naming someone the directory has never seen is retried
 * (a {@link TransientFault}: the partition waits, nothing is stored) until their record arrives, for at most
 * {@code wait} from the first attempt; then it is handled as it is (the unknown person gets the in-app inbox only,
 * with a warning). Someone known but inactive, or whose record was deleted, is not waited for.
 */
final class DirectoryLag {

    private static final Logger log = LoggerFactory.getLogger(DirectoryLag.class);

    private final Directory directory;
    private final Duration wait;
    /** When each event waiting for the directory was first tried: removed once it is handled. */
    private final Map<String, Long> firstTried = new ConcurrentHashMap<>();

    DirectoryLag(Directory directory, Duration wait) {
        this.directory = directory;
        this.wait = wait;
    }

    /** Returns when every recipient is in the directory, or the wait is over; otherwise throws to be retried. */
    void awaitRecipients(PracticeEvent event) {
        List<String> unknown = Notices.recipients(event).stream().filter(Objects::nonNull).map(Recipient::personId)
                .filter(Objects::nonNull).filter(id -> !directory.hasSeen(id)).distinct().toList();
        if (unknown.isEmpty()) {
            firstTried.remove(event.eventId());
            return;
        }
        long now = System.nanoTime();
        long first = firstTried.computeIfAbsent(event.eventId(), id -> now);
        if (now - first < wait.toNanos()) {
            throw new TransientFault("recipients " + unknown + " of event " + event.eventId()
                    + " are not in the directory yet");
        }
        firstTried.remove(event.eventId());
        log.warn("recipients {} of event {} still not in the directory after {}: handled without them", unknown,
                event.eventId(), wait);
    }
}
