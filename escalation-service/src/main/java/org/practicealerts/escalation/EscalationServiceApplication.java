package org.practicealerts.escalation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The escalation service: watches every deadline the alert-service sets and acts the moment one is missed. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EscalationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EscalationServiceApplication.class, args);
    }
}
