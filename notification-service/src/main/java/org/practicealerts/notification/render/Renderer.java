package org.practicealerts.notification.render;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders notices: email (subject, plain text and HTML from Mustache templates) and Teams (an Adaptive Card 1.4 in
 * the Workflows {@code message} envelope, checked to stay well under Teams' 28 KB). A notice of an immediate risk
 * of harm is marked urgent in both: the subject and title say so, and the card opens with an attention banner.
 */
public class Renderer {

    /** A rendered email. */
    public record Email(String subject, String text, String html) {
    }

    /** One line of a digest. */
    public record DigestItem(String reference, Integer stage, String state, String dueBy, boolean overdue,
                             String link) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Template text;
    private final Template html;
    private final Template digestText;
    private final Template digestHtml;
    private final int maxCardBytes;

    public Renderer(int maxCardBytes) {
        Mustache.Compiler plain = Mustache.compiler().escapeHTML(false).defaultValue("").emptyStringIsFalse(true);
        Mustache.Compiler escaped = Mustache.compiler().escapeHTML(true).defaultValue("").emptyStringIsFalse(true);
        this.text = load(plain, "templates/email.txt.mustache");
        this.html = load(escaped, "templates/email.html.mustache");
        this.digestText = load(plain, "templates/digest.txt.mustache");
        this.digestHtml = load(escaped, "templates/digest.html.mustache");
        this.maxCardBytes = maxCardBytes;
    }

    public Email email(Notice n) {
        return new Email(oneLine(n.title()), text.execute(n), html.execute(n));
    }

    public Email digest(String date, List<DigestItem> items) {
        Map<String, Object> model = new HashMap<>();
        model.put("date", date);
        model.put("items", items);
        model.put("openCount", items.size());
        model.put("overdueCount", items.stream().filter(DigestItem::overdue).count());
        long overdue = items.stream().filter(DigestItem::overdue).count();
        String subject = "Practice alerts digest for " + date + ": " + items.size() + " open"
                + (overdue > 0 ? ", " + overdue + " overdue" : "");
        return new Email(subject, digestText.execute(model), digestHtml.execute(model));
    }

    /**
     * The Workflows webhook body: {@code {"type":"message","attachments":[{contentType, content: AdaptiveCard}]}}.
     * {@code cardId} names the card (the outbox id), so a receiver can count duplicates.
     */
    public String card(Notice n, String cardId) {
        ObjectNode card = JSON.createObjectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        ArrayNode body = card.putArray("body");
        if (n.immediateRisk()) {
            // Adaptive Cards have no importance flag: the attention style and colour are how a card says "urgent".
            ObjectNode banner = body.addObject();
            banner.put("type", "Container");
            banner.put("style", "attention");
            banner.put("bleed", true);
            ObjectNode words = banner.putArray("items").addObject();
            words.put("type", "TextBlock");
            words.put("text", "URGENT: immediate risk of harm");
            words.put("weight", "Bolder");
            words.put("color", "Attention");
            words.put("wrap", true);
        }
        ObjectNode title = body.addObject();
        title.put("type", "TextBlock");
        title.put("id", cardId);
        title.put("text", n.title());
        title.put("weight", "Bolder");
        title.put("size", "Medium");
        if (n.immediateRisk()) {
            title.put("color", "Attention");
        }
        title.put("wrap", true);
        ObjectNode facts = body.addObject();
        facts.put("type", "FactSet");
        ArrayNode list = facts.putArray("facts");
        fact(list, "Alert", n.reference());
        if (n.stage() != null) {
            fact(list, "Stage", String.valueOf(n.stage()));
        }
        fact(list, "Urgency", n.urgencyWords());
        if (n.dueBy() != null) {
            fact(list, "By", n.dueBy());
        }
        ObjectNode ask = body.addObject();
        ask.put("type", "TextBlock");
        ask.put("text", n.ask());
        ask.put("wrap", true);
        for (String reason : n.why()) {
            ObjectNode why = body.addObject();
            why.put("type", "TextBlock");
            why.put("text", reason);
            why.put("isSubtle", true);
            why.put("wrap", true);
            why.put("spacing", "Small");
        }
        ObjectNode open = card.putArray("actions").addObject();
        open.put("type", "Action.OpenUrl");
        open.put("title", "Open the alert");
        open.put("url", n.link());

        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("type", "message");
        ObjectNode attachment = envelope.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        attachment.set("content", card);
        String json = JSON.writeValueAsString(envelope);
        int size = json.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxCardBytes) {
            throw new IllegalStateException("card of " + size + " bytes exceeds the " + maxCardBytes + " byte limit");
        }
        return json;
    }

    private static void fact(ArrayNode list, String title, String value) {
        ObjectNode f = list.addObject();
        f.put("title", title);
        f.put("value", value);
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }

    private static Template load(Mustache.Compiler compiler, String path) {
        try (Reader r = new InputStreamReader(Renderer.class.getClassLoader().getResourceAsStream(path),
                StandardCharsets.UTF_8)) {
            return compiler.compile(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
