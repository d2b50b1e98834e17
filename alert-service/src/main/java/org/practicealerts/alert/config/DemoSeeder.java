package org.practicealerts.alert.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.practicealerts.alert.directory.DemoDirectory;
import org.practicealerts.alert.milestone.CaseFactStore;
import org.practicealerts.alert.mongo.MongoDirectory;
import org.practicealerts.milestones.CaseFact;
import org.practicealerts.milestones.ConferenceType;
import org.practicealerts.milestones.FactKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The embedded default, and docker-compose.yml through the {@code demo} profile, start with the demo council's
 * directory, once (a restart keeps what is there). A council loads its own through the admin API instead.
 */
@Component
@Profile({"embedded", "demo"})
public class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private final MongoDirectory directory;
    private final CaseFactStore facts;
    private final Clock clock;

    public DemoSeeder(MongoDirectory directory, CaseFactStore facts, Clock clock) {
        this.directory = directory;
        this.facts = facts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!directory.people().isEmpty()) {
            return;
        }
        DemoDirectory.teams().forEach(directory::save);
        DemoDirectory.people().forEach(directory::save);
        DemoDirectory.covers().forEach(directory::save);
        log.info("seeded the demo directory: {} people, {} teams", DemoDirectory.people().size(),
                DemoDirectory.teams().size());
        seedCaseFacts();
    }

    /**
     * Two children's case records, dated back from now, so that the milestones pages have something to show: a
     * Section 47 decision 25 days ago with no conference since (the chairs' prompt), and a plan a month old whose
     * next visit is due tomorrow.
     */
    private void seedCaseFacts() {
        Instant now = clock.instant();
        List<CaseFactStore.Stored> demo = List.of(
                fact(CaseFact.of("DEMO-S47-1001", "DEMO-CP-1001", FactKind.S47_DECISION, daysAgo(now, 25)),
                        DemoDirectory.NORTH),
                fact(CaseFact.conferenceHeld("DEMO-ICPC-1002", "DEMO-CP-1002", daysAgo(now, 30), ConferenceType.INITIAL,
                        true), DemoDirectory.SOUTH),
                fact(CaseFact.of("DEMO-PLAN-1002", "DEMO-CP-1002", FactKind.PLAN_DISTRIBUTED, daysAgo(now, 29)),
                        DemoDirectory.SOUTH),
                fact(CaseFact.of("DEMO-CG-1002", "DEMO-CP-1002", FactKind.CORE_GROUP_HELD, daysAgo(now, 21)),
                        DemoDirectory.SOUTH),
                fact(CaseFact.visit("DEMO-VISIT-1002", "DEMO-CP-1002", daysAgo(now, 27), true), DemoDirectory.SOUTH));
        demo.forEach(f -> facts.put(f, "demo", now));
        log.info("seeded the demo council's case records: {} facts about 2 children", demo.size());
    }

    private static CaseFactStore.Stored fact(CaseFact f, String teamId) {
        return new CaseFactStore.Stored(f, teamId);
    }

    private static Instant daysAgo(Instant now, int days) {
        return now.minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.MILLIS);
    }
}
