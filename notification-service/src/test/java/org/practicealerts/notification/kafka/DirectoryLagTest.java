package org.practicealerts.notification.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.practicealerts.events.directory.DirectoryJson;
import org.practicealerts.notification.delivery.Addressing;
import org.practicealerts.notification.delivery.DeliveryRig;
import org.practicealerts.notification.directory.Directory;
import org.practicealerts.notification.directory.Directory.Person;
import org.practicealerts.notification.directory.Directory.Preference;
import org.practicealerts.notification.outbox.AlertProjection;
import org.practicealerts.notification.outbox.InboxStore;
import org.practicealerts.notification.outbox.OutboxEntry.State;
import org.practicealerts.notification.render.Renderer;
import org.practicealerts.support.ConsumerFaults;
import org.practicealerts.support.TransientFault;

/**
 * An alert that names someone whose directory record has not arrived yet (two topics, no order between them) waits
 * for it, and they are emailed when it comes: found by the end-to-end suite, where the first raise after start-up
 * reached the notification-service half a minute before the directory did and its team manager got no email.
 */
class DirectoryLagTest {

    final DeliveryRig rig = new DeliveryRig();
    final Directory directory = new Directory(null);

    DirectoryLagTest() {
        directory.markReady(); // the replay at start found an empty topic: "ready" before anyone was published
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private AlertEventListener listener(Duration wait) {
        return new AlertEventListener(directory, new AlertProjection(rig.db),
                new Addressing(directory, new Renderer(24_000), "https://alerts.council.example"), rig.store,
                new InboxStore(rig.db), rig.dispatcher, rig.clock, wait);
    }

    private void person(String id) {
        directory.put(new Person(id, "Staff " + id, id + "@council.example", null, List.of(), "team-north", true,
                Preference.EMAIL));
    }

    /** Who was emailed once the listener took the raise and the dispatcher drained the outbox. */
    private List<String> emailedAfterTheRaise(AlertEventListener listener) throws Exception {
        listener.accept(StageRecipientsTest.raised());
        rig.dispatcher.drain();
        List<String> to = new ArrayList<>();
        for (MimeMessage m : rig.greenMail.getReceivedMessages()) {
            to.add(m.getAllRecipients()[0].toString());
        }
        return to;
    }

    @Test
    void anEventNamingSomeoneNotYetInTheDirectoryIsRetriedStoringNothingAndTheyAreEmailedOnceTheirRecordArrives()
            throws Exception {
        AlertEventListener listener = listener(Duration.ofMinutes(2));
        person("iro-1");

        assertThatThrownBy(() -> listener.accept(StageRecipientsTest.raised()))
                .isInstanceOf(TransientFault.class).hasMessageContaining("[tm-north]")
                .satisfies(e -> assertThat(ConsumerFaults.classify(e)).isEqualTo(ConsumerFaults.Kind.TRANSIENT));
        assertThat(rig.store.count(State.PENDING)).as("nothing stored before the retry").isZero();

        person("tm-north");
        assertThat(emailedAfterTheRaise(listener)).as("the consumer's retry")
                .containsExactlyInAnyOrder("tm-north@council.example", "iro-1@council.example");
    }

    @Test
    void someoneStillUnknownAfterTheWaitGetsTheInboxOnlyAndTheOthersAreEmailed() throws Exception {
        AlertEventListener listener = listener(Duration.ZERO);
        person("iro-1");

        assertThat(emailedAfterTheRaise(listener)).containsExactly("iro-1@council.example");
    }

    @Test
    void someoneWhoseRecordWasDeletedIsNotWaitedFor() throws Exception {
        AlertEventListener listener = listener(Duration.ofMinutes(2));
        person("iro-1");
        person("tm-north");
        directory.apply(DirectoryJson.read("PERSON:tm-north", null)); // the tombstone

        assertThat(emailedAfterTheRaise(listener)).containsExactly("iro-1@council.example");
    }

    @Test
    void someoneKnownButInactiveIsNotWaitedFor() throws Exception {
        AlertEventListener listener = listener(Duration.ofMinutes(2));
        person("iro-1");
        directory.put(new Person("tm-north", "Staff tm-north", "tm-north@council.example", null, List.of(),
                "team-north", false, Preference.EMAIL));

        assertThat(emailedAfterTheRaise(listener)).containsExactly("iro-1@council.example");
    }
}
