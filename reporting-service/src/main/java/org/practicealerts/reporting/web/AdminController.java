package org.practicealerts.reporting.web;

import org.practicealerts.reporting.kafka.EventFeed;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rebuild the projections from the beginning of the topics, and see where the feed stands (admins only). */
@RestController
@RequestMapping("/api/v1/admin")
public class AdminController {

    private final EventFeed feed;

    public AdminController(EventFeed feed) {
        this.feed = feed;
    }

    /** 202 when a rebuild was started, 409 when one is already running. */
    @PostMapping("/rebuild")
    public ResponseEntity<EventFeed.Status> rebuild() {
        boolean started = feed.requestRebuild();
        return ResponseEntity.status(started ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT).body(feed.status());
    }

    @GetMapping("/status")
    public EventFeed.Status status() {
        return feed.status();
    }
}
