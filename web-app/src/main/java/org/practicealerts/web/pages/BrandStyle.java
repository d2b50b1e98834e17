package org.practicealerts.web.pages;

import org.practicealerts.web.WebAppProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The council's colour for the header, as a style sheet: the Content-Security-Policy allows no inline style. */
@RestController
class BrandStyle {

    private final String css;

    BrandStyle(WebAppProperties props) {
        // brandColour is validated as #rrggbb at start-up, so it cannot inject anything into the style sheet
        String colour = props.brandColour();
        this.css = ".app-header, .app-header .govuk-header__container { background-color: " + colour
                + "; border-bottom-color: " + colour + "; }\n";
    }

    @GetMapping(value = "/assets/brand.css", produces = "text/css")
    ResponseEntity<String> css() {
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/css")).cacheControl(CacheControl.noCache())
                .body(css);
    }
}
