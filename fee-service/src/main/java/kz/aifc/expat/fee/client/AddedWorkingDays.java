package kz.aifc.expat.fee.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;

@JsonIgnoreProperties(ignoreUnknown = true)
public record AddedWorkingDays(LocalDate date, int days, LocalDate result) {
}
