package org.practicealerts.text;

import com.mongodb.client.MongoClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import org.practicealerts.support.PlatformAutoConfiguration;
import org.practicealerts.support.SharedFiles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Sealed text for the services that read it (the alert-service and the reporting-service depend on this module; no
 * other does). Refuses to start without a master key: a service that could not seal would have to store text in the
 * clear.
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@EnableConfigurationProperties(TextKeysProperties.class)
public class SealedTextAutoConfiguration {

    @Bean
    TextKeys textKeys(MongoClient mongo, TextKeysProperties props, ObjectProvider<Clock> clock) {
        return TextKeys.in(mongo.getDatabase(props.database()).getCollection("text_keys"), masterKey(props),
                clock.getIfAvailable(Clock::systemUTC), props.cacheFor());
    }

    @Bean
    SealedText sealedText(TextKeys keys) {
        return new SealedText(keys);
    }

    @Bean
    OpeningJsonModule openingJsonModule(SealedText text) {
        return new OpeningJsonModule(text);
    }

    static String masterKey(TextKeysProperties props) {
        if (props.masterKey() != null && !props.masterKey().isBlank()) {
            return props.masterKey();
        }
        if (props.masterKeyFile() == null || props.masterKeyFile().isBlank()) {
            throw new IllegalStateException("no text master key: set TEXT_MASTER_KEY (base64 of 32 random bytes, "
                    + "e.g. `openssl rand -base64 32`) or TEXT_MASTER_KEY_FILE; see docs/operations.md, Free text");
        }
        Path file = Path.of(props.masterKeyFile());
        try {
            return props.createMasterKey() ? SharedFiles.readOrPublish(file, MasterKey::generate)
                    : java.nio.file.Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the text master key file " + file, e);
        }
    }
}
