package kz.aifc.expat.scheduling.rest;

/** The small page a person sees after clicking the link in the reminder e-mail (no scripts, no external assets). */
final class AttendancePage {

    private AttendancePage() {
    }

    static String html(Dtos.AttendanceLinkView view) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>AIFC Expat Centre: attendance confirmed</title></head>\n<body style=\"font-family:sans-serif;"
                + "max-width:36em;margin:3em auto;padding:0 1em\">\n<h1>" + escape(view.message()) + "</h1>\n"
                + "<p>Your visit to the AIFC Expat Centre on <strong>" + escape(view.start())
                + "</strong> (Astana time) stays booked. Please bring the originals of your documents.</p>\n"
                + "<p>Confirmed at " + escape(view.confirmedAt()) + ".</p>\n</body></html>\n";
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
