package org.practicealerts.system;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/** Skips a property container, with the reason, when the service jars it starts have not been built. */
public class NeedsServiceJars implements SkipExecutionHook {

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return RunningStack.jarsBuilt("alert-service", "escalation-service")
                ? SkipResult.doNotSkip()
                : SkipResult.skip("service jars not built: run ./mvnw verify (system tests run after packaging)");
    }
}
