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
            "seed-000-cpc-urgent-practice:1", "c5151fc28f06b86e53ff647437e445bd930af7f60db3e705da79ed2ac32d66cf",
            "seed-001-case-alert:2", "439d529720251ec7b662413328f745e14c8a031300e7f1f33aeb4d1007cf7922",
            "seed-002-cro-practice-alert:1", "7ed2ac6081753633b904332d024ef8df4e537c8564ecdf8630753a8d8d77da7c",
            "seed-003-cp-resolution:3", "2215b56367ef3e3f189c56cd7441e4a65413fac213c929cdd39f0060dc60decf");

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
