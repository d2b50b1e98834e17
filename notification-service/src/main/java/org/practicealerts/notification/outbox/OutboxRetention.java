package org.practicealerts.notification.outbox;

import java.time.Clock;
import org.practicealerts.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the outbox small (every claim reads it): delivered entries go once older than the retention. */
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
        long n = outbox.purgeSentBefore(clock.instant().minus(props.retention()));
        if (n > 0) {
            log.info("forgot {} delivered outbox entries older than {}", n, props.retention());
        }
    }
}
