package kz.aifc.expat.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.awaitility.Awaitility;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Reads what the real SMTP server (GreenMail on the local stack) delivered, over IMAP: every address is its own
 * mailbox (GreenMail with authentication disabled logs any address in). Tests use fresh addresses, so a mailbox
 * holds only what the test caused.
 */
public final class Mailbox {

    public static final String IMAP_HOST = System.getProperty("expat.test.imap-host", "127.0.0.1");
    public static final int IMAP_PORT = Integer.getInteger("expat.test.imap-port", 3143);

    public record Attachment(String name, String contentType, String content) {
    }

    public record Received(String subject, String from, List<String> to, String messageId, String language,
                           String text, String html, List<Attachment> attachments) {
    }

    private Mailbox() {
    }

    /** A fresh address on a domain of its own for one test. */
    public static String fresh(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 12) + "@mail.test";
    }

    /** Waits until the mailbox holds {@code count} messages and returns them (oldest first). */
    public static List<Received> await(String address, int count) {
        List<List<Received>> box = new ArrayList<>();
        Awaitility.await().alias(count + " message(s) for " + address).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .until(() -> {
                    List<Received> found = read(address);
                    box.clear();
                    box.add(found);
                    return found.size() >= count;
                });
        return box.get(0);
    }

    public static Received one(String address) {
        return await(address, 1).get(0);
    }

    public static List<Received> read(String address) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "10000");
        Session session = Session.getInstance(props);
        Store store = session.getStore("imap");
        store.connect(IMAP_HOST, IMAP_PORT, address, "any");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Received> out = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    out.add(parse(m));
                }
                return out;
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    private static Received parse(Message m) throws Exception {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        List<Attachment> attachments = new ArrayList<>();
        walk(m, text, html, attachments);
        String[] id = m.getHeader("Message-ID");
        String[] lang = m.getHeader("Content-Language");
        List<String> to = new ArrayList<>();
        for (var a : m.getAllRecipients()) {
            to.add(a.toString());
        }
        return new Received(m.getSubject(), m.getFrom()[0].toString(), to, id == null ? null : id[0],
                lang == null ? null : lang[0], text.toString(), html.toString(), attachments);
    }

    private static void walk(Part p, StringBuilder text, StringBuilder html, List<Attachment> attachments)
            throws Exception {
        if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart part = mp.getBodyPart(i);
                walk(part, text, html, attachments);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition()) || p.getFileName() != null) {
            attachments.add(new Attachment(p.getFileName(), p.getContentType(), content(p)));
        } else if (p.isMimeType("text/plain")) {
            text.append(content(p));
        } else if (p.isMimeType("text/html")) {
            html.append(content(p));
        }
    }

    private static String content(Part p) throws Exception {
        Object c = p.getContent();
        if (c instanceof String s) {
            return s;
        }
        try (InputStream in = p.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
