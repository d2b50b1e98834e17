package org.practicealerts.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;

class ConsumerFaultsTest {

    @Test
    void aDatabaseOutageIsTransientHoweverDeeplyItIsWrapped() {
        Exception outage = new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("event store", new MongoTimeoutException("no server")));

        assertThat(ConsumerFaults.classify(outage)).isEqualTo(ConsumerFaults.Kind.TRANSIENT);
        assertThat(ConsumerFaults.classify(new MongoSocketReadException("reset", new ServerAddress())))
                .isEqualTo(ConsumerFaults.Kind.TRANSIENT);
        assertThat(ConsumerFaults.classify(new TransientFault("directory not loaded yet")))
                .isEqualTo(ConsumerFaults.Kind.TRANSIENT);
    }

    @Test
    void anUnreadableRecordIsPoisonAndAnyOtherFaultIsNeither() {
        assertThat(ConsumerFaults.classify(new ListenerExecutionFailedException("x",
                new UnreadableRecord(new IllegalArgumentException("not JSON"))))).isEqualTo(ConsumerFaults.Kind.POISON);
        assertThat(ConsumerFaults.classify(new NullPointerException())).isEqualTo(ConsumerFaults.Kind.OTHER);
    }

    @Test
    void aTransientFaultIsTriedForEverPoisonNeverAndAnythingElseFourTimesMore() {
        BackOffExecution transientFault = ConsumerFaults.backOff(ConsumerFaults.Kind.TRANSIENT).start();
        long last = 0;
        for (int i = 0; i < 1000; i++) {
            last = transientFault.nextBackOff();
            assertThat(last).isNotEqualTo(BackOffExecution.STOP);
        }
        assertThat(last).as("capped").isEqualTo(30_000);

        assertThat(ConsumerFaults.backOff(ConsumerFaults.Kind.POISON).start().nextBackOff())
                .isEqualTo(BackOffExecution.STOP);
        BackOffExecution other = ConsumerFaults.backOff(ConsumerFaults.Kind.OTHER).start();
        int tries = 0;
        while (other.nextBackOff() != BackOffExecution.STOP) {
            tries++;
        }
        assertThat(tries).isEqualTo(4);
    }

    @Test
    void anUnreadableRecordsMessageNeverQuotesThePayload() {
        UnreadableRecord e = new UnreadableRecord(new IllegalArgumentException("Unexpected token at {\"summary\":\"x\""));

        assertThat(e.getMessage()).isEqualTo("unreadable record (IllegalArgumentException)");
    }
}
