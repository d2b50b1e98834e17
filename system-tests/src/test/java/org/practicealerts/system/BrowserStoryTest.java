package org.practicealerts.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The story the web app exists for, in a real browser (headless Chromium) on the embedded stack, with axe-core run on
 * every page it passes through: an IRO raises an alert (first with a mistake, seeing the error summary), previews
 * its deadlines and raises it; the team manager follows the email's link, signs in, lands on the alert and responds;
 * the IRO escalates; the simulated clock passes the next deadline and the page shows the stage after; another team's
 * manager following the same link finds nothing; an admin adds a closure day and the deadline preview moves, and
 * reads the central log and the weekly pack; a chair raises an alert from a missed milestone's prompt and dismisses
 * another's.
 */
class BrowserStoryTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** axe-core's rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
    private static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How the pages write a day: "Wed 9 Dec 2026". */
    private static final java.time.format.DateTimeFormatter SHOWN_DAY =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.UK);

    private final List<String> accessibility = new ArrayList<>();

    @Test
    void anIroRaisesTheTeamManagerRespondsFromTheEmailsLinkTheIroEscalatesAndTheNextDeadlineMovesItOn() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no headless Chromium here: install Debian's chromium and chromium-driver (.ci/run does)");
        assumeTrue(RunningStack.jarsBuilt("alert-service", "escalation-service", "notification-service",
                "reporting-service", "web-app"), "service jars not built: run ./mvnw verify");
        RunningStack.stopIfStarted();
        try (RunningStack stack = RunningStack.withWebApp()) {
            WebDriver browser = chromium();
            try {
                story(stack, browser, stack.base("web-app"));
            } finally {
                browser.quit();
            }
        }
        assertThat(accessibility).as("serious or critical WCAG 2.2 AA violations found by axe-core").isEmpty();
    }

    private void story(RunningStack stack, WebDriver browser, String web) {
        // The IRO signs in and raises an alert, first forgetting the summary.
        browser.get(web + "/");
        assertThat(browser.getCurrentUrl()).isEqualTo(web + "/sign-in");
        scan(browser, "sign-in");
        signIn(browser, "iro-1");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My work");
        scan(browser, "my work");
        navigate(browser, By.linkText("Raise an alert"));
        fillInTheRaise(browser);
        // With JavaScript, one blank action row shows and "Add another action" brings the next.
        assertThat(browser.findElement(By.id("recommendedActions-1-description")).isDisplayed()).isFalse();
        browser.findElement(By.xpath("//button[normalize-space()='Add another action']")).click();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("recommendedActions-1-description");
        browser.switchTo().activeElement().sendKeys("Core group meeting");
        browser.findElement(By.id("recommendedActions-1-timescale")).sendKeys("10 working days");
        navigate(browser, By.cssSelector("button[value=raise]"));
        WebElement summary = browser.findElement(By.className("govuk-error-summary"));
        assertThat(summary.getText()).contains("There is a problem", "Summary: must not be blank");
        summary.findElement(By.linkText("Summary: must not be blank")).click();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("summary");
        scan(browser, "raise with an error");
        assertThat(browser.findElement(By.id("childRef")).getAttribute("value")).as("what was typed is kept")
                .isEqualTo("MOSAIC-BROWSER-1");

        browser.findElement(By.id("summary")).sendKeys("Statutory visits are three weeks overdue.");
        navigate(browser, By.cssSelector("button[value=preview]"));
        assertThat(browser.findElement(By.id("deadlines")).isDisplayed()).isTrue();
        assertThat(browser.getPageSource()).contains("1: CRO and team manager (5 working days)");
        scan(browser, "raise with the deadline preview");
        navigate(browser, By.cssSelector("button[value=raise]"));
        Matcher raised = Pattern.compile(Pattern.quote(web) + "/alerts/([0-9a-f-]{36})\\?done=raised")
                .matcher(browser.getCurrentUrl());
        assertThat(raised.matches()).as("%s: %s", browser.getCurrentUrl(), problems(browser)).isTrue();
        String id = raised.group(1);
        assertThat(browser.findElement(By.id("where-stage")).getText()).startsWith("Stage 1");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Statutory visit this week (within 5 working days)", "Core group meeting (within 10 working days)");
        assertThat(browser.findElement(By.id("where-responder")).getText()).contains("tm-north");
        scan(browser, "the alert, as its raiser sees it");

        // The team manager follows the email's link, signs in and lands on the alert.
        String link = emailedLink(stack, "tm-north", id);
        assertThat(link).isEqualTo(web + "/alerts/" + id);
        browser.manage().deleteAllCookies();
        browser.get(link);
        assertThat(browser.getCurrentUrl()).isEqualTo(web + "/sign-in");
        signIn(browser, "tm-north");
        assertThat(browser.getCurrentUrl()).as("%s: %s", browser.findElement(By.tagName("h1")).getText(),
                problems(browser)).isEqualTo(link);
        open(browser, "Respond");
        scan(browser, "the alert, as its responder sees it");
        browser.findElement(By.id("response")).sendKeys("Visit booked for Thursday; the social worker will see the"
                + " child alone.");
        navigate(browser, By.xpath("//button[normalize-space()='Send response']"));
        assertThat(browser.findElement(By.className("govuk-notification-banner--success")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("where-status")).getText()).isEqualTo("Awaiting judgement");

        // The IRO judges the response inadequate and escalates.
        browser.manage().deleteAllCookies();
        browser.get(link);
        signIn(browser, "iro-1");
        open(browser, "Escalate");
        click(browser, By.id("reason-inadequate"));
        navigate(browser, By.xpath("//button[normalize-space()='Escalate']"));
        assertThat(browser.findElement(By.id("where-stage")).getText()).startsWith("Stage 2");

        // Nobody answers at stage 2: when its deadline passes the alert moves to stage 3 by itself.
        JsonNode alert = stack.call("alert-service", "GET", "/api/v1/alerts/" + id, stack.token("iro-1", "IRO"), null)
                .json();
        Instant due = Instant.parse(alert.get("responseDueAt").asString());
        RunningStack.Answer moved = stack.call("alert-service", "POST", "/api/v1/admin/clock",
                stack.token("admin-1", "ADMIN"), "{\"setTo\":\"" + due.minusMillis(300) + "\"}");
        assertThat(moved.ok()).as(moved.body()).isTrue();
        Awaitility.await("stage 3 after the deadline").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    browser.navigate().refresh();
                    return browser.findElement(By.id("where-stage")).getText().startsWith("Stage 3");
                });
        assertThat(browser.findElement(By.id("stages")).getText()).contains("Deadline missed");
        scan(browser, "the alert after a missed deadline");

        // Another team's manager following the same link finds nothing.
        browser.manage().deleteAllCookies();
        browser.get(link);
        signIn(browser, "tm-south");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        scan(browser, "page not found");

        // An admin adds a closure day on the first deadline an alert raised now would get: the deadline moves.
        browser.manage().deleteAllCookies();
        browser.get(web + "/admin/calendar");
        signIn(browser, "admin-1");
        assertThat(browser.getCurrentUrl()).isEqualTo(web + "/admin/calendar");
        scan(browser, "closure days");
        String before = browser.findElement(By.className("app-deadline")).getText();
        LocalDate day = LocalDate.parse(before.substring(0, before.indexOf(',')), SHOWN_DAY);
        browser.findElement(By.id("date-day")).sendKeys(String.valueOf(day.getDayOfMonth()));
        browser.findElement(By.id("date-month")).sendKeys(String.valueOf(day.getMonthValue()));
        browser.findElement(By.id("date-year")).sendKeys(String.valueOf(day.getYear()));
        browser.findElement(By.id("name")).sendKeys("Staff training day");
        navigate(browser, By.xpath("//button[normalize-space()='Add the closure day']"));
        assertThat(browser.findElement(By.id("days")).getText()).contains("Staff training day");
        String after = browser.findElement(By.className("app-deadline")).getText();
        assertThat(LocalDate.parse(after.substring(0, after.indexOf(',')), SHOWN_DAY)).as("%s, then %s", before, after)
                .isAfter(day);

        // The admin imports covers from a spreadsheet: a bad row is listed and nothing imported; corrected, it is.
        browser.get(web + "/admin/directory/import");
        scan(browser, "import from a spreadsheet");
        click(browser, By.id("kind-covers"));
        browser.findElement(By.id("csv")).sendKeys(csv("id,absentPersonId,coverPersonId,from,to,reason\n"
                + "cover-browser,tm-north,tm-duty,2031-03-03,2031-03-07,Training\n"
                + "cover-browser-2,tm-north,tm-duty,2031-03-10,2031-03-01,Training\n").toString());
        navigate(browser, By.xpath("//button[normalize-space()='Import']"));
        assertThat(problems(browser)).contains("row 3: to must not be before from");
        scan(browser, "import with a bad row");
        click(browser, By.id("kind-covers"));
        browser.findElement(By.id("csv")).sendKeys(csv("id,absentPersonId,coverPersonId,from,to,reason\n"
                + "cover-browser,tm-north,tm-duty,2031-03-03,2031-03-07,Training\n").toString());
        navigate(browser, By.xpath("//button[normalize-space()='Import']"));
        assertThat(browser.findElement(By.className("govuk-notification-banner")).getText()).contains("Imported 1 cover.");
        browser.get(web + "/admin/directory");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("3 Mar 2031");
        navigate(browser, By.linkText("Add a person"));
        scan(browser, "add a person");

        // The oversight pages a performance meeting reads: the central log and the weekly pack list the alert.
        browser.get(web + "/central-log");
        assertThat(browser.findElement(By.id("central-log")).getText()).contains("MOSAIC-BROWSER-1");
        scan(browser, "central log");
        browser.get(web + "/reports/weekly");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Weekly pack");
        // ... as a document: who produced it when, a chart of open alerts by team and stage, the workbook to download.
        assertThat(browser.findElement(By.className("app-document-line")).getText()).contains("Demo Council")
                .contains("Generated");
        assertThat(browser.findElement(By.cssSelector("svg[role=img]")).getAttribute("aria-label"))
                .isEqualTo("Open alerts by team and stage");
        assertThat(browser.findElement(By.partialLinkText("Download this pack")).getAttribute("href"))
                .endsWith("/reports/weekly/download");
        scan(browser, "weekly pack");
        browser.get(web + "/reports/monthly");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Monthly audit");
        scan(browser, "monthly audit");

        milestones(stack, browser, web);
    }

    /**
     * The case system says two S.47 decisions were made in January and no initial conference followed: a chair raises
     * an alert about one from its prompt and dismisses the other with a reason.
     */
    private void milestones(RunningStack stack, WebDriver browser, String web) {
        for (String child : List.of("MOSAIC-BROWSER-M1", "MOSAIC-BROWSER-M2")) {
            RunningStack.Answer sent = stack.call("alert-service", "POST", "/api/v1/case-facts",
                    stack.token("admin-1", "ADMIN"), "{\"recordId\":\"S47-" + child + "\",\"childRef\":\"" + child
                            + "\",\"teamId\":\"team-north\",\"kind\":\"S47_DECISION\","
                            + "\"at\":\"2026-01-05T10:00:00Z\"}");
            assertThat(sent.ok()).as(sent.body()).isTrue();
        }
        browser.manage().deleteAllCookies();
        browser.get(web + "/milestones");
        signIn(browser, "cpc-1");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("MOSAIC-BROWSER-M1",
                "Initial child protection conference held", "Fri 23 Jan 2026");
        scan(browser, "case milestones");

        navigate(browser, promptLink("MOSAIC-BROWSER-M1", "Raise an alert"));
        assertThat(browser.findElement(By.id("childRef")).getAttribute("value")).isEqualTo("MOSAIC-BROWSER-M1");
        assertThat(browser.findElement(By.id("summary")).getAttribute("value"))
                .startsWith("Initial child protection conference held: due by 2026-01-23");
        scan(browser, "raise from a milestone prompt");
        browser.findElement(By.id("impactOnChild"))
                .sendKeys("Risks to the child have not been considered by a conference.");
        browser.findElement(By.id("childsVoice")).sendKeys("Not yet sought.");
        navigate(browser, By.cssSelector("button[value=raise]"));
        assertThat(browser.getCurrentUrl()).as(problems(browser)).contains("?done=raised");

        browser.get(web + "/milestones");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("MOSAIC-BROWSER-M1")
                .contains("MOSAIC-BROWSER-M2");
        navigate(browser, promptLink("MOSAIC-BROWSER-M2", "Dismiss"));
        navigate(browser, By.xpath("//button[normalize-space()='Dismiss the prompt']"));
        assertThat(problems(browser)).contains("must not be blank");
        scan(browser, "dismiss a prompt with an error");
        browser.findElement(By.id("reason")).sendKeys("The initial conference was held by the previous authority.");
        navigate(browser, By.xpath("//button[normalize-space()='Dismiss the prompt']"));
        assertThat(browser.findElement(By.className("govuk-notification-banner")).getText())
                .contains("The prompt was dismissed.");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("MOSAIC-BROWSER-M2");

        browser.get(web + "/children/MOSAIC-BROWSER-M1/milestones");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Missed", "alert raised");
        scan(browser, "a child's milestones");

        browser.get(web + "/milestones/compliance?from=2026-01-01&to=2026-01-31");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Initial child protection conference held");
        scan(browser, "milestone compliance");
    }

    /** A link in the row of a child's prompt. */
    private static By promptLink(String child, String text) {
        return By.xpath("//tr[td/a[text()='" + child + "']]//a[starts-with(normalize-space(),'" + text + "')]");
    }

    /** A CSV file to choose in a file upload, as an admin's spreadsheet would save it. */
    private static java.nio.file.Path csv(String content) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("directory-", ".csv");
            file.toFile().deleteOnExit();
            return java.nio.file.Files.writeString(file, content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What the page's error summary says, if it has one (to explain a failed step). */
    private static String problems(WebDriver browser) {
        return browser.findElements(By.className("govuk-error-summary")).stream().map(WebElement::getText)
                .findFirst().orElse("no error summary");
    }

    private static void fillInTheRaise(WebDriver browser) {
        browser.findElement(By.id("childRef")).sendKeys("MOSAIC-BROWSER-1");
        click(browser, By.cssSelector("input[name=planType][value=CHILD_WE_CARE_FOR]"));
        new Select(browser.findElement(By.id("teamId"))).selectByValue("team-north");
        click(browser, By.cssSelector("input[name=primaryCategory][value=STATUTORY_VISIT]"));
        browser.findElement(By.id("impactOnChild")).sendKeys("Nobody has checked the placement is safe.");
        browser.findElement(By.id("childsVoice")).sendKeys("Asked who their social worker is now.");
        browser.findElement(By.id("recommendedActions-0-description")).sendKeys("Statutory visit this week");
        browser.findElement(By.id("recommendedActions-0-timescale")).sendKeys("5 working days");
    }

    private static void signIn(WebDriver browser, String personId) {
        new Select(browser.findElement(By.id("personId"))).selectByValue(personId);
        navigate(browser, By.xpath("//button[normalize-space()='Sign in']"));
    }

    /**
     * Clicks a link or a form's button and waits for the next page to replace this one (WebDriver may return from
     * the click before the browser has navigated, and the old page's elements would still be found).
     */
    private static void navigate(WebDriver browser, By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, WAIT)
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
    }

    /** Opens a command's form (a GOV.UK details component: it works without JavaScript). */
    private static void open(WebDriver browser, String command) {
        browser.findElement(By.xpath("//summary[normalize-space()='" + command + "']")).click();
    }

    /** GOV.UK radios hide the input under their own styling: click it as the label would. */
    private static void click(WebDriver browser, By input) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", browser.findElement(input));
    }

    /** The "Open the alert" link in the email {@code personId} was sent about this alert. */
    private static String emailedLink(RunningStack stack, String personId, String alertId) {
        Pattern link = Pattern.compile("https?://[^\\s\"<>]+/alerts/" + alertId);
        String[] found = new String[1];
        Awaitility.await("the email to " + personId).atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            RunningStack.Answer mail = stack.call("notification-service", "GET", "/dev/mail?limit=200",
                    stack.token("admin-1", "ADMIN"), null);
            if (!mail.ok()) {
                return false;
            }
            for (JsonNode m : mail.json()) {
                Matcher in = link.matcher(m.get("text").asString());
                if (m.get("to").asString().startsWith(personId + "@") && in.find()) {
                    found[0] = in.group();
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Runs axe-core in the page; serious and critical violations are collected and reported at the end. */
    private void scan(WebDriver browser, String page) {
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(browser);
        assertThat(results.getPasses()).as("axe-core ran its rules on " + page).isNotEmpty();
        screenshot(browser, page);
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                accessibility.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
            }
        }
    }

    /** Each page scanned, as a PNG in target/screenshots (the README's pictures are taken from these). */
    private static void screenshot(WebDriver browser, String page) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Files.write(dir.resolve(page.replaceAll("[^a-z0-9]+", "-") + ".png"), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }
}
