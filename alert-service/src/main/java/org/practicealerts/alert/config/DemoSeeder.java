package org.practicealerts.alert.config;

import org.practicealerts.alert.directory.DemoDirectory;
import org.practicealerts.alert.mongo.MongoDirectory;
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

    public DemoSeeder(MongoDirectory directory) {
        this.directory = directory;
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
    }
}
