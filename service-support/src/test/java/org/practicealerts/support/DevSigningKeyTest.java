package org.practicealerts.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevSigningKeyTest {

    @TempDir
    Path dir;

    /** Service processes start together; each must end up verifying tokens with the one key in the file. */
    @Test
    void servicesStartingAtTheSameMomentAllGetTheOneKeyThatIsInTheFile() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 10; round++) {
                Path file = dir.resolve("round-" + round + "/dev-jwt-key.json");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<RSAKey>> keys = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    keys.add(pool.submit(() -> {
                        go.await();
                        return DevSigningKey.createOrRead(file);
                    }));
                }
                go.countDown();
                List<String> got = new ArrayList<>();
                for (Future<RSAKey> k : keys) {
                    got.add(k.get().toJSONString());
                }
                String inFile = RSAKey.parse(Files.readString(file)).toJSONString();
                assertThat(got).as("round %d", round).containsOnly(inFile);
                try (var left = Files.list(file.getParent())) {
                    assertThat(left).as("no temporary files left").containsExactly(file);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
