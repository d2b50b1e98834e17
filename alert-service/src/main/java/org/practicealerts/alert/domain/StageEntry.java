package org.practicealerts.alert.domain;

import java.util.List;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.StageDeadlines;

/** What entering a stage means at a given moment: who answers, by when, and who is told. */
public record StageEntry(int stage, Assignment responder, StageDeadlines deadlines, List<Recipient> recipients) {
}
