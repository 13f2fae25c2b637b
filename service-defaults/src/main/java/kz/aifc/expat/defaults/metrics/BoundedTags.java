package kz.aifc.expat.defaults.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps every metric's label values bounded (security #14.3): an id in a tag value (the object store client tags
 * each request with its object key, a request refused before routing is tagged with its raw path) would make one
 * series per company, application and document, and show those ids to whoever reads the metrics. Ids become
 * {@code {id}}, long numbers (BINs, IINs) {@code {n}}.
 */
@Singleton
public class BoundedTags {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![0-9A-Za-z.])[0-9]{6,}(?![0-9A-Za-z.])");

    @Produces
    @Singleton
    public MeterFilter noIdsInTags() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                List<Tag> tags = new ArrayList<>();
                boolean changed = false;
                for (Tag tag : id.getTagsAsIterable()) {
                    String bounded = bound(tag.getValue());
                    changed |= !bounded.equals(tag.getValue());
                    tags.add(Tag.of(tag.getKey(), bounded));
                }
                return changed ? id.replaceTags(tags) : id;
            }
        };
    }

    static String bound(String value) {
        String withoutIds = UUID.matcher(value).replaceAll("{id}");
        return LONG_NUMBER.matcher(withoutIds).replaceAll("{n}");
    }
}
