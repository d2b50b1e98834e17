package org.practicealerts.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The practitioners' web app: server-rendered pages over the services' REST APIs, with the signed-in person's token. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebAppApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebAppApplication.class, args);
    }
}
