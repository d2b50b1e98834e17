package org.practicealerts.alert.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A shipped preset is registered in every council's database by id and version; changing its text without a new
 * version would stop those councils' services at start-up. This pins each version's content: change a preset, bump
 * its version, and record the new digest here.
 */
class PresetVersionPinTest {

    private static final Map<String, String> PINNED = Map.of(
            "seed-000-cpc-urgent-practice:3", "3333f628174590cb82be899f806e53455ebbd87bcafbd23fe779e1e0155121be",
            "seed-001-case-alert:3", "eb2f5e1ccfdd6034675fecdc57f438e407c4613d8809b8884973132211f390ba",
            "seed-002-cro-practice-alert:1", "7ed2ac6081753633b904332d024ef8df4e537c8564ecdf8630753a8d8d77da7c",
            "seed-003-cp-resolution:4", "8c548a5c23abeb26be21cf4090dcfc7decf5439f1f411e8a85eea1db3e742bfd");

    @Test
    void eachPresetVersionHasTheContentItWasReleasedWith() throws Exception {
        for (String id : PolicyLoader.PRESETS) {
            Policy p = PolicyLoader.preset(id);
            String key = p.id() + ":" + p.version();
            assertThat(PINNED).as("a pinned digest for " + key + " (bump the version when a preset changes)")
                    .containsKey(key);
            assertThat(sha256("/policies/" + id + ".yaml")).as(key).isEqualTo(PINNED.get(key));
        }
    }

    static String sha256(String resource) throws IOException, NoSuchAlgorithmException {
        try (InputStream in = PresetVersionPinTest.class.getResourceAsStream(resource)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
