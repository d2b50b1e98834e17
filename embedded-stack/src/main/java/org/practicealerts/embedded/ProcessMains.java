package org.practicealerts.embedded;

import java.util.concurrent.CountDownLatch;

/** Shared plumbing of {@link KafkaBrokerMain} and {@link MongoServerMain}. */
final class ProcessMains {

    private ProcessMains() {
    }

    /** With {@code --parent-pid <pid>}: exit (running the shutdown hooks) once that process has gone. */
    static void exitWithParent(CommandLine cli) {
        cli.value("--parent-pid").ifPresent(raw -> {
            long pid = Long.parseLong(raw.trim());
            ProcessHandle.of(pid).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> {
                        System.out.println("parent process " + pid + " has exited; shutting down");
                        System.exit(0);
                    }),
                    () -> {
                        System.out.println("parent process " + pid + " is not running; shutting down");
                        System.exit(0);
                    });
        });
    }

    /** Parks the main thread; the process ends through a signal (shutdown hooks run) or System.exit. */
    static void blockForever() throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
