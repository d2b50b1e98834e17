package org.practicealerts.text;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the text keys live and what wraps them, under {@code practice-alerts.text-keys}.
 *
 * @param masterKey       the master key, base64 of 32 random bytes ({@code TEXT_MASTER_KEY}); or
 * @param masterKeyFile   a file holding it, as a secrets store mounts one ({@code TEXT_MASTER_KEY_FILE})
 * @param createMasterKey make the file on first start when missing: the embedded default only, where every service
 *                        process of the stack shares it
 * @param database        the database of the key collection, apart from the services' own so that it can be
 *                        backed up on its own (short) schedule and granted to the two services that read text
 * @param cacheFor        how long an unwrapped key is kept in memory: a reader in another process may open text for
 *                        this long after an erasure
 */
@ConfigurationProperties("practice-alerts.text-keys")
public record TextKeysProperties(String masterKey, String masterKeyFile, boolean createMasterKey, String database,
                                 Duration cacheFor) {

    public TextKeysProperties {
        database = database == null || database.isBlank() ? "practice_alerts_keys" : database;
        cacheFor = cacheFor == null ? Duration.ofSeconds(5) : cacheFor;
    }
}
