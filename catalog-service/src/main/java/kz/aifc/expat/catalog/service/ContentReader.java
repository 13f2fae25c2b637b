package kz.aifc.expat.catalog.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import kz.aifc.expat.catalog.service.content.CatalogContent;
import kz.aifc.expat.catalog.service.content.ContentValidator;
import kz.aifc.expat.defaults.problem.Problem;
import kz.aifc.expat.defaults.problem.ProblemException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Reads catalogue JSON into {@link CatalogContent} and validates it completely (structure, constraints, references). */
@ApplicationScoped
public class ContentReader {

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    private ObjectReader reader() {
        return mapper.readerFor(CatalogContent.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** Parses stored (already validated) content. */
    public CatalogContent parseStored(String json) {
        try {
            return mapper.readerFor(CatalogContent.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored catalogue content is unreadable", e);
        }
    }

    public String write(CatalogContent content) {
        try {
            return mapper.writeValueAsString(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads and validates; any problem is a 422 listing every error found. */
    public CatalogContent readValid(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw invalid(List.of(new Problem.FieldError("content", "must be a JSON object")));
        }
        CatalogContent content;
        try {
            content = reader().readValue(json);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining());
            throw invalid(List.of(new Problem.FieldError("content" + path, e.getOriginalMessage())));
        } catch (IOException e) {
            throw invalid(List.of(new Problem.FieldError("content", "unreadable: " + e.getMessage())));
        }
        List<Problem.FieldError> errors = validate(content);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return content;
    }

    public List<Problem.FieldError> validate(CatalogContent content) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<CatalogContent> v : validator.validate(content)) {
            errors.add(new Problem.FieldError("content." + v.getPropertyPath(), v.getMessage()));
        }
        if (errors.isEmpty()) {
            ContentValidator.validate(content)
                    .forEach(e -> errors.add(new Problem.FieldError("content." + e.field(), e.message())));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return errors;
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(422, "catalog-invalid", "The catalogue is invalid",
                errors.size() + " problem(s) found; nothing was published", errors);
    }
}
