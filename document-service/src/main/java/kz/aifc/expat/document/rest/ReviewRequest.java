package kz.aifc.expat.document.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kz.aifc.expat.document.service.ReviewService;

/** An officer's decision on one document; a rejection needs a reason the company sees. */
public record ReviewRequest(@NotNull ReviewService.Decision decision, @Size(max = 2000) String reason) {
}
