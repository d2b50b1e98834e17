package org.practicealerts.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings every service shares ({@code practice-alerts-platform.yml}, and
 * {@code practice-alerts-platform-<profile>.yml} for each active profile) behind everything else, so a service's
 * {@code application.yml}, environment variables and command line all override them. Runs after Boot has read the
 * application's own configuration, so the active profiles are known.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    static final String BASE = "practice-alerts-platform";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> names = new ArrayList<>();
        for (String profile : environment.getActiveProfiles()) {
            names.add(BASE + "-" + profile + ".yml");
        }
        Collections.reverse(names); // the last active profile wins, as in Boot's own profile files
        names.add(BASE + ".yml");
        for (String name : names) {
            ClassPathResource resource = new ClassPathResource(name, PlatformDefaults.class.getClassLoader());
            if (!resource.exists()) {
                continue;
            }
            try {
                for (PropertySource<?> source : new YamlPropertySourceLoader().load("platform: " + name, resource)) {
                    environment.getPropertySources().addLast(source);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
    }

    /** After Boot's config data (application.yml and profiles) has been loaded. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
