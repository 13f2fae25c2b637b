package kz.aifc.expat.fee;

import kz.aifc.expat.fee.client.AddedWorkingDays;
import kz.aifc.expat.fee.client.CatalogClient;
import kz.aifc.expat.fee.client.FeeSchedule;
import kz.aifc.expat.fee.client.Mrp;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Stand-in for catalog-service in the one test that needs the catalog to change (a republished MRP); every
 * other test uses the real catalog-service. Built as a dynamic proxy: a class implementing the JAX-RS-annotated
 * client interface would be discovered as a bean/resource by Quarkus.
 */
public final class CatalogStub {

    private CatalogStub() {
    }

    /** A catalog whose 2026 MRP was republished as {@code mrp}; the work visa invitation still costs 730,000. */
    public static CatalogClient withMrp(String mrp) {
        BigDecimal value = new BigDecimal(mrp);
        return proxy((method, args) -> switch (method) {
            case "fees" -> new FeeSchedule((String) args[0], "99",
                    new Mrp(LocalDate.parse((String) args[1]).getYear(), value),
                    List.of(new FeeSchedule.VariantFee("STANDARD", "Invitation letter", new BigDecimal("730000.00"))),
                    null, null, new BigDecimal("0.5"), value.multiply(new BigDecimal("0.5")), null,
                    new FeeSchedule.ProcessingTime("WORKING_DAYS", 5, 5), List.of(), true, List.of(),
                    acceptLanguage((String) args[2]));
            case "mrp" -> new Mrp(LocalDate.parse((String) args[0]).getYear(), value);
            case "addWorkingDays" -> new AddedWorkingDays(LocalDate.parse((String) args[0]), (Integer) args[1],
                    LocalDate.parse((String) args[0]).plusDays((Integer) args[1]));
            default -> throw new UnsupportedOperationException(method);
        });
    }


    /** The stub has texts in English and Russian only, like the real catalog (no Kazakh). */
    private static String acceptLanguage(String header) {
        return header != null && header.trim().startsWith("en") ? "en" : "ru";
    }

    private interface Handler {
        Object call(String method, Object[] args);
    }

    private static CatalogClient proxy(Handler handler) {
        return (CatalogClient) Proxy.newProxyInstance(CatalogClient.class.getClassLoader(),
                new Class<?>[]{CatalogClient.class}, (p, method, args) -> switch (method.getName()) {
                    case "toString" -> "CatalogStub";
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> handler.call(method.getName(), args);
                });
    }
}
