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
            "seed-000-cpc-urgent-practice:2", "f82f433c1bdc08281e8b5d18536e1a27b89e96fb725b31d0d51db6f776223988",
            "seed-001-case-alert:3", "56ce1d7e70b9784df7a1986ab61b5546f35f205101db24c4cafcac86fd6b9c46",
            "seed-002-cro-practice-alert:1", "7ed2ac6081753633b904332d024ef8df4e537c8564ecdf8630753a8d8d77da7c",
            "seed-003-cp-resolution:3", "aa51516ad27d9ac8e6345411d1ba6c328a024a1e0484a348c45c7491321a6cee");

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
