package kz.aifc.expat.notification.service;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.aifc.expat.notification.config.NotificationConfig;

import java.util.Map;

/**
 * Qute templates {@code templates/mail/<template>/<language>.txt} (fragment {@code subject} + the plain-text part)
 * and {@code .../<language>.html} (the HTML part, escaped). The language is chosen by {@link Languages}.
 */
@ApplicationScoped
public class Renderer {

    public record Rendered(String language, String subject, String text, String html) {
    }

    @Inject
    Engine engine;

    @Inject
    NotificationConfig config;

    public boolean exists(String template, String language) {
        return engine.getTemplate(path(template, language, "txt")) != null
                && engine.getTemplate(path(template, language, "html")) != null;
    }

    public String language(String template, String recipientLanguage) {
        return Languages.choose(recipientLanguage, config.defaultLanguage(), lang -> exists(template, lang));
    }

    public Rendered render(String template, String language, Map<String, Object> data) {
        Template text = engine.getTemplate(path(template, language, "txt"));
        Template html = engine.getTemplate(path(template, language, "html"));
        var subject = text.getFragment("subject").instance();
        var textPart = text.instance();
        var htmlPart = html.instance();
        data.forEach((k, v) -> {
            subject.data(k, v);
            textPart.data(k, v);
            htmlPart.data(k, v);
        });
        return new Rendered(language, subject.render().strip().replaceAll("\\s+", " "), textPart.render().strip() + "\n",
                htmlPart.render());
    }

    private static String path(String template, String language, String suffix) {
        return "mail/" + template + "/" + language + "." + suffix;
    }
}
