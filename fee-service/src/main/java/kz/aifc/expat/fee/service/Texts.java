package kz.aifc.expat.fee.service;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * fee-service's own words in English, Russian and Kazakh (catalogue texts such as a variant's title come from
 * catalog-service in the language it served). Kazakh wording is ours, to be reviewed by the Centre.
 */
public final class Texts {

    private Texts() {
    }

    private static String t(Lang lang, String en, String ru, String kk) {
        return switch (lang) {
            case EN -> en;
            case KK -> kk;
            default -> ru;
        };
    }

    static String guide(Lang lang) {
        return t(lang, "Expat Centre services guide 2026 (non-AIFC participants), \"Тарифы и сроки\"",
                "Руководство – 2026. Услуги Экспат центра для не участников МФЦА, «Тарифы и сроки»",
                "Экспат орталығы қызметтерінің нұсқаулығы – 2026 (МҚХО қатысушысы еместерге), «Тарифы и сроки»");
    }

    static String version(Lang lang, String version) {
        return version == null ? "" : t(lang, " (catalog version ", " (версия каталога ", " (каталог нұсқасы ")
                + version + ")";
    }

    static String serviceFee(Lang lang, String title, String variant) {
        String base = t(lang, "Service fee", "Сервисный сбор", "Сервистік алым");
        if (title != null && !title.isBlank()) {
            return base + ": " + title;
        }
        return variant == null ? base : base + " (" + variant + ")";
    }

    static String serviceFeeBasis(Lang lang) {
        return t(lang, ", service fee", ", сервисный сбор", ", сервистік алым");
    }

    static String personalManagerFee(Lang lang) {
        return t(lang, "Service fee (personal manager)", "Сервисный сбор (персональный менеджер)",
                "Сервистік алым (жеке менеджер)");
    }

    static String personalManagerBasis(Lang lang) {
        return t(lang, ", service fee with a personal manager", ", сервисный сбор с персональным менеджером",
                ", жеке менеджермен сервистік алым");
    }

    static String priority(Lang lang) {
        return t(lang, "Priority service", "Приоритетная подача (Priority Service)",
                "Басым тәртіппен тапсыру (Priority Service)");
    }

    static String priorityBasis(Lang lang) {
        return t(lang, ", \"Priority Service\" paid in addition to the service fee",
                ", «Priority Service» оплачивается дополнительно к сервисному сбору",
                ", «Priority Service» сервистік алымға қосымша төленеді");
    }

    static String stateDuty(Lang lang, BigDecimal multiple, BigDecimal mrp, int mrpYear, Integer forYear) {
        String text = t(lang, "State duty: ", "Государственная пошлина: ", "Мемлекеттік баж: ") + plain(multiple)
                + t(lang, " MRP × ", " МРП × ", " АЕК × ") + tenge(mrp) + " KZT (" + t(lang, "MRP ", "МРП ", "АЕК ")
                + mrpYear + ")";
        return forYear == null ? text : text + provisionalSuffix(lang, forYear);
    }

    static String provisionalSuffix(Lang lang, int year) {
        return t(lang, " — provisional: the MRP for " + year + " is not published",
                " — предварительно: МРП на " + year + " год не опубликован",
                " — алдын ала: " + year + " жылғы АЕК жарияланбаған");
    }

    static String stateDutyBasis(Lang lang, BigDecimal multiple, int mrpYear) {
        return t(lang, ", state duty " + plain(multiple) + " MRP (Tax Code of the Republic of Kazakhstan; MRP set by "
                        + "the republican budget law for " + mrpYear + ")",
                ", государственная пошлина " + plain(multiple) + " МРП (Налоговый кодекс Республики Казахстан; "
                        + "МРП установлен законом о республиканском бюджете на " + mrpYear + " год)",
                ", мемлекеттік баж " + plain(multiple) + " АЕК (Қазақстан Республикасының Салық кодексі; АЕК "
                        + mrpYear + " жылға арналған республикалық бюджет туралы заңмен белгіленген)");
    }

    static String notPublished(Lang lang, boolean stateDuty) {
        return stateDuty
                ? t(lang, "State duty: amount not published in the guide", "Государственная пошлина: размер не "
                + "опубликован в руководстве", "Мемлекеттік баж: мөлшері нұсқаулықта жарияланбаған")
                : t(lang, "Service fee: not published in the guide", "Сервисный сбор: не опубликован в руководстве",
                "Сервистік алым: нұсқаулықта жарияланбаған");
    }

    static String notPublishedBasis(Lang lang) {
        return t(lang, ": the guide publishes no fee for this service", ": руководство не публикует сбор для этой "
                + "услуги", ": нұсқаулықта бұл қызметтің алымы жарияланбаған");
    }

    static String noFeeNote(Lang lang, String service) {
        return t(lang, "The guide publishes no fee for " + service + ": the amount is not known (it is not zero); ask "
                        + "the Expat Centre before paying",
                "Руководство не публикует сбор для услуги " + service + ": сумма неизвестна (она не равна нулю); "
                        + "уточните её в Экспат центре до оплаты",
                "Нұсқаулықта " + service + " қызметінің алымы жарияланбаған: сомасы белгісіз (ол нөлге тең емес); "
                        + "төлемес бұрын Экспат орталығынан нақтылаңыз");
    }

    static String stillAsks(Lang lang, String title, String code) {
        return t(lang, "The checklist still asks for: ", "Чек-лист всё равно требует: ",
                "Құжаттар тізімі бәрібір талап етеді: ") + title + " (" + code + ")";
    }

    static String mrpProvisionalNote(Lang lang, int year, int used) {
        return t(lang, "The MRP for " + year + " is not published yet: the state duty is provisional, computed with "
                        + "the MRP of " + used + ", and cannot be paid until the MRP for " + year + " is published",
                "МРП на " + year + " год ещё не опубликован: государственная пошлина предварительная, рассчитана "
                        + "по МРП " + used + " года и не может быть оплачена до публикации МРП на " + year + " год",
                year + " жылғы АЕК әлі жарияланбаған: мемлекеттік баж алдын ала, " + used + " жылғы АЕК бойынша "
                        + "есептелген және " + year + " жылғы АЕК жарияланғанға дейін төленбейді");
    }

    static String optionNotBilled(Lang lang, FeeOption option, String service) {
        return t(lang, "Option " + option + " requested but not offered by " + service + "; not billed",
                "Опция " + option + " запрошена, но не предлагается услугой " + service + "; не выставлена",
                option + " опциясы сұралды, бірақ " + service + " қызметі оны ұсынбайды; шотқа қосылмады");
    }

    static String variantIgnored(Lang lang, String variant) {
        return t(lang, "Variant " + variant + " ignored: the service has a single fee",
                "Вариант " + variant + " не учтён: у услуги один тариф",
                variant + " нұсқасы ескерілмеді: қызметтің бір ғана тарифі бар");
    }

    static String waiverReason(Lang lang, String serviceCode, String invoiceId) {
        return t(lang, "Free: the service fee of " + serviceCode + " for this person is paid (invoice " + invoiceId
                        + "); guide 2026: fingerprinting for a work or investor visa or a temporary residence permit "
                        + "is free when that service fee has been paid in advance",
                "Бесплатно: сервисный сбор за " + serviceCode + " для этого лица оплачен (счёт " + invoiceId
                        + "); руководство 2026: дактилоскопия при оформлении рабочей, инвесторской визы или "
                        + "разрешения на временное проживание бесплатна, если заранее оплачен сервисный сбор",
                "Тегін: осы тұлға үшін " + serviceCode + " сервистік алымы төленген (шот " + invoiceId
                        + "); нұсқаулық 2026: жұмыс, инвесторлық виза немесе уақытша тұруға рұқсат рәсімдеу кезінде "
                        + "сервистік алым алдын ала төленсе, дактилоскопия тегін");
    }

    static String fingerprintSignIn(Lang lang) {
        return t(lang, "Free when the person's work or investor visa or temporary residence permit service fee is "
                        + "paid by the same company; sign in (staff: give companyBin) and give personId (or "
                        + "passportNumber + citizenship) to check",
                "Бесплатно, если сервисный сбор за рабочую или инвесторскую визу или разрешение на временное "
                        + "проживание этого лица оплачен той же компанией; войдите (сотрудники: укажите companyBin) и "
                        + "укажите personId (или passportNumber + citizenship) для проверки",
                "Осы тұлғаның жұмыс немесе инвесторлық визасының не уақытша тұруға рұқсатының сервистік алымын сол "
                        + "компания төлесе, тегін; тексеру үшін жүйеге кіріңіз (қызметкерлер: companyBin көрсетіңіз) "
                        + "және personId (немесе passportNumber + citizenship) көрсетіңіз");
    }

    static String fingerprintGivePerson(Lang lang) {
        return t(lang, "Free when the person's work or investor visa or temporary residence permit service fee is "
                        + "paid; give personId (or passportNumber + citizenship) to check",
                "Бесплатно, если сервисный сбор за рабочую или инвесторскую визу или разрешение на временное "
                        + "проживание этого лица оплачен; укажите personId (или passportNumber + citizenship) для "
                        + "проверки",
                "Осы тұлғаның жұмыс немесе инвесторлық визасының не уақытша тұруға рұқсатының сервистік алымы "
                        + "төленсе, тегін; тексеру үшін personId (немесе passportNumber + citizenship) көрсетіңіз");
    }

    static String fingerprintNotFound(Lang lang) {
        return t(lang, "No paid work/investor visa or temporary residence service fee found for this person: the "
                        + "fingerprint registration fee applies",
                "Оплаченный сервисный сбор за рабочую/инвесторскую визу или РВП для этого лица не найден: сбор за "
                        + "дактилоскопию взимается",
                "Осы тұлға үшін жұмыс/инвесторлық виза немесе уақытша тұруға рұқсат бойынша төленген сервистік "
                        + "алым табылмады: дактилоскопия алымы алынады");
    }

    static String countedFrom(Lang lang) {
        return t(lang, "Processing time is counted in working days of the office calendar (Asia/Almaty) from the day "
                        + "the originals are handed in at the visit (startDate, not itself counted)",
                "Срок оказания считается в рабочих днях календаря офиса (Asia/Almaty) со дня сдачи оригиналов на "
                        + "приёме (startDate, сам этот день не считается)",
                "Орындалу мерзімі кеңсе күнтізбесінің (Asia/Almaty) жұмыс күндерімен түпнұсқалар қабылдауда "
                        + "тапсырылған күннен бастап есептеледі (startDate, сол күннің өзі есептелмейді)");
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static String tenge(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }
}
