package org.practicealerts.notification.outbox;

import java.time.Clock;
import org.practicealerts.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the outbox small (every claim reads it): delivered entries older than the retention move to the permanent
 * delivery evidence, without their content or destination.
 */
@Component
public class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    private final OutboxStore outbox;
    private final Clock clock;
    private final NotificationProperties props;

    public OutboxRetention(OutboxStore outbox, Clock clock, NotificationProperties props) {
        this.outbox = outbox;
        this.clock = clock;
        this.props = props;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void purge() {
        long n = outbox.archiveSentBefore(clock.instant().minus(props.retention()));
        if (n > 0) {
            log.info("moved {} delivered outbox entries older than {} to the delivery evidence", n, props.retention());
        }
    }
}
